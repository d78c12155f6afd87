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
// largest circle), the smallest circle in which it reaches them all (null: none), and that as
// a class to style by (`reach`: "<= 5 min", ..., "> 15 min").
Layer life_circle_layer(const LifeCircleResult& r);
// The `reach` class of an enterprise reaching every daily facility within `within_minutes`
// (-1: beyond every circle).
std::string life_circle_reach(const LifeCircleResult& r, int within_minutes);
// Per park (then all in parks), per circle: the share of employees reaching every daily
// facility (0 where a park has no employees).
std::vector<std::vector<double>> life_circle_shares(const LifeCircleResult& r);

}  // namespace geo
