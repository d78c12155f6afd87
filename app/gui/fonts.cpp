#include "gui/fonts.h"

#include <filesystem>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace gui {

namespace {

struct FontFile {
    const char* path;
    int face;  // index in a .ttc collection
};

// Noto Sans CJK: face 2 is Simplified Chinese; WenQuanYi Micro Hei as a fallback.
const FontFile kFonts[] = {{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2},
                           {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0}};

// Characters the UI itself uses beyond ASCII.
const char32_t* kUiText = U"²…·°—–→←↑↓×≤≥±“”‘’、。，：；（）《》公里平方米园区企业综合容积率建筑密度万元亩";

}  // namespace

bool Fonts::add(const std::vector<uint32_t>& codepoints)
{
    const size_t before = m_codepoints.size();
    for (uint32_t c : codepoints)
        if (c <= IM_UNICODE_CODEPOINT_MAX) m_codepoints.insert(c);
    return m_codepoints.size() != before;
}

std::string Fonts::rebuild(float size_px)
{
    ImGuiIO& io = ImGui::GetIO();
    for (const char32_t* p = kUiText; *p; ++p) m_codepoints.insert(static_cast<uint32_t>(*p));
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    for (uint32_t c : m_codepoints) builder.AddChar(static_cast<ImWchar>(c));
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    m_ranges.assign(ranges.begin(), ranges.end());

    io.Fonts->Clear();
    std::string used;
    for (const FontFile& f : kFonts) {
        if (!std::filesystem::exists(f.path)) continue;
        ImFontConfig config;
        config.FontNo = f.face;
        config.OversampleH = 1;
        config.PixelSnapH = true;
        if (io.Fonts->AddFontFromFileTTF(f.path, size_px, &config, m_ranges.data())) {
            used = f.path;
            break;
        }
    }
    if (used.empty()) io.Fonts->AddFontDefault();
    io.Fonts->Build();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    return used;
}

}  // namespace gui
