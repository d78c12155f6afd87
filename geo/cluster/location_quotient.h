#pragma once
// Location quotients of each park for each category (cluster or industry code), by
// employment or by count, against a reference: the whole study area, or for each park the
// region (e.g. district) that contains it.
//   LQ = (park's value in the category / park's total) / (reference's value / reference's total)
// A characteristic cluster of a park has LQ ≥ min_lq and at least min_share of the park's
// total; they are ranked by LQ, then by share.
#include <string>
#include <vector>

#include "geo/core/column.h"

namespace geo {

enum class LqMeasure { Employment, Count };

struct LqOptions {
    LqMeasure measure = LqMeasure::Employment;
    double min_lq = 1.25;
    double min_share = 0.05;
};

struct LqRow {
    size_t park = 0;
    std::string category;
    double park_value = 0, park_total = 0;  // employees (or enterprises) in the park
    double ref_value = 0, ref_total = 0;    // the same in the park's reference
    double share = 0;                       // park_value / park_total
    double lq = 0;                          // 0 when the reference has none of the category
    bool characteristic = false;
    int rank = 0;                           // 1, 2, ... among the park's characteristic clusters; 0 otherwise
};

// `park_of` gives each enterprise's park (-1 outside), `category` its category (null and
// empty values are left out), `employees` its employment (required for Employment; nulls
// count 0). `region_of` (optional, per enterprise) and `park_region` (per park) select a
// regional reference; without them the reference is every enterprise. Rows come per park,
// categories in descending order of the park's value. Throws geo::Error for inconsistent
// sizes or a missing employees column with Employment.
std::vector<LqRow> location_quotients(const std::vector<int32_t>& park_of, size_t parks, const Column& category,
                                      const Column* employees, const LqOptions& options,
                                      const std::vector<int32_t>* region_of = nullptr,
                                      const std::vector<int32_t>* park_region = nullptr);

}  // namespace geo
