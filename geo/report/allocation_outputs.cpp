#include "geo/report/allocation_outputs.h"

#include <algorithm>

#include <cmath>
#include <cstdio>

#include "geo/report/text_format.h"

namespace geo {

namespace {

struct SiteStats {
    std::vector<int64_t> rank;  // per candidate, 0 when not chosen
    std::vector<size_t> points;
    std::vector<double> weight, cost_sum, cost_max;
    std::vector<double> assigned;  // the weight of the demand points each site serves most of (for the mean cost)
};

SiteStats site_stats(const AllocationInput& in, const AllocationResult& r)
{
    const size_t m = in.candidate_id.size();
    SiteStats s{std::vector<int64_t>(m, 0), std::vector<size_t>(m, 0), std::vector<double>(m, 0), std::vector<double>(m, 0), std::vector<double>(m, 0),
                std::vector<double>(m, 0)};
    for (size_t k = 0; k < r.chosen.size(); ++k) s.rank[r.chosen[k]] = static_cast<int64_t>(k + 1);
    for (size_t i = 0; i < r.assigned.size(); ++i) {
        if (r.assigned[i] < 0) continue;
        const auto j = static_cast<size_t>(r.assigned[i]);
        ++s.points[j];
        s.weight[j] += in.weight(i);
        s.cost_sum[j] += in.weight(i) * r.cost[i];
        s.assigned[j] += in.weight(i);
        s.cost_max[j] = std::max(s.cost_max[j], r.cost[i]);
    }
    if (!r.site_served.empty()) s.weight = r.site_served;  // split demand: what each site serves
    return s;
}

Layer point_layer(const char* name, std::initializer_list<std::pair<const char*, FieldType>> fields)
{
    Layer l;
    l.name = name;
    l.geometry = GeometryColumn(GeomKind::Point);
    for (const auto& [f, t] : fields) l.columns.emplace_back(f, t);
    return l;
}

void real_or_null(Column& c, double v) { std::isfinite(v) ? c.push_real(v) : c.push_null(); }

std::string objective_words(const AllocationResult& r, double value)
{
    switch (r.objective) {
    case AllocationObjective::MaxCoverage:
    case AllocationObjective::MaxCapacitatedCoverage:
        return printf_text("covered weight %.6g of %.6g (%.1f%%)", value, r.total_weight, r.total_weight > 0 ? 100 * value / r.total_weight : 0.0);
    case AllocationObjective::MinImpedance: return printf_text("weighted cost %.6g (%.1f per unit of weight)", value, r.total_weight > 0 ? value / r.total_weight : 0.0);
    case AllocationObjective::MinFacilities: return printf_text("%.0f new sites", value);
    case AllocationObjective::MinMaxDistance: return printf_text("largest distance %.1f", value);
    }
    return "";
}

// A candidate's score on the suitability raster; NaN without one (or for an existing facility).
double suitability_of(const AllocationInput& in, size_t j)
{
    return j < in.candidate_suitability.size() ? in.candidate_suitability[j] : std::nan("");
}

}  // namespace

Layer chosen_sites_layer(const AllocationInput& in, const AllocationResult& r)
{
    Layer l = point_layer("chosen_sites", {{"rank", FieldType::Integer},
                                           {"site", FieldType::String},
                                           {"kind", FieldType::String},
                                           {"demand_points", FieldType::Integer},
                                           {"weight_served", FieldType::Real},
                                           {"mean_cost", FieldType::Real},
                                           {"max_cost", FieldType::Real},
                                           {"suitability", FieldType::Real}});
    if (in.candidate_xy.empty()) return l;
    const SiteStats s = site_stats(in, r);
    for (size_t k = 0; k < r.chosen.size(); ++k) {
        const uint32_t j = r.chosen[k];
        l.geometry.add_point(in.candidate_xy[j]);
        l.fids.push_back(static_cast<int64_t>(k + 1));
        l.columns[0].push_integer(static_cast<int64_t>(k + 1));
        l.columns[1].push_string(in.candidate_id[j]);
        l.columns[2].push_string(in.candidate_kind[j]);
        l.columns[3].push_integer(static_cast<int64_t>(s.points[j]));
        l.columns[4].push_real(s.weight[j]);
        real_or_null(l.columns[5], s.assigned[j] > 0 ? s.cost_sum[j] / s.assigned[j] : std::nan(""));
        real_or_null(l.columns[6], s.points[j] ? s.cost_max[j] : std::nan(""));
        real_or_null(l.columns[7], suitability_of(in, j));
    }
    return l;
}

Layer candidates_layer(const AllocationInput& in, const AllocationResult& r)
{
    Layer l = point_layer("candidates", {{"site", FieldType::String},
                                         {"kind", FieldType::String},
                                         {"required", FieldType::Integer},
                                         {"chosen", FieldType::Integer},
                                         {"rank", FieldType::Integer},
                                         {"suitability", FieldType::Real}});
    if (in.candidate_xy.empty()) return l;
    const SiteStats s = site_stats(in, r);
    for (size_t j = 0; j < in.candidate_xy.size(); ++j) {
        l.geometry.add_point(in.candidate_xy[j]);
        l.fids.push_back(static_cast<int64_t>(j + 1));
        l.columns[0].push_string(in.candidate_id[j]);
        l.columns[1].push_string(in.candidate_kind[j]);
        l.columns[2].push_integer(in.problem.required[j]);
        l.columns[3].push_integer(s.rank[j] > 0);
        s.rank[j] > 0 ? l.columns[4].push_integer(s.rank[j]) : l.columns[4].push_null();
        real_or_null(l.columns[5], suitability_of(in, j));
    }
    return l;
}

Layer demand_allocation_layer(const AllocationInput& in, const AllocationResult& r, size_t begin, size_t end)
{
    Layer l = point_layer("demand_allocation", {{"demand", FieldType::String},
                                                {"enterprise_fid", FieldType::Integer},
                                                {"weight", FieldType::Real},
                                                {"site", FieldType::String},
                                                {"cost", FieldType::Real},
                                                {"served", FieldType::Integer}});
    end = std::min(end, in.demand_xy.size());
    for (size_t i = begin; i < end; ++i) {
        l.geometry.add_point(in.demand_xy[i]);
        l.fids.push_back(static_cast<int64_t>(i + 1));
        l.columns[0].push_string(in.demand_id[i]);
        in.demand_fid[i] >= 0 ? l.columns[1].push_integer(in.demand_fid[i]) : l.columns[1].push_null();
        l.columns[2].push_real(in.weight(i));
        r.assigned[i] >= 0 ? l.columns[3].push_string(in.candidate_id[static_cast<size_t>(r.assigned[i])]) : l.columns[3].push_null();
        real_or_null(l.columns[4], r.cost[i]);
        l.columns[5].push_integer(r.assigned[i] >= 0);
    }
    return l;
}

Layer allocation_lines_layer(const AllocationInput& in, const AllocationResult& r)
{
    Layer l;
    l.name = "allocation_lines";
    l.geometry = GeometryColumn(GeomKind::Line);
    l.columns.emplace_back("demand", FieldType::String);
    l.columns.emplace_back("site", FieldType::String);
    l.columns.emplace_back("cost", FieldType::Real);
    if (in.demand_xy.empty()) return l;
    for (size_t i = 0; i < in.demand_xy.size(); ++i) {
        if (r.assigned[i] < 0) continue;
        const auto j = static_cast<size_t>(r.assigned[i]);
        const Coord line[] = {in.demand_xy[i], in.candidate_xy[j]};
        l.geometry.begin_feature(false);
        l.geometry.begin_part();
        l.geometry.add_ring(line);
        l.geometry.end_feature();
        l.fids.push_back(static_cast<int64_t>(l.fids.size() + 1));
        l.columns[0].push_string(in.demand_id[i]);
        l.columns[1].push_string(in.candidate_id[j]);
        l.columns[2].push_real(r.cost[i]);
    }
    return l;
}

CsvTable chosen_sites_table(const AllocationInput& in, const AllocationResult& r)
{
    CsvTable t;
    t.header = {"rank", "site", "kind", "x", "y", "demand_points", "weight_served", "mean_cost", "max_cost", "suitability"};
    const SiteStats s = site_stats(in, r);
    for (size_t k = 0; k < r.chosen.size(); ++k) {
        const uint32_t j = r.chosen[k];
        const bool placed = j < in.candidate_xy.size();
        t.rows.push_back({std::to_string(k + 1), in.candidate_id[j], in.candidate_kind[j], placed ? number_text(in.candidate_xy[j].x, 10) : "",
                          placed ? number_text(in.candidate_xy[j].y, 10) : "", std::to_string(s.points[j]), number_text(s.weight[j]),
                          s.assigned[j] > 0 ? number_text(s.cost_sum[j] / s.assigned[j]) : "", s.points[j] ? number_text(s.cost_max[j]) : "",
                          std::isnan(suitability_of(in, j)) ? "" : number_text(suitability_of(in, j))});
    }
    return t;
}

void write_demand_allocation_csv(const AllocationInput& in, const AllocationResult& r, const std::filesystem::path& path, bool overwrite)
{
    write_csv_rows({"demand", "weight", "site", "cost", "served"}, in.demand_id.size(),
                   [&](size_t i) {
                       return std::vector<std::string>{std::string(in.demand_id[i]), number_text(in.weight(i)),
                                                       r.assigned[i] >= 0 ? in.candidate_id[static_cast<size_t>(r.assigned[i])] : "",
                                                       std::isfinite(r.cost[i]) ? number_text(r.cost[i]) : "", r.assigned[i] >= 0 ? "1" : "0"};
                   },
                   path, overwrite);
}

CsvTable gain_curve_table(const AllocationResult& r)
{
    CsvTable t;
    t.header = {"new_sites", "objective", "change"};  // row 0: the required sites alone
    if (r.objective != AllocationObjective::MinMaxDistance) t.rows.push_back({"0", number_text(r.base_value, 10), ""});
    double before = r.base_value;
    for (size_t k = 0; k < r.gain_curve.size(); ++k) {
        t.rows.push_back({std::to_string(k + 1), number_text(r.gain_curve[k], 10), number_text(r.gain_curve[k] - before, 10)});
        before = r.gain_curve[k];
    }
    return t;
}

std::map<std::string, std::string> allocation_metadata(const AllocationInput& in, const AllocationSettings& s, const AllocationResult& r)
{
    std::map<std::string, std::string> m;
    m["PARKCAP_ALLOCATION_PROBLEM"] = std::string(to_string(s.problem));
    if (s.problem != AllocationObjective::MinFacilities) m["PARKCAP_ALLOCATION_P"] = std::to_string(s.p);
    if (s.problem == AllocationObjective::MaxCoverage || s.problem == AllocationObjective::MinFacilities ||
        s.problem == AllocationObjective::MaxCapacitatedCoverage)
        m["PARKCAP_ALLOCATION_RADIUS_M"] = number_text(s.radius_m);
    if (s.problem == AllocationObjective::MaxCapacitatedCoverage)
        m["PARKCAP_ALLOCATION_CAPACITY"] = number_text(s.capacity) + (s.capacity_factor.empty() ? "" : " " + s.capacity_factor);
    if (s.problem == AllocationObjective::MinImpedance && s.cutoff_m > 0) m["PARKCAP_ALLOCATION_CUTOFF_M"] = number_text(s.cutoff_m);
    if (s.problem == AllocationObjective::MinFacilities) m["PARKCAP_ALLOCATION_TARGET_SHARE"] = number_text(s.target_share);
    std::string demand = std::to_string(in.demand_id.size()) + " points weighted by " + s.weight;
    for (const auto& [k, v] : {std::pair{"cluster", s.cluster}, {"tier", s.tier}, {"park", s.park}})
        if (!v.empty()) demand += ", " + std::string(k) + " " + v;
    m["PARKCAP_ALLOCATION_DEMAND"] = demand;
    m["PARKCAP_ALLOCATION_CANDIDATES"] = in.candidate_source;
    m["PARKCAP_ALLOCATION_DISTANCE"] = in.distance;
    m["PARKCAP_ALLOCATION_METHOD"] = r.method;
    m["PARKCAP_ALLOCATION_STATUS"] = r.status;
    m["PARKCAP_ALLOCATION_OBJECTIVE"] = number_text(r.value, 12);
    m["PARKCAP_ALLOCATION_BOUND"] = number_text(r.bound, 12);
    m["PARKCAP_ALLOCATION_GAP"] = number_text(r.gap, 6);
    return m;
}

std::vector<std::string> allocation_summary(const AllocationInput& in, const AllocationSettings& s, const AllocationResult& r)
{
    std::vector<std::string> out;
    out.push_back(printf_text("%s: %zu demand points (total weight %.6g), %zu candidates (%zu required), distances %s", std::string(to_string(s.problem)).c_str(),
                         in.demand_id.size(), r.total_weight, in.candidate_id.size(),
                         static_cast<size_t>(std::count(in.problem.required.begin(), in.problem.required.end(), uint8_t{1})), in.distance.c_str()));
    out.push_back("candidates: " + in.candidate_source);
    out.push_back(printf_text("answer: %s; %s", objective_words(r, r.value).c_str(), r.status.c_str()));
    out.push_back(printf_text("bound:  %s (%s); gap %.4f%%", objective_words(r, r.bound).c_str(),
                         "no choice of sites does better", 100 * r.gap));
    if (r.objective == AllocationObjective::MaxCoverage || r.objective == AllocationObjective::MinImpedance ||
        r.objective == AllocationObjective::MaxCapacitatedCoverage)
        out.push_back("the required sites alone: " + objective_words(r, r.base_value));
    out.push_back("method: " + r.method);
    if (!r.unreachable.empty())
        out.push_back(printf_text(r.objective == AllocationObjective::MinImpedance ? "%zu demand points no candidate reaches within the cutoff (unallocated, counted at it)"
                                                                               : "%zu demand points no candidate reaches (left out)",
                             r.unreachable.size()));
    const SiteStats st = site_stats(in, r);
    for (size_t k = 0; k < r.chosen.size() && k < 20; ++k) {
        const uint32_t j = r.chosen[k];
        out.push_back(printf_text("  %2zu. %-24s serves %zu points, weight %.6g", k + 1, in.candidate_id[j].c_str(), st.points[j], st.weight[j]));
    }
    if (r.chosen.size() > 20) out.push_back(printf_text("  ... and %zu more (see the chosen sites table)", r.chosen.size() - 20));
    return out;
}

void write_allocation_layers(const AllocationInput& in, const AllocationResult& r, bool lines, const Crs& crs, const std::filesystem::path& path,
                             const WriteOptions& options)
{
    LayerFileWriter writer(path, crs, options);
    writer.write("chosen_sites", chosen_sites_layer(in, r));
    writer.write("candidates", candidates_layer(in, r));
    writer.write_chunked("demand_allocation", in.demand_xy.size(), false,
                         [&](size_t begin, size_t end) { return demand_allocation_layer(in, r, begin, end); });
    if (lines) writer.write("allocation_lines", allocation_lines_layer(in, r));
    writer.commit();
}

}  // namespace geo
