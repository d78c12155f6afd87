#include "geo/scenario/edits.h"

#include <cmath>

#include "geo/core/error.h"
#include "geo/core/overload.h"

namespace geo {

namespace {

struct EditReader {
    const Project& project;
    const Json& edit;
    std::string key;  // "scenarios[1].edits[0]"

    [[noreturn]] void fail(const std::string& field, const std::string& what) const
    {
        throw Error(what, {.file = project.file.string(), .key = key + (field.empty() ? "" : "." + field)});
    }
    bool has(const char* field) const { return edit.contains(field) && !edit[field].is_null(); }
    std::string text(const char* field) const
    {
        if (!has(field) || !edit[field].is_string()) fail(field, "missing, or not text");
        return edit[field].get<std::string>();
    }
    double number(const char* field) const
    {
        if (!has(field) || !edit[field].is_number()) fail(field, "missing, or not a number");
        const double v = edit[field].get<double>();
        if (!std::isfinite(v)) fail(field, "not a finite number");
        return v;
    }
    double positive(const char* field) const
    {
        const double v = number(field);
        if (v < 0) fail(field, "must not be negative (" + edit[field].dump() + ")");
        return v;
    }
    std::optional<double> optional_positive(const char* field) const
    {
        return has(field) ? std::optional<double>(positive(field)) : std::nullopt;
    }
    LonLat place(const char* lon, const char* lat) const
    {
        LonLat p{number(lon), number(lat)};
        if (std::abs(p.lon) > 180) fail(lon, "not a longitude");
        if (std::abs(p.lat) > 90) fail(lat, "not a latitude");
        return p;
    }
    FacilityRef facility() const
    {
        if (!has("facility") || !edit["facility"].is_object())
            fail("facility", "must name a facility: {\"layer\": ID, \"fid\": N} or {\"added\": ID}");
        const Json& f = edit["facility"];
        FacilityRef r;
        if (f.contains("added")) {
            if (!f["added"].is_string() || f["added"].get<std::string>().empty()) fail("facility.added", "must be the id of an add_facility edit");
            r.added = f["added"].get<std::string>();
            return r;
        }
        if (!f.contains("layer") || !f["layer"].is_string()) fail("facility.layer", "missing, or not a layer id");
        if (!f.contains("fid") || !f["fid"].is_number_integer()) fail("facility.fid", "missing, or not a feature id");
        r.layer = f["layer"].get<std::string>();
        r.fid = f["fid"].get<int64_t>();
        return r;
    }
};

Edit read_edit(const EditReader& r)
{
    const Json& e = r.edit;
    if (!e.is_object()) r.fail("", "an edit must be an object");
    if (e.contains("op")) return LegacyCoverageEdit{e};
    const std::string type = r.text("type");
    if (type == "raise_far") {
        RaiseFar x;
        x.far = r.positive("far");
        if (r.has("sites")) {
            if (!e["sites"].is_array()) r.fail("sites", "must be a list of site names");
            for (const Json& s : e["sites"]) {
                if (!s.is_string()) r.fail("sites", "must be a list of site names");
                x.sites.push_back(s.get<std::string>());
            }
        } else {
            x.park = r.text("park");
        }
        return x;
    }
    if (type == "redevelop") return Redevelop{r.text("park"), r.optional_positive("far")};
    if (type == "standard_factory")
        return StandardFactory{r.text("site"), r.positive("storeys"), r.positive("footprint_m2"), r.optional_positive("beds").value_or(0)};
    if (type == "add_facility")
        return AddFacility{r.has("id") ? r.text("id") : "", r.text("facility_type"), r.place("lon", "lat"), r.optional_positive("capacity")};
    if (type == "move_facility") return MoveFacility{r.facility(), r.place("lon", "lat")};
    if (type == "remove_facility") return RemoveFacility{r.facility()};
    if (type == "extend_boundary") {
        ExtendBoundary x{r.text("park"), {}};
        if (!r.has("ring") || !e["ring"].is_array() || e["ring"].size() < 3) r.fail("ring", "needs at least three [lon, lat] points");
        for (const Json& p : e["ring"]) {
            if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) r.fail("ring", "each point must be [lon, lat]");
            x.ring.push_back({p[0].get<double>(), p[1].get<double>()});
        }
        return x;
    }
    if (type == "add_enterprise") {
        AddEnterprise x;
        x.id = r.has("id") ? r.text("id") : "";
        x.name = r.text("name");
        x.cluster = r.text("cluster");
        x.tier = r.has("tier") ? r.text("tier") : "";
        x.at = r.place("lon", "lat");
        x.employees = r.positive("employees");
        x.floor_m2 = r.positive("floor_m2");
        x.land_m2 = r.optional_positive("land_m2");
        x.site = r.has("site") ? r.text("site") : "";
        return x;
    }
    if (type == "redevelop_plots") {
        RedevelopPlots x{r.text("layer"), {}, r.optional_positive("far")};
        if (!r.has("fids") || !e["fids"].is_array() || e["fids"].empty()) r.fail("fids", "must be a list of feature ids of the enterprises layer");
        for (const Json& f : e["fids"]) {
            if (!f.is_number_integer()) r.fail("fids", "must be a list of feature ids (whole numbers)");
            x.fids.push_back(f.get<int64_t>());
        }
        return x;
    }
    if (type == "upgrade_capacity") {
        UpgradeCapacity x{r.text("park"), r.text("factor"), std::nullopt, std::nullopt};
        if (r.has("set")) x.set = r.positive("set");
        else x.add = r.number("add");
        return x;
    }
    r.fail("type", "unknown edit type '" + type +
                       "' (raise_far, redevelop, standard_factory, add_facility, move_facility, remove_facility, extend_boundary, "
                       "upgrade_capacity, add_enterprise, redevelop_plots)");
}

Json ref_json(const FacilityRef& r)
{
    if (!r.added.empty()) return {{"added", r.added}};
    return {{"layer", r.layer}, {"fid", r.fid}};
}

}  // namespace

