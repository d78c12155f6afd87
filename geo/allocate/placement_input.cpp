#include "geo/allocate/placement_input.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <span>

#include "geo/core/error.h"
#include "geo/core/triangulate.h"
#include "geo/coverage/service_radii.h"
#include "geo/io/csv_text.h"
#include "geo/io/raster_sample.h"

namespace geo {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kAgglomerationRadius = 1000;  // metres around a site

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::string file;
    size_t column(const char* name, bool required) const
    {
        const auto it = std::find(header.begin(), header.end(), name);
        if (it == header.end()) {
            if (required) throw Error(std::string("no column '") + name + "' in the header", {.file = file, .key = "line 1"});
            return SIZE_MAX;
        }
        return static_cast<size_t>(it - header.begin());
    }
};

Table read_table(const std::filesystem::path& path)
{
    auto rows = read_csv_file(path);
    if (rows.empty()) throw Error("the table is empty", {.file = path.string()});
    Table t{rows[0], {}, path.string()};
    for (size_t r = 1; r < rows.size(); ++r)
        if (!(rows[r].size() == 1 && rows[r][0].empty())) t.rows.push_back(rows[r]);
    return t;
}

double number_at(const std::string& text, const std::string& file, size_t line, const char* what)
{
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(v)) throw Error(std::string(what) + ": '" + text + "' is not a number", {.file = file, .key = "line " + std::to_string(line)});
    if (v < 0) throw Error(std::string(what) + ": must not be negative (" + text + ")", {.file = file, .key = "line " + std::to_string(line)});
    return v;
}

double rate_of(const CapacityTables& tables, const std::string& factor, const std::string& cluster, bool& per_job)
{
    const DemandRate* any = nullptr;
    for (const DemandRate& r : tables.rates) {
        if (r.factor != factor) continue;
        if (r.cluster == cluster) {
            per_job = r.per_job;
            return r.rate;
        }
        if (r.cluster == "*") any = &r;
    }
    if (!any) return 0;
    per_job = any->per_job;
    return any->rate;
}

}  // namespace

std::vector<Applicant> read_applicants(const std::string& path)
{
    const Table t = read_table(path);
    const size_t name = t.column("name", true), cluster = t.column("cluster", true), jobs = t.column("jobs", true);
    const size_t tier = t.column("tier", false), park = t.column("park", false);
    const size_t floor = t.column("floor_m2", false), land = t.column("land_m2", false);
    if (floor == SIZE_MAX && land == SIZE_MAX) throw Error("the applicants need a floor_m2 or a land_m2 column (the space each needs)", {.file = path, .key = "line 1"});
    std::vector<Applicant> out;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        const size_t line = r + 2;
        auto cell = [&](size_t c) { return c < row.size() ? row[c] : std::string(); };
        Applicant a;
        a.name = cell(name);
        a.cluster = cell(cluster);
        a.tier = tier == SIZE_MAX ? "" : cell(tier);
        a.park = park == SIZE_MAX ? "" : cell(park);
        if (a.name.empty()) throw Error("an applicant without a name", {.file = path, .key = "line " + std::to_string(line)});
        a.jobs = number_at(cell(jobs), path, line, "jobs");
        if (floor != SIZE_MAX && !cell(floor).empty()) a.floor_m2 = number_at(cell(floor), path, line, "floor_m2");
        if (land != SIZE_MAX && !cell(land).empty()) a.land_m2 = number_at(cell(land), path, line, "land_m2");
        if (!(a.floor_m2 > 0) && !(a.land_m2 > 0))
            throw Error("applicant '" + a.name + "' needs a floor_m2 or land_m2 above 0", {.file = path, .key = "line " + std::to_string(line)});
        out.push_back(std::move(a));
    }
    if (out.empty()) throw Error("no applicants in the table", {.file = path});
    return out;
}

