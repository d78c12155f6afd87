#include "geo/cluster/cluster_analysis.h"

#include <cstdio>

#include <geos_c.h>

#include "geo/core/error.h"
#include "geo/core/geos_util.h"
#include "geo/core/polygon_locator.h"
#include "geo/core/triangulate.h"
#include "geo/density/contours.h"
#include "geo/overlay/zone_assignment.h"

namespace geo {

namespace {

struct StudyPolygons {
    GeometryColumn polygons{GeomKind::Polygon};
    std::vector<PolygonLocator> locators;  // empty: the whole rectangle of the points
    std::string description;
};

StudyPolygons study_polygons(const LoadedProject& project, const ClusterOptions& o)
{
    StudyPolygons s;
    const LoadedLayer* parks = project.first(Role::Parks);
    StudyArea area = o.study_area;
    if (area == StudyArea::Auto) area = parks && parks->data->size() > 0 ? StudyArea::Parks : StudyArea::Points;
    if (area == StudyArea::Points) {
        s.description = "the rectangle around the selected enterprises";
        return s;
    }
    if (area == StudyArea::Regions) {
        const LoadedLayer* regions = project.first(Role::Regions);
        if (!regions || regions->data->size() == 0) throw Error("a study area of regions needs a regions layer in the project");
        s.polygons = regions->data->geometry;
        s.description = "the regions layer '" + regions->config.id + "'";
    } else {
        if (!parks || parks->data->size() == 0) throw Error("a study area of parks needs a parks layer in the project");
        if (!(o.study_margin_m >= 0)) throw Error("the study area's margin must be 0 m or more");
        GeosContext ctx;
        for (size_t i = 0; i < parks->data->size(); ++i) {
            GeosGeom g = to_geos(ctx, parks->data->geometry, i);
            if (!g) continue;
            GeosGeom grown(GEOSBuffer_r(ctx.handle(), g.get(), o.study_margin_m, 8), GeosGeomDeleter{ctx.handle()});
            if (grown) append_from_geos(ctx, grown.get(), s.polygons);
        }
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.0f m", o.study_margin_m);
        s.description = "the parks plus " + std::string(buf);
    }
    for (size_t i = 0; i < s.polygons.size(); ++i) s.locators.emplace_back(s.polygons, i);
    return s;
}

}  // namespace

CellGrid study_grid(const LoadedProject& project, const ClusterOptions& o, const Envelope& points_extent, std::string& description)
{
    const StudyPolygons study = study_polygons(project, o);
    description = study.description;
    Envelope grid_extent;
    if (study.locators.empty()) {
        grid_extent = points_extent;
    } else {
        for (const PolygonLocator& l : study.locators) grid_extent.expand(l.envelope());
    }
    CellGrid grid = make_grid(grid_extent, o.shape, o.cell_m);
    if (!study.locators.empty()) {
        grid.in_study.assign(grid.size(), 0);
        for (size_t i = 0; i < grid.size(); ++i) {
            const Coord c = grid.centres[i];
            for (const PolygonLocator& l : study.locators)
                if (l.envelope().contains(c.x, c.y) && l.contains(c.x, c.y)) {
                    grid.in_study[i] = 1;
                    break;
                }
        }
    }
    return grid;
}

ClusterAnalysis analyse_clusters(const LoadedProject& project, const ClusterOptions& o, const Progress& progress)
{
    ClusterAnalysis a;
    a.selection = select_points(project, o.selection);
    if (a.selection.points.empty()) throw Error("the selection is empty: no enterprise matches the filters");
    Envelope extent = a.selection.parks_extent;
    if (extent.empty())
        for (const Coord& p : a.selection.points) extent.expand(p.x, p.y);

    progress(0.1, "hot spots");
    Envelope points_extent;
    for (const Coord& p : a.selection.points) points_extent.expand(p.x, p.y);
    a.grid = study_grid(project, o, points_extent, a.study_area);
    for (size_t i = 0; i < a.selection.points.size(); ++i) {
        const int64_t cell = a.grid.cell_of(a.selection.points[i]);
        if (cell < 0) continue;
        ++a.grid.count[static_cast<size_t>(cell)];
        a.grid.sum[static_cast<size_t>(cell)] += a.selection.weights.empty() ? 1.0 : a.selection.weights[i];
    }
    for (const Coord& p : a.selection.points) {
        const int64_t cell = a.grid.cell_of(p);
        if (cell >= 0 && a.grid.studied(static_cast<size_t>(cell))) ++a.points_in_study;
        else ++a.points_outside_study;
    }
    a.hot = getis_ord_gi_star(a.grid, a.selection.weights.empty() ? std::vector<double>(a.grid.count.begin(), a.grid.count.end())
                                                                  : a.grid.sum);
    progress(0.4, "DBSCAN");
    a.dbscan = dbscan(a.selection.points, o.eps_m, o.min_points);
    a.dbscan_polygons = cluster_polygons(a.selection.points, a.dbscan, o.eps_m);

    progress(0.6, "location quotients");
    const LoadedLayer* parks = project.first(Role::Parks);
    const LoadedLayer* firms = project.first(Role::Enterprises);
    if (parks && firms) {  // location quotients need parks
        const std::string* cat_field = firms->fields.field_for(o.lq_category);
        if (!cat_field)
            throw Error("no field is bound to " + o.lq_category + " for location quotients", {.file = firms->data->source, .layer = firms->data->name});
        const Column* employees = nullptr;
        if (const std::string* f = firms->fields.field_for("employees")) employees = firms->data->column(*f);
        const ZoneAssignment in_parks = assign_to_zones(firms->data->geometry, parks->data->geometry);
        std::vector<int32_t> region_of, park_region;
        if (o.lq_against_regions) {
            const LoadedLayer* regions = project.first(Role::Regions);
            if (!regions) throw Error("location quotients against regions need a regions layer in the project");
            region_of = assign_to_zones(firms->data->geometry, regions->data->geometry).zone_of;
            GeometryColumn centres(GeomKind::Point);
            for (size_t p = 0; p < parks->data->size(); ++p) centres.add_point(label_point(parks->data->geometry, p));
            park_region = assign_to_zones(centres, regions->data->geometry).zone_of;
        }
        a.lq = location_quotients(in_parks.zone_of, parks->data->size(), *firms->data->column(*cat_field), employees, o.lq,
                                  o.lq_against_regions ? &region_of : nullptr, o.lq_against_regions ? &park_region : nullptr);
        const std::string* name = parks->fields.field_for("name");
        for (size_t p = 0; p < parks->data->size(); ++p)
            a.park_names.push_back(name && parks->data->column(*name) ? parks->data->column(*name)->text(p)
                                                                     : "fid " + std::to_string(parks->data->fids[p]));
    }

    if (!o.contour_levels.empty() || o.footprint_threshold) {
        progress(0.8, "density contours");
        a.density = kernel_density(a.selection.points, a.selection.weights, o.density, extent, true);
        if (!o.contour_levels.empty()) a.contours = density_contours(a.density->raster, o.contour_levels);
        if (o.footprint_threshold) a.footprints = density_footprints(a.density->raster, *o.footprint_threshold);
    }
    progress(1.0, "clusters");
    return a;
}

}  // namespace geo
