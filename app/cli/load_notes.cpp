#include "load_notes.h"

#include <cstdio>

#include "geo/report/load_summary.h"
#include "terminal_progress.h"

namespace cli {

void print_load_notes(const geo::LoadedProject& project)
{
    end_terminal_progress();
    for (const std::string& line : geo::load_summary(project)) std::fprintf(stderr, "note: %s\n", line.c_str());
}

}  // namespace cli
