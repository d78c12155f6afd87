#include "geo/report/placement_outputs.h"

#include <cstdio>
#include <map>

namespace geo {

namespace {

// The pair of applicant a on its site.
uint64_t pair_of(const PlacementInput& in, size_t a, int64_t site)
{
    for (uint64_t k = in.problem.offset[a]; k < in.problem.offset[a + 1]; ++k)
        if (static_cast<int64_t>(in.problem.site[k]) == site) return k;
    return UINT64_MAX;
}

}  // namespace

CsvTable placements_table(const PlacementInput& in, const PlacementResult& r)
{
    CsvTable t;
    t.header = {"applicant", "cluster", "tier", "jobs", "site", "park", "floor_m2", "score", "agglomeration", "cluster_fit", "coverage", "tier_priority", "preferred_park", "suitability", "land"};
    for (size_t a = 0; a < in.applicants.size(); ++a) {
        if (r.site_of[a] < 0) continue;
        const uint64_t k = pair_of(in, a, r.site_of[a]);
        const auto s = static_cast<size_t>(r.site_of[a]);
        const Applicant& ap = in.applicants[a];
        std::vector<std::string> row = {ap.name, ap.cluster, ap.tier, number_text(ap.jobs), in.site_name[s], in.site_park[s],
                                        number_text(in.problem.floor[k]), number_text(in.problem.score[k])};
        for (double v : score_parts(in, a, s)) row.push_back(number_text(v, 4));
        row.emplace_back(land_kind(in, s));
        t.rows.push_back(std::move(row));
    }
    return t;
}

CsvTable unplaced_table(const PlacementInput& in, const PlacementResult& r)
{
    CsvTable t;
    t.header = {"applicant", "cluster", "tier", "jobs", "need_m2", "reason"};
    for (size_t a = 0; a < in.applicants.size(); ++a) {
        if (r.site_of[a] >= 0) continue;
        const Applicant& ap = in.applicants[a];
        t.rows.push_back({ap.name, ap.cluster, ap.tier, number_text(ap.jobs), number_text(ap.floor_m2 > 0 ? ap.floor_m2 : ap.land_m2),
                          unplaced_reason(in, r.site_of, a)});
    }
    return t;
}

Layer placements_layer(const PlacementInput& in, const PlacementResult& r)
{
    Layer l;
    l.name = "placements";
    l.geometry = GeometryColumn(GeomKind::Point);
    for (const auto& [name, type] : {std::pair{"applicant", FieldType::String}, {"cluster", FieldType::String}, {"tier", FieldType::String},
                                     {"jobs", FieldType::Real}, {"site", FieldType::String}, {"park", FieldType::String}, {"score", FieldType::Real},
                                     {"land", FieldType::String}})
        l.columns.emplace_back(name, type);
    for (size_t a = 0; a < in.applicants.size(); ++a) {
        if (r.site_of[a] < 0) continue;
        const auto s = static_cast<size_t>(r.site_of[a]);
        const Applicant& ap = in.applicants[a];
        l.geometry.add_point(in.site_xy[s]);
        l.fids.push_back(static_cast<int64_t>(a + 1));
        l.columns[0].push_string(ap.name);
        l.columns[1].push_string(ap.cluster);
        ap.tier.empty() ? l.columns[2].push_null() : l.columns[2].push_string(ap.tier);
        l.columns[3].push_real(ap.jobs);
        l.columns[4].push_string(in.site_name[s]);
        in.site_park[s].empty() ? l.columns[5].push_null() : l.columns[5].push_string(in.site_park[s]);
        l.columns[6].push_real(in.problem.score[pair_of(in, a, r.site_of[a])]);
        l.columns[7].push_string(std::string(land_kind(in, s)));
    }
    return l;
}

std::vector<std::string> placement_summary(const PlacementInput& in, const PlacementResult& r)
{
    std::vector<std::string> out;
    char buf[400];
    size_t placed = 0;
    double jobs = 0;
    for (size_t a = 0; a < in.applicants.size(); ++a)
        if (r.site_of[a] >= 0) {
            ++placed;
            jobs += in.applicants[a].jobs;
        }
    const auto freed = static_cast<size_t>(std::count_if(in.freed_plot.begin(), in.freed_plot.end(), [](int64_t i) { return i >= 0; }));
    std::snprintf(buf, sizeof buf, "%zu applicants, %zu vacant sites (%zu multi-tenant)%s, %zu feasible pairs; factors bounding the parks: %zu",
                  in.applicants.size(), in.problem.sites - freed,
                  static_cast<size_t>(std::count(in.problem.multi_tenant.begin(), in.problem.multi_tenant.end(), 1)),
                  freed ? (" and " + std::to_string(freed) + " under-used plots to free").c_str() : "", in.problem.site.size(), in.factors.size());
    out.push_back(buf);
    std::snprintf(buf, sizeof buf, "placed %zu (%.0f jobs), %zu left unplaced; total score %.4f, bound %.4f, gap %.3f%%; %s", placed, jobs,
                  in.applicants.size() - placed, r.value, r.bound, 100 * r.gap, r.status.c_str());
    out.push_back(buf);
    out.push_back("method: " + r.method);
    if (const size_t on_plots = placed_on_plots_to_free(in, r.site_of)) out.push_back("  placed on plots to free: " + std::to_string(on_plots));
    std::map<std::string, size_t> reasons;
    for (size_t a = 0; a < in.applicants.size(); ++a)
        if (r.site_of[a] < 0) {
            std::string why = unplaced_reason(in, r.site_of, a);
            if (why.rfind("no vacant site is large enough", 0) == 0) why = "no vacant site is large enough";
            ++reasons[why];
        }
    for (const auto& [why, n] : reasons) out.push_back("  unplaced, " + why + ": " + std::to_string(n));
    return out;
}

}  // namespace geo
