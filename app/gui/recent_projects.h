#pragma once
// Recently opened projects, kept in $XDG_CONFIG_HOME/parkcap/recent.json (or ~/.config).
#include <string>
#include <vector>

namespace gui {

std::vector<std::string> recent_projects();
// Moves `path` to the front (at most 10 kept). Failures to write are ignored: the list is
// a convenience, never worth an error.
void add_recent_project(const std::string& path);

}  // namespace gui
