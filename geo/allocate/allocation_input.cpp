#include "geo/allocate/allocation_input.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "geo/allocate/demand_groups.h"
#include "geo/capacity/capacity_tables.h"
#include "geo/core/error.h"
#include "geo/core/polygon_locator.h"
#include "geo/core/triangulate.h"
#include "geo/coverage/road_network.h"
#include "geo/coverage/service_radii.h"
#include "geo/coverage/coverage_settings.h"
#include "geo/density/point_selection.h"
#include "geo/io/csv_text.h"
#include "geo/io/raster_sample.h"
#include "geo/project/settings_reader.h"

namespace geo {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr size_t kMaxPairs = 5'000'000;  // demand-candidate pairs kept at most without a radius or cutoff

// How far a cost is kept: the radius for coverage, the cutoff for min_impedance.
double reach_of(const AllocationSettings& s)
{
    switch (s.problem) {
    case AllocationObjective::MaxCoverage:
    case AllocationObjective::MaxCapacitatedCoverage:
    case AllocationObjective::MinFacilities: return s.radius_m;
    case AllocationObjective::MinImpedance: return s.cutoff_m > 0 ? s.cutoff_m : kInf;
    case AllocationObjective::MinMaxDistance: return kInf;
    }
    return kInf;
}

void settings_into_problem(const AllocationSettings& s, AllocationProblem& p)
{
    p.objective = s.problem;
    p.p = s.p;
    p.radius = s.radius_m;
    p.cutoff = s.problem == AllocationObjective::MinImpedance ? s.cutoff_m : 0;
    p.target_share = s.target_share;
}

std::string label_of(const LoadedLayer& l, size_t i)
{
    if (const std::string* f = l.fields.field_for("name"))
        if (const Column* c = l.data->column(*f); c && !c->is_null(i) && !c->text(i).empty()) return c->text(i);
    return "fid " + std::to_string(l.data->fids[i]);
}

void add_layer_candidates(const LoadedLayer& l, const std::string& kind, AllocationInput& in)
{
    const bool polygons = l.data->geometry.kind() == GeomKind::Polygon;
    for (size_t i = 0; i < l.data->size(); ++i) {
        in.candidate_xy.push_back(polygons ? label_point(l.data->geometry, i) : l.data->geometry.first_coord(i));
        in.candidate_id.push_back(label_of(l, i));
        in.candidate_kind.push_back(kind);
    }
    in.candidate_source = "layer '" + l.config.id + "' (" + std::to_string(l.data->size()) + (polygons ? " polygons, each by a point on its surface)" : " points)");
    if (polygons) in.notes.push_back("candidates: the " + std::to_string(l.data->size()) + " polygons of layer '" + l.config.id + "' are taken by a point on their surface");
}

void add_lattice(const LoadedProject& project, double spacing, AllocationInput& in)
{
    const LoadedLayer* parks = project.first(Role::Parks);
    if (!parks || parks->data->size() == 0) throw Error("a lattice of candidates needs a parks layer with features (or give candidates: \"sites\" or a layer id)");
    std::vector<PolygonLocator> inside, blocked;
    for (size_t p = 0; p < parks->data->size(); ++p) inside.emplace_back(parks->data->geometry, p);
    for (const LoadedLayer& l : project.layers)
        if (l.config.role == Role::Constraints && l.data->geometry.kind() == GeomKind::Polygon)
            for (size_t i = 0; i < l.data->size(); ++i) blocked.emplace_back(l.data->geometry, i);
    size_t dropped = 0;
    for (const PolygonLocator& park : inside) {
        const Envelope& e = park.envelope();
        // Aligned to the spacing, so neighbouring parks share one lattice.
        for (double y = std::ceil(e.min_y / spacing) * spacing; y <= e.max_y; y += spacing)
            for (double x = std::ceil(e.min_x / spacing) * spacing; x <= e.max_x; x += spacing) {
                if (!park.contains(x, y)) continue;
                if (std::any_of(blocked.begin(), blocked.end(), [&](const PolygonLocator& b) { return b.contains(x, y); })) {
                    ++dropped;
                    continue;
                }
                in.candidate_xy.push_back({x, y});
                in.candidate_id.push_back("lattice " + std::to_string(in.candidate_xy.size()));
                in.candidate_kind.push_back("lattice");
            }
    }
    char buf[160];
    std::snprintf(buf, sizeof buf, "a lattice at %g m inside the parks (%zu points; %zu in constraint areas left out)", spacing,
                  in.candidate_xy.size(), dropped);
    in.candidate_source = buf;
    if (in.candidate_xy.empty()) throw Error("the lattice at " + std::to_string(spacing) + " m has no point inside the parks outside the constraint areas; use a smaller spacing");
}

// Costs along the roads from one search per candidate. With `nearest` > 0 each demand point
// keeps only its nearest candidates (and `beyond`, the next cost).
CostTable network_costs(const RoadNetwork& net, const std::vector<Coord>& demand, const std::vector<Coord>& cand, double reach,
                        double attach_limit, size_t nearest, AllocationInput& in, const Progress& progress)
{
    std::vector<std::optional<RoadNetwork::Attachment>> at_demand(demand.size());
    size_t unattached = 0, unattached_sites = 0;
    for (size_t i = 0; i < demand.size(); ++i) unattached += !(at_demand[i] = net.attach(demand[i], attach_limit));
    std::vector<uint32_t> d_idx, c_idx;
    std::vector<double> cost;
    // Per demand, the nearest + 1 seen so far (a max-heap by cost).
    std::vector<std::vector<std::pair<double, uint32_t>>> heaps(nearest > 0 ? demand.size() : 0);
    for (size_t j = 0; j < cand.size(); ++j) {
        progress(static_cast<double>(j) / static_cast<double>(cand.size()), "distances along the roads");
        const auto a = net.attach(cand[j], attach_limit);
        if (!a) {
            ++unattached_sites;
            continue;
        }
        const RoadNetwork::Attachment src[] = {*a};
        const std::vector<double> nodes = net.distances_from(src, reach);
        for (size_t i = 0; i < demand.size(); ++i) {
            if (!at_demand[i]) continue;
            const double d = net.distance_to(*at_demand[i], nodes, src);
            if (!std::isfinite(d) || !(d <= reach)) continue;  // another part of the network, or too far
            if (nearest > 0) {
                auto& h = heaps[i];
                if (h.size() <= nearest) {
                    h.emplace_back(d, static_cast<uint32_t>(j));
                    std::push_heap(h.begin(), h.end());
                } else if (d < h.front().first) {
                    std::pop_heap(h.begin(), h.end());
                    h.back() = {d, static_cast<uint32_t>(j)};
                    std::push_heap(h.begin(), h.end());
                }
                continue;
            }
            d_idx.push_back(static_cast<uint32_t>(i));
            c_idx.push_back(static_cast<uint32_t>(j));
            cost.push_back(d);
        }
    }
    if (unattached || unattached_sites)
        in.notes.push_back(std::to_string(unattached) + " demand points and " + std::to_string(unattached_sites) + " candidates are farther than " +
                           std::to_string(static_cast<long>(attach_limit)) + " m from any road: unreachable along the roads");
    std::vector<double> beyond;
    if (nearest > 0) {
        beyond.assign(demand.size(), kInf);
        for (size_t i = 0; i < heaps.size(); ++i) {
            auto& h = heaps[i];
            if (h.size() > nearest) {  // the largest of nearest + 1 is the first left out
                std::pop_heap(h.begin(), h.end());
                beyond[i] = h.back().first;
                h.pop_back();
            }
            for (const auto& [d, j] : h) {
                d_idx.push_back(static_cast<uint32_t>(i));
                c_idx.push_back(j);
                cost.push_back(d);
            }
        }
    }
    CostTable t = cost_table(demand.size(), cand.size(), std::move(d_idx), std::move(c_idx), std::move(cost));
    if (nearest > 0) t.beyond = std::move(beyond);
    return t;
}

// Every demand point's nearest open candidate along the roads: one search per open site.
std::function<std::vector<std::pair<int64_t, double>>(const std::vector<uint8_t>&)> network_measure(std::shared_ptr<const RoadNetwork> net,
                                                                                                    std::vector<Coord> demand,
                                                                                                    std::vector<Coord> cand, double attach_limit)
{
    return [net, demand = std::move(demand), cand = std::move(cand), attach_limit](const std::vector<uint8_t>& open) {
        std::vector<std::pair<int64_t, double>> out(demand.size(), {-1, kInf});
        std::vector<std::optional<RoadNetwork::Attachment>> at(demand.size());
        for (size_t i = 0; i < demand.size(); ++i) at[i] = net->attach(demand[i], attach_limit);
        for (size_t j = 0; j < cand.size(); ++j) {
            if (!open[j]) continue;
            const auto a = net->attach(cand[j], attach_limit);
            if (!a) continue;
            const RoadNetwork::Attachment src[] = {*a};
            const std::vector<double> nodes = net->distances_from(src, kInf);
            for (size_t i = 0; i < demand.size(); ++i) {
                if (!at[i]) continue;
                const double d = net->distance_to(*at[i], nodes, src);
                if (d < out[i].second) out[i] = {static_cast<int64_t>(j), d};
            }
        }
        return out;
    };
}

// The largest distance of a farthest-point answer (Gonzalez): the site nearest the demand
// point farthest from the open ones, p times. An upper bound on the p-center optimum.
double center_radius_estimate(const std::vector<Point2>& demand, const std::vector<Point2>& cand, const std::vector<uint8_t>& required, size_t p)
{
    std::vector<double> d(demand.size(), kInf);
    auto open_site = [&](size_t j) {
        for (size_t i = 0; i < demand.size(); ++i) d[i] = std::min(d[i], std::hypot(demand[i].x - cand[j].x, demand[i].y - cand[j].y));
    };
    for (size_t j = 0; j < cand.size(); ++j)
        if (j < required.size() && required[j]) open_site(j);
    for (size_t k = 0; k < p && !demand.empty(); ++k) {
        const size_t far = static_cast<size_t>(std::max_element(d.begin(), d.end()) - d.begin());
        size_t best = 0;
        double best_d = kInf;
        for (size_t j = 0; j < cand.size(); ++j) {
            const double c = std::hypot(demand[far].x - cand[j].x, demand[far].y - cand[j].y);
            if (c < best_d) {
                best_d = c;
                best = j;
            }
        }
        open_site(best);
    }
    return demand.empty() ? 0.0 : *std::max_element(d.begin(), d.end()) * (1 + 1e-12);
}

// Capacitated coverage: every candidate's capacity in the weight's unit. New sites hold
// settings.capacity units, existing ones their field's value (else the same); units turn
// into jobs through the demand-rate table's rate for settings.capacity_factor.
void set_capacities(const LoadedProject& project, const AllocationSettings& s, size_t new_sites, const std::vector<double>& required_capacity,
                    AllocationInput& in)
{
    double per_job = 1;  // units one job needs
    if (!s.capacity_factor.empty()) {
        const CapacityTables tables = load_capacity_tables(project.project);
        const auto it = std::find_if(tables.rates.begin(), tables.rates.end(),
                                     [&](const DemandRate& r) { return r.factor == s.capacity_factor && r.cluster == "*" && r.per_job; });
        if (it == tables.rates.end() || !(it->rate > 0))
            throw Error("no per-job rate for '" + s.capacity_factor + "' in the demand-rate table (cluster *)",
                        {.file = project.project.file.string(), .key = "analysis.allocation.capacity_factor"});
        per_job = it->rate;
    }
    if (!(s.capacity > 0))
        throw Error("capacitated coverage needs the capacity of a new site (analysis.allocation.capacity, or --capacity)",
                    {.file = project.project.file.string(), .key = "analysis.allocation.capacity"});
    in.problem.capacity.assign(in.candidate_xy.size(), s.capacity / per_job);
    size_t defaulted = 0;
    for (size_t k = 0; k < required_capacity.size(); ++k) {
        const double units = required_capacity[k];
        if (std::isnan(units)) ++defaulted;
        in.problem.capacity[new_sites + k] = (std::isnan(units) ? s.capacity : std::max(0.0, units)) / per_job;
    }
    char buf[200];
    std::snprintf(buf, sizeof buf, "capacities: %g %s a new site = %g %s", s.capacity, s.capacity_factor.empty() ? "" : s.capacity_factor.c_str(),
                  s.capacity / per_job, s.capacity_factor.empty() ? "(in the weight's unit)" : "jobs");
    in.notes.push_back(buf);
    if (defaulted) in.notes.push_back(std::to_string(defaulted) + " existing sites without a capacity value take a new site's");
}

}  // namespace

