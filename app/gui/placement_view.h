#pragma once
// The Allocation panel's "Incoming enterprises" tab: an applicant list placed on the vacant
// sites of the baseline or a scenario by the same geo::placement_input and
// geo::place_applicants as `parkcap place`, on the task runner; placements on the map, every
// applicant left out with its reason, and "save as scenario" (growth capacity evaluates).
#include <memory>
#include <string>

#include "gui/workspace.h"

namespace gui {

struct PlacementOutcome;

class PlacementView {
public:
    void draw(Workspace& ws);

private:
    void start(Workspace& ws);
    void results(Workspace& ws);
    void save_scenario(Workspace& ws);

    const Document* m_doc = nullptr;
    char m_applicants[512] = "";
    char m_scenario_in[128] = "";  // capacity scenario to place against ("" = baseline)
    char m_scenario_out[128] = "placement";
    bool m_exact = false;
    bool m_free_underused = false;  // offer the under-used plots as land to free
    bool m_use_suitability = true;  // score places by the Suitability panel's raster, when it has one
    std::string m_error;
    std::shared_ptr<const PlacementOutcome> m_out;
};

}  // namespace gui
