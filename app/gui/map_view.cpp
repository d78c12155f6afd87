// The map itself fills the window behind the panels (drawn by render::MapRenderer); this
// panel handles its mouse input and draws its overlays: labels, the selected feature, the
// hover tooltip, the scale bar, the north arrow and the cursor position.
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

#include <imgui.h>

#include "geo/io/crs.h"
#include "geo/project/data_dir.h"
#include "gui/panels.h"
#include "gui/i18n.h"

namespace gui {

namespace {


class MapView : public Panel {
public:
    const char* name() const override { return "map"; }

    void draw(Workspace& ws) override
    {
        if (!ws.doc) {
            draw_welcome(ws);
            return;
        }
        if (m_doc != ws.doc.get()) {
            m_doc = ws.doc.get();
            m_to_lonlat.emplace(ws.doc->project.working.crs, geo::wgs84());
            m_binned_view = {};
        }
        handle_input(ws);
        aggregate_points(ws);
        ImDrawList* dl = ImGui::GetBackgroundDrawList();
        draw_labels(ws, dl);
        draw_markers(ws, dl);
        draw_selection(ws, dl);
        draw_status(ws);
    }

private:
    // No project yet: what to do first, in the middle of the map's clear part.
    void draw_welcome(Workspace& ws)
    {
        const ImVec2 centre((ws.map_area[0] + ws.map_area[2]) / 2, (ws.map_area[1] + ws.map_area[3]) / 2);
        ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::Begin("##welcome", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
        ImGui::TextUnformatted(tr("parkcap: industrial park capacity planning"));
        ImGui::TextDisabled("%s", tr("Open a project or a layer (or drop files onto this window), or try the demo."));
        if (ImGui::Button(tr("Open..."))) ws.request_open_dialog = true;
        ImGui::SameLine();
        const auto demo = geo::find_data("chongqing-demo/chongqing-demo.parkcap.json");
        ImGui::BeginDisabled(!demo.has_value());
        if (ImGui::Button(tr("Try the demo (Chongqing)"))) ws.open_requests.push_back(demo->string());
        ImGui::EndDisabled();
        ImGui::End();
    }

    std::optional<std::pair<int, size_t>> pick(const Workspace& ws, geo::Coord at) const { return ws.doc->pick(at, ws.camera.metres_per_pixel()); }

    void handle_input(Workspace& ws)
    {
        ImGuiIO& io = ImGui::GetIO();
        const ImVec2 mouse = io.MousePos;
        m_hover_valid = !ws.automated && !io.WantCaptureMouse && ImGui::IsMousePosValid(&mouse);
        if (!m_hover_valid) return;
        m_cursor = ws.camera.screen_to_map(mouse.x, mouse.y);
        if (io.MouseWheel != 0) ws.camera.zoom_about(mouse.x, mouse.y, std::pow(1.25, io.MouseWheel));
        if (ws.map_tool == MapTool::SelectBox || ws.map_tool == MapTool::SelectPolygon) return select_tools(ws);
        m_area.clear();
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
            ws.camera.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);
            m_dragged = true;
        }
        const auto hit = pick(ws, m_cursor);
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            if (!m_dragged && ws.map_tool == MapTool::Edit) ws.map_clicks.push_back(m_cursor);  // for the active tool
            else if (!m_dragged) hit ? ws.select(hit->first, static_cast<int64_t>(hit->second), false) : ws.select(-1, -1, false);
            m_dragged = false;
        }
        if (hit && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            const LayerView& v = ws.doc->views[static_cast<size_t>(hit->first)];
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(ws.doc->feature_name(v, hit->second).c_str());
            ImGui::TextDisabled(tr("%s, fid %lld"), ws.doc->layer_of(v).config.id.c_str(),
                                static_cast<long long>(ws.doc->layer_of(v).data->fids[hit->second]));
            ImGui::EndTooltip();
        }
    }

