#include "geo/report/report_input.h"

#include <algorithm>

#include "geo/capacity/capacity_run.h"
#include "geo/capacity/scenario.h"
#include "geo/core/error.h"
#include "geo/coverage/life_circles.h"
#include "geo/performance/performance_run.h"
#include "geo/print/print_map.h"
#include "geo/report/display_units.h"
#include "geo/report/life_circle_outputs.h"
#include "geo/report/performance_outputs.h"
#include "geo/report/text_format.h"

namespace geo {

namespace {

// The park a name or code refers to in the parks layer (as CapacityInput::find_park), or -1.
int32_t park_named(const LoadedProject& project, const std::string& key)
{
    const LoadedLayer* parks = project.first(Role::Parks);
    if (!parks || key.empty()) return -1;
    const std::string* name = parks->fields.field_for("name");
    const std::string* code = parks->fields.field_for("code");
    for (size_t p = 0; p < parks->data->size(); ++p) {
        const std::string n = name ? parks->data->column(*name)->text(p) : "";
        const std::string c = code ? parks->data->column(*code)->text(p) : "";
        if ((n.empty() ? "fid " + std::to_string(parks->data->fids[p]) : n) == key || (!c.empty() && c == key)) return static_cast<int32_t>(p);
    }
    return -1;
}

// The park's name as the capacity tables give it: its name, or "fid N".
std::string park_label(const LoadedProject& project, int32_t park)
{
    const LoadedLayer& parks = *project.first(Role::Parks);
    const std::string* name = parks.fields.field_for("name");
    const std::string n = name ? parks.data->column(*name)->text(static_cast<size_t>(park)) : "";
    return n.empty() ? "fid " + std::to_string(parks.data->fids[static_cast<size_t>(park)]) : n;
}

// `consumable`: the same project as `project`, whose enterprises may be taken once the map is
// drawn; null to leave them.
ReportInput report_input(const LoadedProject& project, LoadedProject* consumable, const ReportRequest& req)
{
    ReportInput r;
    r.language = req.language;
    r.units = display_units(project.project);
    if (!req.park.empty()) {
        r.park = park_named(project, req.park);
        if (r.park < 0) throw Error("no park named '" + req.park + "'");
    }
    // The map first: it draws the enterprises.
    MapPage page = project_page(project, req.language);
    if (r.park >= 0) {  // the park's own neighbourhood on its report
        const Envelope e = project.first(Role::Parks)->data->geometry.envelope(static_cast<size_t>(r.park));
        const double pad = std::max({e.width(), e.height(), 1000.0}) * 0.08;
        page.extent = {e.min_x - pad, e.min_y - pad, e.max_x + pad, e.max_y + pad};
        page.subtitle = park_label(project, r.park);
    }
    r.title = page.title + (r.park >= 0 ? " · " + park_label(project, r.park) : "");
    r.date = page.date = req.date.empty() ? today() : req.date;
    PaperSpec paper;
    paper.size = PaperSpec::Pixels;
    paper.width_px = 1400;
    paper.height_px = 900;
    r.map_svg = render_map(page, paper, ".svg");
    r.crs = page.crs;
    r.sources = page.sources;

    // 亩均效益 and the life circles read the enterprises too: before they move into capacity.
    const LoadedLayer* firms = project.first(Role::Enterprises);
    const bool sections = firms && firms->data->size() <= req.sections_limit;
    if (firms && !sections)
        r.parameters.push_back(printf_text(req.language == Language::Zh ? "亩均效益与生活圈未列入：%zu 家企业超过报告计算的上限（%zu）；可用 parkcap performance 与 parkcap lifecircles 计算"
                                                                        : "亩均效益 and life circles left out: %zu enterprises are more than the report computes them for (%zu); "
                                                                          "parkcap performance and parkcap lifecircles give them",
                                           firms->data->size(), req.sections_limit));
    if (sections && project.project.extra.contains("analysis") && project.project.extra["analysis"].contains("performance")) {
        const PerformanceRun perf = run_performance(project, performance_settings(project.project), req.standards);
        ReportPerformance rp;
        rp.preset = perf.preset.name;
        for (const PerformanceClass& c : perf.preset.classes) rp.classes.push_back(c.name);
        rp.parks = performance_parks_table(perf);
        r.performance = std::move(rp);
        r.parameters.push_back((req.language == Language::Zh ? "亩均效益评价方案：" : "亩均效益 preset: ") + perf.preset_file.string());
    }
    if (sections && project.first(Role::Facilities)) {
        try {
            std::vector<std::string> warnings;
            const LifeCircleResult lc = life_circles(project, life_circle_settings(project.project, req.standards), warnings);
            ReportLifeCircles rl;
            rl.minutes = lc.spec.minutes;
            rl.metres = lc.spec.metres;
            rl.target_minutes = lc.spec.target_minutes;
            rl.target_share = lc.spec.target_share;
            rl.park_name = lc.park_name;
            rl.park_name.push_back(req.language == Language::Zh ? "（全部园区）" : "(all in parks)");
            rl.shares = life_circle_shares(lc);
            r.life_circles = std::move(rl);
            std::string circles;
            for (size_t c = 0; c < lc.spec.minutes.size(); ++c) circles += (c ? ", " : "") + std::to_string(lc.spec.minutes[c]) + " min = " + number_text(lc.spec.metres[c]) + " m";
            r.parameters.push_back((req.language == Language::Zh ? "生活圈：" : "Life circles: ") + circles + (lc.network ? " (roads)" : " (straight line)"));
            for (const std::string& w : warnings) r.parameters.push_back(w);
        } catch (const Error& e) {  // not asked for by name: the report goes on without it, and says why
            r.parameters.push_back((req.language == Language::Zh ? "生活圈未计算：" : "Life circles left out: ") + std::string(e.what()));
        }
    }
    const CapacityBase base = consumable ? capacity_base(*consumable, take_features(*consumable, Role::Enterprises), req.standards)
                                         : capacity_base(project, req.standards);
    // The report reads per-park figures only: each run lets its per-plot figures go (ten million
    // plots are most of a gigabyte a run).
    auto evaluated = [&](const std::string& scenario) {
        CapacityRun run = run_capacity(project.project, project.working.crs, base, scenario);
        std::vector<PlotCompliance>().swap(run.result.plots);
        std::vector<int32_t>().swap(run.result.park_of);
        std::vector<double>().swap(run.input.plot_redevelop_far);
        return run;
    };
    r.runs.push_back(evaluated(""));
    for (const std::string& name : scenario_names(project.project)) r.runs.push_back(evaluated(name));
    for (const std::string& n : base.input.notes) r.parameters.push_back(n);
    r.parameters.push_back((req.language == Language::Zh ? "情景：" : "Scenarios: ") + std::to_string(r.runs.size() - 1));
    return r;
}

}  // namespace

ReportInput report_input(const LoadedProject& project, const ReportRequest& req)
{
    return report_input(project, nullptr, req);
}

ReportInput report_input_consuming(LoadedProject& project, const ReportRequest& req)
{
    return report_input(project, &project, req);
}

}  // namespace geo
