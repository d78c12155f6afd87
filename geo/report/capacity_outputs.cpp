#include "geo/report/capacity_outputs.h"

#include <algorithm>
#include <cmath>

#include "geo/capacity/compliance.h"
#include "geo/report/text_format.h"

namespace geo {

namespace {

std::string num(double v, int digits = 10) { return std::isfinite(v) ? number_text(v, digits) : std::string(); }

void add_rows(const CapacityRun& run, CsvTable& parks, CsvTable& factors, CsvTable& clusters, CsvTable& growth)
{
    const std::string sc = run.scenario.empty() ? "baseline" : run.scenario;
    for (size_t p = 0; p < run.result.parks.size(); ++p) {
        const auto& pc = run.result.parks[p];
        const auto& g = run.growth[p];
        std::string tiers, coverage;
        for (const auto& [t, n] : pc.tiers)
            tiers += (tiers.empty() ? "" : "; ") + t + ": " + std::to_string(n) + " (" +
                     number_text(100.0 * static_cast<double>(n) / static_cast<double>(std::max<int64_t>(pc.enterprises, 1)), 3) + "%)";
        for (const auto& [t, v] : pc.coverage) coverage += (coverage.empty() ? "" : "; ") + t + ": " + number_text(v, 3);
        parks.rows.push_back({sc, pc.name, pc.code, num(pc.gross_m2), num(pc.constrained_m2), num(pc.net_m2), num(pc.road_utility_m2),
                              num(pc.developable_m2), num(pc.occupied_m2), num(pc.vacant_m2), num(pc.permitted_far), pc.far_source,
                              num(pc.floor_capacity_m2), num(pc.existing_floor_m2), num(pc.remaining_floor_m2), num(pc.vacant_floor_m2), num(pc.redevelopment_m2), num(pc.factory_floor_m2),
                              num(pc.available_floor_m2), num(pc.densification_potential_m2), std::to_string(pc.enterprises), num(pc.jobs),
                              num(pc.remaining_jobs), num(pc.remaining_enterprises), num(pc.capacity_jobs), binding_text(pc.binding),
                              num(pc.headroom_jobs), num(pc.dormitory_beds), num(pc.comprehensive_far, 4), num(pc.building_density, 4),
                              num(pc.industrial_land_share, 4), num(pc.output_per_ha), num(pc.tax_per_ha), num(pc.jobs_per_ha),
                              num(pc.output_per_mu), num(pc.tax_per_mu), num(pc.jobs_per_mu), tiers, joined(pc.characteristic_clusters, "; "),
                              coverage, std::to_string(pc.plots_failing), std::to_string(pc.plots_underused),
                              g.shortfall_year ? std::to_string(g.shortfall_year) : "", g.short_of});
        for (const auto& f : pc.factors)
            factors.rows.push_back({sc, pc.name, f.factor, f.unit, f.given ? "yes" : "no", f.given ? num(f.capacity) : "", num(f.used),
                                    num(f.per_new_job), f.given ? num(f.jobs_supported) : "", f.given ? num(f.headroom_jobs) : "",
                                    f.binding ? "yes" : ""});
        for (const auto& c : pc.clusters)
            clusters.rows.push_back({sc, pc.name, c.cluster, std::to_string(c.enterprises), num(c.jobs), num(c.floor_m2), num(c.new_floor_m2),
                                     num(c.new_jobs), num(c.new_enterprises)});
        for (const auto& y : g.years)
            growth.rows.push_back({sc, pc.name, std::to_string(y.year), num(y.new_enterprises), num(y.floor_m2), num(y.jobs),
                                   num(pc.available_floor_m2), num(pc.headroom_jobs), y.year == g.shortfall_year ? g.short_of : ""});
    }
}

const char* check_text(Check c, bool in_park) { return !in_park ? "n/a" : c == Check::Pass ? "pass" : c == Check::Fail ? "fail" : ""; }

}  // namespace

Layer compliance_layer(const CapacityRun& run, size_t begin, size_t end)
{
    Layer l;
    l.name = "enterprises_compliance";
    l.geometry = GeometryColumn(GeomKind::Point);
    const std::pair<const char*, FieldType> fields[] = {
        {"name", FieldType::String},          {"park", FieldType::String},           {"result", FieldType::String},
        {"counted_floor_m2", FieldType::Real}, {"far", FieldType::Real},             {"min_far", FieldType::Real},
        {"far_check", FieldType::String},     {"building_coefficient", FieldType::Real}, {"coefficient_check", FieldType::String},
        {"admin_living_share", FieldType::Real}, {"admin_check", FieldType::String}, {"green_ratio", FieldType::Real},
        {"green_check", FieldType::String},   {"fails_any", FieldType::Integer},     {"underused", FieldType::Integer},
        {"reasons", FieldType::String}};
    for (const auto& [name, type] : fields) l.columns.emplace_back(name, type);
    auto real = [](Column& c, double v) { std::isfinite(v) ? c.push_real(v) : c.push_null(); };
    const auto& plots = run.result.plots;
    end = std::min(end, plots.size());
    for (size_t i = begin; i < end; ++i) {
        const PlotCompliance& c = plots[i];
        const PlotNumbers n = plot_numbers(run.input, run.tables, run.result.compliance, run.result.park_of, i);
        const int32_t p = run.result.park_of[i];
        const bool in_park = p >= 0;
        l.geometry.add_point(run.input.firms->xy[i]);
        l.fids.push_back(i < run.input.firms->fid.size() ? run.input.firms->fid[i] : static_cast<int64_t>(i));
        l.columns[0].push_string(run.input.firms->name[i]);
        in_park ? l.columns[1].push_string(run.input.park_name[static_cast<size_t>(p)]) : l.columns[1].push_null();
        l.columns[2].push_string(to_string(compliance_class(c, in_park)));
        real(l.columns[3], n.counted_floor);
        real(l.columns[4], n.far);
        real(l.columns[5], n.min_far);
        l.columns[6].push_string(check_text(c.far_ok, in_park));
        real(l.columns[7], n.building_coefficient);
        l.columns[8].push_string(check_text(c.coefficient_ok, in_park));
        real(l.columns[9], n.admin_share);
        l.columns[10].push_string(check_text(c.admin_ok, in_park));
        real(l.columns[11], n.green_ratio);
        l.columns[12].push_string(check_text(c.green_ok, in_park));
        l.columns[13].push_integer(in_park && c.fails_any());
        l.columns[14].push_integer(in_park && c.underused);
        l.columns[15].push_string(in_park ? compliance_reasons(c, n, run.tables, run.result.compliance) : "");
    }
    return l;
}

CapacityCsvTables capacity_csv_tables(const std::vector<CapacityRun>& runs)
{
    CapacityCsvTables t;
    t.parks.header = {"scenario", "park", "code", "gross_m2", "constrained_m2", "net_m2", "road_utility_m2", "developable_m2", "occupied_m2",
                    "vacant_m2", "permitted_far", "far_source", "floor_capacity_m2", "existing_floor_m2", "remaining_floor_m2", "vacant_floor_m2", "redevelopment_m2",
                    "factory_floor_m2", "available_floor_m2", "densification_potential_m2", "enterprises", "jobs", "remaining_jobs",
                    "remaining_enterprises", "capacity_jobs", "binding", "headroom_jobs", "dormitory_beds", "comprehensive_far",
                    "building_density", "industrial_land_share", "output_per_ha", "tax_per_ha", "jobs_per_ha", "output_per_mu",
                    "tax_per_mu", "jobs_per_mu", "tiers", "characteristic_clusters", "coverage_employee_share", "plots_failing",
                    "plots_underused", "shortfall_year", "short_of"};
    t.factors.header = {"scenario", "park", "factor", "unit", "given", "capacity", "used", "per_new_job", "jobs_supported", "headroom_jobs", "binding"};
    t.clusters.header = {"scenario", "park", "cluster", "enterprises", "jobs", "floor_m2", "new_floor_m2", "new_jobs", "new_enterprises"};
    t.growth.header = {"scenario", "park", "year", "new_enterprises", "floor_m2", "jobs", "available_floor_m2", "headroom_jobs", "short_of"};
    for (const CapacityRun& run : runs) add_rows(run, t.parks, t.factors, t.clusters, t.growth);
    return t;
}

CsvTable compliance_table(const CapacityRun& run)
{
    CsvTable t;
    t.header = {"park", "rule", "pass", "fail", "no_data"};
    const auto& r = run.result;
    using Get = Check (*)(const PlotCompliance&);
    const std::pair<const char*, Get> rules[] = {
        {"far_at_least_industry_minimum", [](const PlotCompliance& c) { return c.far_ok; }},
        {"building_coefficient", [](const PlotCompliance& c) { return c.coefficient_ok; }},
        {"admin_living_land_share", [](const PlotCompliance& c) { return c.admin_ok; }},
        {"green_ratio", [](const PlotCompliance& c) { return c.green_ok; }},
        {"not_underused", [](const PlotCompliance& c) { return c.underused ? Check::Fail : Check::Pass; }},
    };
    for (size_t p = 0; p < r.parks.size(); ++p)
        for (const auto& [name, get] : rules) {
            int64_t counts[3] = {0, 0, 0};  // pass, fail, no data
            for (size_t i = 0; i < r.plots.size(); ++i)
                if (r.park_of[i] == static_cast<int32_t>(p)) {
                    const Check c = get(r.plots[i]);
                    ++counts[c == Check::Pass ? 0 : c == Check::Fail ? 1 : 2];
                }
            t.rows.push_back({r.parks[p].name, name, std::to_string(counts[0]), std::to_string(counts[1]), std::to_string(counts[2])});
        }
    return t;
}

Layer parks_capacity_layer(const std::vector<CapacityRun>& runs)
{
    Layer l;
    l.name = "parks_capacity";
    l.geometry = GeometryColumn(GeomKind::Polygon);
    l.columns = {Column("scenario", FieldType::String),      Column("park", FieldType::String),
                 Column("developable_m2", FieldType::Real),  Column("available_floor_m2", FieldType::Real),
                 Column("jobs", FieldType::Real),            Column("capacity_jobs", FieldType::Real),
                 Column("headroom_jobs", FieldType::Real),   Column("binding", FieldType::String),
                 Column("comprehensive_far", FieldType::Real), Column("shortfall_year", FieldType::Integer)};
    for (const auto& run : runs)
        for (size_t p = 0; p < run.result.parks.size(); ++p) {
            const auto& pc = run.result.parks[p];
            l.geometry.append_feature(run.input.parks, p);
            l.fids.push_back(static_cast<int64_t>(l.fids.size()));
            l.columns[0].push_string(run.scenario.empty() ? "baseline" : run.scenario);
            l.columns[1].push_string(pc.name);
            l.columns[2].push_real(pc.developable_m2);
            l.columns[3].push_real(pc.available_floor_m2);
            l.columns[4].push_real(pc.jobs);
            l.columns[5].push_real(pc.capacity_jobs);
            l.columns[6].push_real(pc.headroom_jobs);
            l.columns[7].push_string(binding_text(pc.binding));
            l.columns[8].push_real(pc.comprehensive_far);
            run.growth[p].shortfall_year ? l.columns[9].push_integer(run.growth[p].shortfall_year) : l.columns[9].push_null();
        }
    return l;
}

void write_capacity_layers(const std::vector<CapacityRun>& runs, const Crs& crs, const std::filesystem::path& path, const WriteOptions& options)
{
    LayerFileWriter writer(path, crs, options);
    writer.write("parks_capacity", parks_capacity_layer(runs));
    writer.write_chunked("enterprises_compliance", runs.front().result.plots.size(), false,
                         [&](size_t begin, size_t end) { return compliance_layer(runs.front(), begin, end); });
    writer.commit();
}

}  // namespace geo
