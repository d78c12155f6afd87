#pragma once
// The UI font: Noto Sans CJK SC (Debian's fonts-noto-cjk) with glyphs for exactly the text
// that can be shown: Latin, the UI's own strings and every character found in the loaded
// data, so that names such as 综合容积率 never turn into boxes or question marks.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

namespace gui {

class Fonts {
public:
    // Adds characters; returns true when some were new and the atlas must be rebuilt.
    bool add(const std::vector<uint32_t>& codepoints);
    // Rebuilds ImGui's font atlas (between frames only). Returns the font file used, or ""
    // when no CJK font was found (then the default font is used and CJK shows as '?').
    std::string rebuild(float size_px);

private:
    std::set<uint32_t> m_codepoints;
    std::vector<ImWchar> m_ranges;
};

}  // namespace gui
