#pragma once
// What parkcap remembers per user, not per project: the layout of the workspace and the
// interface language, in $XDG_CONFIG_HOME/parkcap/ui.json (or ~/.config/parkcap/ui.json).
// Reading never fails (an unreadable file gives the defaults); writing failures are ignored:
// a preference is never worth an error.
#include <filesystem>
#include <string>

#include "gui/layout.h"

namespace gui {

struct UserPrefs {
    LayoutState layout;
    std::string language;  // "zh" or "en"; empty: follow the locale
    bool operator==(const UserPrefs&) const = default;
};

// $XDG_CONFIG_HOME/parkcap/NAME, else ~/.config/parkcap/NAME; empty when neither is set.
std::filesystem::path config_file(const std::string& name);
UserPrefs load_user_prefs();
void save_user_prefs(const UserPrefs& prefs);

}  // namespace gui
