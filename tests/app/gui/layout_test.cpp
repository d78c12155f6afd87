#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include <unistd.h>

#include "gui/layout.h"
#include "gui/user_prefs.h"

namespace {

const gui::LayoutMetrics kMetrics{22, 29, 30};

std::vector<gui::Rect> regions(const gui::LayoutRects& r) { return {r.left, r.left_lower, r.right, r.bottom}; }

}  // namespace

TEST_CASE("layout: the first screen at 1400x900 leaves the map at least 60% of the window")
{
    const gui::LayoutRects r = gui::compute_layout(gui::LayoutState{}, {}, 1400, 900, kMetrics);
    // Left column 300 px open over the full height between menu and status strip (849 px),
    // split in half; the right column and the drawer folded to their 30 px tab rows.
    CHECK(r.left == gui::Rect{0, 22, 300, 424.5f});
    CHECK(r.left_lower == gui::Rect{0, 446.5f, 300, 424.5f});
    CHECK(r.right == gui::Rect{900, 22, 500, 30});
    CHECK(r.bottom == gui::Rect{300, 841, 1100, 30});
    // Covered: 1400 x (22 + 29) + 300 x 849 + 500 x 30 + 1100 x 30 = 374,100 of 1,260,000.
    CHECK(gui::map_share(r, 1400, 900, kMetrics) == doctest::Approx(1 - 374100.0 / 1260000).epsilon(1e-9));
    CHECK(gui::map_share(r, 1400, 900, kMetrics) > 0.60);
    // The map's clear part: right of the column, under the right column's tab row, above the drawer.
    CHECK(r.map == gui::Rect{300, 52, 1100, 789});
}

TEST_CASE("layout: no two regions overlap and the map's clear part touches none, whatever the sizes and folds")
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> size(0, 1600), share(0, 1);
    for (int trial = 0; trial < 5000; ++trial) {
        const float w = 200 + size(rng) * 2, h = 150 + size(rng);
        gui::LayoutState s;
        s.left_width = size(rng), s.right_width = size(rng), s.bottom_height = size(rng), s.left_split = share(rng) * 1.4f - 0.2f;
        s.left_open = rng() % 2, s.right_open = rng() % 2, s.bottom_open = rng() % 2;
        const gui::Occupied occ{rng() % 2 == 0, rng() % 2 == 0, rng() % 2 == 0, rng() % 2 == 0};
        s = gui::clamp_layout(s, w, h);
        const gui::LayoutRects r = gui::compute_layout(s, occ, w, h, kMetrics);
        const auto all = regions(r);
        for (size_t i = 0; i < all.size(); ++i) {
            for (size_t j = i + 1; j < all.size(); ++j) CHECK_FALSE(all[i].overlaps(all[j]));
            INFO("region " << i << ": " << all[i].x << "," << all[i].y << " " << all[i].w << "x" << all[i].h << "; map " << r.map.x << ","
                           << r.map.y << " " << r.map.w << "x" << r.map.h << " window " << w << "x" << h);
            CHECK_FALSE(all[i].overlaps(r.map));
            // Inside the window, between the menu bar and the status strip.
            if (!all[i].empty()) {
                CHECK(all[i].x >= 0);
                CHECK(all[i].right() <= w + 0.01f);
                CHECK(all[i].y >= kMetrics.menu_height);
                CHECK(all[i].bottom() <= h - kMetrics.status_height + 0.01f);
            }
        }
        CHECK(r.left.empty() != occ.left);        // a region shows exactly when it holds an open panel
        CHECK(r.right.empty() != occ.right);
        CHECK(r.bottom.empty() != occ.bottom);
        CHECK(r.left_lower.empty() != occ.left_lower);
    }
}

TEST_CASE("layout: sizes are clamped to usable ranges")
{
    gui::LayoutState s;
    s.left_width = 5, s.right_width = 5000, s.bottom_height = 10, s.left_split = 3;
    s = gui::clamp_layout(s, 1400, 900);
    CHECK(s.left_width == 180);
    CHECK(s.right_width == doctest::Approx(630));  // 45% of 1400
    CHECK(s.bottom_height == 120);
    CHECK(s.left_split == doctest::Approx(0.8f));
}

TEST_CASE("user preferences: the layout and the language survive a restart; a broken file gives the defaults")
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("parkcap_prefs_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    ::setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
    CHECK(gui::load_user_prefs() == gui::UserPrefs{});  // no file yet

    gui::UserPrefs p;
    p.layout.left_width = 333, p.layout.right_open = true, p.layout.active[2] = "capacity";
    p.language = "zh";
    gui::save_user_prefs(p);
    CHECK(fs::exists(dir / "parkcap" / "ui.json"));
    CHECK(gui::load_user_prefs() == p);

    std::ofstream(dir / "parkcap" / "ui.json") << "{\"layout\": {\"left_width\": \"wide\"";  // cut short
    CHECK(gui::load_user_prefs() == gui::UserPrefs{});
    ::unsetenv("XDG_CONFIG_HOME");
    fs::remove_all(dir);
}