    // The one aggregation rule (geo/style/point_aggregation): each point layer is counted into
    // screen cells when the view changes; above the limit it is drawn as bins (the App draws
    // `bins` in the layer's place), below it one by one, smaller and lighter as points crowd.
    void aggregate_points(Workspace& ws)
    {
        const geo::Envelope view = ws.camera.visible();
        const std::array<double, 5> key{view.min_x, view.min_y, view.max_x, view.max_y, static_cast<double>(ws.doc->views.size())};
        if (key == m_binned_view) return;
        m_binned_view = key;
        const geo::AggregationRule rule;
        for (LayerView& v : ws.doc->views) {
            // Enterprises only: facilities are few, and a computed layer (unserved demand) keeps
            // the colour that says what it is.
            const geo::Layer& data = *ws.doc->layer_of(v).data;
            if (data.geometry.kind() != geo::GeomKind::Point || ws.doc->layer_of(v).config.role != geo::Role::Enterprises) continue;
            const geo::ScreenBins b = geo::bin_points(data.geometry.coords(), view, ws.camera.width(), ws.camera.height(), rule);
            v.look = geo::point_look(b.points_in_view, rule);
            if (!b.aggregate) {
                if (v.bins) ++v.bins_version;
                v.bins.reset();
                continue;
            }
            auto r = std::make_shared<geo::Raster>();
            r->grid.x0 = view.min_x;
            r->grid.y_top = view.max_y;
            r->grid.cell = b.cell_px * ws.camera.metres_per_pixel();
            r->grid.cols = static_cast<size_t>(b.cols);
            r->grid.rows = static_cast<size_t>(b.rows);
            r->values.resize(b.counts.size());
            for (size_t i = 0; i < b.counts.size(); ++i) r->values[i] = std::sqrt(static_cast<float>(b.counts[i]));
            v.bins = std::move(r);
            v.bins_max = b.max_count;
            ++v.bins_version;
        }
    }

