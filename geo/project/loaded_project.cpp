#include "geo/project/loaded_project.h"

#include <limits>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "geo/core/error.h"
#include "geo/io/dataset_open.h"
#include "geo/io/layer_reader.h"

namespace geo {

namespace {

std::string degrees(double v, char pos, char neg)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f%c", std::abs(v), v >= 0 ? pos : neg);
    return buf;
}

// Feature centres further than this from the median centre (in longitude or latitude) do not
// count towards the working CRS's centre: a 3-degree zone is useful to about 5 degrees either side.
constexpr double kOutlierDegrees = 10.0;

}  // namespace

const LoadedLayer* LoadedProject::first(Role role) const
{
    for (const LoadedLayer& l : layers)
        if (l.config.role == role) return &l;
    return nullptr;
}

Layer take_features(LoadedProject& project, Role role)
{
    for (LoadedLayer& l : project.layers) {
        if (l.config.role != role) continue;
        std::shared_ptr<const Layer> data = std::move(l.data);
        auto empty = std::make_shared<Layer>();
        empty->name = data->name;
        empty->source = data->source;
        empty->driver = data->driver;
        empty->source_crs = data->source_crs;
        empty->geometry = GeometryColumn(data->geometry.kind());
        l.data = std::move(empty);
        // The loader makes every layer as a non-const object (make_shared<Layer>), so the sole
        // owner may move its features out.
        if (data.use_count() == 1) return std::move(*std::const_pointer_cast<Layer>(data));
        return *data;
    }
    Layer none;
    return none;
}

WorkingCrsChoice choose_working_crs(const std::string& setting, std::vector<Coord> lonlat_centres)
{
    if (!setting.empty() && setting != "auto") {
        Crs crs = parse_crs(setting);
        if (crs.is_geographic())
            throw Error("the working CRS must be projected (metres), not longitude/latitude: " + crs.describe() +
                        " (use e.g. EPSG:4545, or \"auto\")");
        return {crs, "set in the project"};
    }
    std::erase_if(lonlat_centres, [](const Coord& c) {
        return !std::isfinite(c.x) || !std::isfinite(c.y) || std::abs(c.x) > 180 || std::abs(c.y) > 90;
    });
    if (lonlat_centres.empty())
        throw Error("cannot choose a working CRS: no feature has usable coordinates to go by (are the layers empty, "
                    "or all their coordinates broken?); set working_crs in the project or give --working-crs");
    auto median = [&](auto get) {
        std::vector<double> v;
        v.reserve(lonlat_centres.size());
        for (const Coord& c : lonlat_centres) v.push_back(get(c));
        auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
        std::nth_element(v.begin(), mid, v.end());
        return *mid;
    };
    const Coord m{median([](const Coord& p) { return p.x; }), median([](const Coord& p) { return p.y; })};
    // The middle of the extent of the features near the median: outliers far away cannot
    // move it, and the zone is centred on the data's span rather than on where most are.
    Envelope near;
    size_t outliers = 0;
    for (const Coord& p : lonlat_centres) {
        if (std::abs(p.x - m.x) <= kOutlierDegrees && std::abs(p.y - m.y) <= kOutlierDegrees) near.expand(p.x, p.y);
        else ++outliers;
    }
    const Coord c = near.centre();
    const int epsg = default_working_epsg(c.x, c.y);
    std::string reason = "auto: centre of " + std::to_string(lonlat_centres.size() - outliers) + " feature centres " +
                         degrees(c.x, 'E', 'W') + " " + degrees(c.y, 'N', 'S');
    if (outliers > 0)
        reason += ", leaving out " + std::to_string(outliers) + " more than " + std::to_string(int(kOutlierDegrees)) +
                  " degrees from their median";
    return {parse_crs("EPSG:" + std::to_string(epsg)), reason};
}

