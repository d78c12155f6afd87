#include "geo/report/report_input.h"

#include <algorithm>

#include "geo/capacity/capacity_run.h"
#include "geo/capacity/scenario.h"
#include "geo/core/error.h"
#include "geo/print/print_map.h"
#include "geo/report/display_units.h"
#include "geo/report/text_format.h"

namespace geo {

ReportInput report_input(const LoadedProject& project, const ReportRequest& req)
{
    const CapacityBase base = capacity_base(project, req.standards);
    ReportInput r;
    r.language = req.language;
    r.units = display_units(project.project);
    r.runs.push_back(run_capacity(project.project, project.working.crs, base, ""));
    for (const std::string& name : scenario_names(project.project)) r.runs.push_back(run_capacity(project.project, project.working.crs, base, name));
    if (!req.park.empty()) {
        r.park = base.input.find_park(req.park);
        if (r.park < 0) throw Error("no park named '" + req.park + "'");
    }
    MapPage page = project_page(project, req.language);
    if (r.park >= 0) {  // the park's own neighbourhood on its report
        const Envelope e = base.input.parks.envelope(static_cast<size_t>(r.park));
        const double pad = std::max({e.width(), e.height(), 1000.0}) * 0.08;
        page.extent = {e.min_x - pad, e.min_y - pad, e.max_x + pad, e.max_y + pad};
        page.subtitle = r.runs.front().result.parks[static_cast<size_t>(r.park)].name;
    }
    r.title = page.title + (r.park >= 0 ? " · " + r.runs.front().result.parks[static_cast<size_t>(r.park)].name : "");
    r.date = page.date = req.date.empty() ? today() : req.date;
    PaperSpec paper;
    paper.size = PaperSpec::Pixels;
    paper.width_px = 1400;
    paper.height_px = 900;
    r.map_svg = render_map(page, paper, ".svg");
    r.crs = page.crs;
    r.sources = page.sources;
    for (const std::string& n : base.input.notes) r.parameters.push_back(n);
    r.parameters.push_back((req.language == Language::Zh ? "情景：" : "Scenarios: ") + std::to_string(r.runs.size() - 1));
    return r;
}

}  // namespace geo
