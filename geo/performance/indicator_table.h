#pragma once
// The tables a bureau already keeps on its enterprises (tax, energy use, value added, sales,
// emissions, R&D spending, employees, land), joined to the enterprises layer: by 统一社会信用代码
// (unified social credit code) where both have one, else by exact name, else by normalised
// name; with a report of each row: how it matched, or why not (no such enterprise, several
// enterprises of that code or name, an enterprise another row already took).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "geo/core/text_list.h"

namespace geo {

struct IndicatorTable {
    std::filesystem::path file;
    TextList code, name;  // "" where the table has none (one buffer each: a table of millions of rows)
    // Per row; NaN where empty. Money in 万元, energy in tonnes of standard coal, land in m².
    std::vector<double> tax, value_added, sales, energy, emissions, rd, employees, land_m2;
    std::vector<size_t> line;  // the row's line in the file
    size_t size() const { return line.size(); }
};

// Columns by Chinese or English name (统一社会信用代码/credit_code, 企业名称/name, 税收/tax,
// 工业增加值/增加值/value_added, 营业收入/销售收入/sales, 综合能耗/energy, 排放当量/排放量/emissions,
// 研发经费/rd, 从业人员/employees, 用地面积/land_m2 or 用地面积(亩)/land_mu). Needs a code or a
// name column. Throws geo::Error naming the file, line and column.
IndicatorTable read_indicator_table(const std::filesystem::path& file);

// A company name as registers spell it differently: full-width letters, digits and brackets as
// ASCII, no spaces or brackets, ASCII lower case, 有限责任公司 as 有限公司.
std::string normalised_company_name(std::string_view name);

enum class MatchKind { Code, Name, NormalisedName, NotFound, Ambiguous, Taken };
std::string_view to_string(MatchKind k);  // "code", "name", "normalised name", "no enterprise", "several enterprises", "already matched"

struct IndicatorMatch {
    std::vector<int64_t> row_of;     // per enterprise: its table row, -1 none
    std::vector<MatchKind> how;      // per table row
    // Per table row: the enterprise it matched, or (Taken) the one another row took first;
    // -1 otherwise. For Ambiguous rows, how many enterprises hold the key.
    std::vector<int64_t> enterprise;
    std::vector<uint32_t> holders;
    std::vector<MatchKind> key;  // per table row: the key an Ambiguous row was found by (code, name, normalised name)
    size_t count(MatchKind k) const;
    // Which enterprise a row matched, or why none, in words ("2 enterprises have this name",
    // "'X' is matched by line 3 already"); made when asked, not kept for ten million rows.
    std::string detail(size_t row, const IndicatorTable& table, const TextList& names) const;
};

// `codes` may be empty (the layer has no credit code); `names` per enterprise.
IndicatorMatch match_indicator_rows(const IndicatorTable& table, const TextList& codes, const TextList& names);

}  // namespace geo
