#include "gui/basemap_view.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <imgui.h>

#include "geo/core/error.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"

namespace gui {

namespace {

constexpr int kMaxSide = 4096;  // the largest image drawn (a texture every GL 3.3 takes)

bool covers(const geo::Envelope& outer, const geo::Envelope& inner)
{
    return outer.min_x <= inner.min_x && outer.min_y <= inner.min_y && outer.max_x >= inner.max_x && outer.max_y >= inner.max_y;
}

// The image on screen no longer fits the view: it leaves the image, or the scale moved by half.
bool needs_draw(const Workspace& ws)
{
    const BasemapOverlay& b = ws.basemap;
    if (!b.reader || !b.source || !b.source->visible) return false;
    if (!b.image) return true;
    const double mpp = ws.camera.metres_per_pixel();
    return !covers(b.image->extent, ws.camera.visible()) || b.drawn_mpp > mpp * 1.5 || b.drawn_mpp < mpp / 1.5;
}

void open_reader(Workspace& ws)
{
    BasemapOverlay& b = ws.basemap;
    b.opening = true;
    const geo::BasemapSource source = *b.source;
    const std::filesystem::path folder = ws.project_folder();
    const geo::Crs crs = ws.doc->project.working.crs;
    const void* doc = b.doc;
    ws.tasks.start("basemap.open", [source, folder, crs, doc](const geo::Progress&) -> TaskRunner::Finish {
        std::shared_ptr<const geo::BasemapReader> reader;
        std::string failed;
        try {
            reader = std::make_shared<const geo::BasemapReader>(source, folder, crs);
        } catch (const geo::Error& e) {
            failed = e.what();
        }
        return [reader, failed, doc](Workspace& w) {
            if (w.basemap.doc != doc) return;  // another project since
            w.basemap.opening = false;
            w.basemap.reader = reader;
            w.basemap.failed = failed;
            if (!failed.empty()) w.warn(geo::printf_text(tr("basemap: %s; the map goes on without it"), failed.c_str()));
            else w.info(geo::printf_text(tr("basemap: %s"), reader->describe().c_str()));
        };
    });
}

void draw_image(Workspace& ws)
{
    BasemapOverlay& b = ws.basemap;
    b.drawing = true;
    const double mpp = ws.camera.metres_per_pixel();
    const geo::Envelope v = ws.camera.visible();
    // A quarter of the view more on each side, so that panning shows the basemap at once.
    geo::Envelope area{v.min_x - v.width() / 4, v.min_y - v.height() / 4, v.max_x + v.width() / 4, v.max_y + v.height() / 4};
    const double step = std::max({mpp, area.width() / kMaxSide, area.height() / kMaxSide});
    const int w = std::max(1, static_cast<int>(std::lround(area.width() / step)));
    const int h = std::max(1, static_cast<int>(std::lround(area.height() / step)));
    const std::shared_ptr<const geo::BasemapReader> reader = b.reader;
    b.drawn_mpp = mpp;
    ws.tasks.start("basemap.draw", [reader, area, w, h](const geo::Progress&) -> TaskRunner::Finish {
        auto img = std::make_shared<const geo::BasemapImage>(reader->render(area, w, h));
        return [img, reader](Workspace& ws2) {
            BasemapOverlay& o = ws2.basemap;
            o.drawing = false;
            if (o.reader != reader) return;  // the source changed since
            o.image = img;
            ++o.version;
            if (!img->problem.empty() && img->problem != o.said) ws2.warn(geo::printf_text(tr("basemap: %s"), img->problem.c_str()));
            o.said = img->problem;
        };
    });
}

}  // namespace

void update_basemap(Workspace& ws)
{
    BasemapOverlay& b = ws.basemap;
    if (b.doc != ws.doc.get()) {  // a project opened (or closed): its own basemap, if any
        b = BasemapOverlay{};
        b.doc = ws.doc.get();
        if (!ws.doc) return;
        try {
            b.source = geo::basemap_of(ws.doc->project.project);
        } catch (const geo::Error& e) {
            b.failed = e.what();
            ws.warn(geo::printf_text(tr("basemap: %s; the map goes on without it"), b.failed.c_str()));
        }
    }
    if (!ws.doc || !b.source || !b.failed.empty()) return;
    if (!b.reader && !b.opening) return open_reader(ws);
    if (!b.drawing && needs_draw(ws)) draw_image(ws);
}

bool basemap_settled(const Workspace& ws)
{
    const BasemapOverlay& b = ws.basemap;
    if (!ws.doc || b.doc != ws.doc.get()) return !ws.doc;
    if (!b.source || !b.failed.empty() || !b.source->visible) return true;
    return !b.opening && !b.drawing && b.reader && !needs_draw(ws);
}

namespace {

// The planner's edit of the source: stored in the project (saved with it), reopened.
void apply_source(Workspace& ws, const std::optional<geo::BasemapSource>& source)
{
    geo::store_basemap(ws.doc->project.project, source);
    BasemapOverlay& b = ws.basemap;
    ws.tasks.cancel("basemap.open");
    ws.tasks.cancel("basemap.draw");
    b = BasemapOverlay{};
    b.doc = ws.doc.get();
    b.source = source;
}

}  // namespace

void basemap_editor(Workspace& ws, BasemapFields& e)
{
    BasemapOverlay& b = ws.basemap;
    if (e.doc != ws.doc.get()) {
        e = BasemapFields{};
        e.doc = ws.doc.get();
        if (b.source) {
            std::snprintf(e.source, sizeof e.source, "%s", b.source->source.c_str());
            std::snprintf(e.layer, sizeof e.layer, "%s", b.source->layer.c_str());
            std::snprintf(e.key_env, sizeof e.key_env, "%s", b.source->key_env.c_str());
            e.coordinates = b.source->coordinates == geo::WebMapCoords::Gcj02 ? 1 : 0;
        }
    }
    ImGui::PushID("basemap");
    if (b.source) {
        geo::BasemapSource s = *b.source;
        bool visible = s.visible;
        if (ImGui::Checkbox("##visible", &visible)) {
            s.visible = visible;
            geo::store_basemap(ws.doc->project.project, s);
            b.source = s;
        }
        ImGui::SameLine();
        const char* state = !b.failed.empty() ? tr("not available") : b.opening ? tr("opening...") : b.drawing ? tr("drawing...") : "";
        ImGui::Text("%s  %s", tr("basemap"), state);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", b.failed.empty() ? geo::describe(s).c_str() : b.failed.c_str());
        float opacity = static_cast<float>(s.opacity);
        if (ImGui::SliderFloat(tr("Basemap opacity"), &opacity, 0.f, 1.f, "%.2f")) {
            s.opacity = opacity;
            geo::store_basemap(ws.doc->project.project, s);
            b.source = s;
        }
    } else {
        ImGui::TextDisabled("%s", tr("No basemap."));
    }
    if (ImGui::TreeNode(tr("Basemap source"))) {
        ImGui::InputText(tr("Source"), e.source, sizeof e.source);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("A raster file (GeoTIFF, MBTiles, GeoPackage), an XYZ template with {x} {y} {z} (a URL or a folder), or WMTS: and a GetCapabilities URL"));
        ImGui::InputText(tr("WMTS layer"), e.layer, sizeof e.layer);
        ImGui::InputText(tr("Key variable"), e.key_env, sizeof e.key_env);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("The environment variable holding the key sent on every request (Tianditu's tk)"));
        ImGui::Combo(tr("Tile coordinates"), &e.coordinates, tr_items({"WGS84 / CGCS2000 (Tianditu)", "GCJ-02 (Amap, Tencent)"}).c_str());
        if (ImGui::Button(tr("Apply"))) {
            geo::Json j = {{"source", std::string(e.source)}};
            if (*e.layer) j["layer"] = e.layer;
            if (*e.key_env) j["key_env"] = e.key_env;
            if (e.coordinates == 1) j["coordinates"] = "gcj02";
            if (b.source) j["opacity"] = b.source->opacity;
            try {
                apply_source(ws, geo::parse_basemap(j));
            } catch (const geo::Error& err) {
                ws.error(geo::printf_text(tr("basemap: %s"), err.what()));
            }
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(!b.source);
        if (ImGui::Button(tr("Remove basemap"))) apply_source(ws, std::optional<geo::BasemapSource>());
        ImGui::EndDisabled();
        ImGui::TreePop();
    }
    ImGui::PopID();
}

}  // namespace gui
