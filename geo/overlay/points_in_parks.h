#pragma once
// Which park of a project each point lies in, with the parks' names as tables show them
// ("fid N" for a park without one): what the per-park summaries of the newer analyses share.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/core/geometry.h"
#include "geo/project/loaded_project.h"

namespace geo {

struct PointsInParks {
    std::vector<int32_t> park_of;        // per point: the lowest-index park holding it, -1 none (or no parks layer)
    std::vector<std::string> park_name;  // per park
};

PointsInParks points_in_parks(const LoadedProject& project, const GeometryColumn& points);

}  // namespace geo