PlacementInput placement_input(const CapacityRun& run, const CapacityTables& tables, std::vector<Applicant> applicants,
                               const std::filesystem::path& standards, const PlacementChoices& choices)
{
    PlacementInput in;
    in.applicants = std::move(applicants);
    const CapacityInput& ci = run.input;
    const CapacityResult& cr = run.result;
    // Weights and tier priorities.
    std::map<std::string, double> weight = {{"agglomeration", 0.35}, {"cluster_fit", 0.25}, {"coverage", 0.2}, {"tier", 0.15}, {"preference", 0.05}, {"suitability", 0.2}};
    {
        const Table w = read_table(standards / "placement_weights.csv");
        const size_t c = w.column("component", true), v = w.column("weight", true);
        for (size_t r = 0; r < w.rows.size(); ++r) {
            const std::string component = c < w.rows[r].size() ? w.rows[r][c] : "";
            if (!weight.count(component))
                throw Error("unknown component '" + component + "' (agglomeration, cluster_fit, coverage, tier, preference, suitability)", {.file = w.file, .key = "line " + std::to_string(r + 2)});
            weight[component] = number_at(v < w.rows[r].size() ? w.rows[r][v] : "", w.file, r + 2, "weight");
        }
    }
    std::map<std::string, double> priority;
    {
        const Table t = read_table(standards / "tier_priority.csv");
        const size_t c = t.column("tier", true), v = t.column("priority", true);
        for (size_t r = 0; r < t.rows.size(); ++r)
            priority[c < t.rows[r].size() ? t.rows[r][c] : ""] = number_at(v < t.rows[r].size() ? t.rows[r][v] : "", t.file, r + 2, "priority");
    }
    auto tier_priority = [&](const std::string& tier) {
        const auto it = priority.find(tier.empty() ? "(no tier)" : tier);
        if (it != priority.end()) return it->second;
        const auto none = priority.find("(no tier)");
        return none != priority.end() ? none->second : 0.0;
    };

    // Vacant sites (and standard factories: multi-tenant, their building's floor area).
    const auto vacant = tables.list("vacant_site_statuses");
    const std::vector<int32_t> site_park = sites_in_parks(ci);
    std::map<size_t, double> factory_floor;
    for (const auto& f : ci.factories) factory_floor[f.site] += f.floor_m2;
    for (size_t k = 0; k < ci.site_name.size(); ++k) {
        const bool is_vacant = std::find(vacant.begin(), vacant.end(), ci.site_status[k]) != vacant.end();
        const bool factory = factory_floor.count(k) > 0;
        if (!is_vacant && !factory) continue;
        const int32_t p = site_park[k];
        double far = ci.site_far[k];
        if (std::isnan(far) && p >= 0) far = cr.parks[static_cast<size_t>(p)].permitted_far;
        const double floor = factory ? factory_floor[k] : ci.site_area[k] * (std::isnan(far) ? 0.0 : far);
        if (!(floor > 0)) continue;
        in.site_row.push_back(k);
        in.freed_plot.push_back(-1);
        in.site_name.push_back(ci.site_name[k]);
        in.site_park.push_back(p >= 0 ? ci.park_name[static_cast<size_t>(p)] : "");
        in.site_xy.push_back(label_point(ci.sites, k));
        in.problem.site_floor.push_back(floor);
        in.problem.multi_tenant.push_back(factory);
        in.problem.park_of_site.push_back(p);
    }
    if (choices.free_underused) {
        // The under-used plots inside parks, as land to free: the plot's land at its park's permitted FAR.
        const std::vector<int32_t> firm_park = enterprises_in_parks(ci);
        size_t freed = 0, no_far = 0;
        for (size_t i = 0; i < cr.plots.size(); ++i) {
            const int32_t p = firm_park[i];
            if (!cr.plots[i].underused || p < 0 || !(ci.firms->land_area[i] > 0)) continue;
            const double far = cr.parks[static_cast<size_t>(p)].permitted_far;
            if (!(far > 0)) {
                ++no_far;
                continue;
            }
            ++freed;
            in.site_row.push_back(SIZE_MAX);
            in.freed_plot.push_back(static_cast<int64_t>(i));
            const std::string name(ci.firms->name[i]);
            in.site_name.push_back("plot of " + (name.empty() ? "an enterprise" : name) + " (" + ci.enterprise_layer + " fid " + std::to_string(ci.firms->fid[i]) +
                                   ", to free)");
            in.site_park.push_back(ci.park_name[static_cast<size_t>(p)]);
            in.site_xy.push_back(ci.firms->xy[i]);
            in.problem.site_floor.push_back(ci.firms->land_area[i] * far);
            in.problem.multi_tenant.push_back(0);
            in.problem.park_of_site.push_back(p);
        }
        in.notes.push_back(std::to_string(freed) + " under-used plots offered as land to free (" +
                           (ci.underused_rule_words.empty() ? std::string("the capacity model's bottom-share rule") : ci.underused_rule_words) +
                           "), at their park's permitted FAR; the parks' headroom is not credited with what the leaving enterprises use");
        if (no_far) in.notes.push_back(std::to_string(no_far) + " under-used plots left out: their park has no permitted FAR");
    }
    if (in.site_row.empty())
        throw Error(std::string("no vacant site to place applicants on (sites whose status is one of the vacant statuses, or a standard factory of the scenario") +
                    (choices.free_underused ? ", or an under-used plot)" : ")"));
    const size_t ns = in.site_row.size(), na = in.applicants.size();
    in.problem.sites = ns;
    in.problem.applicants = na;
    in.problem.parks = ci.park_name.size();
    for (const std::string& n : ci.park_name) in.park_name.push_back(n);

    // Park headroom per infrastructure factor (floor area is the sites' own).
    in.factors = tables.factors;
    in.problem.factors = in.factors.size();
    in.problem.headroom.assign(in.problem.parks * in.problem.factors, kInf);
    for (size_t p = 0; p < cr.parks.size(); ++p)
        for (const FactorCapacity& f : cr.parks[p].factors) {
            const auto it = std::find(in.factors.begin(), in.factors.end(), f.factor);
            if (it == in.factors.end() || !f.given) continue;
            in.problem.headroom[p * in.problem.factors + static_cast<size_t>(it - in.factors.begin())] = std::max(0.0, f.capacity - f.used);
        }

    // Score parts that depend on the site: agglomeration by cluster, coverage.
    std::map<std::string, std::vector<double>>& agglomeration = in.agglomeration;
    // Sites in square cells of the radius: an enterprise looks at the 3 x 3 cells around it.
    std::map<std::pair<int64_t, int64_t>, std::vector<uint32_t>> site_cells;
    auto cell_of = [](Coord c) { return std::pair<int64_t, int64_t>(static_cast<int64_t>(std::floor(c.x / kAgglomerationRadius)), static_cast<int64_t>(std::floor(c.y / kAgglomerationRadius))); };
    for (size_t s = 0; s < ns; ++s) site_cells[cell_of(in.site_xy[s])].push_back(static_cast<uint32_t>(s));
    std::vector<uint32_t> near;
    for (const Applicant& a : in.applicants) {
        if (agglomeration.count(a.cluster)) continue;
        std::vector<double> v(ns, 0.0);
        for (size_t i = 0; i < ci.firms->xy.size(); ++i) {
            if (ci.firms->cluster[i] != a.cluster) continue;
            const double e = std::isnan(ci.firms->employees[i]) ? 0.0 : ci.firms->employees[i];
            const Coord at = ci.firms->xy[i];
            const auto [cx, cy] = cell_of(at);
            near.clear();
            for (int64_t dx = -1; dx <= 1; ++dx)
                for (int64_t dy = -1; dy <= 1; ++dy) {
                    const auto it = site_cells.find({cx + dx, cy + dy});
                    if (it != site_cells.end()) near.insert(near.end(), it->second.begin(), it->second.end());
                }
            for (uint32_t s : near)
                if (std::hypot(at.x - in.site_xy[s].x, at.y - in.site_xy[s].y) <= kAgglomerationRadius) v[s] += e;
        }
        const double top = *std::max_element(v.begin(), v.end());
        for (double& x : v) x = top > 0 ? x / top : 0.0;
        agglomeration[a.cluster] = std::move(v);
    }
    in.suitability.assign(ns, 0.0);
    in.unsuitable.assign(ns, 0);
    std::vector<double>& coverage = in.coverage;
    coverage.assign(ns, 0.0);
    if (!ci.radii.empty()) {
        for (size_t s = 0; s < ns; ++s) {
            size_t reached = 0;
            for (const FacilityType& t : ci.radii) {
                bool any = false;
                for (size_t k = 0; k < ci.facility_xy.size() && !any; ++k) {
                    const FacilityType* ft = find_facility_type(ci.radii, ci.facility_type[k]);
                    any = ft && ft->code == t.code &&
                          std::hypot(ci.facility_xy[k].x - in.site_xy[s].x, ci.facility_xy[k].y - in.site_xy[s].y) <= t.radii_m.back();
                }
                reached += any;
            }
            coverage[s] = static_cast<double>(reached) / static_cast<double>(ci.radii.size());
        }
    } else {
        in.notes.push_back("no service radii: coverage counts 0 at every site");
    }
    // Location quotients by employment, park x cluster.
    double city_jobs = 0;
    std::map<std::string, double> city_cluster;
    for (const ParkCapacity& pc : cr.parks)
        for (const ClusterShare& c : pc.clusters) {
            city_cluster[c.cluster] += c.jobs;
            city_jobs += c.jobs;
        }
    auto cluster_fit = [&](int32_t park, const std::string& cluster) {
        if (park < 0 || !(city_jobs > 0) || !(city_cluster[cluster] > 0)) return 0.0;
        const ParkCapacity& pc = cr.parks[static_cast<size_t>(park)];
        double in_park = 0;
        for (const ClusterShare& c : pc.clusters)
            if (c.cluster == cluster) in_park = c.jobs;
        if (!(pc.jobs > 0)) return 0.0;
        const double lq = (in_park / pc.jobs) / (city_cluster[cluster] / city_jobs);
        return std::min(lq, 2.0) / 2;
    };

    for (const Applicant& ap : in.applicants)
        if (!in.cluster_fit.count(ap.cluster)) {
            std::vector<double>& fit = in.cluster_fit[ap.cluster];
            for (size_t p = 0; p < in.problem.parks; ++p) fit.push_back(cluster_fit(static_cast<int32_t>(p), ap.cluster));
        }
    in.weights = {weight["agglomeration"], weight["cluster_fit"], weight["coverage"], weight["tier"], weight["preference"], weight["suitability"]};

    // Per site its FAR (for a need given as land), per applicant its demands and score parts.
    for (size_t s = 0; s < ns; ++s) {
        double far = in.freed_plot[s] >= 0 ? cr.parks[static_cast<size_t>(in.problem.park_of_site[s])].permitted_far : ci.site_far[in.site_row[s]];
        if (std::isnan(far) && in.problem.park_of_site[s] >= 0) far = cr.parks[static_cast<size_t>(in.problem.park_of_site[s])].permitted_far;
        in.site_far.push_back(far);
    }
    size_t land_only = 0;
    for (size_t a = 0; a < na; ++a) {
        const Applicant& ap = in.applicants[a];
        const int32_t preferred = ap.park.empty() ? -1 : ci.find_park(ap.park);
        if (!ap.park.empty() && preferred < 0) in.notes.push_back("applicant '" + ap.name + "': no park named '" + ap.park + "' (its preference is ignored)");
        in.tier_priority.push_back(tier_priority(ap.tier));
        in.preferred_park.push_back(preferred);
        land_only += !(ap.floor_m2 > 0);
        for (const std::string& f : in.factors) {
            bool per_job = true;
            const double rate = rate_of(tables, f, ap.cluster, per_job);
            const double floor = ap.floor_m2 > 0 ? ap.floor_m2 : ap.land_m2;
            in.problem.demand.push_back(rate * (per_job ? ap.jobs : floor));
        }
    }
    if (land_only) in.notes.push_back(std::to_string(land_only) + " applicants give land, not floor area: their floor need is land x the site's FAR");
    if (choices.with_pairs) placement_pairs(in);
    return in;
}

