#pragma once
// Every command states what was skipped, repaired or assumed while loading, before its results.
#include "geo/project/loaded_project.h"

namespace cli {

// Prints geo::load_summary on standard error, one "note: ..." line each.
void print_load_notes(const geo::LoadedProject& project);

}  // namespace cli