std::string_view type_name(const Edit& edit)
{
    return std::visit(Overload{[](const RaiseFar&) { return "raise_far"; }, [](const Redevelop&) { return "redevelop"; },
                               [](const StandardFactory&) { return "standard_factory"; }, [](const AddFacility&) { return "add_facility"; },
                               [](const MoveFacility&) { return "move_facility"; }, [](const RemoveFacility&) { return "remove_facility"; },
                               [](const ExtendBoundary&) { return "extend_boundary"; }, [](const UpgradeCapacity&) { return "upgrade_capacity"; },
                               [](const AddEnterprise&) { return "add_enterprise"; }, [](const RedevelopPlots&) { return "redevelop_plots"; },
                               [](const LegacyCoverageEdit&) { return "coverage what-if (old format)"; }},
                      edit);
}

bool is_facility_edit(const Edit& e)
{
    return std::holds_alternative<AddFacility>(e) || std::holds_alternative<MoveFacility>(e) || std::holds_alternative<RemoveFacility>(e) ||
           std::holds_alternative<LegacyCoverageEdit>(e);
}

bool changes_coverage(const Edit& e) { return is_facility_edit(e) || std::holds_alternative<AddEnterprise>(e); }

std::vector<Scenario> read_scenarios(const Project& project)
{
    std::vector<Scenario> out;
    auto it = project.extra.find("scenarios");
    if (it == project.extra.end() || it->is_null()) return out;
    const std::string file = project.file.string();
    if (!it->is_array()) throw Error("must be a list of scenarios", {.file = file, .key = "scenarios"});
    for (size_t si = 0; si < it->size(); ++si) {
        const Json& s = (*it)[si];
        const std::string key = "scenarios[" + std::to_string(si) + "]";
        if (!s.is_object()) throw Error("must be an object with \"name\" and \"edits\"", {.file = file, .key = key});
        Scenario sc;
        if (!s.contains("name") || !s["name"].is_string() || s["name"].get<std::string>().empty())
            throw Error("missing, or not text", {.file = file, .key = key + ".name"});
        sc.name = s["name"].get<std::string>();
        for (const Scenario& earlier : out)
            if (earlier.name == sc.name) throw Error("a second scenario named '" + sc.name + "'", {.file = file, .key = key + ".name"});
        if (s.contains("edits") && !s["edits"].is_null()) {
            if (!s["edits"].is_array()) throw Error("must be a list of edits", {.file = file, .key = key + ".edits"});
            for (size_t ei = 0; ei < s["edits"].size(); ++ei)
                sc.edits.push_back(read_edit({project, s["edits"][ei], key + ".edits[" + std::to_string(ei) + "]"}));
        }
        for (auto kv = s.begin(); kv != s.end(); ++kv)
            if (kv.key() != "name" && kv.key() != "edits") sc.extra[kv.key()] = kv.value();
        out.push_back(std::move(sc));
    }
    return out;
}

