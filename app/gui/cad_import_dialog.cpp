// File > Import CAD drawing: a design institute's DXF site plan as layers of the open project,
// through the same geo::import_cad as `parkcap cad`. The drawing's code page (or an encoding
// chosen), control points to register a local drawing onto CGCS2000 Gauss-Kruger, the
// project's layer template (analysis.cad.template) or the common Chinese layer names; the
// layers are written to a GeoPackage beside the drawing (never over it, nor over an existing
// file unless asked) and added to the project: parcels as sites, buildings as buildings (their
// labels give the use the admin/living rule reads), green space, roads and unplaced labels as
// context. Runs on the task runner.
#include <filesystem>

#include <imgui.h>

#include "geo/cad/cad_import.h"
#include "geo/core/error.h"
#include "geo/io/layer_writer.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"
#include "gui/panels.h"
#include "gui/path_field.h"
#include "gui/project_loader.h"

namespace gui {

namespace {

namespace fs = std::filesystem;

const char* const kEncodings[] = {N_("from the drawing ($DWGCODEPAGE)"), "GBK (CP936)", "UTF-8"};
const char* const kEncodingValues[] = {"", "CP936", "UTF-8"};

struct Imported {
    std::vector<std::pair<geo::LoadedLayer, LayerView>> layers;
    std::vector<std::string> log, notes;
    std::string file;
};

// A layer id not yet in the project: "规划总图 parcels", then "规划总图 parcels 2", ...
std::string unique_id(const Document& doc, const std::string& want)
{
    auto taken = [&](const std::string& id) {
        for (const auto& l : doc.project.layers)
            if (l.config.id == id) return true;
        return false;
    };
    std::string id = want;
    for (int n = 2; taken(id); ++n) id = want + " " + std::to_string(n);
    return id;
}

class CadImportDialog : public Panel {
public:
    const char* name() const override { return "cad_import"; }

