#pragma once
// What commands that write GeoPackages share: --overwrite and --spatial-index.
#include <string>

#include "args.h"
#include "geo/io/layer_writer.h"

namespace cli {

// The --spatial-index option, for a command's option list.
OptionSpec spatial_index_option();

// Write options from --overwrite and --spatial-index (yes, no, or auto: no R-tree on layers
// of over 250,000 features). Throws UsageError for another value; call it before the work.
geo::WriteOptions gpkg_write_options(const Args& args);

// Says on the terminal that `layer` (of `features`) goes without an R-tree, when it does.
void note_spatial_index(const geo::WriteOptions& options, const std::string& layer, size_t features);

}  // namespace cli
