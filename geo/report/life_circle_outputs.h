#pragma once
// The life-circle tables and summary (geo/coverage/life_circles.h).
#include <string>
#include <vector>

#include "geo/core/layer.h"
#include "geo/coverage/life_circles.h"
#include "geo/report/csv_table.h"

namespace geo {

// Long table: park, minutes, metres, facility (a type, or "all daily"), enterprises and their
// share, employees and their share, and whether the target circle's full set meets the target.
CsvTable life_circle_table(const LifeCircleResult& r);
// As plans report it: per park, the share of employees reaching every daily facility within
// the target circle, below the target marked.
std::vector<std::string> life_circle_summary(const LifeCircleResult& r);
// Every enterprise: its park, the distance to the nearest of each daily type (null beyond the
// largest circle), and the smallest circle in which it reaches them all (null: none).
Layer life_circle_layer(const LifeCircleResult& r);

}  // namespace geo