Scenario scenario_named(const Project& project, const std::string& name)
{
    for (Scenario& s : read_scenarios(project))
        if (s.name == name) return std::move(s);
    throw Error("no scenario named '" + name + "'", {.file = project.file.string(), .key = "scenarios"});
}

Edit edit_from_json(const Json& edit)
{
    const Project nowhere;
    return read_edit({nowhere, edit, "edit"});
}

Json to_json(const Edit& edit)
{
    Json j = std::visit(
        Overload{[](const RaiseFar& x) -> Json {
                     Json o = {{"far", x.far}};
                     if (x.sites.empty()) o["park"] = x.park;
                     else o["sites"] = x.sites;
                     return o;
                 },
                 [](const Redevelop& x) -> Json {
                     Json o = {{"park", x.park}};
                     if (x.far) o["far"] = *x.far;
                     return o;
                 },
                 [](const StandardFactory& x) -> Json {
                     return {{"site", x.site}, {"storeys", x.storeys}, {"footprint_m2", x.footprint_m2}, {"beds", x.beds}};
                 },
                 [](const AddFacility& x) -> Json {
                     Json o = Json::object();
                     if (!x.id.empty()) o["id"] = x.id;
                     o["facility_type"] = x.facility_type;
                     o["lon"] = x.at.lon;
                     o["lat"] = x.at.lat;
                     if (x.capacity) o["capacity"] = *x.capacity;
                     return o;
                 },
                 [](const MoveFacility& x) -> Json { return {{"facility", ref_json(x.facility)}, {"lon", x.to.lon}, {"lat", x.to.lat}}; },
                 [](const RemoveFacility& x) -> Json { return {{"facility", ref_json(x.facility)}}; },
                 [](const ExtendBoundary& x) -> Json {
                     Json ring = Json::array();
                     for (const LonLat& p : x.ring) ring.push_back({p.lon, p.lat});
                     return {{"park", x.park}, {"ring", ring}};
                 },
                 [](const UpgradeCapacity& x) -> Json {
                     Json o = {{"park", x.park}, {"factor", x.factor}};
                     if (x.set) o["set"] = *x.set;
                     else o["add"] = x.add.value_or(0);
                     return o;
                 },
                 [](const AddEnterprise& x) -> Json {
                     Json o = Json::object();
                     if (!x.id.empty()) o["id"] = x.id;
                     o["name"] = x.name;
                     o["cluster"] = x.cluster;
                     if (!x.tier.empty()) o["tier"] = x.tier;
                     o["lon"] = x.at.lon;
                     o["lat"] = x.at.lat;
                     o["employees"] = x.employees;
                     o["floor_m2"] = x.floor_m2;
                     if (x.land_m2) o["land_m2"] = *x.land_m2;
                     if (!x.site.empty()) o["site"] = x.site;
                     return o;
                 },
                 [](const RedevelopPlots& x) -> Json {
                     Json o = {{"layer", x.layer}, {"fids", x.fids}};
                     if (x.far) o["far"] = *x.far;
                     return o;
                 },
                 [](const LegacyCoverageEdit& x) -> Json { return x.raw; }},
        edit);
    if (!std::holds_alternative<LegacyCoverageEdit>(edit)) {
        Json typed = {{"type", std::string(type_name(edit))}};
        for (auto it = j.begin(); it != j.end(); ++it) typed[it.key()] = it.value();
        j = std::move(typed);
    }
    return j;
}

Json to_json(const Scenario& s)
{
    Json j = {{"name", s.name}};
    for (auto it = s.extra.begin(); it != s.extra.end(); ++it) j[it.key()] = it.value();
    Json edits = Json::array();
    for (const Edit& e : s.edits) edits.push_back(to_json(e));
    j["edits"] = std::move(edits);
    return j;
}

void store_scenario(Project& project, const Scenario& scenario, bool keep_empty)
{
    if (!project.extra.contains("scenarios") || !project.extra["scenarios"].is_array()) project.extra["scenarios"] = Json::array();
    Json& list = project.extra["scenarios"];
    for (size_t i = 0; i < list.size(); ++i)
        if (list[i].is_object() && list[i].value("name", "") == scenario.name) {
            if (scenario.edits.empty() && !keep_empty) list.erase(i);
            else list[i] = to_json(scenario);
            if (list.empty()) project.extra.erase("scenarios");
            return;
        }
    if (!scenario.edits.empty() || keep_empty) list.push_back(to_json(scenario));
    if (list.empty()) project.extra.erase("scenarios");
}

}  // namespace geo
