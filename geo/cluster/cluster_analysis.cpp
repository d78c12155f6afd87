#include "geo/cluster/cluster_analysis.h"

#include "geo/core/error.h"
#include "geo/core/triangulate.h"
#include "geo/density/contours.h"
#include "geo/overlay/zone_assignment.h"

namespace geo {

ClusterAnalysis analyse_clusters(const LoadedProject& project, const ClusterOptions& o, const Progress& progress)
{
    ClusterAnalysis a;
    a.selection = select_points(project, o.selection);
    if (a.selection.points.empty()) throw Error("the selection is empty: no enterprise matches the filters");
    Envelope extent = a.selection.parks_extent;
    if (extent.empty())
        for (const Coord& p : a.selection.points) extent.expand(p.x, p.y);

    progress(0.1, "hot spots");
    a.grid = aggregate_points(a.selection.points, a.selection.weights, extent, o.shape, o.cell_m);
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
            throw Error("no field is bound to " + o.lq_category + " for location quotients", {.file = firms->data.source, .layer = firms->data.name});
        const Column* employees = nullptr;
        if (const std::string* f = firms->fields.field_for("employees")) employees = firms->data.column(*f);
        const ZoneAssignment in_parks = assign_to_zones(firms->data.geometry, parks->data.geometry);
        std::vector<int32_t> region_of, park_region;
        if (o.lq_against_regions) {
            const LoadedLayer* regions = project.first(Role::Regions);
            if (!regions) throw Error("location quotients against regions need a regions layer in the project");
            region_of = assign_to_zones(firms->data.geometry, regions->data.geometry).zone_of;
            GeometryColumn centres(GeomKind::Point);
            for (size_t p = 0; p < parks->data.size(); ++p) centres.add_point(label_point(parks->data.geometry, p));
            park_region = assign_to_zones(centres, regions->data.geometry).zone_of;
        }
        a.lq = location_quotients(in_parks.zone_of, parks->data.size(), *firms->data.column(*cat_field), employees, o.lq,
                                  o.lq_against_regions ? &region_of : nullptr, o.lq_against_regions ? &park_region : nullptr);
        const std::string* name = parks->fields.field_for("name");
        for (size_t p = 0; p < parks->data.size(); ++p)
            a.park_names.push_back(name && parks->data.column(*name) ? parks->data.column(*name)->text(p)
                                                                     : "fid " + std::to_string(parks->data.fids[p]));
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
