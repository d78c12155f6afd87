#pragma once
// Which text encoding a Shapefile's .dbf uses. Order of evidence: the user's choice, the
// .cpg file, the language-driver byte of the .dbf; with none of them, text that is valid
// UTF-8 is read as UTF-8 and anything else as GBK (CP936), which is what Chinese
// Shapefiles without .cpg nearly always are.
#include <string>

namespace geo {

struct ShapefileEncoding {
    std::string encoding;     // what is in use, for reports: "UTF-8", "CP936 (from .cpg)", ...
    std::string gdal_option;  // value for the ENCODING open option; empty: GDAL's own choice
    std::string note;         // a warning worth showing, when the choice was a guess
};

ShapefileEncoding detect_shapefile_encoding(const std::string& shp_or_dbf_path,
                                            const std::string& user_choice);

}  // namespace geo
