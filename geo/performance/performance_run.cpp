#include "geo/performance/performance_run.h"

#include <functional>

#include <cmath>
#include <limits>

#include "geo/capacity/capacity_tables.h"
#include "geo/core/error.h"
#include "geo/overlay/points_in_parks.h"
#include "geo/project/settings_reader.h"

namespace geo {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// The texts of the field bound to `meaning`, in one buffer; empty when none is bound. Where
// `fallback` is given, an empty text becomes fallback(i) ("fid N").
template <class Fallback>
TextList layer_texts(const LoadedLayer& l, const Layer& data, const char* meaning, Fallback fallback)
{
    TextList out;
    const std::string* f = l.fields.field_for(meaning);
    const Column* c = f ? data.column(*f) : nullptr;
    if (!c && !fallback) return out;
    out.reserve(data.size(), c && c->type() == FieldType::String ? c->text_bytes() : 0);
    for (size_t i = 0; i < data.size(); ++i) {
        if (c && !c->is_null(i) && c->type() == FieldType::String && !c->string(i).empty()) out.push_back(c->string(i));
        else if (c && !c->is_null(i) && c->type() != FieldType::String) out.push_back(c->text(i));
        else out.push_back(fallback ? fallback(i) : std::string());
    }
    return out;
}

}  // namespace

PerformanceSettings performance_settings(const Project& project)
{
    const SettingsReader r(project, "performance");
    PerformanceSettings s;
    s.preset = r.text("preset", s.preset);
    s.indicators = r.text("indicators", "");
    if (!s.indicators.empty() && std::filesystem::path(s.indicators).is_relative() && !project.file.empty())
        s.indicators = (project.file.parent_path() / s.indicators).string();
    return s;
}

std::vector<std::string> performance_fields() { return {"name", "credit_code", "employees", "land_area", "tax", "output_value"}; }

PerformanceRun run_performance(const LoadedProject& project, const PerformanceSettings& s, const std::filesystem::path& standards_override)
{
    const LoadedLayer* firms = project.first(Role::Enterprises);
    if (!firms) throw Error("the project has no enterprises layer to evaluate", {.file = project.project.file.string()});
    return run_performance(project, *firms->data, s, standards_override);
}

PerformanceRun run_performance(const LoadedProject& project, const Layer& data, const PerformanceSettings& s, const std::filesystem::path& standards_override)
{
    PerformanceRun r;
    r.preset_file = performance_preset_file(s.preset, standards_folder(project.project, standards_override));
    r.preset = read_performance_preset(r.preset_file);
    const LoadedLayer* firms = project.first(Role::Enterprises);
    if (!firms) throw Error("the project has no enterprises layer to evaluate", {.file = project.project.file.string()});
    const size_t n = data.size();
    // The names as shown: "fid N" where the layer has none.
    const std::function<std::string(size_t)> fid_name = [&](size_t i) { return "fid " + std::to_string(data.fids[i]); };
    r.name = layer_texts(*firms, data, "name", fid_name);
    for (size_t i = 0; i < n; ++i) {
        r.fid.push_back(data.fids[i]);
        r.xy.push_back(data.geometry.first_coord(i));
    }
    TextList codes = layer_texts(*firms, data, "credit_code", std::function<std::string(size_t)>());
    r.has_codes = !codes.empty();

    // The layer's own figures, then the table's where it has them.
    PerformanceFigures& f = r.figures;
    f.tax = bound_numbers(*firms, data, "tax");
    f.employees = bound_numbers(*firms, data, "employees");
    f.land_m2 = bound_numbers(*firms, data, "land_area");
    f.sales = bound_numbers(*firms, data, "output_value");  // the layer's output value stands for sales where the table has none
    if (!s.indicators.empty()) {
        for (auto* v : {&f.value_added, &f.energy, &f.emissions, &f.rd}) v->assign(n, kNaN);  // only the table has them
        r.table = read_indicator_table(s.indicators);
        r.match = match_indicator_rows(r.table, codes, r.name);
        const IndicatorTable& t = r.table;
        for (size_t i = 0; i < n; ++i) {
            if (r.match.row_of[i] < 0) continue;
            const size_t row = static_cast<size_t>(r.match.row_of[i]);
            auto take = [&](std::vector<double>& into, const std::vector<double>& from) {
                if (!std::isnan(from[row])) into[i] = from[row];
            };
            take(f.tax, t.tax), take(f.value_added, t.value_added), take(f.sales, t.sales), take(f.energy, t.energy);
            take(f.emissions, t.emissions), take(f.rd, t.rd), take(f.employees, t.employees), take(f.land_m2, t.land_m2);
        }
    } else {
        r.match.row_of.assign(n, -1);
    }
    codes = TextList();
    r.scores = score_performance(r.preset, f);

    PointsInParks in_parks = points_in_parks(project, data.geometry);
    r.park_of = std::move(in_parks.park_of);
    r.park_name = std::move(in_parks.park_name);
    return r;
}

Scenario performance_scenario(const PerformanceRun& r, const std::string& layer_id, const std::string& name, std::optional<double> far)
{
    const int lowest = static_cast<int>(r.preset.classes.size()) - 1;
    RedevelopPlots edit{layer_id, {}, far};
    for (size_t i = 0; i < r.fid.size(); ++i)
        if (r.scores.klass[i] == lowest && r.park_of[i] >= 0) edit.fids.push_back(r.fid[i]);
    if (edit.fids.empty())
        throw Error("no plot inside a park is in class " + r.preset.classes.back().name + ": no scenario to make");
    Scenario s{name, {edit}, Json::object()};
    s.extra["kind"] = "performance";
    s.extra["note"] = "class " + r.preset.classes.back().name + " of " + r.preset.name + " (亩均效益), " + std::to_string(edit.fids.size()) +
                      " plots inside parks, marked for redevelopment";
    return s;
}

}  // namespace geo
