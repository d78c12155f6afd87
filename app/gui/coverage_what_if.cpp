// The coverage panel's what-if tools: add, move or delete a facility by clicking on the map;
// each edit goes into the project's what-if scenario and the workspace's one undo history.
#include "gui/coverage_panel.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"

#include <cmath>
#include <algorithm>
#include <optional>

#include <imgui.h>

namespace gui {

void CoveragePanel::tools(Workspace& ws)
{
    ImGui::Separator();
    ImGui::TextUnformatted(tr("What if (click on the map):"));
    ImGui::RadioButton(tr("Select"), &m_tool, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr("Add"), &m_tool, 1);
    ImGui::SameLine();
    ImGui::RadioButton(tr("Move"), &m_tool, 2);
    ImGui::SameLine();
    ImGui::RadioButton(tr("Delete"), &m_tool, 3);
    ws.map_tool = m_tool == 0 ? MapTool::Select : MapTool::Edit;
    if (m_tool == 1) {
        const auto& types = m_state->types();
        const auto& current = types[std::min(m_shown, types.size() - 1)];
        if (ImGui::BeginCombo(tr("Type to add"), facility_name(current.code, current.name_zh).c_str())) {
            for (size_t t = 0; t < types.size(); ++t)
                if (ImGui::Selectable(facility_name(types[t].code, types[t].name_zh).c_str(), t == m_shown)) m_shown = t;
            ImGui::EndCombo();
        }
    }
    // The workspace's one history (Ctrl+Z / Ctrl+Y): what-if edits sit in it beside style edits.
    if (ImGui::Button(tr("Undo")) && !ws.undo.empty()) ws.undo_edit();
    ImGui::SameLine();
    if (ImGui::Button(tr("Redo")) && !ws.redo.empty()) ws.redo_edit();
    ImGui::SameLine();
    ImGui::Text(tr("%zu edits in the scenario (saved with the project)"), m_applied);
    if (m_move_from >= 0) ImGui::TextDisabled("%s", tr("now click where the facility should go"));
    for (const geo::Coord& at : ws.map_clicks) click(ws, at);
    ws.map_clicks.clear();
}

std::optional<uint32_t> CoveragePanel::facility_at(const Workspace& ws, geo::Coord at) const
{
    std::optional<uint32_t> best;
    double bd = 12 * ws.camera.metres_per_pixel();
    for (uint32_t id = 0; id < m_state->facility_count(); ++id) {
        if (!m_state->alive(id)) continue;
        const geo::Coord c = m_state->facility(id);
        const double d = std::hypot(c.x - at.x, c.y - at.y);
        if (d <= bd) {
            bd = d;
            best = id;
        }
    }
    return best;
}

void CoveragePanel::click(Workspace& ws, geo::Coord at)
{
    if (m_tool == 1) {
        uint32_t id = 0;
        const int32_t type = static_cast<int32_t>(std::min(m_shown, m_state->types().size() - 1));
        m_state->add(at, type, &id);
        if (m_net) m_net->add(at, type);
        record(ws, {Edit::Add, id, type, at, at});
        if (const auto area = ws.doc->constraint_at(at))
            ws.warn(geo::printf_text(tr("the new facility lies inside the constraint area '%s': check that it may be built there"), area->c_str()));
    } else if (m_tool == 2) {
        if (m_move_from < 0) {
            if (auto id = facility_at(ws, at)) m_move_from = static_cast<int64_t>(*id);
        } else {
            const uint32_t id = static_cast<uint32_t>(m_move_from);
            const geo::Coord from = m_state->facility(id);
            m_state->move(id, at);
            if (m_net) m_net->move(id, at);
            record(ws, {Edit::Move, id, 0, from, at});
            m_move_from = -1;
        }
    } else if (m_tool == 3) {
        if (auto id = facility_at(ws, at)) {
            const geo::Coord where = m_state->facility(*id);
            m_state->remove(*id);
            if (m_net) m_net->remove(*id);
            record(ws, {Edit::Remove, *id, 0, where, where});
        }
    }
}

void CoveragePanel::marks(Workspace& ws)
{
    const size_t t = std::min(m_shown, m_state->types().size() - 1);
    const double radius = m_state->types()[t].radii_m.back();
    const geo::Envelope view = ws.camera.visible();
    const geo::LoadedLayer& firms = layer(ws, geo::Role::Enterprises);
    // Small marks when zoomed out (a whole city of them would merge into blobs), at most 20k.
    const float mark = ws.camera.metres_per_pixel() > 50 ? 1.2f : 2.5f;
    size_t drawn = 0;
    for (size_t e = 0; e < firms.data->size() && drawn < 20000; ++e) {
        const geo::Coord c = firms.data->geometry.first_coord(e);
        if (!view.contains(c.x, c.y) || m_state->distance(t, e) <= radius) continue;
        ws.markers.push_back({c, geo::rgba(220, 30, 30, 200), mark, false});
        ++drawn;
    }
    for (size_t k = 0; k < m_applied; ++k) {
        const Edit& e = m_edits[k];
        if (e.op == Edit::Remove) ws.markers.push_back({e.from, geo::rgba(200, 0, 0), 7, true});
        else ws.markers.push_back({e.to, geo::rgba(20, 160, 60), 7, false});
        if (e.op == Edit::Move) ws.markers.push_back({e.from, geo::rgba(150, 150, 150), 6, true});
    }
    if (m_move_from >= 0) ws.markers.push_back({m_state->facility(static_cast<uint32_t>(m_move_from)), geo::rgba(255, 140, 0), 9, false});
    if (m_suggestion && m_suggestion_version == m_version && m_suggestion_type == t)
        ws.markers.push_back({m_suggestion->at, geo::rgba(30, 90, 220), 9, false});
}

}  // namespace gui
