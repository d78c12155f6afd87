#pragma once
// Where parkcap's own data lives (the standards tables, the demo project): $PARKCAP_DATA_DIR
// when set, else the installed share/parkcap, else the source tree's datasets folder (a build
// that was not installed). Paths written in a project resolve relative to the project file
// first; these folders are the fallback, so nothing depends on the folder the program was
// started from.
#include <filesystem>
#include <optional>
#include <vector>

namespace geo {

// The folders searched, in order (those that exist).
std::vector<std::filesystem::path> data_dirs();
// The first data folder holding `relative` ("standards", "chongqing-demo/chongqing-demo.parkcap.json").
std::optional<std::filesystem::path> find_data(const std::filesystem::path& relative);

}  // namespace geo
