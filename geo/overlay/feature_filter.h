#pragma once
// Selecting features by an attribute expression, in the syntax QGIS users type:
//   "产业集群" = '化工' AND "从业人员" >= 100
//   tier IN ('高新技术企业', '上市企业') OR name LIKE '%精密%'
//   NOT ("工业产值" IS NULL) AND ("税收" / "从业人员") > 2
// Fields are "double-quoted" or bare names (Chinese included); text is 'single-quoted'
// ('' for a quote); numbers are decimal. Operators: = != <> < <= > >=, + - * /, AND OR NOT,
// IN (...), LIKE / ILIKE with % and _, IS [NOT] NULL, parentheses. Comparisons with a null
// are false (as in SQL), so a null never matches. Parsed once, then evaluated per row.
// A mistake throws geo::Error naming the position and what was expected or unknown
// ("at 12: no field named '从业人数' in layer 'enterprises' (did you mean '从业人员'?)").
#include <memory>
#include <string>
#include <vector>

#include "geo/core/layer.h"

namespace geo {

class FeatureFilter {
public:
    // Parses `expression` against `layer`'s fields (named in messages as `layer_name`).
    FeatureFilter(const std::string& expression, const Layer& layer, const std::string& layer_name);
    ~FeatureFilter();
    FeatureFilter(FeatureFilter&&) noexcept;
    FeatureFilter& operator=(FeatureFilter&&) noexcept;

    bool matches(size_t row) const;
    // Every row that matches, in order.
    std::vector<uint32_t> select() const;

    struct Node;

private:
    const Layer* m_layer;
    std::unique_ptr<Node> m_root;
};

}  // namespace geo
