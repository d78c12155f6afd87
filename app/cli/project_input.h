#pragma once
// What a command reads: a project file, or one layer file made into a one-layer project
// with the --layer, --role, --srs, --encoding, --coords and --field flags.
#include <string>

#include "args.h"
#include "geo/core/progress.h"
#include "geo/project/loaded_project.h"

namespace cli {

// A command's own options with the flags that describe a single layer file added before its
// last entry (--help): --layer, --srs, --encoding, --coords, --field, --working-crs.
std::vector<OptionSpec> with_layer_input(std::vector<OptionSpec> own);

// The layer flags apply to a single layer file only; giving them with a project file is a
// usage error (they belong in the project).
geo::Project input_project(const std::string& path, const Args& args, geo::Role default_role);
// With a park named (--park), the enterprises are read only within the park's box: the parks
// are loaded first to find it, then the enterprise layers get the box as their read filter (a
// PostGIS table or an indexed GeoPackage then reads only that part of a city registry). The
// analysis still keeps exactly the enterprises in the park. Nothing changes without a park
// or when the project has no parks layer (the analysis then says so).
void read_only_park(geo::Project& input, const std::string& park);

// The enterprises read only within `box` (in the working CRS: the project's, or the one its
// parks choose), as read_only_park. Nothing changes when the working CRS cannot be known
// before loading (no parks and "auto").
void read_only_within(geo::Project& input, const geo::Envelope& box);

geo::LoadedProject load_input(const std::string& path, const Args& args, geo::Role default_role,
                              const geo::Progress& progress);

}  // namespace cli
