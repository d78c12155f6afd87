#include "gui/user_prefs.h"

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "geo/core/json_depth.h"
#include "geo/io/atomic_file.h"
#include "geo/project/project.h"

namespace gui {

namespace fs = std::filesystem;

fs::path config_file(const std::string& name)
{
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return fs::path(xdg) / "parkcap" / name;
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config" / "parkcap" / name;
    return {};
}

UserPrefs load_user_prefs()
{
    UserPrefs p;
    std::ifstream in(config_file("ui.json"), std::ios::binary);
    if (!in) return p;
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (geo::find_json_too_deep(text, 4)) return p;
    try {
        const geo::Json j = geo::Json::parse(text);
        if (!j.is_object()) return p;
        p.language = j.value("language", std::string());
        if (p.language != "zh" && p.language != "en") p.language.clear();
        if (const auto l = j.find("layout"); l != j.end() && l->is_object()) {
            LayoutState& s = p.layout;
            s.left_width = l->value("left_width", s.left_width);
            s.right_width = l->value("right_width", s.right_width);
            s.bottom_height = l->value("bottom_height", s.bottom_height);
            s.left_split = l->value("left_split", s.left_split);
            s.left_open = l->value("left_open", s.left_open);
            s.right_open = l->value("right_open", s.right_open);
            s.bottom_open = l->value("bottom_open", s.bottom_open);
            if (const auto a = l->find("active"); a != l->end() && a->is_array())
                for (size_t i = 0; i < std::min(a->size(), s.active.size()); ++i)
                    if ((*a)[i].is_string()) s.active[i] = (*a)[i].get<std::string>();
        }
    } catch (const std::exception&) {
        return UserPrefs{};
    }
    return p;
}

void save_user_prefs(const UserPrefs& p)
{
    const fs::path file = config_file("ui.json");
    if (file.empty()) return;
    const LayoutState& s = p.layout;
    geo::Json j = {{"layout",
                    {{"left_width", s.left_width}, {"right_width", s.right_width}, {"bottom_height", s.bottom_height},
                     {"left_split", s.left_split}, {"left_open", s.left_open}, {"right_open", s.right_open},
                     {"bottom_open", s.bottom_open}, {"active", s.active}}}};
    if (!p.language.empty()) j["language"] = p.language;
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    try {
        geo::write_file_atomically(file, j.dump(1));
    } catch (const std::exception&) {
    }
}

}  // namespace gui
