#include "geo/cad/cad_template.h"

#include <algorithm>
#include <fstream>

#include "geo/core/error.h"

namespace geo {

CadTemplate default_cad_template()
{
    CadTemplate t;
    t.parcels = {"地块", "地块*", "用地红线", "用地界线", "用地边界", "YDHX", "PARCEL*"};
    t.roads = {"道路中心线", "道路红线", "道路*", "DLZX", "ROAD*"};
    t.green = {"绿地", "绿地*", "绿化*", "GREEN*"};
    t.buildings = {"建筑", "建筑*", "建筑轮廓", "JZ", "BUILDING*"};
    t.labels = {{"地块编号", "parcel_no"}, {"用地编号", "parcel_no"}, {"用地性质", "land_use"}, {"用地代码", "land_use"},
                {"容积率", "far"}, {"FAR", "far"}, {"建筑性质", "use"}, {"建筑功能", "use"}, {"建筑用途", "use"}};
    return t;
}

namespace {

std::string lower_ascii(std::string s)
{
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace

bool layer_matches(const std::vector<std::string>& patterns, const std::string& layer)
{
    const std::string l = lower_ascii(layer);
    for (const std::string& p0 : patterns) {
        const std::string p = lower_ascii(p0);
        if (!p.empty() && p.back() == '*' ? l.rfind(p.substr(0, p.size() - 1), 0) == 0 : l == p) return true;
    }
    return false;
}

CadTemplate read_cad_template(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in) throw Error("cannot open the CAD layer template", {.file = file.string()});
    nlohmann::ordered_json j;
    try {
        j = nlohmann::ordered_json::parse(in);
    } catch (const std::exception& e) {
        throw Error(std::string("not JSON: ") + e.what(), {.file = file.string()});
    }
    if (!j.is_object()) throw Error("the template must be a JSON object", {.file = file.string()});
    if (j.contains("parkcap")) {  // a project: its analysis.cad.template
        if (!j.contains("analysis") || !j["analysis"].contains("cad") || !j["analysis"]["cad"].contains("template"))
            throw Error("the project holds no CAD layer template (analysis.cad.template; --save-template PROJECT writes one)", {.file = file.string()});
        j = nlohmann::ordered_json(j["analysis"]["cad"]["template"]);
        if (!j.is_object()) throw Error("must be an object", {.file = file.string(), .key = "analysis.cad.template"});
    }
    CadTemplate t;
    auto names = [&](const char* key, std::vector<std::string>& out) {
        if (!j.contains(key)) return;
        if (!j[key].is_array()) throw Error("a list of CAD layer names is expected", {.file = file.string(), .key = key});
        for (const auto& v : j[key]) {
            if (!v.is_string()) throw Error("a CAD layer name must be text", {.file = file.string(), .key = key});
            out.push_back(v.get<std::string>());
        }
    };
    names("parcels", t.parcels);
    names("roads", t.roads);
    names("green", t.green);
    names("buildings", t.buildings);
    if (j.contains("labels")) {
        if (!j["labels"].is_object()) throw Error("labels: an object of text layer -> attribute name is expected", {.file = file.string(), .key = "labels"});
        for (const auto& [k, v] : j["labels"].items()) {
            if (!v.is_string() || v.get<std::string>().empty()) throw Error("the attribute of a text layer must be a name", {.file = file.string(), .key = "labels." + k});
            t.labels[k] = v.get<std::string>();
        }
    }
    for (const auto& [k, v] : j.items())
        if (k != "parcels" && k != "roads" && k != "green" && k != "buildings" && k != "labels")
            throw Error("unknown key (parcels, roads, green, buildings, labels)", {.file = file.string(), .key = k});
    if (t.parcels.empty() && t.roads.empty() && t.green.empty() && t.buildings.empty())
        throw Error("the template names no CAD layer for parcels, roads, green space or buildings", {.file = file.string()});
    return t;
}

nlohmann::ordered_json to_json(const CadTemplate& t)
{
    nlohmann::ordered_json j;
    j["parcels"] = t.parcels;
    j["roads"] = t.roads;
    j["green"] = t.green;
    j["buildings"] = t.buildings;
    j["labels"] = nlohmann::ordered_json::object();
    for (const auto& [k, v] : t.labels) j["labels"][k] = v;
    return j;
}

}  // namespace geo