AllocationInput allocation_input(const LoadedProject& project, const AllocationSettings& s, const Progress& progress)
{
    AllocationInput in;
    settings_into_problem(s, in.problem);
    // Demand.
    PointFilter filter;
    filter.cluster = s.cluster;
    filter.tier = s.tier;
    filter.park = s.park;
    filter.weight = s.weight == "count" ? "" : s.weight;
    const PointSelection sel = select_points(project, filter);
    const LoadedLayer& firms = *project.first(Role::Enterprises);
    in.demand_xy = sel.points;
    in.problem.weight = sel.weights.empty() ? std::vector<double>(sel.points.size(), 1.0) : sel.weights;
    for (uint32_t row : sel.rows) {
        in.demand_id.push_back(label_of(firms, row));
        in.demand_fid.push_back(firms.data->fids[row]);
    }
    if (sel.null_weights) in.notes.push_back(std::to_string(sel.null_weights) + " enterprises without a value for the weight '" + sel.weight_field + "' are left out");
    if (in.demand_xy.empty()) throw Error("no enterprise is left to serve after the filters (cluster, tier, park)", {.file = firms.data->source, .layer = firms.data->name});

    // Candidates.
    if (s.candidates == "lattice") {
        add_lattice(project, s.lattice_spacing_m, in);
    } else {
        const LoadedLayer* layer = nullptr;
        if (s.candidates == "sites") layer = project.first(Role::Sites);
        else
            for (const LoadedLayer& l : project.layers)
                if (l.config.id == s.candidates) layer = &l;
        if (!layer) throw Error("no layer '" + s.candidates + "' for the candidates (\"sites\" for the sites layer, \"lattice\", or a layer id of the project)",
                                {.file = project.project.file.string(), .key = "analysis.allocation.candidates"});
        if (layer->data->size() == 0) throw Error("the candidate layer has no features", {.file = layer->data->source, .layer = layer->data->name});
        add_layer_candidates(*layer, s.candidates == "sites" ? "site" : "layer", in);
    }
    if (!s.suitability.empty()) {
        // Candidates on land the suitability analysis vetoed, scored below the least score, or off its raster stay out.
        const std::vector<double> score = sample_raster(s.suitability, in.candidate_xy, project.working.crs);
        size_t kept = 0;
        for (size_t j = 0; j < in.candidate_xy.size(); ++j)
            if (!std::isnan(score[j]) && score[j] > 0 && score[j] >= s.min_suitability) {
                in.candidate_suitability.push_back(score[j]);
                in.candidate_xy[kept] = in.candidate_xy[j];
                in.candidate_id[kept] = in.candidate_id[j];
                in.candidate_kind[kept] = in.candidate_kind[j];
                ++kept;
            }
        const size_t left = in.candidate_xy.size() - kept;
        in.candidate_xy.resize(kept), in.candidate_id.resize(kept), in.candidate_kind.resize(kept);
        in.notes.push_back(std::to_string(left) + " candidates left out by the suitability raster (vetoed, off it, or below " +
                           std::to_string(static_cast<int>(s.min_suitability)) + "): " + std::to_string(kept) + " stand");
        if (kept == 0) throw Error("no candidate is suitable enough (score above 0 and at least " + std::to_string(s.min_suitability) + ")", {.file = s.suitability});
    }
    const size_t candidates = in.candidate_xy.size();
    // Existing facilities of the required type: open and counted.
    std::vector<double> required_capacity;  // their capacity field, in units (NaN: none)
    if (!s.required_type.empty()) {
        const LoadedLayer* fac = project.first(Role::Facilities);
        if (!fac) throw Error("required_type '" + s.required_type + "' needs a facilities layer in the project");
        const std::string* type_field = fac->fields.field_for("type");
        if (!type_field) throw Error("no field is bound to the facility type", {.file = fac->data->source, .layer = fac->data->name});
        const Column& types = *fac->data->column(*type_field);
        const std::string* cap_field = fac->fields.field_for("capacity");
        const Column* caps = cap_field ? fac->data->column(*cap_field) : nullptr;
        const CoverageSettings cov = coverage_settings(project.project);
        const FacilityType* wanted = find_facility_type(cov.types, s.required_type);
        size_t found = 0;
        for (size_t i = 0; i < fac->data->size(); ++i) {
            const std::string t = types.text(i);
            const FacilityType* ft = find_facility_type(cov.types, t);
            if (!(t == s.required_type || (wanted && ft == wanted))) continue;
            in.candidate_xy.push_back(fac->data->geometry.first_coord(i));
            in.candidate_id.push_back(label_of(*fac, i));
            in.candidate_kind.push_back("existing");
            required_capacity.push_back(caps && !caps->is_null(i) ? caps->number(i).value_or(std::nan("")) : std::nan(""));
            ++found;
        }
        if (!found)
            throw Error("no facility of the type '" + s.required_type + "' to keep as required", {.file = fac->data->source, .layer = fac->data->name, .field = *type_field});
        in.notes.push_back(std::to_string(found) + " existing facilities of the type '" + s.required_type + "' are required (kept open, counted)");
    }
    in.problem.required.assign(in.candidate_xy.size(), 0);
    std::fill(in.problem.required.begin() + static_cast<std::ptrdiff_t>(candidates), in.problem.required.end(), 1);
    if (s.problem == AllocationObjective::MaxCapacitatedCoverage) set_capacities(project, s, candidates, required_capacity, in);

    // Costs.
    const double reach = reach_of(s);
    if (s.distance == "network") {
        const LoadedLayer* roads = project.first(Role::Roads);
        if (!roads) throw Error("distance \"network\" needs a roads layer in the project", {.file = project.project.file.string(), .key = "analysis.allocation.distance"});
        auto net = std::make_shared<const RoadNetwork>(roads->data->geometry);
        // The coverage analysis's attach limit (its radius table is not needed here).
        const double attach_limit = SettingsReader(project.project, "coverage").number_in("attach_limit_m", CoverageSettings{}.attach_limit_m, 0, 1e6, true);
        size_t nearest = 0;
        if (!std::isfinite(reach) && s.solver != AllocationSolver::Exact && in.demand_xy.size() * in.candidate_xy.size() > kMaxPairs)
            nearest = std::max<size_t>(50, kMaxPairs / std::max<size_t>(1, in.demand_xy.size()));
        in.problem.costs = network_costs(*net, in.demand_xy, in.candidate_xy, reach, attach_limit, nearest, in, progress);
        if (nearest > 0) in.problem.measure = network_measure(net, in.demand_xy, in.candidate_xy, attach_limit);
        in.distance = "along the roads";
    } else if (s.problem == AllocationObjective::MaxCoverage && std::isfinite(reach)) {
        // Which candidates cover a point is all max_coverage reads of it: points alike are one demand.
        CoverGroups groups = cover_groups(in.demand_xy, in.problem.weight, in.candidate_xy, reach);
        in.demand_weight = std::move(in.problem.weight);
        in.problem.weight = std::move(groups.weight);
        in.problem.costs = std::move(groups.costs);
        in.demand_group = std::move(groups.of);
        for (const Coord& p : in.candidate_xy) in.problem.candidate_xy.push_back({p.x, p.y});
        if (!in.candidate_suitability.empty()) in.candidate_suitability.resize(in.candidate_xy.size(), std::nan(""));  // existing facilities
        if (in.problem.costs.demands < in.demand_xy.size())
            in.notes.push_back(std::to_string(in.demand_xy.size()) + " demand points are " + std::to_string(in.problem.costs.demands) +
                               " demands of the problem: points the same candidates cover count as one, weighing their sum");
        in.distance = "straight line";
    } else {
        std::vector<Point2> d, c;
        for (const Coord& p : in.demand_xy) d.push_back({p.x, p.y});
        for (const Coord& p : in.candidate_xy) c.push_back({p.x, p.y});
        // Every pair of a large problem would not fit in memory: each demand point keeps its
        // nearest candidates (the answer is still measured to every site, the bound still holds).
        size_t nearest = 0;
        double keep = reach;
        if (!std::isfinite(reach) && d.size() * c.size() > kMaxPairs) {
            if (s.problem == AllocationObjective::MinMaxDistance) {
                // Every pair up to the radius of a quick answer: the optimum is no larger.
                keep = center_radius_estimate(d, c, in.problem.required, s.p);
                in.notes.push_back("pairs farther than " + std::to_string(static_cast<long>(std::ceil(keep))) +
                                   " m (the largest distance of a farthest-point answer) are left out: no better answer needs them");
            } else if (s.solver != AllocationSolver::Exact) {
                nearest = std::max<size_t>(50, kMaxPairs / std::max<size_t>(1, d.size()));
            }
        }
        in.problem.costs = straight_line_costs(d, c, keep, nearest);
        in.problem.demand_xy = std::move(d);
        in.problem.candidate_xy = std::move(c);
        in.distance = "straight line";
    }
    return in;
}

