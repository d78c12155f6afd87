#include "geo/report/project_info.h"

#include "geo/core/utf8.h"
#include "geo/report/text_format.h"

#include <cstdio>

namespace geo {

namespace {

Json notes_json(const std::vector<FeatureNote>& notes)
{
    Json a = Json::array();
    for (const FeatureNote& n : notes) a.push_back({{"fid", n.fid}, {"reason", n.reason}});
    return a;
}

Json layer_json(const LoadedLayer& l)
{
    Json j = Json::object();
    j["id"] = l.config.id;
    j["role"] = std::string(to_string(l.config.role));
    j["source"] = l.data->source;
    j["layer"] = l.data->name;
    j["driver"] = l.data->driver;
    j["source_crs"] = l.data->source_crs;
    if (!l.data->encoding.empty()) j["encoding"] = l.data->encoding;
    if (!l.data->coordinate_system.empty()) j["coordinates"] = l.data->coordinate_system;
    j["geometry"] = std::string(to_string(l.data->geometry.kind()));
    j["features"] = l.data->size();
    j["repaired"] = notes_json(l.data->report.repaired);
    j["skipped"] = notes_json(l.data->report.skipped);
    Json warnings = Json::array();
    for (const auto& w : l.data->report.warnings) warnings.push_back(w);
    for (const auto& w : l.warnings) warnings.push_back(w);
    j["warnings"] = warnings;
    Json fields = Json::array();
    for (const FieldBinding& b : l.fields.bindings)
        fields.push_back({{"meaning", b.meaning}, {"field", b.field}, {"guessed", b.guessed}});
    j["fields"] = fields;
    if (!l.unread.empty()) {
        Json unread = Json::array();
        for (const FieldBinding& b : l.unread) unread.push_back({{"meaning", b.meaning}, {"field", b.field}, {"guessed", b.guessed}});
        j["unread_fields"] = unread;
    }
    Json columns = Json::array();
    for (const Column& c : l.data->columns) columns.push_back({{"name", c.name()}, {"type", std::string(to_string(c.type()))}});
    j["columns"] = columns;
    return j;
}

Json parks_json(const LoadedProject& project, const ParkTally& t)
{
    const LoadedLayer& parks = *project.first(Role::Parks);
    const Column* name = nullptr;
    if (const std::string* f = parks.fields.field_for("name")) name = parks.data->column(*f);
    Json list = Json::array();
    for (size_t p = 0; p < parks.data->size(); ++p) {
        Json row = Json::object();
        row["fid"] = parks.data->fids[p];
        row["name"] = name && !name->is_null(p) ? name->text(p) : "park fid " + std::to_string(parks.data->fids[p]);
        row["area_km2"] = polygon_area(parks.data->geometry, p) / 1e6;
        row["enterprises"] = p < t.count.size() ? t.count[p] : 0;
        if (!t.jobs.empty()) row["employees"] = p < t.jobs.size() ? t.jobs[p] : 0.0;
        list.push_back(row);
    }
    Json j = Json::object();
    j["parks"] = list;
    j["outside_every_park"] = t.outside;
    if (!t.jobs.empty()) j["employees_outside"] = t.jobs_outside;
    j["in_several_parks"] = t.in_several;
    j["counted"] = t.method;
    return j;
}

std::string fmt_count(int64_t v) { return grouped(v); }

std::string pad(const std::string& s, size_t width) { return pad_to_width(s, width); }

void list_notes(std::string& out, const char* what, const Json& notes, size_t max_listed)
{
    if (notes.empty()) return;
    out += "  " + std::string(what) + ": " + std::to_string(notes.size()) + "\n";
    for (size_t i = 0; i < notes.size() && i < max_listed; ++i)
        out += "    fid " + std::to_string(notes[i]["fid"].get<int64_t>()) + ": " + notes[i]["reason"].get<std::string>() + "\n";
    if (notes.size() > max_listed) out += "    ... and " + std::to_string(notes.size() - max_listed) + " more (--json lists all)\n";
}

}  // namespace

ParkTally tally_in_memory(const LoadedProject& project, const ZoneAssignment& a)
{
    const LoadedLayer& parks = *project.first(Role::Parks);
    const LoadedLayer& firms = *project.first(Role::Enterprises);
    const Column* employees = nullptr;
    if (const std::string* f = firms.fields.field_for("employees")) employees = firms.data->column(*f);
    ParkTally t;
    t.count = a.count;
    t.outside = a.outside;
    t.in_several = a.in_several;
    if (employees) {
        t.jobs.assign(parks.data->size(), 0.0);
        for (size_t i = 0; i < a.zone_of.size(); ++i)
            if (auto v = employees->number(i)) (a.zone_of[i] < 0 ? t.jobs_outside : t.jobs[static_cast<size_t>(a.zone_of[i])]) += *v;
    }
    return t;
}

Json project_info(const LoadedProject& project, const ZoneAssignment* parks)
{
    if (parks && project.first(Role::Parks) && project.first(Role::Enterprises)) {
        const ParkTally t = tally_in_memory(project, *parks);
        return project_info(project, &t);
    }
    return project_info(project, static_cast<const ParkTally*>(nullptr));
}

Json project_info(const LoadedProject& project, const ParkTally* tally)
{
    Json j = Json::object();
    j["project"] = project.project.name;
    j["file"] = project.project.file.string();
    j["working_crs"] = {{"code", project.working.crs.code()},
                        {"name", project.working.crs.describe()},
                        {"reason", project.working.reason}};
    Json layers = Json::array();
    for (const LoadedLayer& l : project.layers) layers.push_back(layer_json(l));
    j["layers"] = layers;
    if (tally && project.first(Role::Parks)) j["enterprises_per_park"] = parks_json(project, *tally);
    Json warnings = Json::array();
    for (const auto& w : project.project.warnings) warnings.push_back(w);
    j["warnings"] = warnings;
    return j;
}

std::string project_info_text(const Json& info, size_t max_listed)
{
    std::string out;
    out += "Project: " + info["project"].get<std::string>();
    if (!info["file"].get<std::string>().empty()) out += " (" + info["file"].get<std::string>() + ")";
    out += "\nWorking CRS: " + info["working_crs"]["name"].get<std::string>() + " [" +
           info["working_crs"]["reason"].get<std::string>() + "]\n";
    for (const auto& w : info["warnings"]) out += "warning: " + w.get<std::string>() + "\n";
    for (const Json& l : info["layers"]) {
        out += "\nLayer '" + l["id"].get<std::string>() + "' (" + l["role"].get<std::string>() + "): " +
               l["source"].get<std::string>() + ", layer '" + l["layer"].get<std::string>() + "', " +
               l["driver"].get<std::string>() + "\n";
        out += "  " + fmt_count(l["features"].get<int64_t>()) + " " + l["geometry"].get<std::string>() +
               " features; source CRS " + l["source_crs"].get<std::string>();
        if (l.contains("coordinates")) out += ", declared " + l["coordinates"].get<std::string>() + " (converted to WGS 84)";
        if (l.contains("encoding")) out += "; encoding " + l["encoding"].get<std::string>();
        out += "\n";
        list_notes(out, "repaired", l["repaired"], max_listed);
        list_notes(out, "skipped", l["skipped"], max_listed);
        for (const auto& w : l["warnings"]) out += "  warning: " + w.get<std::string>() + "\n";
        if (!l["fields"].empty()) {
            out += "  fields:";
            for (const Json& f : l["fields"])
                out += " " + f["meaning"].get<std::string>() + "=" + f["field"].get<std::string>() +
                       (f["guessed"].get<bool>() ? "" : " (set)");
            out += "\n";
        }
        if (l.contains("unread_fields")) {
            out += "  not read (not needed here):";
            for (const Json& f : l["unread_fields"]) out += " " + f["meaning"].get<std::string>() + "=" + f["field"].get<std::string>();
            out += "\n";
        }
    }
    if (info.contains("enterprises_per_park")) {
        const Json& e = info["enterprises_per_park"];
        const bool jobs = e.contains("employees_outside");
        size_t width = 24;
        for (const Json& p : e["parks"]) width = std::max(width, geo::display_width(p["name"].get<std::string>()) + 2);
        out += "\nEnterprises per park" + std::string(e.value("counted", "in memory") == "in memory" ? "" : " (counted " + e.value("counted", "") + ")") + "\n  " + pad("park", width) + "      area km²   enterprises" +
               (jobs ? "     employees" : "") + "\n";
        char buf[64];
        for (const Json& p : e["parks"]) {
            std::snprintf(buf, sizeof buf, "%14.2f", p["area_km2"].get<double>());
            out += "  " + pad(p["name"].get<std::string>(), width) + buf;
            std::snprintf(buf, sizeof buf, "%14s", fmt_count(p["enterprises"].get<int64_t>()).c_str());
            out += buf;
            if (jobs) {
                std::snprintf(buf, sizeof buf, "%14s", fmt_count(static_cast<int64_t>(p["employees"].get<double>())).c_str());
                out += buf;
            }
            out += "\n";
        }
        std::snprintf(buf, sizeof buf, "%14s%14s", "", fmt_count(e["outside_every_park"].get<int64_t>()).c_str());
        out += "  " + pad("outside every park", width) + buf;
        if (jobs) {
            std::snprintf(buf, sizeof buf, "%14s", fmt_count(static_cast<int64_t>(e["employees_outside"].get<double>())).c_str());
            out += buf;
        }
        out += "\n";
        if (e["in_several_parks"].get<int64_t>() > 0)
            out += "  (" + fmt_count(e["in_several_parks"].get<int64_t>()) +
                   " enterprises lie in more than one park; each is counted in the first)\n";
    }
    return out;
}

}  // namespace geo
