#pragma once
// Small capacity cases shared by the capacity tests (see capacity_fixtures.cpp).
#include <cmath>
#include <string>

#include "geo/capacity/capacity_input.h"
#include "geo/capacity/capacity_model.h"
#include "geo/capacity/capacity_tables.h"
#include "geo/project/project.h"

namespace capacity_fixtures {

inline const double kNaN = std::nan("");

// Rules (coefficient 0.30 min, admin 7% max, green 20% max, 8 m storeys), minimum FAR 0.7 for
// division 34, power 0.05 kW/m² and water 0.5 m³/d a job, a 20% road share.
geo::CapacityTables tables();
// A mutable copy of the enterprises of `in` (which then holds it), for building cases.
geo::EnterpriseData& firms_of(geo::CapacityInput& in);
void add_firm(geo::CapacityInput& in, geo::Coord at, double land, double floor, double jobs, double storey = 5, std::string tier = "");
// A 1 km square park (FAR 1.5) with a 200 m square hole; constraints: two squares overlapping
// by 100 x 100 m, and one half outside the park. One enterprise (4,000 m² land, 8,000 m², 100 jobs).
geo::CapacityInput square_park();
// The factor of that name in a park's result (fails the test when missing).
const geo::FactorCapacity& factor(const geo::ParkCapacity& p, const std::string& name);
// A project file holding only these scenarios.
geo::Project project_with(const geo::Json& scenarios);
// The square plus a second park far away that no edit touches, one under-used firm in each,
// and a vacant site S1 (20,000 m², FAR 1.2) in the square.
geo::CapacityInput two_parks();

}  // namespace capacity_fixtures
