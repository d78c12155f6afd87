// Every error, warning and note from loading and analysis, newest last.
#include <imgui.h>

#include "gui/panels.h"
#include "gui/i18n.h"

namespace gui {

namespace {

class MessagesPanel : public Panel {
public:
    const char* name() const override { return "messages"; }
    void draw(Workspace& ws) override
    {
        if (!begin_panel("Messages")) return end_panel();
        int errors = 0, warnings = 0;
        for (const Message& m : ws.messages) {
            if (m.level == Message::Error) ++errors;
            if (m.level == Message::Warning) ++warnings;
        }
        ImGui::Text(tr("%d errors, %d warnings"), errors, warnings);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Clear"))) ws.messages.clear();
        ImGui::Separator();
        ImGui::BeginChild("log");
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(ws.messages.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Message& m = ws.messages[static_cast<size_t>(i)];
                const ImVec4 colour = m.level == Message::Error     ? ImVec4(0.75f, 0.1f, 0.1f, 1)
                                      : m.level == Message::Warning ? ImVec4(0.6f, 0.4f, 0.0f, 1)
                                                                    : ImVec4(0.25f, 0.25f, 0.25f, 1);
                ImGui::PushStyleColor(ImGuiCol_Text, colour);
                ImGui::TextWrapped("%s", m.text.c_str());
                ImGui::PopStyleColor();
            }
        if (m_seen != ws.messages.size()) ImGui::SetScrollHereY(1.0f);
        m_seen = ws.messages.size();
        ImGui::EndChild();
        end_panel();
    }

private:
    size_t m_seen = 0;
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_messages = register_panel({60, "messages", true, [] { return std::unique_ptr<Panel>(std::make_unique<MessagesPanel>()); }});

}  // namespace gui
