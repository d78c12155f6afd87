#pragma once
// A scenario edit as a sentence a planner reads ("重庆高新区：容积率提高到 3.0",
// "重庆高新区: plot ratio raised to 3.0"), with factor and facility names from the terms
// table. Used by the capacity panel's list of edits, the undo history's labels and reports.
#include <string>

#include "geo/project/terms.h"
#include "geo/scenario/edits.h"

namespace geo {

std::string describe_edit(const Edit& edit, Language language, const Terms& terms = Terms::standard());

}  // namespace geo
