#include "geo/capacity/capacity_tables.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "geo/core/error.h"
#include "geo/project/data_dir.h"
#include "geo/io/csv_text.h"

namespace geo {

namespace fs = std::filesystem;

namespace {

// A CSV table with named columns; errors name the file, line and column.
struct Table {
    std::string file;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    size_t column(const std::string& name, bool required = true) const
    {
        for (size_t c = 0; c < header.size(); ++c)
            if (header[c] == name) return c;
        if (required) throw Error("no column '" + name + "'", {.file = file});
        return SIZE_MAX;
    }
    std::string text(size_t row, size_t col) const { return col < rows[row].size() ? rows[row][col] : std::string(); }
    std::optional<double> number(size_t row, size_t col, const std::string& name, bool required = true) const
    {
        std::string t = text(row, col);
        while (!t.empty() && t.back() == ' ') t.pop_back();
        while (!t.empty() && t.front() == ' ') t.erase(0, 1);
        if (t.empty()) {
            if (required) throw Error("line " + std::to_string(row + 2) + ", column '" + name + "': no value", {.file = file});
            return std::nullopt;
        }
        double v = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v))
            throw Error("line " + std::to_string(row + 2) + ", column '" + name + "': '" + t + "' is not a number", {.file = file});
        return v;
    }
};

Table read_table(const fs::path& path, const std::string& what)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error("the " + what + " table is missing (set analysis.capacity in the project, or give --standards DIR)",
                    {.file = path.string()});
    auto rows = read_csv_file(path);
    if (rows.empty()) throw Error("the " + what + " table is empty", {.file = path.string()});
    Table t{path.string(), rows.front(), {}};
    for (size_t r = 1; r < rows.size(); ++r)
        if (!(rows[r].size() == 1 && rows[r][0].empty())) t.rows.push_back(std::move(rows[r]));
    return t;
}

}  // namespace

const StandardRule& CapacityTables::rule(const std::string& indicator) const
{
    const auto it = rules.find(indicator);
    if (it == rules.end()) throw Error("the general standards table has no row for '" + indicator + "'", {.file = source});
    return it->second;
}

double CapacityTables::number(const std::string& parameter) const
{
    const auto it = parameters.find(parameter);
    if (it == parameters.end()) throw Error("no capacity parameter '" + parameter + "' (capacity_parameters.csv or analysis.capacity.parameters)", {.file = source});
    double v = 0;
    const auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
    if (ec != std::errc() || end != it->second.data() + it->second.size())
        throw Error("capacity parameter '" + parameter + "': '" + it->second + "' is not a number", {.file = source});
    return v;
}

