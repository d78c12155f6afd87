#include "project_input.h"

#include <filesystem>
#include <optional>

namespace cli {

std::vector<OptionSpec> with_layer_input(std::vector<OptionSpec> own)
{
    const std::vector<OptionSpec> layer = {
        {"layer", "NAME", "the layer to open in a file with several layers"},
        {"srs", "CRS", "CRS of a layer file that has none (EPSG:4326, EPSG:4490, ...)"},
        {"encoding", "ENC", "text encoding of a Shapefile or CSV (CP936, UTF-8, ...)"},
        {"coords", "SYSTEM", "declared web-map coordinates of a point layer: wgs84, gcj02, bd09"},
        {"field", "MEANING=FIELD", "bind a field of a layer file to a meaning, e.g. employees=从业人员 (repeatable)", true},
        {"working-crs", "CRS", "working CRS (a projected EPSG code), instead of the automatic choice"},
    };
    own.insert(own.empty() ? own.end() : own.end() - 1, layer.begin(), layer.end());
    return own;
}

geo::Project input_project(const std::string& path, const Args& args, geo::Role default_role)
{
    if (geo::looks_like_project_file(path)) {
        for (const char* o : {"layer", "role", "srs", "encoding", "coords", "field"})
            if (args.flag(o)) throw UsageError(std::string("--") + o + " applies to a single layer file; set it in the project");
        geo::Project p = geo::read_project(path);
        if (args.flag("working-crs")) p.working_crs = args.get("working-crs");
        return p;
    }
    geo::ProjectLayer layer;
    const std::string role = args.get("role", std::string(geo::to_string(default_role)));
    auto parsed = geo::parse_role(role);
    if (!parsed) throw UsageError("unknown role '" + role + "'");
    layer.role = *parsed;
    layer.id = role;
    layer.path = path;
    layer.source.path = path;
    layer.source.layer = args.get("layer");
    layer.source.srs = args.get("srs");
    layer.source.encoding = args.get("encoding");
    layer.source.coords = geo::parse_web_map_coords(args.get("coords"));
    for (const std::string& binding : args.all("field")) {
        const auto eq = binding.find('=');
        if (eq == std::string::npos) throw UsageError("--field needs MEANING=FIELD, not '" + binding + "'");
        layer.fields[binding.substr(0, eq)] = binding.substr(eq + 1);
    }
    geo::Project project;
    project.name = std::filesystem::path(path).filename().string();
    project.layers.push_back(layer);
    if (args.flag("working-crs")) project.working_crs = args.get("working-crs");
    return project;
}

geo::LoadedProject load_input(const std::string& path, const Args& args, geo::Role default_role, const geo::Progress& progress)
{
    return geo::load_project(input_project(path, args, default_role), progress);
}

namespace {

// The project's parks alone, loaded (they choose the working CRS an "auto" project gets), or
// nullopt without a parks layer.
std::optional<geo::LoadedProject> parks_of(const geo::Project& input)
{
    geo::Project parks_only = input;
    std::erase_if(parks_only.layers, [](const geo::ProjectLayer& l) { return l.role != geo::Role::Parks; });
    if (parks_only.layers.empty()) return std::nullopt;
    return geo::load_project(std::move(parks_only));
}

}  // namespace

void read_only_park(geo::Project& input, const std::string& park)
{
    if (park.empty()) return;
    const std::optional<geo::LoadedProject> parks = parks_of(input);
    if (!parks) return;
    const geo::LoadedLayer& layer = parks->layers.front();
    const std::string* name = layer.fields.field_for("name");
    if (!name) return;
    for (size_t p = 0; p < layer.data->size(); ++p) {
        if (layer.data->column(*name)->text(p) != park) continue;
        for (geo::ProjectLayer& l : input.layers)
            if (l.role == geo::Role::Enterprises) {
                l.source.within = layer.data->geometry.envelope(p);
                l.source.within_crs = parks->working.crs.code();
            }
        return;
    }
}

void read_only_within(geo::Project& input, const geo::Envelope& box)
{
    std::string working = input.working_crs;
    if (working.empty() || working == "auto") {
        const std::optional<geo::LoadedProject> parks = parks_of(input);
        if (!parks) return;
        working = parks->working.crs.code();
    }
    for (geo::ProjectLayer& l : input.layers)
        if (l.role == geo::Role::Enterprises) {
            l.source.within = box;
            l.source.within_crs = working;
        }
}

}  // namespace cli
