#include "geo/coverage/life_circles.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "geo/capacity/capacity_tables.h"
#include "geo/core/error.h"
#include "geo/io/csv_text.h"
#include "geo/overlay/points_in_parks.h"
#include "geo/project/settings_reader.h"

namespace geo {

LifeCircleSpec read_life_circles(const std::filesystem::path& file)
{
    const auto rows = read_csv_file(file);
    if (rows.empty()) throw Error("the life-circle table is empty", {.file = file.string()});
    LifeCircleSpec s;
    bool target = false;
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() == 1 && row[0].empty()) continue;
        const ErrorContext where{.file = file.string(), .key = "line " + std::to_string(r + 1)};
        auto cell = [&](size_t c) { return c < row.size() ? row[c] : std::string(); };
        auto number = [&](const std::string& t, const char* what) {
            char* end = nullptr;
            const double v = std::strtod(t.c_str(), &end);
            if (t.empty() || *end != '\0' || !std::isfinite(v) || !(v > 0)) throw Error(std::string("the ") + what + " '" + t + "' is not a number above 0", where);
            return v;
        };
        const std::string item = cell(0);
        if (item == "circle") {
            const double m = number(cell(1), "minutes");
            if (m != std::floor(m)) throw Error("a circle's minutes must be whole ('" + cell(1) + "')", where);
            if (!s.minutes.empty() && m <= s.minutes.back()) throw Error("circles must come in ascending minutes", where);
            s.minutes.push_back(static_cast<int>(m));
            s.metres.push_back(number(cell(2), "distance"));
            if (s.metres.size() > 1 && s.metres.back() <= s.metres[s.metres.size() - 2]) throw Error("a longer walk must reach farther", where);
        } else if (item == "daily") {
            if (cell(1).empty()) throw Error("a daily facility row needs its type", where);
            s.daily.push_back(cell(1));
        } else if (item == "target") {
            target = true;
            s.target_minutes = static_cast<int>(number(cell(1), "target minutes"));
            s.target_share = number(cell(2), "target share");
            if (s.target_share > 1) throw Error("the target share is a fraction (0.99), not " + cell(2), where);
            s.target_basis = cell(3);
        } else {
            throw Error("unknown item '" + item + "' (circle, daily, target)", where);
        }
    }
    const ErrorContext where{.file = file.string()};
    if (s.minutes.empty()) throw Error("the table has no circle (rows: circle,MINUTES,METRES)", where);
    if (s.daily.empty()) throw Error("the table names no daily facility (rows: daily,TYPE)", where);
    if (target && std::find(s.minutes.begin(), s.minutes.end(), s.target_minutes) == s.minutes.end())
        throw Error("the target's " + std::to_string(s.target_minutes) + " minutes are not one of the circles", where);
    if (!target) s.target_minutes = s.minutes.back();
    return s;
}

LifeCircleSettings life_circle_settings(const Project& project, const std::filesystem::path& standards_override)
{
    const SettingsReader r(project, "life_circles");
    LifeCircleSettings s;
    std::filesystem::path table = standards_folder(project, standards_override) / "life_circles.csv";
    if (r.has("table")) {
        table = r.text("table", "");
        if (table.is_relative() && !project.file.empty()) table = project.file.parent_path() / table;
    }
    s.spec = read_life_circles(table);
    s.spec.walk_speed = r.number_in("walk_speed_m_per_min", 0, 0, 1000);
    if (s.spec.walk_speed > 0)
        for (size_t k = 0; k < s.spec.minutes.size(); ++k) s.spec.metres[k] = s.spec.minutes[k] * s.spec.walk_speed;
    s.network = r.flag("network", false);
    return s;
}

LifeCircleResult life_circles(const LoadedProject& project, const LifeCircleSettings& settings, std::vector<std::string>& warnings,
                              const Progress& progress)
{
    LifeCircleResult r;
    r.spec = settings.spec;
    r.network = settings.network;
    // The daily types as coverage types whose radii are the circles' distances.
    CoverageSettings cov = coverage_settings(project.project);
    CoverageSettings run_settings;
    run_settings.network = settings.network;
    run_settings.attach_limit_m = cov.attach_limit_m;
    run_settings.walk_off_m = cov.walk_off_m;
    for (const std::string& d : r.spec.daily) {
        const FacilityType* known = find_facility_type(cov.types, d);
        FacilityType t{known ? known->code : d, known ? known->name_zh : "", r.spec.metres};
        run_settings.types.push_back(t);
        r.types.push_back(t.code);
    }
    const CoverageRun run = run_coverage(project, run_settings, {}, progress);
    for (const std::string& w : run.measured().warnings)  // only the daily types were asked for: the others' absence is no news
        if (w.find("has no service radius") == std::string::npos) warnings.push_back(w);
    const size_t n = run.firms.data->size();
    for (const TypeCoverage& t : run.measured().types) {
        r.distance.push_back(t.distance);
        if (t.facilities == 0) warnings.push_back("no facility of the daily type '" + t.type.code + "': no enterprise reaches one");
    }
    r.employees.assign(n, 0);
    for (size_t i = 0; i < n; ++i) r.xy.push_back(run.firms.data->geometry.first_coord(i)), r.fid.push_back(run.firms.data->fids[i]);
    if (const std::string* f = run.firms.fields.field_for("employees"))
        if (const Column* c = run.firms.data->column(*f))
            for (size_t i = 0; i < n; ++i)
                if (!c->is_null(i)) r.employees[i] = c->number(i).value_or(0);
    PointsInParks in_parks = points_in_parks(project, run.firms.data->geometry);
    r.park_of = std::move(in_parks.park_of);
    r.park_name = std::move(in_parks.park_name);
    const size_t np = r.park_name.size(), nt = r.types.size(), nc = r.spec.minutes.size();
    r.reach.assign(np + 1, std::vector<std::vector<LifeCircleResult::Reach>>(nc, std::vector<LifeCircleResult::Reach>(nt + 1)));
    r.total.assign(np + 1, {});
    for (size_t i = 0; i < n; ++i) {
        for (size_t at : {r.park_of[i] >= 0 ? static_cast<size_t>(r.park_of[i]) : SIZE_MAX, np}) {
            if (at == SIZE_MAX) continue;
            ++r.total[at].enterprises;
            r.total[at].employees += r.employees[i];
            for (size_t c = 0; c < nc; ++c) {
                bool all = true;
                for (size_t t = 0; t < nt; ++t) {
                    const bool in = r.distance[t][i] <= r.spec.metres[c];
                    all = all && in;
                    if (in) ++r.reach[at][c][t].enterprises, r.reach[at][c][t].employees += r.employees[i];
                }
                if (all) ++r.reach[at][c][nt].enterprises, r.reach[at][c][nt].employees += r.employees[i];
            }
        }
    }
    return r;
}

}  // namespace geo
