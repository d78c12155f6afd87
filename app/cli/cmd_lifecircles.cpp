// parkcap lifecircles: 5-, 10- and 15-minute walks to the daily facilities, the way plans state
// coverage, per park against the plan's target (geo/coverage/life_circles).
#include <cstdio>
#include <filesystem>

#include "args.h"
#include "commands.h"
#include "geo/core/error.h"
#include "geo/coverage/life_circles.h"
#include "geo/io/layer_writer.h"
#include "geo/report/life_circle_outputs.h"
#include "geo/report/load_summary.h"
#include "load_notes.h"
#include "output_options.h"
#include "project_input.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"out", "PREFIX", "write PREFIX.gpkg (life_circles: each enterprise's distances) and PREFIX_life_circles.csv"},
    {"network", "", "walk along the project's roads (default: analysis.life_circles.network, else a straight line)"},
    {"walk-speed", "M_PER_MIN", "a walking speed: each circle is its minutes times it (default: GB 50180-2018's 300 / 500 / 1,000 m)"},
    {"standards", "DIR", "the folder of life_circles.csv (default: analysis.capacity.standards_dir of the project)"},
    {"overwrite", "", "replace earlier outputs"},
    {"help", "", "show this help"},
};

}  // namespace

int run_lifecircles(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap lifecircles PROJECT.parkcap.json [--network] [--walk-speed M] [--out PREFIX]\n\n"
                    "Coverage as plans state it: the share of enterprises and employees that reach each daily facility, and all\n"
                    "of them, within 5-, 10- and 15-minute walks (GB 50180-2018), per park, against the plan's target (Shanghai:\n"
                    "99%% within 15 minutes). The circles, daily facilities and target are in datasets/standards/life_circles.csv.\n\n"
                    "Options:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project file");
    geo::Project input = input_project(args.positional[0], args, geo::Role::Enterprises);
    geo::LifeCircleSettings settings = geo::life_circle_settings(input, args.get("standards"));
    if (args.flag("network")) settings.network = true;
    if (args.flag("walk-speed")) {
        const double v = args.get_number_in("walk-speed", 0, 0, 1000, true);  // metres a minute
        settings.spec.walk_speed = v;
        for (size_t k = 0; k < settings.spec.minutes.size(); ++k) settings.spec.metres[k] = settings.spec.minutes[k] * v;
    }
    const std::string prefix = args.get("out");
    if (!prefix.empty()) refuse_inputs_as_outputs(input, prefixed(prefix, {".gpkg", "_life_circles.csv"}), {});
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress(), {{geo::Role::Enterprises, {"name", "employees"}}});
    print_load_notes(project);
    geo::require_features(project, geo::Role::Enterprises);
    geo::require_features(project, geo::Role::Facilities);
    std::vector<std::string> warnings;
    const geo::LifeCircleResult r = geo::life_circles(project, settings, warnings, terminal_progress());
    end_terminal_progress();
    for (const std::string& w : warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    for (const std::string& line : geo::life_circle_summary(r)) std::printf("%s\n", line.c_str());
    if (!prefix.empty()) {
        geo::WriteOptions wo;
        wo.overwrite = args.flag("overwrite");
        wo.layer_name = "life_circles";
        geo::write_layer(geo::life_circle_layer(r), project.working.crs, prefix + ".gpkg", wo);
        geo::write_csv(geo::life_circle_table(r), prefix + "_life_circles.csv", args.flag("overwrite"));
        std::printf("wrote %s.gpkg, %s_life_circles.csv\n", prefix.c_str(), prefix.c_str());
    }
    return 0;
}

}  // namespace cli