namespace {

// Each place's score (0..100; NaN off the raster or on no data) taken into the problem.
void score_places(PlacementInput& in, const std::vector<double>& score, double min_score, const std::string& source)
{
    size_t left = 0;
    for (size_t s = 0; s < score.size(); ++s) {
        const bool out = std::isnan(score[s]) || !(score[s] > 0) || score[s] < min_score;
        in.unsuitable[s] = out;
        in.suitability[s] = out ? 0.0 : std::min(score[s], 100.0) / 100;
        left += out;
    }
    char buf[200];
    std::snprintf(buf, sizeof buf, "%zu of %zu places left out by the suitability raster (vetoed, off it, or below %g); the rest scored by it at weight %g",
                  left, score.size(), min_score, in.weights[5]);
    in.notes.push_back(buf);
    if (left == score.size()) {
        std::snprintf(buf, sizeof buf, "no place is suitable enough (a score above 0 and at least %g)", min_score);
        throw Error(buf, {.file = source});
    }
}

}  // namespace

void use_suitability(PlacementInput& in, const std::filesystem::path& raster, double min_score, const Crs& working)
{
    score_places(in, sample_raster(raster, in.site_xy, working), min_score, raster.string());
}

void use_suitability(PlacementInput& in, const Raster& raster, double min_score, const std::string& source)
{
    const GridSpec& g = raster.grid;
    std::vector<double> score(in.site_xy.size(), std::numeric_limits<double>::quiet_NaN());
    for (size_t s = 0; s < score.size(); ++s) {
        const double col = std::floor((in.site_xy[s].x - g.x0) / g.cell), row = std::floor((g.y_top - in.site_xy[s].y) / g.cell);
        if (col >= 0 && row >= 0 && col < static_cast<double>(g.cols) && row < static_cast<double>(g.rows))
            score[s] = raster.at(static_cast<size_t>(col), static_cast<size_t>(row));
    }
    score_places(in, score, min_score, source);
}

