// The coverage panel's gap tools: where uncovered employees concentrate (gap areas) and the
// single new site that would cover the most of them.
#include "gui/coverage_panel.h"

#include <algorithm>

#include <imgui.h>

#include "geo/coverage/gaps.h"
#include "gui/panels.h"

namespace gui {

std::pair<std::vector<geo::Coord>, std::vector<uint8_t>> CoveragePanel::uncovered_enterprises(const Workspace& ws, size_t t, double radius) const
{
    const geo::LoadedLayer& firms = layer(ws, geo::Role::Enterprises);
    std::vector<geo::Coord> pts;
    std::vector<uint8_t> uncovered;
    for (size_t e = 0; e < firms.data->size(); ++e) {
        pts.push_back(firms.data->geometry.first_coord(e));
        uncovered.push_back(!(m_state->distance(t, e) <= radius));
    }
    return {std::move(pts), std::move(uncovered)};
}

void CoveragePanel::draw_gaps(Workspace& ws)
{
    const size_t t = std::min(m_shown, m_state->types().size() - 1);
    const double radius = m_state->types()[t].radii_m.back();
    const auto [pts, uncovered] = uncovered_enterprises(ws, t, radius);
    geo::Layer gaps = geo::gap_areas(pts, m_jobs, uncovered, radius);
    if (gaps.size() == 0) {
        m_gaps_note = "Every enterprise is covered: no gap areas.";
        return;
    }
    m_gaps_note = std::to_string(gaps.size()) + (gaps.size() == 1 ? " gap area" : " gap areas") + " for " +
                  m_state->types()[t].code + " in the layer 'coverage gaps'";
    auto [data, view] = computed_view(std::move(gaps), "coverage gaps", ws.doc->origin);
    view.style.mode = geo::StyleMode::Single;
    view.style.fill = geo::rgba(230, 60, 40, 70);
    view.style.stroke = geo::rgba(200, 30, 20);
    view.style.stroke_width_px = 2;
    ws.add_or_replace_computed(std::move(data), std::move(view));
}

void CoveragePanel::suggest(Workspace& ws)
{
    const size_t t = std::min(m_shown, m_state->types().size() - 1);
    const double radius = m_state->types()[t].radii_m.back();
    const auto [pts, uncovered] = uncovered_enterprises(ws, t, radius);
    m_suggestion = geo::best_new_location(pts, m_jobs, uncovered, radius);
    m_suggestion_version = m_version;
    m_suggestion_type = t;
    if (m_suggestion->enterprises == 0) m_suggestion.reset();
}

}  // namespace gui
