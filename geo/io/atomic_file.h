#pragma once
// Writing outputs without ever leaving a half-written file: write to a temporary name in the
// same folder, then rename into place (atomic on one file system).
#include <filesystem>
#include <functional>
#include <string>

namespace geo {

// Writes `content` to `path` atomically. Throws geo::Error naming the path on failure.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

// A temporary sibling path for `path` ("parks.gpkg" -> ".parks.gpkg.tmp-1234"), keeping the
// extension last so that GDAL picks the right driver from it.
std::filesystem::path temporary_sibling(const std::filesystem::path& path);

// Renames `from` to `to`, replacing `to`. Throws geo::Error naming both on failure.
void rename_into_place(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace geo