void placement_pairs(PlacementInput& in)
{
    const size_t ns = in.problem.sites, na = in.applicants.size();
    auto need_at = [&](const Applicant& ap, size_t s) {
        const double far = in.site_far[s];
        return ap.floor_m2 > 0 ? ap.floor_m2 : ap.land_m2 * (std::isnan(far) ? 1.0 : far);
    };
    // Counted first, so that the pair arrays are allocated once.
    size_t pairs = 0;
    for (const Applicant& ap : in.applicants)
        for (size_t s = 0; s < ns; ++s) pairs += !in.unsuitable[s] && need_at(ap, s) <= in.problem.site_floor[s];
    in.problem.site.clear();
    in.problem.score.clear();
    in.problem.floor.clear();
    in.problem.offset.assign(1, 0);
    in.problem.site.reserve(pairs);
    in.problem.score.reserve(pairs);
    in.problem.floor.reserve(pairs);
    for (size_t a = 0; a < na; ++a) {
        const Applicant& ap = in.applicants[a];
        for (size_t s = 0; s < ns; ++s) {
            const double need = need_at(ap, s);
            if (in.unsuitable[s] || need > in.problem.site_floor[s]) continue;
            const std::array<double, 6> part = score_parts(in, a, s);
            double score = 0;
            for (size_t i = 0; i < part.size(); ++i) score += in.weights[i] * part[i];
            in.problem.site.push_back(static_cast<uint32_t>(s));
            in.problem.score.push_back(score);
            in.problem.floor.push_back(need);
        }
        in.problem.offset.push_back(in.problem.site.size());
    }
}

