#pragma once
// The density analysis's settings, one struct for the panel and the command: read from and
// written to the project's "analysis.density", defaults here and nowhere else.
//
// "analysis": {"density": {"kernel": "quartic", "bandwidth_rule": "fixed", "radius_m": 1000,
//   "cell_m": 50, "weight": "count", "values": "raw", "method": "auto", "cluster": "",
//   "tier": "", "industry": "", "park": "", "contours": false, "contour_levels": 5}}
#include "geo/density/kde.h"
#include "geo/density/point_selection.h"
#include "geo/project/project.h"

namespace geo {

struct DensitySettings {
    KdeOptions kde;            // kernel, bandwidth rule and radius, cell, values, method, grid limit
    PointFilter filter;        // which enterprises, and the weight ("" counts them)
    bool contours = false;     // contour lines of the surface (the panel draws them)
    int contour_levels = 5;

    bool operator==(const DensitySettings& o) const;
};

class SettingsReader;

// The kernel density options under a settings object (kernel, bandwidth_rule, radius_m,
// cell_m, values, method, max_cells), starting from `defaults`; also for the contours of the
// cluster analysis (analysis.clusters.density).
KdeOptions read_kde_options(const SettingsReader& reader, KdeOptions defaults);
Json kde_options_json(const KdeOptions& options);
// Which enterprises and the weight (weight "count" or absent: counted), under a settings object.
PointFilter read_point_filter(const SettingsReader& reader);
void add_point_filter_json(Json& settings, const PointFilter& filter);

// The project's density settings. Throws geo::Error naming the key for a wrong type or a
// value out of range ("analysis.density.cell_m: must be > 0, not -5").
DensitySettings density_settings(const Project& project);
Json to_json(const DensitySettings& settings);
// The surface the panel shows and the command writes: the selection's kernel density over the
// parks' extent (the points' when there are no parks) grown by the kernel's reach.
KdeResult density_surface(const PointSelection& selection, const KdeOptions& options, const Progress& progress = {});

// Checks the values themselves (the same rules as reading), for settings made in code.
void check(const DensitySettings& settings);

}  // namespace geo