    void draw(Workspace& ws) override
    {
        if (ws.request_cad_import) {
            ws.request_cad_import = false;
            m_open = ws.doc != nullptr;
            m_error.clear();
        }
        if (!m_open || !ws.doc) return;
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->Size.x / 2, vp->Size.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        const std::string title = std::string(tr("Import CAD drawing")) + "###cad_import";
        if (!ImGui::Begin(title.c_str(), &m_open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return ImGui::End();
        labelled_path(ws, tr("Drawing (DXF)"), "drawing", m_drawing, sizeof m_drawing, {".dxf"});
        ImGui::SetNextItemWidth(260);
        ImGui::Combo(tr("Text encoding"), &m_encoding, tr_items({kEncodings[0], kEncodings[1], kEncodings[2]}).c_str());
        labelled_path(ws, tr("Control points (CSV: x,y,east,north; optional)"), "control", m_control, sizeof m_control, {".csv"});
        if (m_control[0]) {
            ImGui::SetNextItemWidth(260);
            ImGui::Combo(tr("Transform"), &m_transform, tr_items({N_("similarity (4 parameters)"), N_("affine (6 parameters)")}).c_str());
        }
        ImGui::SetNextItemWidth(260);
        ImGui::InputText(tr("CRS (empty: the zone its eastings name)"), m_crs, sizeof m_crs);
        labelled_path(ws, tr("Layers to (GeoPackage)"), "cad_out", m_out, sizeof m_out, {".gpkg"}, FileRequest::Save);
        if (!m_out[0]) ImGui::TextDisabled(tr("empty: %s"), m_drawing[0] ? default_output().c_str() : tr("beside the drawing, NAME_cad.gpkg"));
        ImGui::Checkbox(tr("Replace the GeoPackage if it exists"), &m_replace);
        if (ws.tasks.running("CAD")) ImGui::TextDisabled("%s", tr("importing..."));
        else if (ImGui::Button(tr("Import"))) start(ws);
        ImGui::SameLine();
        if (ImGui::Button(tr("Close##cad"))) m_open = false;
        if (!m_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
        for (const std::string& line : m_log) ImGui::TextWrapped("%s", line.c_str());
        ImGui::End();
    }

private:
    // A path under its label, as wide as the dialog's fields.
    static void labelled_path(Workspace& ws, const char* label, const char* id, char* buffer, size_t size, std::vector<std::string> extensions,
                              FileRequest::Purpose purpose = FileRequest::Read)
    {
        ImGui::TextUnformatted(label);
        path_field(ws, id, buffer, size, label, std::move(extensions), purpose, 360);
    }

    std::string default_output() const
    {
        const fs::path d = m_drawing;
        return (d.parent_path() / (d.stem().string() + "_cad.gpkg")).string();
    }

    void start(Workspace& ws)
    {
        m_error.clear();
        m_log.clear();
        if (!m_drawing[0]) {
            m_error = tr("choose the drawing");
            return;
        }
        geo::CadImportOptions o;
        o.drawing = m_drawing;
        o.encoding = kEncodingValues[m_encoding];
        o.control = m_control;
        o.transform = m_transform == 0 ? geo::PlaneTransformKind::Similarity : geo::PlaneTransformKind::Affine;
        o.crs = m_crs;
        // The project's own template when it keeps one (parkcap cad --save-template PROJECT).
        const geo::Project& project = ws.doc->project.project;
        try {
            if (project.extra.contains("analysis") && project.extra["analysis"].contains("cad") && !ws.project_path.empty())
                o.layer_template = geo::read_cad_template(ws.project_path);
        } catch (const std::exception& e) {
            m_error = e.what();
            return;
        }
        const std::string out = m_out[0] ? std::string(m_out) : default_output();
        std::error_code ec;
        if (fs::exists(out, ec) && fs::equivalent(out, o.drawing, ec)) {
            m_error = tr("the GeoPackage would replace the drawing");
            return;
        }
        for (const auto& l : ws.doc->project.layers)
            if (!l.config.source.path.empty() && fs::exists(out, ec) && fs::equivalent(l.config.source.path, out, ec)) {
                m_error = geo::printf_text(tr("the project's layer '%s' reads that file: choose another"), l.config.id.c_str());
                return;
            }
        if (fs::exists(out, ec) && !m_replace) {
            m_error = geo::printf_text(tr("%s exists: tick 'Replace' or choose another file"), out.c_str());
            return;
        }
        const geo::WorkingCrsChoice working = ws.doc->project.working;
        const geo::Coord origin = ws.doc->origin;
        const std::string stem = o.drawing.stem().string();
        const bool replace = m_replace;
        const std::string crs_hint = tr(" (the CRS field)");
        ws.tasks.start(
            "CAD",
            [this, o, out, working, origin, stem, replace, crs_hint](const geo::Progress&) -> TaskRunner::Finish {
                auto result = std::make_shared<Imported>();
                const geo::CadImport imported = [&] {
                    try {
                        return geo::import_cad(o);
                    } catch (const geo::CadNeedsCrs& e) {
                        throw geo::Error(e.what() + crs_hint);
                    }
                }();
                result->log = imported.log;
                result->notes = imported.notes;
                result->file = out;
                const geo::CadLayers& c = imported.layers;
                const std::pair<const geo::Layer*, geo::Role> made[] = {{&c.parcels, geo::Role::Sites},   {&c.buildings, geo::Role::Buildings},
                                                                       {&c.green, geo::Role::Context},    {&c.roads, geo::Role::Context},
                                                                       {&c.unplaced_labels, geo::Role::Context}};
                std::vector<std::pair<std::string, const geo::Layer*>> written;
                for (const auto& [layer, role] : made)
                    if (layer->size()) written.emplace_back(layer->name, layer);
                if (written.empty())
                    throw geo::Error("no CAD layer of the drawing matches the layer template: nothing to import", {.file = o.drawing.string()});
                geo::WriteOptions wo;
                wo.overwrite = replace;
                geo::write_layers(written, imported.crs, out, wo);
                // Read back in the project's working CRS, as project layers of that file.
                for (const auto& [layer, role] : made) {
                    if (!layer->size()) continue;
                    geo::ProjectLayer config;
                    config.id = stem + " " + layer->name;
                    config.role = role;
                    config.path = out;
                    config.source.path = out;
                    config.source.layer = layer->name;
                    result->layers.push_back(read_layer_view(config, working, origin));
                }
                return [this, result](Workspace& w) { finish(w, *result); };
            },
            [this](Workspace&, const std::string& what) { m_error = what; });
    }

    void finish(Workspace& ws, Imported& r)
    {
        if (!ws.doc) return;
        m_log = r.log;
        for (const std::string& n : r.notes) ws.warn("CAD: " + n);
        for (auto& [layer, view] : r.layers) {
            layer.config.id = unique_id(*ws.doc, layer.config.id);
            append_layer_codepoints(layer, ws.glyphs_wanted);
            ws.doc->project.layers.push_back(std::move(layer));
            view.layer = ws.doc->project.layers.size() - 1;
            ws.doc->views.push_back(std::move(view));
        }
        for (const std::string& line : m_log) append_utf8_codepoints(line, ws.glyphs_wanted);
        ws.info(geo::printf_text(tr("CAD: %zu layers added from %s (saved with the project: Ctrl+S)"), r.layers.size(), r.file.c_str()));
    }

    bool m_open = false;
    char m_drawing[1024] = "", m_control[1024] = "", m_crs[128] = "", m_out[1024] = "";
    int m_encoding = 0, m_transform = 0;
    bool m_replace = false;
    std::string m_error;
    std::vector<std::string> m_log;
};

}  // namespace

[[maybe_unused]] const bool registered_cad_import =
    register_panel({113, "cad_import", false, [] { return std::unique_ptr<Panel>(std::make_unique<CadImportDialog>()); }});

}  // namespace gui