std::array<double, 6> score_parts(const PlacementInput& in, size_t a, size_t s)
{
    const Applicant& ap = in.applicants[a];
    const int32_t park = in.problem.park_of_site[s];
    const auto agg = in.agglomeration.find(ap.cluster);
    const auto fit = in.cluster_fit.find(ap.cluster);
    return {agg != in.agglomeration.end() ? agg->second[s] : 0.0, fit != in.cluster_fit.end() && park >= 0 ? fit->second[static_cast<size_t>(park)] : 0.0,
            in.coverage[s], in.tier_priority[a], in.preferred_park[a] >= 0 && park == in.preferred_park[a] ? 1.0 : 0.0, in.suitability[s]};
}

Scenario placement_scenario(const PlacementInput& in, const std::vector<int64_t>& site_of, const std::string& name, const Crs& working)
{
    const Transformer to_wgs84(working, wgs84());
    Scenario sc{name, {}, Json::object()};
    sc.extra["kind"] = "placement";
    for (size_t a = 0; a < in.applicants.size(); ++a) {
        if (site_of[a] < 0 || in.freed_plot[static_cast<size_t>(site_of[a])] >= 0) continue;  // see placement_scenario's note
        const auto s = static_cast<size_t>(site_of[a]);
        const Applicant& ap = in.applicants[a];
        Coord c = in.site_xy[s];
        to_wgs84.transform(std::span<Coord>(&c, 1));
        double floor = ap.floor_m2;
        for (uint64_t k = in.problem.offset[a]; k < in.problem.offset[a + 1]; ++k)
            if (in.problem.site[k] == s) floor = in.problem.floor[k];
        AddEnterprise e;
        e.id = name + "-" + std::to_string(a + 1);
        e.name = ap.name;
        e.cluster = ap.cluster;
        e.tier = ap.tier;
        e.at = {c.x, c.y};
        e.employees = ap.jobs;
        e.floor_m2 = floor;
        if (ap.land_m2 > 0) e.land_m2 = ap.land_m2;
        // A single-tenant site is taken whole; a standard factory keeps its other tenants.
        if (!in.problem.multi_tenant[s]) e.site = in.site_name[s];
        sc.edits.push_back(std::move(e));
    }
    return sc;
}

