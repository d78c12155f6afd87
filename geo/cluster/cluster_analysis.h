#pragma once
// Everything `parkcap clusters` computes from a project, as one function from inputs and
// options to a result: hexagon (or square) aggregation with Gi* hot spots, DBSCAN clusters
// with their polygons, location quotients and characteristic clusters per park, and density
// contours and footprints. The GUI and the CLI call this same function.
#include <optional>
#include <string>
#include <vector>

#include "geo/cluster/cell_grid.h"
#include "geo/cluster/dbscan.h"
#include "geo/cluster/hot_spots.h"
#include "geo/cluster/location_quotient.h"
#include "geo/density/kde.h"
#include "geo/density/point_selection.h"

namespace geo {

// Where hot spots are measured. Cells outside the study area are left out of Gi*, and so are
// the enterprises in them (counted and reported, never silently).
enum class StudyArea {
    Auto,     // the parks plus study_margin_m when the project has parks, else the points' extent
    Parks,    // the parks, each grown by study_margin_m
    Regions,  // the regions layer's polygons
    Points,   // the rectangle around the selected enterprises
};

struct ClusterOptions {
    PointFilter selection;             // which enterprises; its weight is what hot spots sum
    CellShape shape = CellShape::Hexagon;
    double cell_m = 500;
    StudyArea study_area = StudyArea::Auto;
    double study_margin_m = 1000;      // the parks' reach: the default kernel radius
    std::string lq_category = "cluster";  // the meaning to compute LQs for: cluster or industry_code
    LqOptions lq;
    bool lq_against_regions = false;   // each park against its region (a regions layer), else the study area
    double eps_m = 250;
    size_t min_points = 20;
    KdeOptions density;                // for contours and footprints
    std::vector<double> contour_levels;  // empty: none
    std::optional<double> footprint_threshold;
};

struct ClusterAnalysis {
    PointSelection selection;
    CellGrid grid;
    HotSpots hot;
    std::string study_area;            // what it was, in words: "the parks plus 1000 m"
    size_t points_in_study = 0;        // selected enterprises in the study area's cells
    size_t points_outside_study = 0;   // ... and outside it: not in the hot spots
    DbscanResult dbscan;
    GeometryColumn dbscan_polygons{GeomKind::Polygon};
    std::vector<LqRow> lq;
    std::vector<std::string> park_names;
    std::optional<KdeResult> density;
    Layer contours, footprints;
};

// The hot-spot grid over the study area (`points_extent` when the study area is the points'
// rectangle), counts zero, with in_study set and the study area described in words.
CellGrid study_grid(const LoadedProject& project, const ClusterOptions& o, const Envelope& points_extent, std::string& description);

// Throws geo::Error for an empty selection, a project without parks (for LQs), a missing
// category or employees field, or any option out of range.
ClusterAnalysis analyse_clusters(const LoadedProject& project, const ClusterOptions& options, const Progress& progress = {});

}  // namespace geo
