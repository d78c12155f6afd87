#include "geo/capacity/scenario.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <variant>

#include <geos_c.h>

#include "geo/core/error.h"
#include "geo/core/overload.h"
#include "geo/core/geos_util.h"
#include "geo/scenario/edits.h"

namespace geo {

std::vector<std::string> scenario_names(const Project& project)
{
    std::vector<std::string> out;
    if (project.extra.contains("scenarios") && project.extra["scenarios"].is_array())
        for (const auto& s : project.extra["scenarios"])
            if (s.is_object() && s.contains("name") && s["name"].is_string()) out.push_back(s["name"].get<std::string>());
    return out;
}

namespace {

struct Where {
    const Project& project;
    std::string key;  // "scenarios[1].edits[0]"

    Error error(const std::string& field, const std::string& what) const
    {
        return Error(what, {.file = project.file.string(), .key = key + (field.empty() ? "" : "." + field)});
    }
    size_t park(const CapacityInput& in, const std::string& p) const
    {
        const int32_t k = in.find_park(p);
        if (k < 0) throw error("park", "no park named '" + p + "' (give a name or code from the parks layer)");
        return static_cast<size_t>(k);
    }
    size_t site(const CapacityInput& in, const std::string& name, const std::string& field) const
    {
        for (size_t s = 0; s < in.site_name.size(); ++s)
            if (in.site_name[s] == name) return s;
        throw error(field, "no site named '" + name + "' in the sites layer");
    }
};

Coord to_working(const Transformer& t, LonLat p)
{
    Coord c{p.lon, p.lat};
    t.transform(std::span<Coord>(&c, 1));
    return c;
}

}  // namespace

void apply_scenario(const Project& project, const std::string& name, const Crs& working, CapacityInput& in, CapacityTables& tables,
                    std::vector<std::string>& notes)
{
    const std::vector<Scenario> all = read_scenarios(project);
    size_t si = 0;
    while (si < all.size() && all[si].name != name) ++si;
    if (si == all.size()) throw Error("no scenario named '" + name + "'", {.file = project.file.string(), .key = "scenarios"});
    const Scenario& scenario = all[si];
    const Transformer from_wgs84(wgs84(), working);
    std::map<std::string, size_t> added;  // add_facility ids -> row
    int64_t next_fid = 0;
    for (int64_t f : in.facility_fid) next_fid = std::max(next_fid, f + 1);
    int64_t next_firm_fid = 0;
    for (int64_t f : in.firms->fid) next_firm_fid = std::max(next_firm_fid, f + 1);
    size_t legacy = 0;
    for (size_t ei = 0; ei < scenario.edits.size(); ++ei) {
        const Where r{project, "scenarios[" + std::to_string(si) + "].edits[" + std::to_string(ei) + "]"};
        auto facility = [&](const FacilityRef& ref) -> size_t {
            if (!ref.added.empty()) {
                auto it = added.find(ref.added);
                if (it == added.end()) throw r.error("facility.added", "no earlier add_facility has the id '" + ref.added + "'");
                return it->second;
            }
            if (ref.layer != in.facility_layer) throw r.error("facility.layer", "'" + ref.layer + "' is not the facilities layer");
            for (size_t k = 0; k < in.facility_fid.size(); ++k)
                if (in.facility_fid[k] == ref.fid) return k;
            throw r.error("facility.fid", "the facilities layer has no feature " + std::to_string(ref.fid));
        };
        std::visit(
            Overload{
                [&](const RaiseFar& e) {
                    if (!e.sites.empty()) {
                        for (const std::string& s : e.sites) in.site_far[r.site(in, s, "sites")] = e.far;
                        return;
                    }
                    const size_t p = r.park(in, e.park);
                    in.permitted_far[p] = e.far;
                    const auto site_park = sites_in_parks(in);
                    for (size_t k = 0; k < site_park.size(); ++k)
                        if (site_park[k] == static_cast<int32_t>(p) && !(in.site_far[k] >= e.far)) in.site_far[k] = e.far;
                },
                [&](const Redevelop& e) {
                    const size_t p = r.park(in, e.park);
                    in.redevelop_far[p] = e.far.value_or(in.permitted_far[p]);
                    if (std::isnan(in.redevelop_far[p])) throw r.error("far", "the park has no permitted FAR; give one");
                },
                [&](const StandardFactory& e) {
                    in.factories.push_back({r.site(in, e.site, "site"), e.storeys * e.footprint_m2, e.beds});
                },
                [&](const AddFacility& e) {
                    if (!e.id.empty()) added[e.id] = in.facility_xy.size();
                    in.facility_xy.push_back(to_working(from_wgs84, e.at));
                    in.facility_type.push_back(e.facility_type);
                    in.facility_capacity.push_back(e.capacity.value_or(std::nan("")));
                    in.facility_fid.push_back(next_fid++);
                },
                // A moved facility takes what it offers (a dormitory's beds) to where it lands.
                [&](const MoveFacility& e) { in.facility_xy[facility(e.facility)] = to_working(from_wgs84, e.to); },
                [&](const RemoveFacility& e) {
                    const size_t k = facility(e.facility);
                    const auto at = static_cast<std::ptrdiff_t>(k);
                    in.facility_xy.erase(in.facility_xy.begin() + at);
                    in.facility_type.erase(in.facility_type.begin() + at);
                    in.facility_capacity.erase(in.facility_capacity.begin() + at);
                    in.facility_fid.erase(in.facility_fid.begin() + at);
                    std::erase_if(added, [&](const auto& entry) { return entry.second == k; });
                    for (auto& [id, row] : added) row = row > k ? row - 1 : row;
                },
                [&](const ExtendBoundary& e) {
                    const size_t p = r.park(in, e.park);
                    std::vector<Coord> ring;
                    for (const LonLat& pt : e.ring) ring.push_back(to_working(from_wgs84, pt));
                    if (ring.front().x != ring.back().x || ring.front().y != ring.back().y) ring.push_back(ring.front());
                    GeometryColumn extra(GeomKind::Polygon);
                    extra.begin_feature(false);
                    extra.begin_part();
                    extra.add_ring(ring);
                    extra.end_feature();
                    GeosContext ctx;
                    GEOSContextHandle_t h = ctx.handle();
                    GeosGeom a = to_geos(ctx, in.parks, p), b = to_geos(ctx, extra, 0);
                    GeosGeom bv(b ? GEOSMakeValid_r(h, b.get()) : nullptr, GeosGeomDeleter{h});
                    GeosGeom joined(a && bv ? GEOSUnion_r(h, a.get(), bv.get()) : nullptr, GeosGeomDeleter{h});
                    GeometryColumn parks(GeomKind::Polygon);
                    for (size_t k = 0; k < in.parks.size(); ++k) {
                        if (k != p) parks.append_feature(in.parks, k);
                        else if (!joined || !append_from_geos(ctx, joined.get(), parks)) throw r.error("ring", "cannot join the polygon to the park");
                    }
                    in.parks = std::move(parks);
                },
                [&](const UpgradeCapacity& e) {
                    const size_t p = r.park(in, e.park);
                    if (std::find(tables.factors.begin(), tables.factors.end(), e.factor) == tables.factors.end())
                        throw r.error("factor", "'" + e.factor + "' is not a factor of the demand rate table");
                    const std::string key = in.park_code[p].empty() ? in.park_name[p] : in.park_code[p];
                    // Capacities may be listed under the code or the name: fold them under one key.
                    double now = 0;
                    for (const std::string& k : {in.park_name[p], in.park_code[p]})
                        if (auto it = tables.infrastructure.find(k); !k.empty() && it != tables.infrastructure.end() && it->second.count(e.factor)) {
                            now += it->second[e.factor];
                            it->second.erase(e.factor);
                        }
                    const double v = e.set ? *e.set : now + e.add.value_or(0);
                    if (v < 0) throw r.error("add", "would leave a negative capacity");
                    tables.infrastructure[key][e.factor] = v;
                },
                // An incoming enterprise joins the park it lands in; on a site it takes the site's land.
                [&](const AddEnterprise& e) {
                    auto f = std::make_shared<EnterpriseData>(*in.firms);
                    double land = e.land_m2.value_or(std::nan(""));
                    if (!e.site.empty()) {
                        const size_t k = r.site(in, e.site, "site");
                        if (!e.land_m2) land = in.site_area[k];
                        in.site_status[k] = "occupied";
                    }
                    const double nan = std::nan("");
                    for (size_t i = f->fid.size(); i < f->xy.size(); ++i) f->fid.push_back(static_cast<int64_t>(i));  // inputs built by hand
                    in.plot_redevelop_far.resize(f->xy.size(), nan);
                    f->xy.push_back(to_working(from_wgs84, e.at));
                    f->fid.push_back(next_firm_fid++);
                    f->name.push_back(e.name);
                    f->code.emplace_back();
                    f->cluster.push_back(e.cluster);
                    f->tier.push_back(e.tier);
                    f->employees.push_back(e.employees);
                    f->floor_area.push_back(e.floor_m2);
                    f->land_area.push_back(land);
                    for (auto* v : {&f->footprint_area, &f->admin_living_area, &f->green_area, &f->storey_height, &f->output, &f->tax}) v->push_back(nan);
                    in.firms = std::move(f);
                    in.plot_redevelop_far.push_back(nan);
                },
                [&](const RedevelopPlots& e) {
                    if (e.layer != in.enterprise_layer) throw r.error("layer", "'" + e.layer + "' is not the enterprises layer");
                    const auto park_of = enterprises_in_parks(in);
                    in.plot_redevelop_far.resize(in.firms->xy.size(), std::nan(""));
                    for (size_t k = 0; k < e.fids.size(); ++k) {
                        const auto it = std::find(in.firms->fid.begin(), in.firms->fid.end(), e.fids[k]);
                        const std::string field = "fids[" + std::to_string(k) + "]";
                        if (it == in.firms->fid.end()) throw r.error(field, "the enterprises layer has no feature " + std::to_string(e.fids[k]));
                        const auto i = static_cast<size_t>(it - in.firms->fid.begin());
                        double far = e.far.value_or(std::nan(""));
                        if (!e.far && park_of[i] >= 0) far = in.permitted_far[static_cast<size_t>(park_of[i])];
                        if (std::isnan(far)) throw r.error(field, "the plot is in no park with a permitted FAR; give \"far\"");
                        in.plot_redevelop_far[i] = far;
                    }
                },
                [&](const LegacyCoverageEdit&) { ++legacy; }},
            scenario.edits[ei]);
    }
    if (legacy > 0)
        notes.push_back("scenario '" + name + "': " + std::to_string(legacy) +
                        " coverage what-if edits in the old index-based form are left out (open and save the project in parkcap-gui to upgrade them)");
}

}  // namespace geo
