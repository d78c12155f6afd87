#pragma once
// Hot spots of an enterprises table that stays in PostGIS (a city registry of millions is never
// loaded). parkcap's own cell index is computed in SQL for each selected enterprise in the
// working CRS: pointy-topped hexagons spaced cell_m apart (or squares), anchored at the south-west
// corner of the study extent, not ST_HexagonGrid's flat-topped, edge-sized, origin-anchored
// cells; the database returns the count and weight sum per cell, and the study area and the
// Gi* statistic are the in-memory ones. The selection's filters are SQL too (cluster, tier,
// industry code prefix, the park an enterprise first lies in). DBSCAN, location quotients and
// contours need the points themselves: they are left empty.
#include "geo/cluster/cluster_analysis.h"
#include "geo/project/loaded_project.h"

namespace geo {

// `project` is loaded without its enterprises; `enterprises` is the project's enterprises
// layer, a PostGIS table. Throws geo::Error naming the connection (without password) and
// table for a missing table, geometry column or SRID, an empty selection, or a database failure.
ClusterAnalysis hot_spots_in_database(const LoadedProject& project, const ProjectLayer& enterprises, const ClusterOptions& o);

}  // namespace geo
