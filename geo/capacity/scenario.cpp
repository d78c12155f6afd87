#include "geo/capacity/scenario.h"

#include <algorithm>
#include <cmath>

#include <geos_c.h>

#include "geo/core/error.h"
#include "geo/core/geos_util.h"

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

struct EditReader {
    const Project& project;
    const Json& edit;
    std::string key;  // "scenarios[1].edits[0]"

    Error error(const std::string& field, const std::string& what) const
    {
        return Error(what, {.file = project.file.string(), .key = key + (field.empty() ? "" : "." + field)});
    }
    std::string text(const char* field) const
    {
        if (!edit.contains(field) || !edit[field].is_string()) throw error(field, "missing, or not text");
        return edit[field].get<std::string>();
    }
    double number(const char* field) const
    {
        if (!edit.contains(field) || !edit[field].is_number()) throw error(field, "missing, or not a number");
        const double v = edit[field].get<double>();
        if (!std::isfinite(v)) throw error(field, "not a finite number");
        return v;
    }
    double positive(const char* field) const
    {
        const double v = number(field);
        if (v < 0) throw error(field, "must not be negative (" + edit[field].dump() + ")");
        return v;
    }
    size_t park(const CapacityInput& in) const
    {
        const std::string p = text("park");
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

Coord to_working(const Transformer& t, double lon, double lat)
{
    Coord c{lon, lat};
    t.transform(std::span<Coord>(&c, 1));
    return c;
}

}  // namespace

void apply_scenario(const Project& project, const std::string& name, const Crs& working, CapacityInput& in, CapacityTables& tables,
                    std::vector<std::string>& notes)
{
    if (!project.extra.contains("scenarios") || !project.extra["scenarios"].is_array())
        throw Error("the project has no scenarios", {.file = project.file.string(), .key = "scenarios"});
    const Json& list = project.extra["scenarios"];
    for (size_t si = 0; si < list.size(); ++si) {
        const Json& s = list[si];
        if (!s.is_object() || s.value("name", "") != name) continue;
        const std::string base = "scenarios[" + std::to_string(si) + "]";
        if (!s.contains("edits")) return;
        if (!s["edits"].is_array()) throw Error("must be a list of edits", {.file = project.file.string(), .key = base + ".edits"});
        const Transformer from_wgs84(wgs84(), working);
        size_t coverage_edits = 0;
        for (size_t ei = 0; ei < s["edits"].size(); ++ei) {
            const Json& e = s["edits"][ei];
            const EditReader r{project, e, base + ".edits[" + std::to_string(ei) + "]"};
            if (!e.is_object()) throw r.error("", "an edit must be an object");
            if (e.contains("op")) {
                ++coverage_edits;
                continue;
            }
            const std::string type = r.text("type");
            if (type == "raise_far") {
                const double far = r.positive("far");
                if (e.contains("sites")) {
                    if (!e["sites"].is_array()) throw r.error("sites", "must be a list of site names");
                    for (const auto& name_j : e["sites"]) {
                        if (!name_j.is_string()) throw r.error("sites", "must be a list of site names");
                        in.site_far[r.site(in, name_j.get<std::string>(), "sites")] = far;
                    }
                } else {
                    const size_t p = r.park(in);
                    in.permitted_far[p] = far;
                    const auto site_park = sites_in_parks(in);
                    for (size_t k = 0; k < site_park.size(); ++k)
                        if (site_park[k] == static_cast<int32_t>(p) && !(in.site_far[k] >= far)) in.site_far[k] = far;
                }
            } else if (type == "redevelop") {
                const size_t p = r.park(in);
                in.redevelop_far[p] = e.contains("far") ? r.positive("far") : in.permitted_far[p];
                if (std::isnan(in.redevelop_far[p])) throw r.error("far", "the park has no permitted FAR; give one");
            } else if (type == "standard_factory") {
                const size_t site = r.site(in, r.text("site"), "site");
                const double storeys = r.positive("storeys"), footprint = r.positive("footprint_m2");
                in.factories.push_back({site, storeys * footprint, e.contains("beds") ? r.positive("beds") : 0.0});
            } else if (type == "add_facility") {
                in.facility_xy.push_back(to_working(from_wgs84, r.number("lon"), r.number("lat")));
                in.facility_type.push_back(r.text("facility_type"));
                in.facility_capacity.push_back(e.contains("capacity") ? r.positive("capacity") : std::nan(""));
            } else if (type == "extend_boundary") {
                const size_t p = r.park(in);
                if (!e.contains("ring") || !e["ring"].is_array() || e["ring"].size() < 3)
                    throw r.error("ring", "needs at least three [lon, lat] points");
                std::vector<Coord> ring;
                for (const auto& pt : e["ring"]) {
                    if (!pt.is_array() || pt.size() != 2 || !pt[0].is_number() || !pt[1].is_number())
                        throw r.error("ring", "each point must be [lon, lat]");
                    ring.push_back(to_working(from_wgs84, pt[0].get<double>(), pt[1].get<double>()));
                }
                if (ring.front().x != ring.back().x || ring.front().y != ring.back().y) ring.push_back(ring.front());
                GeometryColumn added(GeomKind::Polygon);
                added.begin_feature(false);
                added.begin_part();
                added.add_ring(ring);
                added.end_feature();
                GeosContext ctx;
                GEOSContextHandle_t h = ctx.handle();
                GeosGeom a = to_geos(ctx, in.parks, p), b = to_geos(ctx, added, 0);
                GeosGeom bv(b ? GEOSMakeValid_r(h, b.get()) : nullptr, GeosGeomDeleter{h});
                GeosGeom joined(a && bv ? GEOSUnion_r(h, a.get(), bv.get()) : nullptr, GeosGeomDeleter{h});
                GeometryColumn parks(GeomKind::Polygon);
                for (size_t k = 0; k < in.parks.size(); ++k) {
                    if (k != p) parks.append_feature(in.parks, k);
                    else if (!joined || !append_from_geos(ctx, joined.get(), parks)) throw r.error("ring", "cannot join the polygon to the park");
                }
                in.parks = std::move(parks);
            } else if (type == "upgrade_capacity") {
                const size_t p = r.park(in);
                const std::string factor = r.text("factor");
                if (std::find(tables.factors.begin(), tables.factors.end(), factor) == tables.factors.end())
                    throw r.error("factor", "'" + factor + "' is not a factor of the demand rate table");
                const std::string key = in.park_code[p].empty() ? in.park_name[p] : in.park_code[p];
                // Capacities may be listed under the code or the name: fold them under one key.
                double now = 0;
                for (const std::string& k : {in.park_name[p], in.park_code[p]})
                    if (auto it = tables.infrastructure.find(k); !k.empty() && it != tables.infrastructure.end() && it->second.count(factor)) {
                        now += it->second[factor];
                        it->second.erase(factor);
                    }
                const double v = e.contains("set") ? r.positive("set") : now + r.number("add");
                if (v < 0) throw r.error("add", "would leave a negative capacity");
                tables.infrastructure[key][factor] = v;
            } else {
                throw r.error("type", "unknown edit type '" + type +
                                          "' (raise_far, redevelop, standard_factory, add_facility, extend_boundary, upgrade_capacity)");
            }
        }
        if (coverage_edits > 0)
            notes.push_back("scenario '" + name + "': " + std::to_string(coverage_edits) +
                            " coverage what-if edits (facility moves) are not part of the capacity model");
        return;
    }
    throw Error("no scenario named '" + name + "'", {.file = project.file.string(), .key = "scenarios"});
}

}  // namespace geo
