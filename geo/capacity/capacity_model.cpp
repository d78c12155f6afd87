#include "geo/capacity/capacity_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <geos_c.h>

#include "geo/cluster/location_quotient.h"
#include "geo/core/error.h"
#include "geo/core/geos_util.h"
#include "geo/core/polygon_locator.h"
#include "geo/coverage/straight_coverage.h"

namespace geo {

namespace {

double value_or_zero(double v) { return std::isnan(v) ? 0.0 : v; }
double safe_ratio(double a, double b) { return b > 0 ? a / b : 0.0; }

// Constraint area inside each park: park ∩ (union of constraints), so overlaps count once.
void land(const CapacityInput& in, std::vector<ParkCapacity>& parks)
{
    GeosContext ctx;
    GEOSContextHandle_t h = ctx.handle();
    std::vector<GEOSGeometry*> parts;
    for (size_t c = 0; c < in.constraints.size(); ++c)
        if (GeosGeom g = to_geos(ctx, in.constraints, c)) parts.push_back(g.release());
    GeosGeom all(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())), GeosGeomDeleter{h});
    GeosGeom merged(parts.empty() ? nullptr : GEOSUnaryUnion_r(h, all.get()), GeosGeomDeleter{h});
    for (size_t p = 0; p < parks.size(); ++p) {
        parks[p].gross_m2 = polygon_area(in.parks, p);
        if (!merged) continue;
        GeosGeom park = to_geos(ctx, in.parks, p);
        if (!park) continue;
        GeosGeom cut(GEOSIntersection_r(h, park.get(), merged.get()), GeosGeomDeleter{h});
        double area = 0;
        if (cut && GEOSArea_r(h, cut.get(), &area)) parks[p].constrained_m2 = area;
    }
}

}  // namespace

CapacityCoverage capacity_coverage(const CapacityInput& in)
{
    if (in.radii.empty() || in.facility_xy.empty()) return {};
    Layer fac;
    fac.geometry = GeometryColumn(GeomKind::Point);
    Column type("type", FieldType::String);
    for (size_t k = 0; k < in.facility_xy.size(); ++k) {
        fac.geometry.add_point(in.facility_xy[k]);
        fac.fids.push_back(static_cast<int64_t>(k));
        type.push_string(in.facility_type[k]);
    }
    GeometryColumn firms(GeomKind::Point);
    firms.reserve(in.firms->xy.size(), in.firms->xy.size());
    for (const Coord& c : in.firms->xy) firms.add_point(c);
    CapacityCoverage out;
    straight_line_coverage_each(firms, fac, type, in.radii, {}, false, [&](TypeCoverage&& t) {
        std::vector<uint8_t> within(t.distance.size());
        for (size_t i = 0; i < within.size(); ++i) within[i] = t.distance[i] <= t.type.radii_m.back();
        out.types.push_back(t.type.code);
        out.within.push_back(std::move(within));
    });
    return out;
}

