#pragma once
// Progress on a terminal: one line on standard error redrawn at most ten times a second, and
// nothing at all when standard error is not a terminal (scripts, CI, pipes).
#include "geo/core/progress.h"

namespace cli {

geo::Progress terminal_progress();
// Clears the progress line, if one was drawn.
void end_terminal_progress();

}  // namespace cli
