#pragma once
// Saying plainly that the disk is full when a write fails for that reason: SQLite and GDAL
// report it as "database or disk is full", "no such table: gpkg_geometry_columns" or a
// failed COMMIT, none of which tells a planner what to do.
#include <cstdint>
#include <filesystem>
#include <string>

namespace geo {

// Bytes free for this user in the folder of `target` (or its nearest existing parent); -1
// when it cannot be told.
int64_t free_bytes_near(const std::filesystem::path& target);

// `reason` for a failed write of `target`, or, when the folder has (almost) no space left or
// the reason says so, "the disk is full (12 KiB free in /data/out); nothing was written: free
// some space or write elsewhere (GDAL: <reason>)".
std::string explain_write_failure(const std::filesystem::path& target, const std::string& reason);

}  // namespace geo
