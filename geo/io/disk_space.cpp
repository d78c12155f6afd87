#include "geo/io/disk_space.h"

#include <sys/statvfs.h>

#include <cstdio>

namespace geo {

namespace fs = std::filesystem;

int64_t free_bytes_near(const fs::path& target)
{
    std::error_code ec;
    fs::path dir = fs::absolute(target, ec).parent_path();
    while (!dir.empty() && !fs::is_directory(dir, ec) && dir != dir.parent_path()) dir = dir.parent_path();
    struct statvfs st {};
    if (dir.empty() || ::statvfs(dir.c_str(), &st) != 0) return -1;
    return static_cast<int64_t>(st.f_bavail) * static_cast<int64_t>(st.f_frsize);
}

std::string explain_write_failure(const fs::path& target, const std::string& reason)
{
    const int64_t left = free_bytes_near(target);
    const bool says_full = reason.find("disk is full") != std::string::npos ||
                           reason.find("No space left") != std::string::npos ||
                           reason.find("no space left") != std::string::npos;
    // Below 1 MiB a GeoPackage cannot even write its tables; SQLite then says odd things.
    if (!says_full && (left < 0 || left >= (int64_t(1) << 20))) return reason;
    char buf[128];
    std::snprintf(buf, sizeof buf, "the disk is full (%lld KiB free in %s)", static_cast<long long>(left < 0 ? 0 : left / 1024),
                  fs::absolute(target).parent_path().c_str());
    return std::string(buf) + "; nothing was written: free some space or write elsewhere (GDAL: " + reason + ")";
}

}  // namespace geo
