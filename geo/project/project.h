#pragma once
// The project file (*.parkcap.json): which layers, which roles, which fields mean what, which
// CRS to work in, and room for analysis parameters and scenarios. Unknown keys are warned
// about and kept, so that a file written by a newer parkcap round-trips without loss.
//
// {
//   "parkcap": 1,
//   "name": "Chongqing demo",
//   "working_crs": "auto",                      // or "EPSG:4545"
//   "layers": [
//     {"id": "enterprises", "role": "enterprises", "path": "enterprises.gpkg",
//      "layer": "enterprises", "srs": "EPSG:4326", "encoding": "CP936",
//      "coordinates": "gcj02", "fields": {"employees": "从业人员"}}
//   ],
//   "analysis": {...}, "scenarios": [...],
//   "view": {...},                              // where the map was (the GUI's)
//   "basemap": {"source": "tiles/{z}/{x}/{y}.png"}  // geo/basemap/basemap_source.h
// }
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/io/input_files.h"
#include "geo/io/layer_source.h"
#include "geo/project/roles.h"

namespace geo {

using Json = nlohmann::ordered_json;

struct ProjectLayer {
    std::string id;           // unique within the project; defaults to the role name
    Role role = Role::Context;
    std::string path;         // as written in the file (relative to the project file)
    LayerSource source;       // with the path resolved against the project's folder
    std::map<std::string, std::string> fields;  // meaning -> field overrides
    Json extra = Json::object();                // keys this version does not know, kept
};

struct Project {
    std::filesystem::path file;  // where it was read from; relative paths resolve against it
    std::string name;
    std::string working_crs = "auto";
    std::vector<ProjectLayer> layers;
    Json extra = Json::object();        // "analysis", "scenarios" and unknown keys, kept
    std::vector<std::string> warnings;  // unknown keys and similar remarks from reading

    const ProjectLayer* find_layer(std::string_view id) const;
};

// Reads and checks a project file. Throws geo::Error naming the file and the line/column of
// a JSON syntax error, or the key ("layers[2].role") of a wrong value.
Project read_project(const std::filesystem::path& file);
Project parse_project(const std::string& text, const std::filesystem::path& file);

// The JSON for a project saved at `file`: layer paths are written relative to its folder.
Json project_to_json(const Project& project, const std::filesystem::path& file);
// Writes atomically (temporary file, then rename).
void write_project(const Project& project, const std::filesystem::path& file);

// Every file a run on this project reads: the project file, each layer's file (with its
// sidecars), and the files and folders named by string values under "analysis" (tables such
// as the service radii or the standards folder), resolved against the project's folder.
InputFiles input_files_of(const Project& project);

// True when the path names a project file rather than a layer file.
bool looks_like_project_file(const std::filesystem::path& path);

}  // namespace geo