size_t placed_on_plots_to_free(const PlacementInput& in, const std::vector<int64_t>& site_of)
{
    return static_cast<size_t>(std::count_if(site_of.begin(), site_of.end(), [&](int64_t s) { return s >= 0 && in.freed_plot[static_cast<size_t>(s)] >= 0; }));
}

std::string_view land_kind(const PlacementInput& in, size_t s)
{
    if (in.freed_plot[s] >= 0) return "plot to free";
    return in.problem.multi_tenant[s] ? "standard factory" : "vacant site";
}

std::string unplaced_reason(const PlacementInput& in, const std::vector<int64_t>& site_of, size_t a)
{
    const PlacementProblem& p = in.problem;
    const Applicant& ap = in.applicants[a];
    if (p.offset[a] == p.offset[a + 1]) {
        const double largest = *std::max_element(p.site_floor.begin(), p.site_floor.end());
        char buf[200];
        std::snprintf(buf, sizeof buf, "no vacant site is large enough: needs %.0f m², the largest holds %.0f m²",
                      ap.floor_m2 > 0 ? ap.floor_m2 : ap.land_m2, largest);
        return buf;
    }
    // What the others placed leave in each park.
    std::vector<double> left = p.headroom;
    for (size_t b = 0; b < p.applicants; ++b) {
        if (site_of[b] < 0) continue;
        const int32_t park = p.park_of_site[static_cast<size_t>(site_of[b])];
        if (park >= 0)
            for (size_t f = 0; f < p.factors; ++f) left[static_cast<size_t>(park) * p.factors + f] -= p.demand[b * p.factors + f];
    }
    std::map<std::string, size_t> short_of;
    size_t parks_with_room = 0;
    for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
        const int32_t park = p.park_of_site[p.site[k]];
        if (park < 0) {
            ++parks_with_room;
            continue;
        }
        bool room = true;
        for (size_t f = 0; f < p.factors; ++f)
            if (p.demand[a * p.factors + f] > left[static_cast<size_t>(park) * p.factors + f] + 1e-9) {
                ++short_of[in.factors[f]];
                room = false;
            }
        parks_with_room += room;
    }
    if (parks_with_room == 0 && !short_of.empty()) {
        const auto most = std::max_element(short_of.begin(), short_of.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
        return "park at capacity: " + most->first + " (in every park with a site large enough)";
    }
    return "every site large enough went to applicants scoring higher";
}

}  // namespace geo