    // The select tools (the selection toolbar chooses them): a rectangle dragged with the left
    // button; a polygon clicked vertex by vertex, finished by a double click, a right click or
    // Enter (Esc drops it). The wheel still zooms; the right button drags the map.
    void select_tools(Workspace& ws)
    {
        ImGuiIO& io = ImGui::GetIO();
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 3.0f)) ws.camera.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        const ImU32 ink = IM_COL32(255, 140, 0, 255), wash = IM_COL32(255, 140, 0, 40);
        if (ws.map_tool == MapTool::SelectBox) {
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_area = {m_cursor};
            if (m_area.size() == 1 && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
                const auto a = ws.camera.map_to_screen(m_area[0]);
                const ImVec2 p(static_cast<float>(a[0]), static_cast<float>(a[1]));
                dl->AddRectFilled(p, io.MousePos, wash);
                dl->AddRect(p, io.MousePos, ink, 0, 0, 2);
            }
            if (m_area.size() == 1 && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
                const geo::Coord a = m_area[0], b = m_cursor;
                m_area.clear();
                if (a.x != b.x && a.y != b.y) ws.select_in_area({{a.x, a.y}, {b.x, a.y}, {b.x, b.y}, {a.x, b.y}});
                else ws.select(-1, -1, false);  // a click without a drag clears
            }
            return;
        }
        const bool finish = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) || ImGui::IsMouseClicked(ImGuiMouseButton_Right) ||
                            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) m_area.clear();
        if (finish) {
            if (m_area.size() >= 3) ws.select_in_area(m_area);
            m_area.clear();
        } else if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            m_area.push_back(m_cursor);
        }
        std::vector<ImVec2> pts;
        for (const geo::Coord& c : m_area) {
            const auto s = ws.camera.map_to_screen(c);
            pts.emplace_back(static_cast<float>(s[0]), static_cast<float>(s[1]));
        }
        if (!pts.empty()) {
            pts.push_back(io.MousePos);
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), ink, ImDrawFlags_Closed, 2);
        }
    }

    void draw_labels(const Workspace& ws, ImDrawList* dl)
    {
        std::vector<ImVec4> taken;  // label boxes already drawn, to avoid overlaps
        for (auto it = ws.doc->views.rbegin(); it != ws.doc->views.rend(); ++it) {
            const LayerView& v = *it;
            if (!v.style.visible || v.style.label_field.empty() || v.label_points.empty()) continue;
            const geo::Column* column = ws.doc->layer_of(v).data->column(v.style.label_field);
            if (!column) continue;
            const bool small = ws.doc->layer_of(v).config.role == geo::Role::Regions;
            for (const size_t f : v.label_order) {  // larger parks first
                if (f >= v.label_points.size()) continue;
                const auto s = ws.camera.map_to_screen(v.label_points[f]);
                if (s[0] < -200 || s[1] < -50 || s[0] > ws.camera.width() + 200 || s[1] > ws.camera.height() + 50) continue;
                const std::string text = column->text(f);
                const ImVec2 size = ImGui::CalcTextSize(text.c_str());
                const ImVec4 box(static_cast<float>(s[0]) - size.x / 2, static_cast<float>(s[1]) - size.y / 2,
                                 static_cast<float>(s[0]) + size.x / 2, static_cast<float>(s[1]) + size.y / 2);
                bool clear = true;
                for (const ImVec4& t : taken) clear = clear && (box.z < t.x || box.x > t.z || box.w < t.y || box.y > t.w);
                if (!clear) continue;
                taken.push_back(box);
                const ImVec2 at(box.x, box.y);
                const ImU32 halo = IM_COL32(255, 255, 255, 200), ink = small ? IM_COL32(110, 100, 90, 255) : IM_COL32(20, 70, 30, 255);
                for (auto [dx, dy] : {std::pair{-1, 0}, {1, 0}, {0, -1}, {0, 1}})
                    dl->AddText(ImVec2(at.x + static_cast<float>(dx), at.y + static_cast<float>(dy)), halo, text.c_str());
                dl->AddText(at, ink, text.c_str());
            }
        }
    }

    // The marks panels added during the previous frame (the map is drawn before them).
    void draw_markers(Workspace& ws, ImDrawList* dl)
    {
        const double w = ws.camera.width(), h = ws.camera.height();
        for (const MapMarker& m : ws.markers) {
            const auto s = ws.camera.map_to_screen(m.at);
            if (s[0] < -20 || s[1] < -20 || s[0] > w + 20 || s[1] > h + 20) continue;
            const ImVec2 c(static_cast<float>(s[0]), static_cast<float>(s[1]));
            const ImU32 col = static_cast<ImU32>(m.colour);
            if (m.cross) {
                const float r = m.radius_px;
                dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), col, 3);
                dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), col, 3);
            } else {
                dl->AddCircleFilled(c, m.radius_px, col, 12);
            }
        }
        ws.markers.clear();
    }

    // The selection in orange: a ring round each selected point (smaller when there are many),
    // the outline of each selected line or polygon; only what is in view.
    void draw_selection(const Workspace& ws, ImDrawList* dl)
    {
        const Selection& sel = ws.doc->selection;
        if (sel.empty() || sel.view >= static_cast<int>(ws.doc->views.size())) return;
        const geo::GeometryColumn& g = ws.doc->layer_of(ws.doc->views[static_cast<size_t>(sel.view)]).data->geometry;
        const ImU32 colour = IM_COL32(255, 140, 0, 255);
        const geo::Envelope view = ws.camera.visible();
        const bool many = sel.count() > 1;
        std::vector<ImVec2> pts;
        auto draw = [&](size_t f) {
            if (!view.intersects(g.envelope(f))) return;
            for (size_t p = g.part_begin(f); p < g.part_begin(f) + g.part_count(f); ++p)
                for (size_t r = g.ring_begin(p); r < g.ring_begin(p) + g.ring_count(p); ++r) {
                    pts.clear();
                    for (const geo::Coord& c : g.ring(r)) {
                        const auto s = ws.camera.map_to_screen(c);
                        pts.emplace_back(static_cast<float>(s[0]), static_cast<float>(s[1]));
                    }
                    if (g.kind() == geo::GeomKind::Point) dl->AddCircle(pts[0], many ? 5.0f : 9.0f, colour, 16, many ? 2.0f : 3.0f);
                    else dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour, ImDrawFlags_None, many ? 2.0f : 3.0f);
                }
        };
        if (sel.rows.empty()) draw(static_cast<size_t>(sel.row));
        for (uint32_t f : sel.rows) draw(f);
    }

    // The status strip along the bottom edge holds the map furniture: cursor position on
    // the left, scale bar and north arrow on the right. It is drawn in front of everything,
    // so floating panels never hide it.
    void draw_status(const Workspace& ws)
    {
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        const float h = ImGui::GetTextLineHeight() + 12;
        const float top = vp->Size.y - h;
        const ImU32 ink = IM_COL32(40, 40, 40, 255);
        dl->AddRectFilled(ImVec2(0, top), ImVec2(vp->Size.x, vp->Size.y), IM_COL32(245, 245, 245, 240));
        dl->AddLine(ImVec2(0, top), ImVec2(vp->Size.x, top), IM_COL32(200, 200, 200, 255));
        char text[256];
        if (m_hover_valid && m_to_lonlat) {
            geo::Coord ll = m_cursor;
            m_to_lonlat->transform(std::span<geo::Coord>(&ll, 1));
            std::snprintf(text, sizeof text, "%.6f°E %.6f°N   |   %s  x %.1f  y %.1f", ll.x, ll.y,
                          ws.doc->project.working.crs.code().c_str(), m_cursor.x, m_cursor.y);
        } else {
            std::snprintf(text, sizeof text, "%s", ws.doc->project.working.crs.describe().c_str());
        }
        dl->AddText(ImVec2(8, top + 6), ink, text);

        // North arrow (the map is always drawn north up).
        const ImVec2 n(vp->Size.x - 18, top + h / 2);
        dl->AddTriangleFilled(ImVec2(n.x, n.y - 8), ImVec2(n.x - 5, n.y + 7), ImVec2(n.x, n.y + 3), ink);
        dl->AddTriangleFilled(ImVec2(n.x, n.y - 8), ImVec2(n.x, n.y + 3), ImVec2(n.x + 5, n.y + 7), IM_COL32(140, 140, 140, 255));
        dl->AddText(ImVec2(n.x - 20, top + 6), ink, "N");

        // Scale bar: a round length of at most 160 pixels.
        const double metres = render::nice_scale_length(ws.camera.metres_per_pixel() * 160);
        const float px = static_cast<float>(metres / ws.camera.metres_per_pixel());
        if (metres >= 1000) std::snprintf(text, sizeof text, "%g km", metres / 1000);
        else std::snprintf(text, sizeof text, "%g m", metres);
        const float right = n.x - 34, y = top + h / 2 + 1;
        dl->AddRectFilled(ImVec2(right - px, y - 3), ImVec2(right - px / 2, y + 3), ink);
        dl->AddRect(ImVec2(right - px, y - 3), ImVec2(right, y + 3), ink);
        const ImVec2 size = ImGui::CalcTextSize(text);
        dl->AddText(ImVec2(right - px - size.x - 8, top + 6), ink, text);
    }

    const Document* m_doc = nullptr;
    std::array<double, 5> m_binned_view{};  // the view the bins were counted for
    std::vector<geo::Coord> m_area;          // a selection rectangle's corner or polygon's vertices so far
    std::optional<geo::Transformer> m_to_lonlat;
    geo::Coord m_cursor;
    bool m_hover_valid = false;
    bool m_dragged = false;
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_map = register_panel({0, "map", false, [] { return std::unique_ptr<Panel>(std::make_unique<MapView>()); }});

}  // namespace gui
