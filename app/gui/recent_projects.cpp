#include "gui/recent_projects.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "geo/core/json_depth.h"
#include "geo/io/atomic_file.h"
#include "geo/project/project.h"
#include "gui/user_prefs.h"

namespace gui {

namespace fs = std::filesystem;

namespace {

fs::path recent_file() { return config_file("recent.json"); }

}  // namespace

std::vector<std::string> recent_projects()
{
    std::vector<std::string> out;
    const fs::path file = recent_file();
    std::ifstream in(file, std::ios::binary);
    if (!in) return out;
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (geo::find_json_too_deep(text, 4)) return out;  // a list of strings; anything deeper is not ours
    try {
        for (const auto& p : geo::Json::parse(text)) out.push_back(p.get<std::string>());
    } catch (const std::exception&) {
    }
    return out;
}

void add_recent_project(const std::string& path)
{
    std::error_code ec;
    const std::string absolute = fs::absolute(path, ec).lexically_normal().string();
    std::vector<std::string> list = recent_projects();
    std::erase(list, absolute);
    list.insert(list.begin(), absolute);
    if (list.size() > 10) list.resize(10);
    const fs::path file = recent_file();
    if (file.empty()) return;
    fs::create_directories(file.parent_path(), ec);
    try {
        geo::write_file_atomically(file, geo::Json(list).dump(1));
    } catch (const std::exception&) {
    }
}

}  // namespace gui
