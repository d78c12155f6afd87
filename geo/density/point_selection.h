#pragma once
// Which enterprises a density (or any point analysis) uses, and with what weight: the same
// selection for the CLI and the GUI.
#include <string>
#include <vector>

#include "geo/core/geometry.h"
#include "geo/project/loaded_project.h"

namespace geo {

struct PointFilter {
    std::string cluster;        // the cluster field must equal this ("" = any)
    std::string tier;           // the tier field must equal this
    std::string industry_code;  // the industry code must start with this ("37", "3")
    std::string park;           // the enterprise must lie in the park of this name
    std::string weight;         // a meaning ("employees", "output_value", "floor_area") or a field name; "" = count
};

struct PointSelection {
    std::vector<Coord> points;
    std::vector<uint32_t> rows;   // each point's row in the enterprises layer
    std::vector<double> weights;  // empty when counting
    std::string weight_field;     // the field used, "" when counting
    size_t null_weights = 0;      // enterprises left out because their weight is null
    Envelope parks_extent;        // the parks layer's extent (empty without one)
};

// Selects from the project's enterprises layer. Throws geo::Error when the project has no
// enterprises, a filter names a meaning the layer has no field for, the park is unknown, or
// the weight field is text.
PointSelection select_points(const LoadedProject& project, const PointFilter& filter);

// The enterprises' meanings (and field names) `filter` reads, for loading only those.
std::vector<std::string> fields_needed(const PointFilter& filter);

}  // namespace geo
