// parkcap: the headless command line. Dispatches to one command; reports every error in one
// line on standard error with a non-zero exit status (1: the input or the work failed,
// 2: the command line was wrong).
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "geo/core/error.h"
#include "terminal_progress.h"

namespace {

void print_usage()
{
    std::printf("parkcap %s: industrial park planner (command line)\n\nUsage: parkcap COMMAND [OPTIONS]\n\nCommands:\n",
                PARKCAP_VERSION);
    for (const cli::Command& c : cli::commands()) std::printf("  %-10s %s\n", c.name, c.summary);
    std::printf("\n'parkcap COMMAND --help' describes one command.\n");
}

}  // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        print_usage();
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::printf("parkcap %s\n", PARKCAP_VERSION);
        return 0;
    }
    for (const cli::Command& c : cli::commands()) {
        if (args[0] != c.name) continue;
        try {
            return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
        } catch (const cli::UsageError& e) {
            cli::end_terminal_progress();
            std::fprintf(stderr, "parkcap %s: %s (see 'parkcap %s --help')\n", c.name, e.what(), c.name);
            return 2;
        } catch (const geo::Error& e) {
            cli::end_terminal_progress();
            std::fprintf(stderr, "parkcap %s: error: %s\n", c.name, e.what());
            return 1;
        } catch (const std::exception& e) {
            cli::end_terminal_progress();
            std::fprintf(stderr, "parkcap %s: error: %s\n", c.name, e.what());
            return 1;
        }
    }
    std::fprintf(stderr, "parkcap: unknown command '%s' (see 'parkcap --help')\n", args[0].c_str());
    return 2;
}
