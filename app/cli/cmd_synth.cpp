// parkcap synth: generate the synthetic Chongqing demo project, or a scaled one.
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "geo/synth/synth_demo.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"enterprises", "N", "number of enterprises (default 20000; e.g. 1000000 for benchmarks)"},
    {"seed", "N", "random seed (default 20261126); the same seed gives the same data"},
    {"districts", "FILE", "a districts layer to copy into the project as its regions"},
    {"overwrite", "", "replace the files of an earlier run in FOLDER"},
    {"help", "", "show this help"},
};

}  // namespace

int run_synth(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap synth FOLDER [options]\n\n"
                    "Writes a synthetic project: parks near real Chongqing industrial parks, enterprises\n"
                    "clustered by industry, facilities (CSV in GCJ-02), roads, constraints (GBK Shapefile\n"
                    "without .cpg), vacant sites, and FOLDER/chongqing-demo.parkcap.json. All invented.\n\nOptions:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one output folder");
    geo::SynthOptions options;
    options.folder = args.positional[0];
    options.enterprises = args.get_int("enterprises", options.enterprises);
    const long long seed = args.get_int("seed", static_cast<long long>(options.seed));
    if (seed < 0) throw UsageError("--seed must not be negative");
    options.seed = static_cast<uint64_t>(seed);
    options.districts = args.get("districts");
    options.overwrite = args.flag("overwrite");
    const geo::SynthSummary s = geo::synthesize_demo(options, terminal_progress());
    end_terminal_progress();
    std::printf("wrote %s: %lld parks, %lld enterprises, %lld facilities, %lld road pieces, %lld constraints, %lld sites\n",
                s.project_file.string().c_str(), static_cast<long long>(s.parks), static_cast<long long>(s.enterprises),
                static_cast<long long>(s.facilities), static_cast<long long>(s.roads), static_cast<long long>(s.constraints),
                static_cast<long long>(s.sites));
    return 0;
}

}  // namespace cli