Envelope view_extent(const LoadedProject& loaded)
{
    std::vector<Coord> centres;
    for (const LoadedLayer& l : loaded.layers) {
        const size_t n = l.data->size(), step = std::max<size_t>(1, n / 100000);
        for (size_t i = 0; i < n; i += step) centres.push_back(l.data->geometry.envelope(i).centre());
    }
    if (centres.empty()) return {};
    auto median = [&](auto get) {
        std::vector<double> v;
        for (const Coord& c : centres) v.push_back(get(c));
        auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
        std::nth_element(v.begin(), mid, v.end());
        return *mid;
    };
    const Coord m{median([](const Coord& c) { return c.x; }), median([](const Coord& c) { return c.y; })};
    constexpr double kReach = 1'000'000.0;
    Envelope out;
    for (const LoadedLayer& l : loaded.layers)
        for (size_t i = 0; i < l.data->size(); ++i) {
            const Envelope e = l.data->geometry.envelope(i);
            const Coord c = e.centre();
            if (std::abs(c.x - m.x) <= kReach && std::abs(c.y - m.y) <= kReach) out.expand(e);
        }
    return out;
}

Project project_for_saving(const LoadedProject& loaded)
{
    Project p = loaded.project;
    if (p.working_crs.empty() || p.working_crs == "auto") p.working_crs = loaded.working.crs.code();
    return p;
}

namespace {

// What a layer reads under `needs`: the fields of the needed meanings (and named fields), with
// the bindings of the rest set aside; nothing is restricted when a needed binding names a field
// the layer lacks (the full read then reports it as it always has).
struct Projection {
    std::optional<std::vector<std::string>> only_fields;
    FieldMap fields;                        // the needed bindings, guessed on every field name
    std::map<std::string, std::string> overrides;  // the project's bindings of needed meanings
    std::vector<FieldBinding> unread;
};

Projection projection(const ProjectLayer& config, const LayerSource& src, const std::vector<std::string>& needed)
{
    Projection out;
    const std::vector<std::string> names = field_names(src);
    auto has = [&](const std::string& f) { return std::find(names.begin(), names.end(), f) != names.end(); };
    auto is_needed = [&](const std::string& meaning) {
        return std::find(needed.begin(), needed.end(), meaning) != needed.end() || !find_meaning(config.role, meaning);
    };
    for (const auto& [meaning, field] : config.fields)
        if (is_needed(meaning)) out.overrides[meaning] = field;
    FieldMap all = guess_fields(config.role, names, config.fields);
    std::vector<std::string> only;
    for (const FieldBinding& b : all.bindings) {
        if (!is_needed(b.meaning)) {
            out.unread.push_back(b);
            continue;
        }
        if (!has(b.field)) return {};  // let the full read name the missing field
        out.fields.bindings.push_back(b);
        only.push_back(b.field);
    }
    for (const std::string& n : needed)
        if (!find_meaning(config.role, n) && has(n) && std::find(only.begin(), only.end(), n) == only.end()) only.push_back(n);
    out.fields.remarks = all.remarks;
    out.only_fields = std::move(only);
    return out;
}

}  // namespace

