#include "geo/report/coverage_outputs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "geo/coverage/gaps.h"
#include "geo/overlay/zone_assignment.h"

namespace geo {

namespace {

std::string fmt(double v, const char* format = "%.0f")
{
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

Column distances(const std::string& name, const std::vector<double>& d, size_t begin, size_t end)
{
    Column c(name, FieldType::Real);
    c.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) std::isfinite(d[i]) ? c.push_real(std::round(d[i] * 10) / 10) : c.push_null();
    return c;
}

Column within(const std::string& name, const std::vector<double>& d, double radius, size_t begin, size_t end)
{
    Column c(name, FieldType::Integer);
    c.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) c.push_integer(d[i] <= radius ? 1 : 0);
    return c;
}

const Column* employees_of(const LoadedLayer& firms)
{
    const std::string* f = firms.fields.field_for("employees");
    return f ? firms.data->column(*f) : nullptr;
}

}  // namespace

Layer enterprises_coverage_layer(const LoadedLayer& firms, const CoverageResult& r, const NetworkCoverage* nc, size_t begin, size_t end)
{
    const Layer& in = *firms.data;
    end = std::min(end, in.size());
    begin = std::min(begin, end);
    Layer out;
    out.name = "enterprises_coverage";
    out.geometry = GeometryColumn(in.geometry.kind());
    for (size_t i = begin; i < end; ++i) out.geometry.append_feature(in.geometry, i);
    out.fids.assign(in.fids.begin() + static_cast<std::ptrdiff_t>(begin), in.fids.begin() + static_cast<std::ptrdiff_t>(end));
    if (const std::string* name = firms.fields.field_for("name")) {
        const Column& names = *in.column(*name);
        Column c(names.name(), names.type());
        for (size_t i = begin; i < end; ++i) c.push_from(names, i);
        out.columns.push_back(std::move(c));
    }
    if (nc) out.columns.push_back(distances("attach_m", nc->attach_m, begin, end));
    for (size_t t = 0; t < r.types.size(); ++t) {
        const TypeCoverage& tc = r.types[t];
        out.columns.push_back(distances("d_" + tc.type.code, tc.distance, begin, end));
        for (double radius : tc.type.radii_m)
            out.columns.push_back(within("c_" + tc.type.code + "_" + fmt(radius), tc.distance, radius, begin, end));
        if (!nc) continue;
        out.columns.push_back(distances("n_" + tc.type.code, nc->distance[t], begin, end));
        for (double radius : tc.type.radii_m)
            out.columns.push_back(within("nc_" + tc.type.code + "_" + fmt(radius), nc->distance[t], radius, begin, end));
    }
    // The types each lacks, measured as the gaps are: by road when the network was measured.
    Column uncovered("uncovered", FieldType::String);
    std::string lacks;
    for (size_t i = begin; i < end; ++i) {
        lacks.clear();
        for (size_t t = 0; t < r.types.size(); ++t) {
            const double d = nc ? nc->distance[t][i] : r.types[t].distance[i];
            if (!(d <= r.types[t].type.radii_m.back())) lacks += (lacks.empty() ? "" : ",") + r.types[t].type.code;
        }
        lacks.empty() ? uncovered.push_null() : uncovered.push_string(lacks);
    }
    out.columns.push_back(std::move(uncovered));
    return out;
}

CoverageGaps coverage_gaps(const LoadedLayer& firms, const CoverageResult& result)
{
    CoverageGaps g;
    const size_t n = firms.data->size();
    std::vector<Coord> xy;
    for (size_t i = 0; i < n; ++i) xy.push_back(firms.data->geometry.first_coord(i));
    std::vector<double> jobs;
    if (const Column* e = employees_of(firms))
        for (size_t i = 0; i < n; ++i) jobs.push_back(e->number(i).value_or(0.0));
    g.gap_areas.name = "gap_areas";
    g.gap_areas.geometry = GeometryColumn(GeomKind::Polygon);
    g.gap_areas.columns = {Column("type", FieldType::String), Column("radius_m", FieldType::Real),
                           Column("uncovered_enterprises", FieldType::Integer), Column("uncovered_employees", FieldType::Real)};
    g.suggested_sites.name = "suggested_sites";
    g.suggested_sites.geometry = GeometryColumn(GeomKind::Point);
    g.suggested_sites.columns = {Column("type", FieldType::String), Column("radius_m", FieldType::Real),
                                 Column("covers_enterprises", FieldType::Integer), Column("covers_employees", FieldType::Real)};
    for (const TypeCoverage& tc : result.types) {
        const double radius = tc.type.radii_m.back();
        std::vector<uint8_t> uncovered(n);
        for (size_t i = 0; i < n; ++i) uncovered[i] = !(tc.distance[i] <= radius);
        const Layer areas = gap_areas(xy, jobs, uncovered, radius);
        for (size_t k = 0; k < areas.size(); ++k) {
            g.gap_areas.geometry.append_feature(areas.geometry, k);
            g.gap_areas.fids.push_back(static_cast<int64_t>(g.gap_areas.fids.size()));
            g.gap_areas.columns[0].push_string(tc.type.code);
            g.gap_areas.columns[1].push_real(radius);
            g.gap_areas.columns[2].push_integer(areas.columns[0].integer(k));
            g.gap_areas.columns[3].push_real(areas.columns[1].real(k));
        }
        const SiteSuggestion best = best_new_location(xy, jobs, uncovered, radius);
        if (best.enterprises == 0) continue;
        Layer& s = g.suggested_sites;
        s.geometry.add_point(best.at);
        s.fids.push_back(static_cast<int64_t>(s.fids.size()));
        s.columns[0].push_string(tc.type.code);
        s.columns[1].push_real(radius);
        s.columns[2].push_integer(best.enterprises);
        s.columns[3].push_real(best.employees);
    }
    return g;
}

