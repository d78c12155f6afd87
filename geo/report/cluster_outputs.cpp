#include "geo/report/cluster_outputs.h"

#include <cstdio>

#include <algorithm>

#include "geo/report/text_format.h"

namespace geo {

Layer hot_spot_layer(const ClusterAnalysis& a)
{
    Layer l;
    l.name = "hot_spots";
    l.geometry = a.grid.polygons;
    l.columns = {Column("count", FieldType::Integer), Column("sum", FieldType::Real), Column("gi_z", FieldType::Real),
                 Column("gi_p", FieldType::Real), Column("gi_bin", FieldType::Integer)};
    // Only the cells of the study area: the others took no part in Gi*.
    if (!a.grid.in_study.empty()) {
        l.geometry = GeometryColumn(GeomKind::Polygon);
        for (size_t i = 0; i < a.grid.size(); ++i)
            if (a.grid.studied(i)) l.geometry.append_feature(a.grid.polygons, i);
    }
    for (size_t i = 0; i < a.grid.size(); ++i) {
        if (!a.grid.studied(i)) continue;
        l.fids.push_back(static_cast<int64_t>(i));
        l.columns[0].push_integer(a.grid.count[i]);
        l.columns[1].push_real(a.grid.sum[i]);
        l.columns[2].push_real(a.hot.z[i]);
        l.columns[3].push_real(a.hot.p[i]);
        l.columns[4].push_integer(a.hot.bin[i]);
    }
    return l;
}

Layer dbscan_layer(const ClusterAnalysis& a)
{
    Layer l;
    l.name = "dbscan_clusters";
    l.geometry = a.dbscan_polygons;
    l.columns = {Column("cluster", FieldType::Integer), Column("enterprises", FieldType::Integer), Column("area_km2", FieldType::Real)};
    for (size_t c = 0; c < a.dbscan_polygons.size(); ++c) {
        l.fids.push_back(static_cast<int64_t>(c));
        l.columns[0].push_integer(static_cast<int64_t>(c));
        l.columns[1].push_integer(static_cast<int64_t>(a.dbscan.sizes[c]));
        l.columns[2].push_real(polygon_area(a.dbscan_polygons, c) / 1e6);
    }
    return l;
}

CsvTable lq_table(const ClusterAnalysis& a, const std::string& label)
{
    CsvTable t;
    t.header = {"park", label, "park_value", "park_total", "share", "reference_value", "reference_total", "lq", "characteristic", "rank"};
    for (const LqRow& r : a.lq)
        t.rows.push_back({a.park_names.at(r.park), r.category, number_text(r.park_value), number_text(r.park_total),
                          number_text(r.share, 4), number_text(r.ref_value), number_text(r.ref_total), number_text(r.lq, 4),
                          r.characteristic ? "yes" : "no", r.rank ? std::to_string(r.rank) : ""});
    return t;
}

CsvTable characteristic_table(const ClusterAnalysis& a, const std::string& label)
{
    CsvTable t;
    t.header = {"park", "rank", label, "lq", "share"};
    std::vector<const LqRow*> rows;
    for (const LqRow& r : a.lq)
        if (r.characteristic) rows.push_back(&r);
    std::stable_sort(rows.begin(), rows.end(), [](const LqRow* x, const LqRow* y) { return x->park != y->park ? x->park < y->park : x->rank < y->rank; });
    for (const LqRow* r : rows)
        t.rows.push_back({a.park_names.at(r->park), std::to_string(r->rank), r->category, number_text(r->lq, 4), number_text(r->share, 4)});
    return t;
}

std::map<std::string, std::string> cluster_layers_metadata(const ClusterAnalysis& a, const ClusterOptions& o)
{
    char value[64];
    std::snprintf(value, sizeof value, "%g", o.cell_m);
    std::map<std::string, std::string> m = {{"PARKCAP_CELL_M", value},
                                            {"PARKCAP_GRID", o.shape == CellShape::Hexagon ? "hexagon" : "square"},
                                            {"PARKCAP_WEIGHT", o.selection.weight.empty() ? "count" : o.selection.weight}};
    std::snprintf(value, sizeof value, "%g m, min %zu points", o.eps_m, o.min_points);
    m["PARKCAP_DBSCAN"] = value;
    if (a.density) {
        std::snprintf(value, sizeof value, "%.3f", a.density->bandwidth_m);
        m["PARKCAP_KERNEL"] = std::string(to_string(a.density->kernel));
        m["PARKCAP_BANDWIDTH_M"] = value;
        m["PARKCAP_BANDWIDTH_RULE"] = std::string(to_string(a.density->rule));
        m["PARKCAP_DENSITY_UNITS"] = a.density->units();
    }
    return m;
}

std::vector<std::string> cluster_summary(const ClusterAnalysis& a, const ClusterOptions& o)
{
    std::vector<std::string> out;
    const std::string grid = o.shape == CellShape::Hexagon ? "hexagon" : "square";
    const std::string label = o.lq_category;
    int hot_cells = 0, cold_cells = 0;
    for (int b : a.hot.bin) {
        if (b >= 2) ++hot_cells;
        if (b <= -2) ++cold_cells;
    }
    size_t characteristic = 0;
    for (const auto& r : a.lq) characteristic += r.characteristic;
    size_t studied_cells = 0;
    for (size_t i = 0; i < a.grid.size(); ++i) studied_cells += a.grid.studied(i);
    out.push_back(printf_text("%zu enterprises: %zu in the study area (%s) counted in hot spots, %zu outside it left out",
                a.points_in_study + a.points_outside_study, a.points_in_study, a.study_area.c_str(), a.points_outside_study));
    out.push_back(printf_text("%zu %s cells of %g m in the study area: %d hot and %d cold at 95%% or more (FDR)", studied_cells, grid.c_str(),
                o.cell_m, hot_cells, cold_cells));
    out.push_back(printf_text("DBSCAN (eps %g m, min %zu): %zu clusters, %zu enterprises as noise", o.eps_m, o.min_points, a.dbscan.sizes.size(),
                a.dbscan.noise));
    out.push_back(printf_text("location quotients by %s (%s): %zu park-category rows, %zu characteristic", label.c_str(), o.lq.measure == LqMeasure::Count ? "count" : "employment",
                a.lq.size(), characteristic));
    if (a.density)
        out.push_back(printf_text("density for contours: %s kernel, bandwidth %.1f m (%s)", std::string(to_string(a.density->kernel)).c_str(),
                    a.density->bandwidth_m, std::string(to_string(a.density->rule)).c_str()));
    if (!a.lq.empty()) {
        for (size_t p = 0; p < a.park_names.size(); ++p) {
            std::string list;
            std::vector<const LqRow*> chars;
            for (const auto& r : a.lq)
                if (r.park == p && r.characteristic) chars.push_back(&r);
            std::sort(chars.begin(), chars.end(), [](auto x, auto y) { return x->rank < y->rank; });
            for (const auto* r : chars) {
                char buf[64];
                std::snprintf(buf, sizeof buf, " (LQ %.2f)", r->lq);
                list += (list.empty() ? "" : ", ") + r->category + buf;
            }
            out.push_back(printf_text("  %s: %s", a.park_names[p].c_str(), list.empty() ? "(none)" : list.c_str()));
        }
    }
    return out;
}

}  // namespace geo
