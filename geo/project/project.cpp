#include "geo/project/project.h"

#include <fstream>
#include <set>
#include <sstream>

#include "geo/core/error.h"
#include "geo/io/database_writer.h"
#include "geo/core/json_depth.h"
#include "geo/io/atomic_file.h"

namespace geo {

namespace fs = std::filesystem;

namespace {

constexpr int kFormatVersion = 1;
const std::set<std::string> kTopKeys = {"parkcap", "name", "working_crs", "layers", "analysis", "scenarios", "view", "basemap"};
const std::set<std::string> kLayerKeys = {"id", "role", "path", "layer", "sql", "srs", "encoding", "coordinates", "fields"};

struct Reader {
    const fs::path& file;
    std::vector<std::string>& warnings;

    [[noreturn]] void fail(const std::string& key, const std::string& message) const
    {
        throw Error(message, {.file = file.string(), .key = key});
    }

    std::string string_at(const Json& obj, const std::string& name, const std::string& key,
                          bool required = false) const
    {
        auto it = obj.find(name);
        if (it == obj.end() || it->is_null()) {
            if (required) fail(key, "missing \"" + name + "\"");
            return {};
        }
        if (!it->is_string()) fail(key + "." + name, "must be a string");
        return it->get<std::string>();
    }
};

bool is_connection(const std::string& path) { return path.rfind("PG:", 0) == 0; }

std::pair<size_t, size_t> line_and_column(const std::string& text, size_t byte)
{
    size_t line = 1, column = 1;
    for (size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

ProjectLayer parse_layer(const Json& j, size_t index, const Reader& r, const fs::path& folder)
{
    const std::string key = "layers[" + std::to_string(index) + "]";
    if (!j.is_object()) r.fail(key, "must be an object");
    ProjectLayer layer;
    const std::string role = r.string_at(j, "role", key, true);
    auto parsed = parse_role(role);
    if (!parsed) {
        std::string known;
        for (Role ro : all_roles()) known += (known.empty() ? "" : ", ") + std::string(to_string(ro));
        r.fail(key + ".role", "unknown role '" + role + "' (known: " + known + ")");
    }
    layer.role = *parsed;
    layer.id = r.string_at(j, "id", key);
    if (layer.id.empty()) layer.id = role;
    layer.path = r.string_at(j, "path", key, true);
    layer.source.path = (is_connection(layer.path) || fs::path(layer.path).is_absolute())
                            ? layer.path
                            : (folder / layer.path).lexically_normal().string();
    if (is_connection(layer.path) && layer.path.find("password=") != std::string::npos)
        r.warnings.push_back(r.file.string() + ": " + key + ": the connection holds a password; parkcap saves the project without it "
                             "(give it in PGPASSWORD or ~/.pgpass)");
    layer.source.layer = r.string_at(j, "layer", key);
    layer.source.sql = r.string_at(j, "sql", key);
    layer.source.srs = r.string_at(j, "srs", key);
    layer.source.encoding = r.string_at(j, "encoding", key);
    try {
        layer.source.coords = parse_web_map_coords(r.string_at(j, "coordinates", key));
    } catch (const Error& e) {
        r.fail(key + ".coordinates", e.message());
    }
    if (auto f = j.find("fields"); f != j.end()) {
        if (!f->is_object()) r.fail(key + ".fields", "must be an object of meaning: field name");
        for (auto it = f->begin(); it != f->end(); ++it) {
            if (!it.value().is_string() && !it.value().is_null())
                r.fail(key + ".fields." + it.key(), "must be a field name (a string) or null");
            layer.fields[it.key()] = it.value().is_string() ? it.value().get<std::string>() : "";
        }
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (kLayerKeys.count(it.key())) continue;
        r.warnings.push_back(r.file.string() + ": " + key + ": unknown key '" + it.key() + "' (kept)");
        layer.extra[it.key()] = it.value();
    }
    return layer;
}

}  // namespace

const ProjectLayer* Project::find_layer(std::string_view id) const
{
    for (const ProjectLayer& l : layers)
        if (l.id == id) return &l;
    return nullptr;
}

Project parse_project(const std::string& text, const fs::path& file)
{
    Project project;
    project.file = file;
    Reader r{file, project.warnings};
    if (auto deep = find_json_too_deep(text))
        throw Error("nested more than " + std::to_string(kMaxJsonDepth) + " levels deep at line " + std::to_string(deep->line) +
                        ", column " + std::to_string(deep->column) + "; a project file nests a few levels (is it a project file?)",
                    {.file = file.string()});
    Json j;
    try {
        j = Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        auto [line, column] = line_and_column(text, e.byte > 0 ? e.byte - 1 : 0);
        // nlohmann's text repeats the position; keep only what went wrong.
        std::string what = e.what();
        if (auto pos = what.find("column "); pos != std::string::npos && what.find(": ", pos) != std::string::npos)
            what = what.substr(what.find(": ", pos) + 2);
        throw Error("not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
                        ": " + what, {.file = file.string()});
    } catch (const nlohmann::json::exception& e) {
        // Numbers too large for a double ("1e3081") and the like: not a syntax error, still bad input.
        std::string what = e.what();
        if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
        throw Error("not valid JSON: " + what, {.file = file.string()});
    }
    if (!j.is_object()) r.fail("", "a project file must hold a JSON object");
    if (auto v = j.find("parkcap"); v != j.end()) {
        if (!v->is_number_integer()) r.fail("parkcap", "must be the format version number");
        if (v->get<int>() > kFormatVersion)
            project.warnings.push_back(file.string() + ": written by a newer parkcap (format " +
                                       std::to_string(v->get<int>()) + "); unknown parts are kept");
    }
    project.name = r.string_at(j, "name", "");
    if (project.name.empty()) project.name = file.stem().stem().string();
    project.working_crs = r.string_at(j, "working_crs", "");
    if (project.working_crs.empty()) project.working_crs = "auto";

    auto layers = j.find("layers");
    if (layers == j.end()) r.fail("layers", "missing \"layers\" (a list of layers)");
    if (!layers->is_array()) r.fail("layers", "must be a list");
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    std::set<std::string> ids;
    for (size_t i = 0; i < layers->size(); ++i) {
        ProjectLayer layer = parse_layer((*layers)[i], i, r, folder);
        if (!ids.insert(layer.id).second)
            r.fail("layers[" + std::to_string(i) + "].id", "duplicate layer id '" + layer.id + "'");
        project.layers.push_back(std::move(layer));
    }
    if (auto a = j.find("analysis"); a != j.end() && !a->is_null() && !a->is_object())
        r.fail("analysis", "must be an object of analysis settings ({\"density\": {...}, ...}), not " + a->dump());
    if (auto sc = j.find("scenarios"); sc != j.end() && !sc->is_null()) {
        if (!sc->is_array()) r.fail("scenarios", "must be a list of scenarios ([{\"name\": ..., \"edits\": [...]}]), not " + sc->dump());
        for (size_t i = 0; i < sc->size(); ++i)
            if (!(*sc)[i].is_object())
                r.fail("scenarios[" + std::to_string(i) + "]", "must be an object with \"name\" and \"edits\"");
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!kTopKeys.count(it.key()))
            project.warnings.push_back(file.string() + ": unknown key '" + it.key() + "' (kept)");
        if (it.key() != "parkcap" && it.key() != "name" && it.key() != "working_crs" && it.key() != "layers")
            project.extra[it.key()] = it.value();
    }
    return project;
}

Project read_project(const fs::path& file)
{
    std::error_code ec;
    if (!fs::exists(file, ec)) throw Error("no such project file", {.file = file.string()});
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("cannot read the project file", {.file = file.string()});
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse_project(buffer.str(), file);
}

namespace {

// Saved into another folder ("Save as"), the tables named by relative paths under "analysis"
// (a radius table, the standards folder) are written relative to the new folder, so that
// they still name the same files. Text that names no existing file is left as it is.
void rebase_paths(Json& j, const fs::path& old_file, const fs::path& new_folder)
{
    if (old_file.empty()) return;
    const fs::path old_folder = fs::absolute(old_file).parent_path().lexically_normal();
    if (old_folder == new_folder.lexically_normal()) return;
    if (j.is_structured()) {
        for (Json& child : j) rebase_paths(child, old_file, new_folder);
        return;
    }
    if (!j.is_string()) return;
    const std::string text = j.get<std::string>();
    if (text.empty() || text.size() > 4096 || text.find('\0') != std::string::npos || fs::path(text).is_absolute() || is_connection(text)) return;
    std::error_code ec;
    const fs::path target = (old_folder / text).lexically_normal();
    if (!fs::exists(target, ec)) return;
    const fs::path rel = target.lexically_relative(new_folder.lexically_normal());
    j = rel.empty() ? target.generic_string() : rel.generic_string();
}

}  // namespace

Json project_to_json(const Project& project, const fs::path& file)
{
    const fs::path folder = fs::absolute(file).parent_path();
    Json j = Json::object();
    j["parkcap"] = kFormatVersion;
    j["name"] = project.name;
    j["working_crs"] = project.working_crs;
    Json layers = Json::array();
    for (const ProjectLayer& l : project.layers) {
        Json o = Json::object();
        o["id"] = l.id;
        o["role"] = std::string(to_string(l.role));
        std::string path = l.source.path;
        // A database connection is saved without its password: it comes from PGPASSWORD,
        // ~/.pgpass or (in the GUI) a prompt, never from a file that travels by e-mail.
        if (is_connection(path)) path = connection_for_messages(path);
        if (!is_connection(path)) {
            const fs::path rel = fs::absolute(path).lexically_relative(folder);
            path = rel.empty() ? fs::absolute(path).generic_string() : rel.generic_string();
        }
        o["path"] = path;
        if (!l.source.layer.empty()) o["layer"] = l.source.layer;
        if (!l.source.sql.empty()) o["sql"] = l.source.sql;
        if (!l.source.srs.empty()) o["srs"] = l.source.srs;
        if (!l.source.encoding.empty()) o["encoding"] = l.source.encoding;
        if (l.source.coords != WebMapCoords::Wgs84) o["coordinates"] = std::string(to_string(l.source.coords));
        if (!l.fields.empty()) {
            Json f = Json::object();
            for (const auto& [meaning, field] : l.fields) f[meaning] = field.empty() ? Json(nullptr) : Json(field);
            o["fields"] = f;
        }
        for (auto it = l.extra.begin(); it != l.extra.end(); ++it) o[it.key()] = it.value();
        layers.push_back(o);
    }
    j["layers"] = layers;
    for (auto it = project.extra.begin(); it != project.extra.end(); ++it) j[it.key()] = it.value();
    if (j.contains("analysis")) rebase_paths(j["analysis"], project.file, folder);
    return j;
}

void write_project(const Project& project, const fs::path& file)
{
    write_file_atomically(file, project_to_json(project, file).dump(2) + "\n");
}

InputFiles input_files_of(const Project& project)
{
    InputFiles files;
    if (!project.file.empty()) files.add(project.file);
    for (const ProjectLayer& l : project.layers) files.add(l.source.path);
    const fs::path folder = project.file.has_parent_path() ? project.file.parent_path() : fs::path(".");
    // Tables named anywhere under "analysis" (and scenarios' files, if any).
    std::vector<const Json*> todo;
    for (const char* key : {"analysis", "scenarios"})
        if (auto it = project.extra.find(key); it != project.extra.end()) todo.push_back(&*it);
    while (!todo.empty()) {
        const Json* j = todo.back();
        todo.pop_back();
        if (j->is_string()) {
            const std::string text = j->get<std::string>();
            if (text.empty() || text.size() > 4096 || text.find('\0') != std::string::npos) continue;
            std::error_code ec;
            const fs::path p = fs::path(text).is_absolute() ? fs::path(text) : folder / text;
            if (fs::exists(p, ec)) files.add(p);
        } else if (j->is_structured()) {
            for (const Json& child : *j) todo.push_back(&child);
        }
    }
    return files;
}

bool looks_like_project_file(const fs::path& path)
{
    const std::string name = path.filename().string();
    return name.size() > 13 && name.compare(name.size() - 13, 13, ".parkcap.json") == 0;
}

}  // namespace geo
