#include "geo/report/capacity_outputs.h"

#include <cmath>

#include "geo/capacity/compliance.h"
#include "geo/report/text_format.h"

namespace geo {

namespace {

const char* check_text(Check c, bool in_park) { return !in_park ? "n/a" : c == Check::Pass ? "pass" : c == Check::Fail ? "fail" : ""; }

}  // namespace

Layer compliance_layer(const CapacityRun& run)
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
    for (size_t i = 0; i < plots.size(); ++i) {
        const PlotCompliance& c = plots[i];
        const int32_t p = run.result.park_of[i];
        const bool in_park = p >= 0;
        l.geometry.add_point(run.input.firms->xy[i]);
        l.fids.push_back(static_cast<int64_t>(i));
        l.columns[0].push_string(run.input.firms->name[i]);
        in_park ? l.columns[1].push_string(run.input.park_name[static_cast<size_t>(p)]) : l.columns[1].push_null();
        l.columns[2].push_string(to_string(compliance_class(c, in_park)));
        real(l.columns[3], c.counted_floor);
        real(l.columns[4], c.far);
        real(l.columns[5], c.min_far);
        l.columns[6].push_string(check_text(c.far_ok, in_park));
        real(l.columns[7], c.building_coefficient);
        l.columns[8].push_string(check_text(c.coefficient_ok, in_park));
        real(l.columns[9], c.admin_share);
        l.columns[10].push_string(check_text(c.admin_ok, in_park));
        real(l.columns[11], c.green_ratio);
        l.columns[12].push_string(check_text(c.green_ok, in_park));
        l.columns[13].push_integer(in_park && c.fails_any());
        l.columns[14].push_integer(in_park && c.underused);
        l.columns[15].push_string(in_park ? c.reasons : "");
    }
    return l;
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

}  // namespace geo
