#pragma once
// Which CAD layers hold what: parcels, roads, green space and buildings, and which text layers
// label the parcels with which attribute (parcel number, land use, FAR). Drawings from one
// design institute follow one layer standard (the cities' electronic plan-submission rules), so
// a template is kept in a file and used again on the next drawing. Layer names match exactly or
// by prefix with a trailing '*' ("地块*"), ignoring ASCII case.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace geo {

struct CadTemplate {
    std::vector<std::string> parcels, roads, green, buildings;
    std::map<std::string, std::string> labels;  // text layer -> attribute ("地块编号" -> "parcel_no")
};

// Layer names common in Chinese site plans (地块, 用地红线, 道路中心线, 绿地, 建筑, ...).
CadTemplate default_cad_template();
// From a template file, or from a project file's analysis.cad.template. Throws geo::Error
// naming the file and the key.
CadTemplate read_cad_template(const std::filesystem::path& file);
nlohmann::ordered_json to_json(const CadTemplate& t);

bool layer_matches(const std::vector<std::string>& patterns, const std::string& layer);

}  // namespace geo
