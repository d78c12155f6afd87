#pragma once
// The coverage panel, shared by its views, one file each: coverage_panel.cpp (radii, the base
// state on the task runner, the what-if's edits as a typed scenario), coverage_table.cpp
// (coverage by type, by cluster and by tier, through geo's coverage_summary),
// coverage_what_if.cpp (add, move, delete facilities on the map) and coverage_gaps.cpp (gap
// areas and a suggested site).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/coverage/coverage_settings.h"
#include "geo/coverage/coverage_state.h"
#include "geo/coverage/gaps.h"
#include "geo/coverage/network_state.h"
#include "geo/coverage/road_network.h"
#include "geo/coverage/straight_coverage.h"
#include "gui/panels.h"

namespace gui {

inline const char* kScenario = "coverage what-if";

struct Edit {
    enum Op { Add, Move, Remove } op;
    uint32_t id = 0;   // the facility (for Add: the id it received)
    int32_t type = 0;  // for Add
    geo::Coord from, to;
};

class CoveragePanel : public Panel {
public:
    const char* name() const override { return "coverage"; }

    void draw(Workspace& ws) override;

private:
    const geo::LoadedLayer& layer(const Workspace& ws, geo::Role role) const;

    // A newly opened project: its stored radii and what-if edits.
    void open_document(Workspace& ws);

    void radii_editor(Workspace& ws);

    void store_radii(Workspace& ws);

    // The what-if as an ordinary scenario of typed edits (geo/scenario/edits.h): facilities by
    // layer and fid (or the id their add gave), types by code, places by lon/lat; an empty
    // what-if is not kept. `parkcap coverage --scenario` and the capacity model read the same.
    void store_edits(Workspace& ws);

    // The project's what-if as the panel's edit list (state ids, type indices, working-CRS
    // places), upgrading edits saved in the old index-based form.
    std::vector<Edit> load_edits(const Workspace& ws) const;

    // The base state (the facilities as in the layer) as a task on copies of the points;
    // edits are replayed after, on the UI thread.
    void start(Workspace& ws);

    void replay();

    void apply(const Edit& e);

    void record(Workspace& ws, Edit e);

    const geo::Column* employees_column(const Workspace& ws) const;

    struct Row {
        size_t type;
        double radius;
        size_t covered, base_covered, enterprises;
        double jobs, total_jobs;
        size_t by_road;
    };

    // Coverage rows for the chosen area (the study area or one park), recomputed only when the
    // state, the area or the radii change.
    const std::vector<Row>& rows(const Workspace& ws);

    void results(Workspace& ws);

    // Coverage of the selected type at its largest radius, grouped by an enterprise field.
    void breakdown_table(Workspace& ws, const char* meaning, const char* label);

    // Every enterprise's position, and whether type `t` leaves it uncovered at `radius`.
    std::pair<std::vector<geo::Coord>, std::vector<uint8_t>> uncovered_enterprises(const Workspace& ws, size_t t, double radius) const;

    // Where the uncovered employees of the selected type concentrate, as a map layer.
    void draw_gaps(Workspace& ws);

    // The single best new location for the selected type (geo::best_new_location).
    void suggest(Workspace& ws);

    void tools(Workspace& ws);

    // The live facility nearest to a click, within 12 pixels.
    std::optional<uint32_t> facility_at(const Workspace& ws, geo::Coord at) const;

    void click(Workspace& ws, geo::Coord at);

    void marks(Workspace& ws);

    const Document* m_doc = nullptr;
    char m_path[1024] = "";  // the radius table field (open_document fills it)
    std::vector<geo::FacilityType> m_types;
    struct Breakdown {
        std::string key;  // what the rows were computed for
        std::vector<geo::CoverageRow> rows;
    };
    std::map<std::string, Breakdown> m_breakdowns;  // by meaning (cluster, tier)
    geo::CoverageSettings m_settings;  // the project's analysis.coverage, as the command reads it
    bool m_radii_edited = false;       // the planner changed radii here: they are saved inline
    std::vector<double> m_jobs;
    std::shared_ptr<const geo::CoverageState> m_base;
    std::unique_ptr<geo::CoverageState> m_state;
    // Along the roads (when asked and the project has roads): the network outlives its states.
    bool m_by_road = false;
    std::shared_ptr<geo::RoadNetwork> m_network;
    std::shared_ptr<const geo::NetworkCoverageState> m_net_base;
    std::unique_ptr<geo::NetworkCoverageState> m_net;
    std::vector<Edit> m_edits;
    size_t m_applied = 0;
    size_t m_shown = 0;
    int m_tool = 0;
    int64_t m_move_from = -1;
    int32_t m_area = -1;  // -1: the study area; else a park
    uint64_t m_version = 0, m_rows_version = ~0ull, m_suggestion_version = 0;
    int32_t m_rows_area = -2;
    std::string m_rows_radii;
    std::vector<Row> m_rows;
    std::optional<geo::SiteSuggestion> m_suggestion;
    std::string m_gaps_note;
    size_t m_suggestion_type = 0;
    std::string m_error;
};

}  // namespace gui
