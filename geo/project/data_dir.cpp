#include "geo/project/data_dir.h"

#include <cstdlib>

namespace geo {

namespace fs = std::filesystem;

std::vector<fs::path> data_dirs()
{
    std::vector<fs::path> out;
    std::error_code ec;
    auto add = [&](const fs::path& p) {
        if (!p.empty() && fs::is_directory(p, ec)) out.push_back(p);
    };
    if (const char* env = std::getenv("PARKCAP_DATA_DIR"); env && *env) add(env);
#ifdef PARKCAP_INSTALL_DATADIR
    add(PARKCAP_INSTALL_DATADIR);
#endif
#ifdef PARKCAP_SOURCE_DATADIR
    add(PARKCAP_SOURCE_DATADIR);
#endif
    return out;
}

std::optional<fs::path> find_data(const fs::path& relative)
{
    std::error_code ec;
    for (const fs::path& dir : data_dirs())
        if (fs::exists(dir / relative, ec)) return dir / relative;
    return std::nullopt;
}

}  // namespace geo
