// File > Export layer...: any layer of the map (an input or a computed result: hot spots,
// DBSCAN clusters, gap areas, allocation sites...) to a file, styled for QGIS as drawn here,
// in the CRS chosen (geo/report/layer_export, the engine `parkcap export` uses).
#include <filesystem>

#include <imgui.h>

#include "geo/core/error.h"
#include "geo/report/layer_export.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"
#include "gui/panels.h"

namespace gui {

namespace {

const char* kCrs[] = {N_("working CRS"), N_("CGCS2000 (EPSG:4490)"), N_("WGS 84 (EPSG:4326)"), N_("GCJ-02 (Amap, Tencent)"), N_("BD-09 (Baidu)")};

class ExportDialog : public Panel {
public:
    const char* name() const override { return "export"; }

    void draw(Workspace& ws) override
    {
        if (ws.request_export_layer) {
            ws.request_export_layer = false;
            m_open = ws.doc != nullptr;
            if (m_open) m_view = std::max(0, ws.active_view());
        }
        if (!m_open || !ws.doc) return;
        if (m_view >= static_cast<int>(ws.doc->views.size())) m_view = 0;
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->Size.x / 2, vp->Size.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        const std::string title = std::string(tr("Export layer")) + "###export";
        if (!ImGui::Begin(title.c_str(), &m_open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return ImGui::End();
        const LayerView& v = ws.doc->views[static_cast<size_t>(m_view)];
        ImGui::SetNextItemWidth(260);
        if (ImGui::BeginCombo(tr("Layer"), ws.doc->layer_of(v).config.id.c_str())) {
            for (size_t i = 0; i < ws.doc->views.size(); ++i)
                if (ImGui::Selectable(ws.doc->layer_of(ws.doc->views[i]).config.id.c_str(), static_cast<int>(i) == m_view)) m_view = static_cast<int>(i);
            ImGui::EndCombo();
        }
        ImGui::SetNextItemWidth(260);
        ImGui::Combo(tr("Coordinates"), &m_crs, tr_items({kCrs[0], kCrs[1], kCrs[2], kCrs[3], kCrs[4]}).c_str());
        if (m_crs >= 3) ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "%s", tr("For web maps only: any GIS shows these about 500 m off."));
        ImGui::Checkbox(tr("Shapefile text in GBK (older Chinese software)"), &m_gbk);
        ImGui::Checkbox(tr("QGIS style along (GeoPackage, Shapefile)"), &m_style);
        ImGui::TextDisabled("%s", tr("The format follows the file's extension: .gpkg .shp .geojson .fgb .kml .csv .xlsx"));
        if (ImGui::Button(tr("Choose the file and export..."))) choose(ws, v);
        ImGui::SameLine();
        if (ImGui::Button(tr("Close"))) m_open = false;
        ImGui::End();
    }

private:
    void choose(Workspace& ws, const LayerView& v)
    {
        const geo::LoadedLayer& l = ws.doc->layer_of(v);
        FileRequest r;
        r.purpose = FileRequest::Save;
        r.title = tr("Export layer");
        r.extensions = {".gpkg", ".shp", ".geojson", ".fgb", ".kml", ".csv", ".xlsx"};
        r.start = (ws.project_folder() / (l.config.id + "_export.gpkg")).string();  // never the name of an input
        geo::ExportOptions o;
        o.crs = static_cast<geo::ExportCrs>(m_crs);
        o.encoding = m_gbk ? "GBK" : "";
        o.qgis_style = m_style;
        o.overwrite = true;  // the browser asked before replacing a file
        const size_t layer = v.layer;
        r.done = [layer, o](Workspace& w, const std::string& path) {
            if (!w.doc || layer >= w.doc->project.layers.size()) return;
            const geo::LoadedLayer& target = w.doc->project.layers[layer];
            // Never over a file this project reads.
            std::error_code e;
            for (const geo::LoadedLayer& in : w.doc->project.layers)
                if (!in.config.source.path.empty() && std::filesystem::equivalent(in.config.source.path, path, e)) {
                    w.error(geo::printf_text(tr("will not write over '%s': the project reads it (layer '%s')"), path.c_str(), in.config.id.c_str()));
                    return;
                }
            const LayerView* view = nullptr;
            for (const LayerView& x : w.doc->views)
                if (x.layer == layer) view = &x;
            try {
                const geo::ExportResult res = geo::export_layer(*target.data, w.doc->project.working.crs, view ? view->style : geo::LayerStyle{},
                                                                target.config.id, path, o);
                for (const std::string& n : res.notes) w.info(n);
                w.info(geo::printf_text(tr("exported %zu features of '%s' to %s"), target.data->size(), target.config.id.c_str(), res.path.string().c_str()));
            } catch (const std::exception& ex) {
                w.error(ex.what());
            }
        };
        ws.file_request = std::move(r);
    }

    bool m_open = false, m_gbk = false, m_style = true;
    int m_view = 0, m_crs = 0;
};

}  // namespace

// Registered once: a floating dialog (File > Export layer...), not a --panel choice.
[[maybe_unused]] const bool registered_export = register_panel({112, "export", false, [] { return std::unique_ptr<Panel>(std::make_unique<ExportDialog>()); }});

}  // namespace gui
