#include "geo/project/loaded_project.h"

#include <cmath>
#include <cstdio>

#include "geo/core/error.h"
#include "geo/io/layer_reader.h"

namespace geo {

namespace {

std::string degrees(double v, char pos, char neg)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f%c", std::abs(v), v >= 0 ? pos : neg);
    return buf;
}

}  // namespace

const LoadedLayer* LoadedProject::first(Role role) const
{
    for (const LoadedLayer& l : layers)
        if (l.config.role == role) return &l;
    return nullptr;
}

WorkingCrsChoice choose_working_crs(const std::string& setting, const std::vector<Envelope>& lonlat_extents)
{
    if (!setting.empty() && setting != "auto") {
        Crs crs = parse_crs(setting);
        if (crs.is_geographic())
            throw Error("the working CRS must be projected (metres), not longitude/latitude: " + crs.describe() +
                        " (use e.g. EPSG:4545, or \"auto\")");
        return {crs, "set in the project"};
    }
    Envelope all;
    for (const Envelope& e : lonlat_extents) all.expand(e);
    if (all.empty())
        throw Error("cannot choose a working CRS: no layer has any feature to go by (are the layers empty?); set "
                    "working_crs in the project or give --working-crs");
    const Coord c = all.centre();
    const int epsg = default_working_epsg(c.x, c.y);
    return {parse_crs("EPSG:" + std::to_string(epsg)),
            "auto: centre of the data " + degrees(c.x, 'E', 'W') + " " + degrees(c.y, 'N', 'S')};
}

LoadedProject load_project(Project project, const Progress& progress)
{
    LoadedProject out;
    const std::string file = project.file.string();
    // Errors about a layer of a project file name the project and the layer id first; a
    // single layer file opened on its own is named by its own path already.
    auto context_of = [&](const ProjectLayer& l) {
        return file.empty() ? ErrorContext{} : ErrorContext{.file = file, .key = "layer '" + l.id + "'"};
    };
    std::vector<Envelope> extents;
    if (project.working_crs.empty() || project.working_crs == "auto") {
        for (const ProjectLayer& l : project.layers) {
            try {
                extents.push_back(probe_layer(l.source).lonlat_extent);
            } catch (const Error& e) {
                throw Error(describe(e.message(), e.context()), context_of(l));
            }
        }
    }
    try {
        out.working = choose_working_crs(project.working_crs, extents);
    } catch (const Error& e) {
        throw Error(e.message(), {.file = file, .key = "working_crs"});
    }

    const size_t n = project.layers.size();
    for (size_t i = 0; i < n; ++i) {
        const ProjectLayer& config = project.layers[i];
        Progress sub = progress;
        if (progress.report)
            sub.report = [&, i](double f, std::string_view stage) {
                progress.report((static_cast<double>(i) + f) / static_cast<double>(n), stage);
            };
        LoadedLayer loaded;
        loaded.config = config;
        try {
            loaded.data = read_layer(config.source, out.working.crs, sub);
            if (auto kind = required_kind(config.role); kind && loaded.data.size() > 0 && loaded.data.geometry.kind() != *kind)
                throw Error("a " + std::string(to_string(loaded.data.geometry.kind())) + " layer cannot play the role '" +
                                std::string(to_string(config.role)) + "', which needs " +
                                std::string(to_string(*kind)) + "s",
                            {.file = config.source.path, .layer = loaded.data.name});
            std::vector<std::string> names;
            for (const Column& c : loaded.data.columns) names.push_back(c.name());
            loaded.fields = guess_fields(config.role, names, config.fields);
            loaded.warnings = check_field_map(config.role, loaded.fields, loaded.data, config.fields);
        } catch (const Cancelled&) {
            throw;
        } catch (const Error& e) {
            // "project.parkcap.json: layer 'enterprises': enterprises.gpkg: no such file"
            throw Error(describe(e.message(), e.context()), context_of(config));
        }
        out.layers.push_back(std::move(loaded));
    }
    out.project = std::move(project);
    return out;
}

}  // namespace geo
