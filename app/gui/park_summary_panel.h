#pragma once
#include "gui/panels.h"

namespace gui {

// Park summary: pick a park, see its area, enterprises and employees, by cluster and by
// tier, with bar charts.
class ParkSummaryPanel : public Panel {
public:
    const char* name() const override { return "park"; }
    void draw(Workspace& ws) override;
    void set_park(size_t park) { m_park = park; }

private:
    size_t m_park = 0;
    bool m_by_employees = false;
};

}  // namespace gui
