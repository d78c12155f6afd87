#pragma once
// A registration as the terminal shows it: the transform, each control point's residual, the
// RMS (or why there is none).
#include <string>
#include <vector>

#include "geo/cad/registration.h"

namespace geo {

std::vector<std::string> registration_summary(const std::vector<ControlPoint>& points, const Registration& r, int zone);

}  // namespace geo
