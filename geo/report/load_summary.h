#pragma once
// What every analysis says about its inputs before its results: per layer, how many features
// were skipped or repaired and why (the first few by feature id), and the layer-level
// warnings. `parkcap info` lists every feature; this is the short form each command and
// panel shows, so that no command analyses fewer rows than it claims without saying so.
#include <string>
#include <vector>

#include "geo/project/loaded_project.h"

namespace geo {

// One line per remark, e.g. "layer 'enterprises': 3 of 20,003 features skipped: fid 5 (no
// coordinates (empty or not a number)), fid 9 (...), ... (parkcap info lists them all)".
std::vector<std::string> load_summary(const LoadedProject& project, size_t max_listed = 3);

// Throws geo::Error naming the layer when the layer playing `role` has no feature left to
// analyse: "layer 'enterprises' (firms.csv): none of its 12 features can be used: fid 1 (no
// coordinates ...)". Does nothing when the project has no such layer (the caller decides
// whether it is needed).
void require_features(const LoadedProject& project, Role role);

}  // namespace geo
