#pragma once
// The cluster analysis's settings (ClusterOptions) read from and written to the project's
// "analysis.clusters", for the panel and the command alike: defaults are ClusterOptions' own.
//
// "analysis": {"clusters": {"grid": "hexagon", "cell_m": 500, "weight": "count",
//   "study_area": "auto", "study_margin_m": 1000, "lq_by": "cluster", "lq_measure": "employment",
//   "min_lq": 1.25, "min_share": 0.05, "lq_reference": "study-area", "eps_m": 250,
//   "min_points": 20, "cluster": "", "tier": "", "industry": "", "park": "",
//   "density": {"kernel": "quartic", "radius_m": 1000, "cell_m": 50, ...},
//   "contour_levels": [], "footprint": null}}
#include "geo/cluster/cluster_analysis.h"
#include "geo/project/project.h"

namespace geo {

// Throws geo::Error naming the key ("analysis.clusters.cell_m: must be > 0, not -5").
ClusterOptions cluster_settings(const Project& project);
Json to_json(const ClusterOptions& options);
// The same checks for options made in code (a panel, flags).
void check(const ClusterOptions& options);

}  // namespace geo