AllocationInput allocation_input_from_table(const std::string& matrix, const std::string& weights, const AllocationSettings& s)
{
    AllocationInput in;
    settings_into_problem(s, in.problem);
    in.distance = "imported cost table";
    in.candidate_source = "the candidates of " + matrix;
    const auto rows = read_csv_file(matrix);
    if (rows.empty()) throw Error("the cost table is empty", {.file = matrix});
    auto column = [&](const std::vector<std::string>& header, const char* name, const std::string& file) {
        const auto it = std::find(header.begin(), header.end(), name);
        if (it == header.end()) throw Error(std::string("no column '") + name + "' in the header", {.file = file, .key = "line " + std::to_string(1)});
        return static_cast<size_t>(it - header.begin());
    };
    const size_t cd = column(rows[0], "demand", matrix), cc = column(rows[0], "candidate", matrix), cv = column(rows[0], "cost", matrix);
    std::map<std::string, uint32_t> demand_of, cand_of;
    std::set<std::pair<uint32_t, uint32_t>> pairs;
    std::vector<uint32_t> di, ci;
    std::vector<double> cost;
    const double reach = reach_of(s);
    auto number = [](const std::string& text, const std::string& file, size_t line, const char* what) {
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || !std::isfinite(v)) throw Error(std::string("the ") + what + " '" + text + "' is not a number", {.file = file, .key = "line " + std::to_string(line)});
        if (v < 0) throw Error(std::string("a negative ") + what + " (" + text + ")", {.file = file, .key = "line " + std::to_string(line)});
        return v;
    };
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() == 1 && row[0].empty()) continue;
        if (row.size() <= std::max({cd, cc, cv})) throw Error("a row with too few columns", {.file = matrix, .key = "line " + std::to_string(r + 1)});
        const double v = number(row[cv], matrix, r + 1, "cost");
        auto [d, new_d] = demand_of.try_emplace(row[cd], static_cast<uint32_t>(demand_of.size()));
        if (new_d) in.demand_id.push_back(row[cd]);
        auto [c, new_c] = cand_of.try_emplace(row[cc], static_cast<uint32_t>(cand_of.size()));
        if (new_c) in.candidate_id.push_back(row[cc]);
        if (!pairs.insert({d->second, c->second}).second)
            throw Error("the pair demand '" + row[cd] + "', candidate '" + row[cc] + "' is given twice", {.file = matrix, .key = "line " + std::to_string(r + 1)});
        if (v > reach) continue;
        di.push_back(d->second);
        ci.push_back(c->second);
        cost.push_back(v);
    }
    in.problem.weight.assign(demand_of.size(), 1.0);
    if (!weights.empty()) {
        const auto wrows = read_csv_file(weights);
        if (wrows.empty()) throw Error("the weights table is empty", {.file = weights});
        const size_t wd = column(wrows[0], "demand", weights), ww = column(wrows[0], "weight", weights);
        std::vector<uint8_t> given(demand_of.size(), 0);
        std::vector<std::string> unpaired;
        size_t unpaired_count = 0;
        for (size_t r = 1; r < wrows.size(); ++r) {
            const auto& row = wrows[r];
            if (row.size() == 1 && row[0].empty()) continue;
            if (row.size() <= std::max(wd, ww)) throw Error("a row with too few columns", {.file = weights, .key = "line " + std::to_string(r + 1)});
            const double w = number(row[ww], weights, r + 1, "weight");
            auto [it, added] = demand_of.try_emplace(row[wd], static_cast<uint32_t>(demand_of.size()));
            if (added) {  // no pair in the cost table: a demand point no candidate reaches
                in.demand_id.push_back(row[wd]);
                in.problem.weight.push_back(w);
                given.push_back(1);
                if (unpaired.size() < 5) unpaired.push_back(row[wd]);
                ++unpaired_count;
                continue;
            }
            if (given[it->second]) throw Error("the demand '" + row[wd] + "' is given twice", {.file = weights, .key = "line " + std::to_string(r + 1)});
            in.problem.weight[it->second] = w;
            given[it->second] = 1;
        }
        if (unpaired_count) {
            std::string ids;
            for (const std::string& id : unpaired) ids += (ids.empty() ? "" : ", ") + id;
            in.notes.push_back(std::to_string(unpaired_count) + " demand points of " + weights + " have no pair in " + matrix + " (" + ids +
                               (unpaired_count > unpaired.size() ? ", ..." : "") + "): no candidate reaches them");
        }
        const size_t missing = static_cast<size_t>(std::count(given.begin(), given.end(), uint8_t{0}));
        if (missing) in.notes.push_back(std::to_string(missing) + " demand points of the cost table have no weight in " + weights + ": they weigh 1");
    }
    in.demand_fid.assign(in.demand_id.size(), -1);
    in.candidate_kind.assign(in.candidate_id.size(), "table");
    in.problem.required.assign(in.candidate_id.size(), 0);
    in.problem.costs = cost_table(demand_of.size(), cand_of.size(), std::move(di), std::move(ci), std::move(cost));
    if (s.problem == AllocationObjective::MaxCapacitatedCoverage) {
        if (!(s.capacity > 0)) throw Error("capacitated coverage needs the capacity of a site (--capacity, in the weights' unit)");
        in.problem.capacity.assign(in.candidate_id.size(), s.capacity);
    }
    return in;
}

AllocationResult allocate(const AllocationInput& in, const AllocationOptions& options, const Progress& progress)
{
    AllocationResult r = allocate(in.problem, options, progress);
    if (!in.demand_group.empty()) {
        expand_groups(in.demand_group, in.problem.costs, in.demand_xy, in.demand_weight, in.candidate_xy, r);
    }
    return r;
}

}  // namespace geo
