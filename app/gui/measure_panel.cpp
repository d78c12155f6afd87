// Measure: a distance along clicked points, or the area they enclose, in the working CRS with
// the figure on the ellipsoid beside it, in m / km and m² / ha / 亩 (geo/core/measure).
#include <imgui.h>

#include "geo/core/measure.h"
#include "geo/io/crs.h"
#include "gui/panels.h"
#include "gui/i18n.h"

namespace gui {

namespace {

class MeasurePanel : public Panel {
public:
    const char* name() const override { return "measure"; }

    void draw(Workspace& ws) override
    {
        if (!ws.doc) return;
        if (!on_screen) {  // another tab chosen, or the panel closed: the map is free again
            if (m_active) stop(ws);
            return;
        }
        if (!begin_panel("Measure")) return end_panel();
        if (ImGui::RadioButton(tr("Distance"), m_active && !m_area)) start(ws, false);
        ImGui::SameLine();
        if (ImGui::RadioButton(tr("Area"), m_active && m_area)) start(ws, true);
        ImGui::SameLine();
        if (ImGui::Button(tr("Clear"))) m_points.clear();
        if (m_active) {
            ImGui::SameLine();
            if (ImGui::Button(tr("Stop"))) stop(ws);
        }
        if (m_active) {
            for (const geo::Coord& c : ws.map_clicks) m_points.push_back(c);
            ws.map_clicks.clear();
            if (ws.map_tool != MapTool::Edit) m_active = false;  // another tool took the map
        }
        for (const geo::Coord& c : m_points) ws.markers.push_back({c, geo::rgba(20, 20, 20), 4, true});
        if (m_points.size() < 2) {
            ImGui::TextDisabled(m_active ? "Click points on the map." : "Choose Distance or Area, then click on the map.");
        } else {
            const geo::Transformer to_wgs84(ws.doc->project.working.crs, geo::wgs84());
            const geo::Measurement m = geo::measure(m_points, to_wgs84, m_area && m_points.size() >= 3);
            ImGui::Text(tr("%zu points"), m_points.size());
            ImGui::Text(tr("Length: %s (on the ellipsoid %s)"), geo::length_text(m.length_m).c_str(), geo::length_text(m.geodesic_length_m).c_str());
            if (m_area && m_points.size() >= 3) {
                ImGui::TextWrapped(tr("Area: %s"), geo::area_text(m.area_m2).c_str());
                ImGui::TextWrapped(tr("On the ellipsoid: %s"), geo::area_text(m.geodesic_area_m2).c_str());
            }
        }
        end_panel();
    }

private:
    void start(Workspace& ws, bool area)
    {
        m_area = area;
        m_active = true;
        m_points.clear();
        ws.map_tool = MapTool::Edit;
        ws.map_clicks.clear();
    }
    void stop(Workspace& ws)
    {
        m_active = false;
        ws.map_tool = MapTool::Select;
    }

    bool m_active = false, m_area = false;
    std::vector<geo::Coord> m_points;
};

}  // namespace

[[maybe_unused]] const bool registered_measure = register_panel({25, "measure", true, [] { return std::unique_ptr<Panel>(std::make_unique<MeasurePanel>()); }});

}  // namespace gui
