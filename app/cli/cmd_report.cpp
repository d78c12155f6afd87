// parkcap report: the park report as one self-contained HTML file (geo/report/html_report):
// an overview map, each park's capacity, indicators, compliance, coverage, clusters, growth
// and the scenarios side by side; prints to PDF from a browser.
#include <chrono>
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "geo/core/error.h"
#include "geo/io/atomic_file.h"
#include "geo/report/html_report.h"
#include "geo/report/report_input.h"
#include "geo/report/load_summary.h"
#include "geo/report/xlsx_report.h"
#include "load_notes.h"
#include "output_options.h"
#include "project_input.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"out", "FILE.html", "the report"},
    {"park", "NAME", "one park only (its name or code)"},
    {"xlsx", "FILE.xlsx", "the same tables as an Excel workbook too (a sheet per table, a chart of capacity)"},
    {"standards", "DIR", "the folder of the standards tables (default: analysis.capacity.standards_dir of the project)"},
    {"date", "YYYY-MM-DD", "the date printed (default: today)"},
    lang_option(),
    {"overwrite", "", "replace an existing file"},
    {"help", "", "show this help"},
};

}  // namespace

int run_report(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap report PROJECT.parkcap.json --out FILE.html [--park NAME] [--lang zh|en]\n\n"
                    "The park report as one HTML file: overview map, capacity and binding factor per park, indicators, compliance,\n"
                    "coverage, clusters, growth, the scenarios side by side, parameters and sources. Print it to PDF from a browser.\n\n"
                    "Options:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project file");
    const std::string out = args.get("out");
    if (out.empty()) throw UsageError("--out FILE.html is required");
    const geo::Language language = table_language(args);
    refuse_to_overwrite(out, args.flag("overwrite"));
    const auto t0 = std::chrono::steady_clock::now();
    geo::Project input = input_project(args.positional[0], args, geo::Role::Enterprises);
    refuse_inputs_as_outputs(input, {out, args.get("xlsx")}, {args.get("standards")});
    geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress());
    print_load_notes(project);
    geo::require_features(project, geo::Role::Parks);
    geo::require_features(project, geo::Role::Enterprises);
    geo::ReportRequest req;
    req.standards = args.get("standards");
    req.park = args.get("park");
    req.date = args.get("date");
    req.language = language;
    geo::ReportInput r;
    try {
        r = geo::report_input_consuming(project, req);  // nothing after it reads the enterprises
    } catch (const geo::Error& e) {
        if (!req.park.empty() && std::string(e.what()).rfind("no park named", 0) == 0) throw geo::Error(std::string("--park: ") + e.what());
        throw;
    }
    const std::string xlsx = args.get("xlsx");
    if (!xlsx.empty()) refuse_to_overwrite(xlsx, args.flag("overwrite"));
    geo::write_file_atomically(out, geo::html_report(r));
    if (!xlsx.empty()) {
        geo::write_xlsx_report(r, xlsx);
        std::printf("wrote %s\n", xlsx.c_str());
    }
    std::printf("wrote %s (%zu parks, %zu scenarios) in %.2f s\n", out.c_str(), r.park >= 0 ? size_t{1} : r.runs.front().result.parks.size(),
                r.runs.size() - 1, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}

}  // namespace cli
