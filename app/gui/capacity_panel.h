#pragma once
// The carrying-capacity panel, shared by its views, one file each: capacity_panel.cpp
// (evaluation on the task runner, choosers), capacity_dashboard.cpp (bars, indicators,
// compliance map), capacity_scenario_editor.cpp (forms and map edits, into the one undo
// history) and capacity_comparison.cpp (every park and scenario side by side). Evaluation is
// geo::run_capacity, the same as `parkcap capacity`.
#include <memory>
#include <string>
#include <vector>

#include "geo/capacity/capacity_run.h"
#include "geo/scenario/edits.h"
#include "gui/panels.h"

namespace gui {

struct Outcome {
    std::shared_ptr<const geo::CapacityBase> base;
    std::vector<geo::CapacityRun> runs;  // the baseline first, unless partial
    bool partial = false;                // one scenario only, to put in place of its old run
    std::string error;
    double seconds = 0;
};

class CapacityPanel : public Panel {
public:
    const char* name() const override { return "capacity"; }
    void draw(Workspace& ws) override;

private:
    enum class Tool { None, AddFacility, DrawBoundary, AddEnterprise, MarkPlot };

    void open_document(Workspace& ws);

    // Something changed in `scenario` (empty: in the data or several scenarios): evaluate again.
    void mark_dirty(const std::string& scenario);

    // Evaluates the baseline and every scenario of the project as it is now, or only the one
    // scenario that changed (the others stand).
    void start(Workspace& ws);

    void finish(Workspace& ws, Outcome& out);

    const geo::CapacityRun& run() const { return m_runs[m_scenario]; }
    bool evaluated(const geo::CapacityRun& r) const { return r.result.parks.size() == m_runs.front().result.parks.size(); }

    void choosers(Workspace& ws);

    void underused_rule(Workspace& ws);  // the project's one rule for under-used plots

    // The park a map position lies in (else the one whose outline is nearest).
    size_t park_at(geo::Coord at) const;
    // Follows the planner: a selected park (or a selected feature's park), else the park the
    // view moved to; a park chosen in the list stays until one of those changes.
    void follow(Workspace& ws);

    // A bar per factor: the jobs it allows, today's jobs as a black line; the binding one red.
    void dashboard(Workspace&);

    // Every plot coloured by its compliance class, the command's very layer (compliance.h).
    void compliance_layer(Workspace& ws);

    geo::Json& scenarios(Workspace& ws);

    geo::Json* current(Workspace& ws);

    // A typed edit added to the current scenario, and an entry in the workspace's one undo
    // history (Ctrl+Z takes it out again and re-evaluates the scenario).
    void add_edit(Workspace& ws, const geo::Json& json);
    // Takes edit `index` out of the current scenario, as an entry of the same undo history.
    void remove_edit(Workspace& ws, size_t index);
    // Replaces the current scenario by `after` in the project and the undo history.
    void change_scenario(Workspace& ws, const geo::Scenario& before, const geo::Scenario& after, const std::string& label);

    std::string park_key() const;

    void editor(Workspace& ws);

    // The site parcels of the chosen park (for the site forms).
    void refresh_sites();

    void set_tool(Workspace& ws, Tool t);

    void click(Workspace& ws, geo::Coord at);

    void marks(Workspace& ws);

    // The selected park: every indicator in the baseline and each scenario, with the change.
    void indicator_table(const geo::DisplayUnits& units);

    // Every park: the baseline's capacity and binding factor, and each scenario's change.
    void comparison(const geo::DisplayUnits& units);

    const Document* m_doc = nullptr;
    std::shared_ptr<const geo::CapacityBase> m_base;
    std::vector<geo::CapacityRun> m_runs;
    std::string m_error;
    double m_seconds = 0;
    bool m_dirty = true, m_park_chosen = false, m_warned = false;
    Selection m_seen_selection;        // what follow() last saw
    geo::Coord m_seen_centre{0, 0};
    double m_seen_mpp = 0;
    std::string m_only;  // with m_dirty: the one scenario to evaluate again (empty: all)
    size_t m_park = 0, m_scenario = 0, m_factor = 0, m_type = 0, m_site = 0, m_site_park = SIZE_MAX;
    std::vector<size_t> m_sites;
    char m_new_name[128] = "my scenario";
    char m_firm_name[128] = "新入驻企业";
    size_t m_cluster = 0;
    double m_firm_jobs = 50, m_firm_floor = 5000;
    double m_far = 2.5, m_add = 10000, m_footprint = 5000, m_beds = 0, m_capacity = 500;
    int m_storeys = 5;
    Tool m_tool = Tool::None;
    std::vector<geo::Coord> m_ring;
    bool m_busy = false;  // a capacity task runs (as of this frame)
};

}  // namespace gui