CapacityResult evaluate_capacity(const CapacityInput& in, const CapacityTables& tables, const CapacityCoverage* cached)
{
    CapacityResult r;
    const size_t np = in.park_name.size();
    r.parks.resize(np);
    for (size_t p = 0; p < np; ++p) {
        r.parks[p].name = in.park_name[p];
        r.parks[p].code = in.park_code[p];
    }
    // Table rows that name no park, or a factor without a demand rate, would be silently lost.
    auto check_park = [&](const std::string& key, const std::string& where) {
        if (in.find_park(key) < 0) r.warnings.push_back(where + ": no park named '" + key + "' (by name or code); its row is not used");
    };
    for (const auto& [key, factors] : tables.infrastructure) {
        check_park(key, "infrastructure capacities");
        for (const auto& [factor, v] : factors)
            if (std::find(tables.factors.begin(), tables.factors.end(), factor) == tables.factors.end())
                r.warnings.push_back("infrastructure capacities of '" + key + "': factor '" + factor + "' has no demand rate; it is not used");
    }
    for (const auto& [key, share] : tables.growth_shares) check_park(key, "growth_shares");
    for (const auto& key : tables.relaxed_parks) check_park(key, "relaxed_parks");
    r.park_of = enterprises_in_parks(in);
    std::vector<uint8_t> marked = in.underused_marked;
    if (!marked.empty()) marked.resize(in.firms->xy.size(), 0);  // enterprises a scenario adds are not marked
    r.compliance = compliance_rules(in, tables, r.park_of, std::move(marked), in.underused_rule_words);
    r.plots = plot_compliance(in, tables, r.compliance, r.park_of);
    land(in, r.parks);

    const double road_share = tables.number("road_utility_share");
    if (road_share < 0 || road_share >= 1) throw Error("capacity parameter road_utility_share must be at least 0 and below 1", {.file = tables.source});
    const double mu = tables.number("mu_m2");
    const auto vacant_statuses = tables.list("vacant_site_statuses");
    const std::string dorm_type = tables.parameters.count("dormitory_facility_type") ? tables.parameters.at("dormitory_facility_type") : "";

    // Per park sums over its enterprises.
    struct Sums {
        double land = 0, floor = 0, footprint = 0, jobs = 0, output = 0, tax = 0, far_land = 0, far_weighted = 0;
        int64_t n = 0;
        std::map<std::string, ClusterShare> clusters;
        std::vector<uint32_t> members;  // its enterprises
    };
    std::vector<Sums> sums(np);
    double city_floor = 0, city_jobs = 0;
    std::map<std::string, size_t> no_min_far;  // industry codes (as given) with no minimum FAR, enterprises in parks
    for (size_t i = 0; i < in.firms->xy.size(); ++i) {
        const int32_t p = r.park_of[i];
        if (p < 0) continue;
        Sums& s = sums[static_cast<size_t>(p)];
        const PlotCompliance& c = r.plots[i];
        const double floor = value_or_zero(counted_floor(in, r.compliance, i)), jobs = value_or_zero(in.firms->employees[i]), land_m2 = value_or_zero(in.firms->land_area[i]);
        ++s.n;
        s.members.push_back(static_cast<uint32_t>(i));
        s.land += land_m2;
        s.floor += floor;
        s.footprint += value_or_zero(in.firms->footprint_area[i]);
        s.jobs += jobs;
        s.output += value_or_zero(in.firms->output[i]);
        s.tax += value_or_zero(in.firms->tax[i]);
        if (const double min_far = industry_min_far(tables, in.firms->code[i]); !std::isnan(min_far) && land_m2 > 0) {
            s.far_land += land_m2;
            s.far_weighted += land_m2 * min_far;
        } else if (std::isnan(min_far) && !in.firms->code[i].empty()) {
            ++no_min_far[std::string(in.firms->code[i].substr(0, std::min<size_t>(in.firms->code[i].size(), 4)))];
        }
        ClusterShare& cs = s.clusters[in.firms->cluster[i].empty() ? std::string("(none)") : std::string(in.firms->cluster[i])];
        ++cs.enterprises;
        cs.jobs += jobs;
        cs.floor_m2 += floor;
        city_floor += floor;
        city_jobs += jobs;
        ParkCapacity& pc = r.parks[static_cast<size_t>(p)];
        ++pc.tiers[in.firms->tier[i].empty() ? std::string("(no tier)") : std::string(in.firms->tier[i])];
        pc.plots_failing += c.fails_any();
        pc.plots_underused += c.underused;
    }

    if (!no_min_far.empty()) {
        size_t n = 0;
        std::string codes;
        for (const auto& [code, count] : no_min_far) {
            n += count;
            if (codes.size() < 200) codes += (codes.empty() ? "" : ", ") + code + " (" + std::to_string(count) + ")";
        }
        r.warnings.push_back(std::to_string(n) + (n == 1 ? " enterprise in a park has" : " enterprises in parks have") + " an industry code (GB/T 4754-" + tables.code_edition +
                             ") with no minimum FAR in the table: " + codes + "; their FAR is not checked" +
                             (tables.code_edition == "2002" ? " (if the codes are GB/T 4754-2017 ones, set analysis.capacity.industry_code_edition to \"2017\")" : ""));
    }
    const std::vector<int32_t> site_park = sites_in_parks(in);
    std::vector<double> factory_floor_of_site(in.site_name.size(), -1), factory_beds(np, 0);
    for (const auto& f : in.factories) {
        if (f.site >= in.site_name.size()) continue;
        factory_floor_of_site[f.site] = std::max(0.0, factory_floor_of_site[f.site]) + f.floor_m2;
        if (site_park[f.site] >= 0) factory_beds[static_cast<size_t>(site_park[f.site])] += f.beds;
    }

    for (size_t p = 0; p < np; ++p) {
        ParkCapacity& pc = r.parks[p];
        const Sums& s = sums[p];
        pc.net_m2 = std::max(0.0, pc.gross_m2 - pc.constrained_m2);
        pc.road_utility_m2 = pc.net_m2 * road_share;
        pc.developable_m2 = pc.net_m2 - pc.road_utility_m2;
        pc.occupied_m2 = s.land;
        pc.vacant_m2 = std::max(0.0, pc.developable_m2 - pc.occupied_m2);
        if (!std::isnan(in.permitted_far[p])) {
            pc.permitted_far = in.permitted_far[p];
            pc.far_source = "park";
        } else if (s.far_land > 0) {
            pc.permitted_far = s.far_weighted / s.far_land;
            pc.far_source = "industry minimum";
        } else {
            // Only sites with their own FAR give floor area; the rest of the land is unknown.
            pc.permitted_far = std::numeric_limits<double>::quiet_NaN();
            pc.far_source = "none";
            r.warnings.push_back("park '" + pc.name + "' has no permitted FAR, and none of its enterprises has an industry in the minimum "
                                 "FAR table: only site parcels with their own FAR count towards its floor area");
        }
        const double far_or_zero = std::isnan(pc.permitted_far) ? 0.0 : pc.permitted_far;
        if (pc.permitted_far < 0) throw Error("park '" + pc.name + "': a negative permitted FAR", {.file = tables.source});
        pc.existing_floor_m2 = s.floor;
        pc.floor_capacity_m2 = pc.developable_m2 * pc.permitted_far;
        pc.remaining_floor_m2 = pc.floor_capacity_m2 - pc.existing_floor_m2;
        pc.enterprises = s.n;
        pc.jobs = s.jobs;

        // Floor area on vacant land: vacant sites at their own FAR, the rest at the park's.
        double site_land = 0, site_floor = 0;
        for (size_t k = 0; k < in.site_name.size(); ++k) {
            if (site_park[k] != static_cast<int32_t>(p)) continue;
            const bool vacant = std::find(vacant_statuses.begin(), vacant_statuses.end(), in.site_status[k]) != vacant_statuses.end();
            const double planned = vacant ? in.site_area[k] * (std::isnan(in.site_far[k]) ? far_or_zero : in.site_far[k]) : 0.0;
            if (vacant) site_land += in.site_area[k];
            if (factory_floor_of_site[k] >= 0) {
                pc.factory_floor_m2 += factory_floor_of_site[k] - planned;  // the building replaces the site's planned floor
            }
            site_floor += planned;
        }
        const double site_land_used = std::min(site_land, pc.vacant_m2);
        pc.vacant_floor_m2 = (site_land > 0 ? site_floor * site_land_used / site_land : 0.0) + (pc.vacant_m2 - site_land_used) * far_or_zero;

        // Redevelopment of under-used plots (a scenario), and the densification left unused.
        for (const uint32_t i : s.members) {
            const double land_m2 = value_or_zero(in.firms->land_area[i]), floor = value_or_zero(counted_floor(in, r.compliance, i));
            pc.densification_potential_m2 += std::max(0.0, land_m2 * far_or_zero - floor);
            // The park's under-used plots (redevelop) and the plots marked one by one (redevelop_plots): the higher FAR.
            double far = !std::isnan(in.redevelop_far[p]) && r.plots[i].underused ? in.redevelop_far[p] : 0.0;
            if (i < in.plot_redevelop_far.size() && !std::isnan(in.plot_redevelop_far[i])) far = std::max(far, in.plot_redevelop_far[i]);
            if (far > 0) pc.redevelopment_m2 += std::max(0.0, land_m2 * far - floor);
        }
        pc.available_floor_m2 = std::max(0.0, pc.vacant_floor_m2 + pc.redevelopment_m2 + pc.factory_floor_m2);

        // Jobs and enterprises from the remaining floor area, by cluster, at the park's averages.
        pc.jobs_per_m2 = s.floor > 0 ? s.jobs / s.floor : safe_ratio(city_jobs, city_floor);
        pc.remaining_jobs = pc.available_floor_m2 * pc.jobs_per_m2;
        bool given_average = false;
        double cluster_jobs = 0;
        for (const auto& [name, c0] : s.clusters) {
            ClusterShare c = c0;
            c.cluster = name;
            if (s.floor > 0 && c.floor_m2 > 0) {
                c.new_floor_m2 = pc.available_floor_m2 * c.floor_m2 / s.floor;
                // The planner's averages for the cluster where given, else the park's own.
                const auto given = tables.cluster_averages.find(name);
                const double per_job = given != tables.cluster_averages.end() && given->second.m2_per_job > 0 ? given->second.m2_per_job
                                                                                                             : c.floor_m2 / std::max(c.jobs, 1e-12);
                const double per_firm = given != tables.cluster_averages.end() && given->second.m2_per_enterprise > 0
                                            ? given->second.m2_per_enterprise
                                            : c.floor_m2 / static_cast<double>(c.enterprises);
                given_average = given_average || given != tables.cluster_averages.end();
                c.new_jobs = c.jobs > 0 || given != tables.cluster_averages.end() ? c.new_floor_m2 / per_job : 0.0;
                c.new_enterprises = c.new_floor_m2 / per_firm;
            }
            cluster_jobs += c.new_jobs;
            pc.remaining_enterprises += c.new_enterprises;
            pc.clusters.push_back(c);
        }
        if (given_average) pc.remaining_jobs = cluster_jobs;  // equal to the line above with the park's own averages
        std::sort(pc.clusters.begin(), pc.clusters.end(), [](const ClusterShare& a, const ClusterShare& b) { return a.jobs > b.jobs; });

        // The barrel: floor area first, then each infrastructure factor.
        FactorCapacity floor_factor{"floor_area", "m2", true, s.floor + pc.available_floor_m2, s.floor,
                                    pc.remaining_jobs > 0 ? pc.available_floor_m2 / pc.remaining_jobs : (pc.jobs_per_m2 > 0 ? 1 / pc.jobs_per_m2 : 0),
                                    pc.jobs + pc.remaining_jobs, 0, false};
        if (std::isnan(pc.permitted_far)) {
            floor_factor.given = false;
            floor_factor.jobs_supported = std::numeric_limits<double>::infinity();
        } else if (!(pc.jobs_per_m2 > 0)) {
            floor_factor.given = false;
            floor_factor.jobs_supported = std::numeric_limits<double>::infinity();
            r.warnings.push_back("park '" + pc.name + "': no enterprise floor area and employees to measure jobs per m², so its floor area "
                                 "is not turned into jobs");
        }
        pc.factors.push_back(floor_factor);
        std::map<std::string, double> given;
        const PolygonLocator locator(in.parks, p);
        for (const std::string& key : {pc.name, pc.code})
            if (auto it = tables.infrastructure.find(key); !key.empty() && it != tables.infrastructure.end())
                for (const auto& [f, v] : it->second) given[f] += v;
        for (const std::string& factor : tables.factors) {
            FactorCapacity f;
            f.factor = factor;
            double capacity = given.count(factor) ? given[factor] : 0.0;
            f.given = given.count(factor) > 0;
            if (factor == "dormitory_beds") {
                for (size_t k = 0; k < in.facility_xy.size(); ++k) {
                    const FacilityType* t = find_facility_type(in.radii, in.facility_type[k]);
                    const bool dorm = t ? t->code == dorm_type : in.facility_type[k] == dorm_type;
                    if (!dorm || std::isnan(in.facility_capacity[k])) continue;
                    if (!locator.contains(in.facility_xy[k].x, in.facility_xy[k].y)) continue;
                    capacity += in.facility_capacity[k];
                    f.given = true;
                }
                capacity += factory_beds[p];
                f.given = f.given || factory_beds[p] > 0;
                pc.dormitory_beds = capacity;
            }
            double per_job = 0;
            bool any_rate = false;
            std::vector<std::pair<double, double>> mix;  // (jobs, units per job) per cluster
            if (s.jobs > 0) {
                for (const ClusterShare& c : pc.clusters) {
                    const auto rate = tables.rate(factor, c.cluster);
                    if (!rate || c.jobs <= 0) continue;
                    any_rate = true;
                    const double unit = rate->per_job ? rate->rate : rate->rate * c.floor_m2 / c.jobs;
                    per_job += c.jobs / s.jobs * unit;
                    f.unit = rate->unit;
                }
            } else if (const auto rate = tables.rate(factor, "*")) {
                any_rate = true;
                per_job = rate->per_job ? rate->rate : rate->rate / std::max(pc.jobs_per_m2, 1e-12);
                f.unit = rate->unit;
            }
            if (!any_rate) continue;
            f.capacity = capacity;
            f.used = pc.jobs * per_job;
            f.per_new_job = per_job;
            f.jobs_supported = per_job > 0 ? pc.jobs + (capacity - f.used) / per_job : std::numeric_limits<double>::infinity();
            if (!f.given) f.jobs_supported = std::numeric_limits<double>::infinity();
            pc.factors.push_back(f);
        }
        pc.capacity_jobs = std::numeric_limits<double>::infinity();
        for (const FactorCapacity& f : pc.factors)
            if (f.given) pc.capacity_jobs = std::min(pc.capacity_jobs, f.jobs_supported);
        for (FactorCapacity& f : pc.factors) {
            if (!f.given) continue;
            const double gap = f.jobs_supported - pc.capacity_jobs;
            f.binding = gap <= kTieTolerance * std::max(1.0, std::abs(pc.capacity_jobs));
            f.headroom_jobs = f.binding ? 0.0 : gap;
            if (f.binding) pc.binding.push_back(f.factor);
        }
        pc.headroom_jobs = pc.capacity_jobs - pc.jobs;

        // Indicators.
        pc.comprehensive_far = safe_ratio(s.floor, s.land);
        pc.building_density = safe_ratio(s.footprint, s.land);
        pc.industrial_land_share = safe_ratio(s.land, pc.gross_m2);
        pc.output_per_ha = safe_ratio(s.output, s.land / 1e4);
        pc.tax_per_ha = safe_ratio(s.tax, s.land / 1e4);
        pc.jobs_per_ha = safe_ratio(s.jobs, s.land / 1e4);
        pc.output_per_mu = safe_ratio(s.output, s.land / mu);
        pc.tax_per_mu = safe_ratio(s.tax, s.land / mu);
        pc.jobs_per_mu = safe_ratio(s.jobs, s.land / mu);
    }

    // Characteristic clusters (location quotients by employment against all enterprises).
    {
        Column cluster("cluster", FieldType::String), jobs("employees", FieldType::Real);
        for (size_t i = 0; i < in.firms->xy.size(); ++i) {
            in.firms->cluster[i].empty() ? cluster.push_null() : cluster.push_string(in.firms->cluster[i]);
            std::isnan(in.firms->employees[i]) ? jobs.push_null() : jobs.push_real(in.firms->employees[i]);
        }
        LqOptions o;
        if (tables.parameters.count("characteristic_min_lq")) o.min_lq = tables.number("characteristic_min_lq");
        if (tables.parameters.count("characteristic_min_share")) o.min_share = tables.number("characteristic_min_share");
        if (tables.parameters.count("characteristic_measure") && tables.parameters.at("characteristic_measure") == "count") o.measure = LqMeasure::Count;
        for (const LqRow& row : location_quotients(r.park_of, np, cluster, &jobs, o))
            if (row.characteristic) r.parks[row.park].characteristic_clusters.push_back(row.category);
    }
    // Coverage of each park's employees by each facility type.
    if (!in.radii.empty() && !in.facility_xy.empty()) {
        // Facility counts per type: the cache holds when nothing was added.
        // `cached` is the coverage of these very facilities and enterprises (run_capacity checks).
        const bool usable = cached && std::all_of(cached->within.begin(), cached->within.end(),
                                                  [&](const std::vector<uint8_t>& w) { return w.size() == in.firms->xy.size(); });
        CapacityCoverage fresh;
        if (!usable) fresh = capacity_coverage(in);
        const CapacityCoverage& cov = usable ? *cached : fresh;
        for (size_t t = 0; t < cov.types.size(); ++t) {
            std::vector<double> covered(np, 0), total(np, 0);
            for (size_t i = 0; i < in.firms->xy.size(); ++i) {
                if (r.park_of[i] < 0) continue;
                const double jobs = value_or_zero(in.firms->employees[i]);
                total[static_cast<size_t>(r.park_of[i])] += jobs;
                if (cov.within[t][i]) covered[static_cast<size_t>(r.park_of[i])] += jobs;
            }
            for (size_t p = 0; p < np; ++p) r.parks[p].coverage[cov.types[t]] = safe_ratio(covered[p], total[p]);
        }
    }
    return r;
}

}  // namespace geo