std::vector<std::string> CapacityTables::list(const std::string& parameter) const
{
    const auto it = parameters.find(parameter);
    std::vector<std::string> out;
    if (it == parameters.end()) return out;
    size_t start = 0;
    while (start <= it->second.size()) {
        const size_t end = std::min(it->second.find(';', start), it->second.size());
        if (end > start) out.push_back(it->second.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::optional<DemandRate> CapacityTables::rate(const std::string& factor, const std::string& cluster) const
{
    std::optional<DemandRate> fallback;
    for (const DemandRate& r : rates) {
        if (r.factor != factor) continue;
        if (r.cluster == cluster) return r;
        if (r.cluster == "*") fallback = r;
    }
    return fallback;
}

fs::path standards_folder(const Project& project, const fs::path& standards_override)
{
    if (!standards_override.empty()) return standards_override;
    const fs::path base = project.file.parent_path();
    const Json* settings = nullptr;
    if (auto a = project.extra.find("analysis"); a != project.extra.end() && a->is_object())
        if (auto c = a->find("capacity"); c != a->end() && c->is_object()) settings = &*c;
    if (settings && settings->contains("standards_dir") && (*settings)["standards_dir"].is_string())
        return base / (*settings)["standards_dir"].get<std::string>();  // as the project says, even if missing (named in the error)
    std::error_code ec;
    if (fs::is_directory(base / "standards", ec)) return base / "standards";
    // Unnamed and not beside the project: parkcap's own tables (data_dir.h).
    if (auto installed = find_data("standards")) return *installed;
    return base / "standards";
}

CapacityTables load_capacity_tables(const Project& project, const fs::path& standards_override)
{
    const Json settings = project.extra.contains("analysis") && project.extra["analysis"].contains("capacity")
                              ? project.extra["analysis"]["capacity"]
                              : Json::object();
    if (!settings.is_object()) throw Error("must be an object", {.file = project.file.string(), .key = "analysis.capacity"});
    const fs::path base = project.file.parent_path();
    auto path_of = [&](const std::string& key, const fs::path& fallback) -> fs::path {
        if (settings.contains(key) && settings[key].is_string()) return base / settings[key].get<std::string>();
        return fallback;
    };
    const fs::path standards = standards_folder(project, standards_override);
    CapacityTables t;
    t.source = project.file.string();

    const Table general = read_table(path_of("general", standards / "industrial_land_general_2008.csv"), "general land-use standards");
    {
        const size_t ci = general.column("indicator"), cz = general.column("indicator_zh", false), cc = general.column("comparison"),
                     cv = general.column("value");
        for (size_t r = 0; r < general.rows.size(); ++r) {
            StandardRule rule{general.text(r, ci), cz == SIZE_MAX ? "" : general.text(r, cz), general.text(r, cc),
                              *general.number(r, cv, "value")};
            if (rule.comparison != "min" && rule.comparison != "max" && rule.comparison != "threshold")
                throw Error("line " + std::to_string(r + 2) + ", column 'comparison': '" + rule.comparison + "' is not min, max or threshold",
                            {.file = general.file});
            t.rules[rule.indicator] = rule;
        }
    }
    const Table far = read_table(path_of("min_far", standards / "industrial_land_min_far_2008.csv"), "minimum FAR by industry");
    {
        const size_t cc = far.column("gbt4754_code"), cf = far.column("min_far");
        for (size_t r = 0; r < far.rows.size(); ++r) {
            const double v = *far.number(r, cf, "min_far");
            if (v < 0) throw Error("line " + std::to_string(r + 2) + ", column 'min_far': a negative FAR", {.file = far.file});
            t.min_far[far.text(r, cc)] = v;
        }
    }
    if (settings.contains("industry_code_edition")) {
        const Json& e = settings["industry_code_edition"];
        t.code_edition = e.is_string() ? e.get<std::string>() : "";
        if (t.code_edition != "2002" && t.code_edition != "2017")
            throw Error("\"2002\" (GB/T 4754-2002, the minimum-FAR table's own) or \"2017\" (GB/T 4754-2017, mapped)",
                        {.file = project.file.string(), .key = "analysis.capacity.industry_code_edition"});
    }
    if (t.code_edition == "2017") {
        const Table map = read_table(path_of("industry_codes", standards / "industry_codes_2017_to_2002.csv"), "industry code map");
        const size_t cn = map.column("code_2017"), co = map.column("code_2002");
        for (size_t r = 0; r < map.rows.size(); ++r) t.code_map[map.text(r, cn)] = map.text(r, co);
    }
    t.building_uses = path_of("building_uses", standards / "admin_living_building_uses.csv");
    const Table rates = read_table(path_of("demand_rates", standards / "infrastructure_demand_rates.csv"), "infrastructure demand rate");
    {
        const size_t cf = rates.column("factor"), cz = rates.column("factor_zh", false), cu = rates.column("unit", false),
                     cc = rates.column("cluster"), cp = rates.column("per"), cr = rates.column("rate");
        for (size_t r = 0; r < rates.rows.size(); ++r) {
            DemandRate d{rates.text(r, cf), cz == SIZE_MAX ? "" : rates.text(r, cz), cu == SIZE_MAX ? "" : rates.text(r, cu),
                         rates.text(r, cc), true, *rates.number(r, cr, "rate")};
            const std::string per = rates.text(r, cp);
            if (per != "job" && per != "m2")
                throw Error("line " + std::to_string(r + 2) + ", column 'per': '" + per + "' is not job or m2", {.file = rates.file});
            d.per_job = per == "job";
            if (d.rate < 0) throw Error("line " + std::to_string(r + 2) + ", column 'rate': a negative rate", {.file = rates.file});
            if (d.factor.empty()) throw Error("line " + std::to_string(r + 2) + ": no factor", {.file = rates.file});
            if (std::find(t.factors.begin(), t.factors.end(), d.factor) == t.factors.end()) t.factors.push_back(d.factor);
            t.rates.push_back(d);
        }
    }
    const Table params = read_table(path_of("parameters_table", standards / "capacity_parameters.csv"), "capacity parameter");
    {
        const size_t cp = params.column("parameter"), cv = params.column("value");
        for (size_t r = 0; r < params.rows.size(); ++r) t.parameters[params.text(r, cp)] = params.text(r, cv);
    }
    if (settings.contains("parameters")) {
        if (!settings["parameters"].is_object())
            throw Error("must be an object of name: value", {.file = project.file.string(), .key = "analysis.capacity.parameters"});
        for (const auto& [k, v] : settings["parameters"].items()) t.parameters[k] = v.is_string() ? v.get<std::string>() : v.dump();
    }
    // Characteristic clusters as the cluster analysis of the project defines them, when it has one.
    if (project.extra.contains("analysis") && project.extra["analysis"].contains("clusters") && project.extra["analysis"]["clusters"].is_object()) {
        const Json& c = project.extra["analysis"]["clusters"];
        for (const auto& [from, to] : {std::pair{"min_lq", "characteristic_min_lq"}, {"min_share", "characteristic_min_share"}})
            if (c.contains(from) && c[from].is_number() && !t.parameters.count(to)) t.parameters[to] = c[from].dump();
        if (c.contains("lq_measure") && c["lq_measure"].is_string() && !t.parameters.count("characteristic_measure"))
            t.parameters["characteristic_measure"] = c["lq_measure"].get<std::string>();
    }
    if (settings.contains("relaxed_parks"))
        for (const auto& p : settings["relaxed_parks"])
            if (p.is_string()) t.relaxed_parks.push_back(p.get<std::string>());

    if (settings.contains("growth_shares")) {
        const Json& g = settings["growth_shares"];
        if (!g.is_object()) throw Error("must be an object of park: share", {.file = project.file.string(), .key = "analysis.capacity.growth_shares"});
        double sum = 0;
        for (const auto& [park, share] : g.items()) {
            if (!share.is_number() || share.get<double>() < 0)
                throw Error("must be a share of at least 0", {.file = project.file.string(), .key = "analysis.capacity.growth_shares." + park});
            t.growth_shares[park] = share.get<double>();
            sum += share.get<double>();
        }
        if (sum > 1 + 1e-9)
            throw Error("the shares add up to " + std::to_string(sum) + ", more than 1", {.file = project.file.string(), .key = "analysis.capacity.growth_shares"});
    }
    if (settings.contains("infrastructure")) {
        const Table infra = read_table(path_of("infrastructure", {}), "park infrastructure capacity");
        const size_t cp = infra.column("park_code"), cf = infra.column("factor"), cc = infra.column("capacity");
        for (size_t r = 0; r < infra.rows.size(); ++r) {
            const double v = *infra.number(r, cc, "capacity");
            if (v < 0)
                throw Error("line " + std::to_string(r + 2) + ": a negative capacity (" + infra.text(r, cc) + ") for " + infra.text(r, cf) +
                                " of park '" + infra.text(r, cp) + "'",
                            {.file = infra.file});
            t.infrastructure[infra.text(r, cp)][infra.text(r, cf)] += v;
        }
    }
    if (settings.contains("cluster_averages")) {
        const Table a = read_table(path_of("cluster_averages", {}), "cluster averages");
        const size_t cc = a.column("cluster"), cj = a.column("floor_m2_per_job"), ce = a.column("floor_m2_per_enterprise");
        for (size_t r = 0; r < a.rows.size(); ++r) {
            ClusterAverages v{a.number(r, cj, "floor_m2_per_job", false).value_or(0), a.number(r, ce, "floor_m2_per_enterprise", false).value_or(0)};
            if (v.m2_per_job < 0 || v.m2_per_enterprise < 0)
                throw Error("line " + std::to_string(r + 2) + ": a negative average for '" + a.text(r, cc) + "'", {.file = a.file});
            t.cluster_averages[a.text(r, cc)] = v;
        }
    }
    if (settings.contains("growth")) {
        const Table g = read_table(path_of("growth", {}), "growth target");
        const size_t ct = g.column("tier"), cb = g.column("base_year"), ce = g.column("target_year"), cr = g.column("annual_growth_rate", false),
                     cn = g.column("target_count", false);
        for (size_t r = 0; r < g.rows.size(); ++r) {
            GrowthTarget gt;
            gt.tier = g.text(r, ct);
            gt.base_year = static_cast<int>(*g.number(r, cb, "base_year"));
            gt.target_year = static_cast<int>(*g.number(r, ce, "target_year"));
            if (cr != SIZE_MAX) gt.annual_rate = g.number(r, cr, "annual_growth_rate", false);
            if (cn != SIZE_MAX) gt.target_count = g.number(r, cn, "target_count", false);
            if (!gt.annual_rate && !gt.target_count)
                throw Error("line " + std::to_string(r + 2) + ": give annual_growth_rate or target_count for '" + gt.tier + "'", {.file = g.file});
            if (gt.target_year <= gt.base_year)
                throw Error("line " + std::to_string(r + 2) + ": target_year must come after base_year", {.file = g.file});
            t.growth.push_back(gt);
        }
    }
    return t;
}

}  // namespace geo
