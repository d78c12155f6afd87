#include "geo/cluster/location_quotient.h"

#include <algorithm>
#include <map>

#include "geo/core/error.h"

namespace geo {

std::vector<LqRow> location_quotients(const std::vector<int32_t>& park_of, size_t parks, const Column& category,
                                      const Column* employees, const LqOptions& o, const std::vector<int32_t>* region_of,
                                      const std::vector<int32_t>* park_region)
{
    const size_t n = park_of.size();
    if (category.size() != n || (employees && employees->size() != n) || (region_of && region_of->size() != n))
        throw Error("location quotients: the enterprise columns differ in length");
    if (o.measure == LqMeasure::Employment && !employees)
        throw Error("location quotients by employment need an employees field (bind the meaning employees)");
    if ((region_of == nullptr) != (park_region == nullptr) || (park_region && park_region->size() != parks))
        throw Error("location quotients: a regional reference needs the region of every enterprise and park");

    // Sums per park and per reference (reference -1: the whole study area).
    std::vector<std::map<std::string, double>> park_cat(parks);
    std::vector<double> park_total(parks, 0.0);
    std::map<int32_t, std::map<std::string, double>> ref_cat;
    std::map<int32_t, double> ref_total;
    for (size_t i = 0; i < n; ++i) {
        if (category.is_null(i)) continue;
        const std::string c = category.text(i);
        if (c.empty()) continue;
        const double v = o.measure == LqMeasure::Count ? 1.0 : employees->number(i).value_or(0.0);
        const int32_t ref = region_of ? (*region_of)[i] : -1;
        if (!region_of || ref >= 0) {
            ref_cat[ref][c] += v;
            ref_total[ref] += v;
        }
        const int32_t p = park_of[i];
        if (p < 0) continue;
        park_cat[static_cast<size_t>(p)][c] += v;
        park_total[static_cast<size_t>(p)] += v;
    }
    std::vector<LqRow> rows;
    for (size_t p = 0; p < parks; ++p) {
        const int32_t ref = park_region ? (*park_region)[p] : -1;
        std::vector<LqRow> park_rows;
        for (const auto& [c, v] : park_cat[p]) {
            LqRow r;
            r.park = p;
            r.category = c;
            r.park_value = v;
            r.park_total = park_total[p];
            r.ref_value = ref_cat[ref][c];
            r.ref_total = ref_total[ref];
            r.share = r.park_total > 0 ? v / r.park_total : 0;
            r.lq = r.ref_value > 0 && r.ref_total > 0 ? r.share / (r.ref_value / r.ref_total) : 0;
            r.characteristic = r.lq >= o.min_lq && r.share >= o.min_share;
            park_rows.push_back(r);
        }
        std::stable_sort(park_rows.begin(), park_rows.end(), [](const LqRow& a, const LqRow& b) { return a.park_value > b.park_value; });
        std::vector<LqRow*> chars;
        for (LqRow& r : park_rows)
            if (r.characteristic) chars.push_back(&r);
        std::stable_sort(chars.begin(), chars.end(), [](const LqRow* a, const LqRow* b) {
            return a->lq != b->lq ? a->lq > b->lq : a->share > b->share;
        });
        for (size_t k = 0; k < chars.size(); ++k) chars[k]->rank = static_cast<int>(k + 1);
        rows.insert(rows.end(), park_rows.begin(), park_rows.end());
    }
    return rows;
}

}  // namespace geo
