#include "output_options.h"

#include <cstdio>
#include <filesystem>

#include "geo/core/error.h"

namespace cli {

OptionSpec spatial_index_option()
{
    return {"spatial-index", "yes|no|auto", "R-tree on the GeoPackage layers; auto (default) leaves it off layers of over 250,000 features"};
}

geo::WriteOptions gpkg_write_options(const Args& args)
{
    geo::WriteOptions wo;
    wo.overwrite = args.flag("overwrite");
    const std::string mode = args.get("spatial-index").empty() ? "auto" : args.get("spatial-index");
    if (mode == "no") wo.spatial_index_limit = 0;
    else if (mode == "auto") wo.spatial_index_limit = 250000;
    else if (mode != "yes") throw UsageError("--spatial-index takes yes, no or auto, not '" + mode + "'");
    return wo;
}

void note_spatial_index(const geo::WriteOptions& options, const std::string& layer, size_t features)
{
    if (features > options.spatial_index_limit)
        std::printf("note: %s (%zu features) is written without a spatial index, which would take SQLite about %.0f s; QGIS builds "
                    "one from Layer Properties > Source, or pass --spatial-index yes\n",
                    layer.c_str(), features, static_cast<double>(features) / 70000);
}

void refuse_inputs_as_outputs(const geo::Project& project, const std::vector<std::string>& outputs,
                              const std::vector<std::string>& extra_inputs)
{
    geo::InputFiles inputs = geo::input_files_of(project);
    for (const std::string& e : extra_inputs) inputs.add(e);
    for (const std::string& o : outputs) inputs.check_output(o);
}

std::vector<std::string> prefixed(const std::string& prefix, std::initializer_list<const char*> suffixes)
{
    std::vector<std::string> out;
    for (const char* s : suffixes) out.push_back(prefix + s);
    return out;
}

OptionSpec lang_option() { return {"lang", "zh|en", "the language of the printed tables (default en; units from analysis.units of the project)"}; }

geo::Language table_language(const Args& args)
{
    const std::string v = args.get("lang");
    if (v.empty()) return geo::Language::En;
    try {
        return geo::parse_language(v);
    } catch (const std::exception&) {
        throw UsageError("--lang needs zh or en, not '" + v + "'");
    }
}

void refuse_to_overwrite(const std::string& path, bool overwrite)
{
    std::error_code ec;
    if (!overwrite && std::filesystem::exists(path, ec)) throw geo::Error("already exists; not overwriting it (--overwrite replaces it)", {.file = path});
}

}  // namespace cli