LoadedProject load_project(Project project, const Progress& progress, const FieldNeeds& needs)
{
    LoadedProject out;
    const std::string file = project.file.string();
    // Errors about a layer of a project file name the project and the layer id first; a
    // single layer file opened on its own is named by its own path already.
    auto context_of = [&](const ProjectLayer& l) {
        return file.empty() ? ErrorContext{} : ErrorContext{.file = file, .key = "layer '" + l.id + "'"};
    };
    auto rethrow = [&](const Error& e, const ProjectLayer& l) -> Error {
        // "project.parkcap.json: layer 'enterprises': enterprises.gpkg: no such file"
        return Error(describe(e.message(), e.context()), context_of(l));
    };

    // Read every layer in its own CRS first (90% of the work), then choose the working CRS
    // from the features themselves, then project.
    const size_t n = project.layers.size();
    std::vector<SourceLayer> sources;
    std::vector<Projection> projections(n);
    sources.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const ProjectLayer& config = project.layers[i];
        Progress sub = progress;
        if (progress.report)
            sub.report = [&, i](double f, std::string_view stage) {
                progress.report(0.9 * (static_cast<double>(i) + f) / static_cast<double>(n), stage);
            };
        LayerSource src = config.source;
        src.wanted = required_kind(config.role);
        try {
            if (shapefile_without_dbf(src.path) && config.role != Role::Context && config.role != Role::Roads &&
                config.role != Role::Constraints)
                throw Error("no .dbf beside the .shp, so its features have no attributes, which the role '" +
                                std::string(to_string(config.role)) + "' needs (names, " +
                                (config.role == Role::Enterprises ? "employees, industry" : config.role == Role::Facilities ? "facility type" : "codes") +
                                "); put the .dbf back next to the .shp",
                            {.file = src.path});
            if (auto need = needs.find(config.role); need != needs.end() && !src.only_fields) {
                projections[i] = projection(config, src, need->second);
                src.only_fields = projections[i].only_fields;
            }
            sources.push_back(read_source_layer(src, sub));
        } catch (const Cancelled&) {
            throw;
        } catch (const Error& e) {
            throw rethrow(e, config);
        }
    }
    std::vector<Coord> centres;
    if (project.working_crs.empty() || project.working_crs == "auto") {
        bool has_parks = false;  // with features: the parks alone place the project
        for (size_t i = 0; i < n; ++i) has_parks |= project.layers[i].role == Role::Parks && sources[i].layer.size() > 0;
        for (size_t i = 0; i < n; ++i) {
            if (has_parks && project.layers[i].role != Role::Parks) continue;
            std::vector<Coord> c = lonlat_centres(sources[i]);
            centres.insert(centres.end(), c.begin(), c.end());
        }
    }
    try {
        out.working = choose_working_crs(project.working_crs, std::move(centres));
    } catch (const Error& e) {
        // Say which layers had nothing usable, and why, rather than only that nothing was.
        std::string why;
        for (size_t i = 0; i < n; ++i) {
            const LoadReport& r = sources[i].layer.report;
            why += "; layer '" + project.layers[i].id + "' (" + project.layers[i].source.path + "): " +
                   std::to_string(sources[i].layer.size()) + " features read";
            if (!r.skipped.empty())
                why += ", " + std::to_string(r.skipped.size()) + " skipped (fid " + std::to_string(r.skipped[0].fid) + ": " +
                       r.skipped[0].reason + ")";
        }
        throw Error(e.message() + why, {.file = file, .key = "working_crs"});
    }

    for (size_t i = 0; i < n; ++i) {
        const ProjectLayer& config = project.layers[i];
        Progress sub = progress;
        if (progress.report)
            sub.report = [&, i](double f, std::string_view stage) {
                progress.report(0.9 + 0.1 * (static_cast<double>(i) + f) / static_cast<double>(n), stage);
            };
        LoadedLayer loaded;
        loaded.config = config;
        try {
            loaded.data = std::make_shared<Layer>(project_layer(std::move(sources[i]), out.working.crs, sub));
            if (auto kind = required_kind(config.role); kind && loaded.data->size() > 0 && loaded.data->geometry.kind() != *kind)
                throw Error("a " + std::string(to_string(loaded.data->geometry.kind())) + " layer cannot play the role '" +
                                std::string(to_string(config.role)) + "', which needs " +
                                std::string(to_string(*kind)) + "s",
                            {.file = config.source.path, .layer = loaded.data->name});
            if (projections[i].only_fields) {
                loaded.fields = std::move(projections[i].fields);
                loaded.unread = std::move(projections[i].unread);
                loaded.warnings = check_field_map(config.role, loaded.fields, *loaded.data, projections[i].overrides);
            } else {
                std::vector<std::string> names;
                for (const Column& c : loaded.data->columns) names.push_back(c.name());
                loaded.fields = guess_fields(config.role, names, config.fields);
                loaded.warnings = check_field_map(config.role, loaded.fields, *loaded.data, config.fields);
            }
        } catch (const Cancelled&) {
            throw;
        } catch (const Error& e) {
            throw rethrow(e, config);
        }
        out.layers.push_back(std::move(loaded));
    }
    out.project = std::move(project);
    return out;
}

std::vector<double> bound_numbers(const LoadedLayer& meta, const Layer& data, const char* meaning)
{
    std::vector<double> out(data.size(), std::numeric_limits<double>::quiet_NaN());
    const std::string* f = meta.fields.field_for(meaning);
    if (const Column* c = f ? data.column(*f) : nullptr)
        for (size_t i = 0; i < out.size(); ++i)
            if (!c->is_null(i)) out[i] = c->number(i).value_or(out[i]);
    return out;
}

std::vector<std::string> bound_texts(const LoadedLayer& meta, const Layer& data, const char* meaning)
{
    std::vector<std::string> out(data.size());
    const std::string* f = meta.fields.field_for(meaning);
    if (const Column* c = f ? data.column(*f) : nullptr)
        for (size_t i = 0; i < out.size(); ++i)
            if (!c->is_null(i)) out[i] = c->text(i);
    return out;
}

}  // namespace geo