std::vector<std::string> park_group_names(const LoadedProject& project)
{
    std::vector<std::string> names;
    const LoadedLayer* parks = project.first(Role::Parks);
    if (!parks) return names;
    const std::string* pn = parks->fields.field_for("name");
    for (size_t p = 0; p < parks->data->size(); ++p)
        names.push_back(pn ? parks->data->column(*pn)->text(p) : "fid " + std::to_string(parks->data->fids[p]));
    names.push_back("(outside every park)");
    return names;
}

Grouping park_grouping(const LoadedProject& project, const LoadedLayer& firms)
{
    Grouping g;
    g.label = "park";
    const LoadedLayer* parks = project.first(Role::Parks);
    if (!parks) return g;
    const ZoneAssignment a = assign_to_zones(firms.data->geometry, parks->data->geometry);
    g.names = park_group_names(project);
    g.group_of = a.zone_of;
    for (int32_t& z : g.group_of)
        if (z < 0) z = static_cast<int32_t>(parks->data->size());
    return g;
}

Grouping category_grouping(const LoadedLayer& firms, const std::string& meaning)
{
    Grouping g;
    g.label = meaning;
    const std::string* f = firms.fields.field_for(meaning);
    if (!f) return g;
    const Column& c = *firms.data->column(*f);
    std::map<std::string, int32_t> ids;
    g.group_of.assign(c.size(), -1);
    for (size_t i = 0; i < c.size(); ++i) {
        const std::string v = c.is_null(i) || c.text(i).empty() ? "(none)" : c.text(i);
        auto [it, added] = ids.try_emplace(v, static_cast<int32_t>(g.names.size()));
        if (added) g.names.push_back(v);
        g.group_of[i] = it->second;
    }
    return g;
}

CsvTable coverage_rows_table(const std::string& label, const std::vector<CoverageRow>& rows, const std::vector<CoverageRow>* road_rows)
{
    CsvTable t;
    t.header = {label, "facility_type", "radius_m", "enterprises", "covered", "share", "employees", "employees_covered", "employee_share"};
    if (road_rows)
        for (const char* h : {"covered_by_road", "share_by_road", "employees_covered_by_road", "covered_straight_not_by_road"}) t.header.push_back(h);
    for (size_t k = 0; k < rows.size(); ++k) {
        const CoverageRow& row = rows[k];
        t.rows.push_back({row.group, row.type, fmt(row.radius_m), std::to_string(row.enterprises), std::to_string(row.covered),
                          row.enterprises ? fmt(static_cast<double>(row.covered) / static_cast<double>(row.enterprises), "%.4f") : "",
                          fmt(row.employees), fmt(row.employees_covered),
                          row.employees > 0 ? fmt(row.employees_covered / row.employees, "%.4f") : ""});
        if (!road_rows) continue;
        // A road path is never shorter than the straight line: road coverage is a subset.
        const CoverageRow& rr = (*road_rows)[k];
        t.rows.back().insert(t.rows.back().end(),
                             {std::to_string(rr.covered),
                              rr.enterprises ? fmt(static_cast<double>(rr.covered) / static_cast<double>(rr.enterprises), "%.4f") : "",
                              fmt(rr.employees_covered), std::to_string(row.covered - rr.covered)});
    }
    return t;
}

CsvTable coverage_table(const Grouping& grouping, const CoverageResult& r, const CoverageResult* by_road, const Column* employees)
{
    const auto rows = coverage_summary(r, grouping.group_of, grouping.names, employees);
    if (!by_road) return coverage_rows_table(grouping.label, rows, nullptr);
    const auto road_rows = coverage_summary(*by_road, grouping.group_of, grouping.names, employees);
    return coverage_rows_table(grouping.label, rows, &road_rows);
}

}  // namespace geo
