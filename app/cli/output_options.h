#pragma once
// What commands that write GeoPackages share: --overwrite and --spatial-index.
#include <string>

#include "args.h"
#include "geo/io/layer_writer.h"
#include "geo/project/project.h"
#include "geo/project/terms.h"

namespace cli {

// The --spatial-index option, for a command's option list.
OptionSpec spatial_index_option();

// Write options from --overwrite and --spatial-index (yes, no, or auto: no R-tree on layers
// of over 250,000 features). Throws UsageError for another value; call it before the work.
geo::WriteOptions gpkg_write_options(const Args& args);

// Says on the terminal that `layer` (of `features`) goes without an R-tree, when it does.
void note_spatial_index(const geo::WriteOptions& options, const std::string& layer, size_t features);

// Refuses, before any work, to replace an existing `path` without --overwrite: throws
// geo::Error naming it ("already exists; not overwriting it (--overwrite replaces it)").
void refuse_to_overwrite(const std::string& path, bool overwrite);

// Refuses, before any work, an output that would replace a file this run reads (the
// project, its layers and tables, and `extra_inputs` such as --radii), with or without
// --overwrite. Throws geo::Error naming both.
void refuse_inputs_as_outputs(const geo::Project& project, const std::vector<std::string>& outputs,
                              const std::vector<std::string>& extra_inputs = {});

// The --lang option: the language of the tables a command prints (zh or en; default en, so
// scripts that read the output see the same words whatever the locale).
OptionSpec lang_option();
// The language --lang gives; throws UsageError for another value.
geo::Language table_language(const Args& args);

// PREFIX + each suffix: the files a command writes with --out PREFIX.
std::vector<std::string> prefixed(const std::string& prefix, std::initializer_list<const char*> suffixes);

}  // namespace cli
