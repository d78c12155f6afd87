#include "gui/placement_view.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <imgui.h>

#include "geo/allocate/placement_input.h"
#include "geo/capacity/capacity_run.h"
#include "geo/core/error.h"
#include "geo/report/placement_outputs.h"
#include "geo/scenario/edits.h"
#include "gui/document.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"
#include "gui/path_field.h"

namespace gui {

struct PlacementOutcome {
    geo::PlacementInput input;
    geo::PlacementResult result;
    std::vector<std::string> summary;
    geo::CsvTable unplaced;
    std::pair<geo::LoadedLayer, LayerView> layer;
    double seconds = 0;
};

namespace {
const char* kPlacementLayer = "placement: incoming enterprises";
}

void PlacementView::draw(Workspace& ws)
{
    if (m_doc != ws.doc.get()) {
        m_doc = ws.doc.get();
        m_out.reset();
        m_error.clear();
        // The project's folder may hold an applicant list (the demo's).
        const std::filesystem::path guess = ws.doc->project.project.file.parent_path() / "incoming_applicants.csv";
        std::error_code ec;
        std::snprintf(m_applicants, sizeof m_applicants, "%s", std::filesystem::exists(guess, ec) ? guess.string().c_str() : "");
    }
    path_field(ws, "applicants", m_applicants, sizeof m_applicants, tr("Applicants (CSV)"), {".csv"});
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("Applicants (CSV)"));
    ImGui::SetNextItemWidth(200);
    ImGui::InputText(tr("Against scenario (empty: baseline)"), m_scenario_in, sizeof m_scenario_in);
    ImGui::Checkbox(tr("Prove the optimum (CBC)"), &m_exact);
    ImGui::Checkbox(tr("Also offer under-used plots as land to free"), &m_free_underused);
    if (ws.suitability.raster) ImGui::Checkbox(tr("Score places by the Suitability panel's raster"), &m_use_suitability);
    else ImGui::TextDisabled("%s", tr("(the Suitability panel's raster, once computed, can score the places)"));
    if (ws.tasks.running("placement")) {
        ImGui::Text(tr("placing... %.0f%%"), 100 * ws.tasks.progress("placement"));
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel##place"))) ws.tasks.cancel("placement");
    } else if (ImGui::Button(tr("Place"))) {
        start(ws);
    }
    if (!m_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
    if (m_out) results(ws);
}

void PlacementView::start(Workspace& ws)
{
    m_error.clear();
    auto snapshot = std::make_shared<const geo::LoadedProject>(ws.doc->project);
    const geo::Coord origin = ws.doc->origin;
    const std::string applicants = m_applicants, scenario = m_scenario_in;
    const bool exact = m_exact;
    const geo::PlacementChoices choices{.free_underused = m_free_underused, .with_pairs = false};
    const std::shared_ptr<const geo::Raster> suitability = m_use_suitability ? ws.suitability.raster : nullptr;
    ws.tasks.start("placement", [this, snapshot, origin, applicants, scenario, exact, choices, suitability](const geo::Progress& progress) -> TaskRunner::Finish {
        try {
            const auto t0 = std::chrono::steady_clock::now();
            auto out = std::make_shared<PlacementOutcome>();
            const std::vector<geo::Applicant> list = geo::read_applicants(applicants);
            const geo::CapacityBase base = geo::capacity_base(*snapshot);
            const geo::CapacityRun run = geo::run_capacity(snapshot->project, snapshot->working.crs, base, scenario);
            out->input = geo::placement_input(run, base.tables, list, geo::standards_folder(snapshot->project), choices);
            if (suitability) geo::use_suitability(out->input, *suitability, 0, "the Suitability panel's raster");
            geo::placement_pairs(out->input);
            geo::PlacementOptions options;
            options.exact = exact;
            out->result = geo::place_applicants(out->input.problem, options, progress);
            out->summary = geo::placement_summary(out->input, out->result);
            out->unplaced = geo::unplaced_table(out->input, out->result);
            out->layer = computed_view(geo::placements_layer(out->input, out->result), kPlacementLayer, origin);
            out->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            return [this, out](Workspace& w) {
                if (!w.doc) return;
                auto [layer, view] = out->layer;
                view.style.mode = geo::StyleMode::Single;
                view.style.fill = geo::rgba(120, 40, 170);  // violet: incoming, as in the capacity editor
                view.style.point_size_px = 8;
                view.style.label_field = "applicant";
                w.add_or_replace_computed(std::move(layer), std::move(view));
                for (const auto& row : out->unplaced.rows)
                    for (const std::string& cell : row) append_utf8_codepoints(cell, w.glyphs_wanted);
                for (const std::string& line : out->summary) append_utf8_codepoints(line, w.glyphs_wanted);
                m_out = out;
                w.info("placement: " + (out->summary.size() > 1 ? out->summary[1] : std::string()));
            };
        } catch (const geo::Cancelled&) {
            throw;
        } catch (const std::exception& e) {
            const std::string what = e.what();
            return [this, what](Workspace& w) {
                m_error = what;
                w.error("placement: " + what);
            };
        }
    });
}

void PlacementView::results(Workspace& ws)
{
    const PlacementOutcome& o = *m_out;
    ImGui::Separator();
    // Saving first: it stays in one place whatever the summary's length.
    ImGui::SetNextItemWidth(200);
    ImGui::InputText("##placement_scenario", m_scenario_out, sizeof m_scenario_out);
    ImGui::SameLine();
    if (ImGui::Button(tr("Save as scenario##place"))) save_scenario(ws);
    for (const std::string& line : o.summary) ImGui::TextWrapped("%s", line.c_str());
    ImGui::TextDisabled(tr("placed in %.2f s"), o.seconds);
    if (o.unplaced.rows.empty()) return;
    ImGui::TextUnformatted(tr("Left unplaced:"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("unplaced", 3, flags, ImVec2(0, 180))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("Applicant"));
    ImGui::TableSetupColumn(tr("Needs m²"));
    ImGui::TableSetupColumn(tr("Why"));
    ImGui::TableHeadersRow();
    for (const auto& row : o.unplaced.rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row[0].c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row[4].c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", row[5].c_str());
    }
    ImGui::EndTable();
}

void PlacementView::save_scenario(Workspace& ws)
{
    try {
        const std::string name = m_scenario_out;
        if (name.empty()) throw geo::Error("give the scenario a name");
        const geo::Scenario after = geo::placement_scenario(m_out->input, m_out->result.site_of, name, ws.doc->project.working.crs);
        ws.store_scenario_undoable(after, "placement: scenario '" + name + "' with " + std::to_string(after.edits.size()) + " incoming enterprises");
        ws.info(geo::printf_text(tr("placement: scenario '%s' saved; the capacity panel evaluates it as growth"), name.c_str()));
        if (const size_t n = geo::placed_on_plots_to_free(m_out->input, m_out->result.site_of))
            ws.info(geo::printf_text(tr("placement: the %d placed on plots to free are not in the scenario (no edit yet takes an enterprise off its plot)"),
                                     static_cast<int>(n)));
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

}  // namespace gui
