#include "geo/performance/performance_preset.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "geo/core/error.h"
#include "geo/io/csv_text.h"

namespace geo {

const std::vector<std::string>& performance_indicators()
{
    static const std::vector<std::string> keys = {"tax_per_mu",          "value_added_per_mu",       "sales_per_mu",        "value_added_per_energy",
                                                  "tax_per_energy",      "value_added_per_emission", "labour_productivity", "rd_share"};
    return keys;
}

PerformancePreset read_performance_preset(const std::filesystem::path& file)
{
    const auto rows = read_csv_file(file);
    if (rows.empty()) throw Error("the preset table is empty", {.file = file.string()});
    const auto& h = rows[0];
    auto col = [&](const char* name) {
        const auto it = std::find(h.begin(), h.end(), name);
        if (it == h.end()) throw Error(std::string("no column '") + name + "' (the preset needs item,name,value,weight,note)", {.file = file.string(), .key = "line 1"});
        return static_cast<size_t>(it - h.begin());
    };
    const size_t ci = col("item"), cn = col("name"), cv = col("value"), cw = col("weight");
    PerformancePreset p;
    p.name = file.stem().string();
    bool scaling = false;
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() == 1 && row[0].empty()) continue;
        const ErrorContext where{.file = file.string(), .key = "line " + std::to_string(r + 1)};
        auto cell = [&](size_t c) { return c < row.size() ? row[c] : std::string(); };
        auto number = [&](size_t c, const char* what) {
            const std::string t = cell(c);
            char* end = nullptr;
            const double v = std::strtod(t.c_str(), &end);
            if (t.empty() || *end != '\0' || !std::isfinite(v)) throw Error(std::string("the ") + what + " '" + t + "' is not a number", where);
            return v;
        };
        const std::string item = cell(ci), name = cell(cn), value = cell(cv);
        if (item == "indicator") {
            const auto& keys = performance_indicators();
            if (std::find(keys.begin(), keys.end(), name) == keys.end()) {
                std::string list;
                for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
                throw Error("unknown indicator '" + name + "' (known: " + list + ")", where);
            }
            PresetIndicator ind{name, number(cw, "weight"), value.empty() ? 0.0 : number(cv, "benchmark")};
            if (!(ind.weight > 0)) throw Error("the weight of " + name + " must be above 0", where);
            p.indicators.push_back(ind);
        } else if (item == "scaling") {
            scaling = true;
            if (value == "benchmark") p.scaling = Scaling::Benchmark;
            else if (value == "mean_multiple") p.scaling = Scaling::MeanMultiple;
            else if (value == "minmax") p.scaling = Scaling::MinMax;
            else throw Error("scaling '" + value + "': benchmark, mean_multiple or minmax", where);
        } else if (item == "missing") {
            if (value == "redistribute") p.missing = MissingRule::Redistribute;
            else if (value == "unscored") p.missing = MissingRule::Unscored;
            else throw Error("missing '" + value + "': redistribute (the weight goes to the other indicators) or unscored", where);
        } else if (item == "classes") {
            if (value == "rank") p.class_rule = ClassRule::Rank;
            else if (value == "score") p.class_rule = ClassRule::Score;
            else throw Error("classes '" + value + "': rank (shares from the top) or score (least scores)", where);
        } else if (item == "class") {
            if (name.empty()) throw Error("a class needs a name (A, B, ...)", where);
            p.classes.push_back({name, number(cv, "class bound")});
        } else if (item == "source") {
            p.source = value;
        } else {
            throw Error("unknown item '" + item + "' (indicator, scaling, missing, classes, class, source)", where);
        }
    }
    const ErrorContext where{.file = file.string()};
    if (p.indicators.empty()) throw Error("the preset has no indicator", where);
    if (!scaling) throw Error("the preset does not say how indicators are scaled (a row: scaling,,benchmark|mean_multiple|minmax)", where);
    for (const PresetIndicator& i : p.indicators)
        if (p.scaling != Scaling::MinMax && !(i.benchmark > 0))
            throw Error("indicator " + i.key + " needs a benchmark above 0 (or a multiple of the mean) for this scaling", where);
    if (p.classes.empty()) throw Error("the preset has no classes (rows: class,A,0.2 ...)", where);
    for (size_t k = 1; k < p.classes.size(); ++k) {
        const bool ordered = p.class_rule == ClassRule::Rank ? p.classes[k].bound > p.classes[k - 1].bound : p.classes[k].bound < p.classes[k - 1].bound;
        if (!ordered)
            throw Error(std::string("class ") + p.classes[k].name + " must come after " + p.classes[k - 1].name +
                            (p.class_rule == ClassRule::Rank ? " with a larger share" : " with a smaller least score"),
                        where);
    }
    if (p.class_rule == ClassRule::Rank && std::abs(p.classes.back().bound - 1) > 1e-9)
        throw Error("the last class must reach the share 1 (every scored enterprise gets a class)", where);
    return p;
}

std::filesystem::path performance_preset_file(const std::string& name_or_path, const std::filesystem::path& dir)
{
    namespace fs = std::filesystem;
    if (name_or_path.find('/') != std::string::npos || (name_or_path.size() > 4 && name_or_path.substr(name_or_path.size() - 4) == ".csv"))
        return name_or_path;
    std::error_code ec;
    std::vector<std::string> known;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string f = e.path().filename().string();
        if (f.rfind("mujun_", 0) != 0 || e.path().extension() != ".csv") continue;
        known.push_back(f.substr(6, f.size() - 10));
        if (f.rfind("mujun_" + name_or_path, 0) == 0) return e.path();
    }
    std::sort(known.begin(), known.end());
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw Error("no preset '" + name_or_path + "' in " + dir.string() + (list.empty() ? "" : " (there: " + list + ")"));
}

}  // namespace geo
