#include "push_down.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "geo/report/park_tally_pushdown.h"

namespace cli {

std::vector<OptionSpec> push_down_options(const std::string& what)
{
    return {
        {"push-down", "", what + " in the PostGIS database that holds the enterprises (a table, view or query): the enterprises are not loaded"},
        {"push-down-above", "N", "push down by itself when the enterprises are a PostGIS table, view or query of more than N rows (default 1000000)"},
        {"no-push-down", "", "load the enterprises and work in memory whatever their number"},
    };
}

std::optional<geo::ProjectLayer> take_pushed_down(geo::Project& project, const Args& args)
{
    auto firms = std::find_if(project.layers.begin(), project.layers.end(), [](const geo::ProjectLayer& l) { return l.role == geo::Role::Enterprises; });
    const bool allowed = firms != project.layers.end() && firms->source.path.rfind("PG:", 0) == 0;
    bool push_down = args.flag("push-down");
    if (push_down && args.flag("no-push-down")) throw UsageError("give --push-down or --no-push-down, not both");
    if (push_down && firms == project.layers.end()) throw UsageError("--push-down needs an enterprises layer in the project");
    if (push_down && !allowed) throw UsageError("--push-down needs the enterprises as a PostGIS table, view or query (a \"PG:\" path)");
    if (!push_down && !args.flag("no-push-down") && firms != project.layers.end() && allowed) {
        long long above = 1000000;
        if (const std::string a = args.get("push-down-above"); !a.empty()) {
            char* end = nullptr;
            above = std::strtoll(a.c_str(), &end, 10);
            if (*end != '\0' || above < 0) throw UsageError("--push-down-above needs a whole number >= 0, not '" + a + "'");
        }
        if (const int64_t rows = geo::database_rows(*firms); rows > above) {
            push_down = true;
            std::fprintf(stderr, "note: the enterprises table has %lld rows (more than %lld): counted in the database, not loaded "
                                 "(--no-push-down loads them)\n", static_cast<long long>(rows), above);
        }
    }
    if (!push_down) return std::nullopt;
    geo::ProjectLayer taken = *firms;
    project.layers.erase(firms);
    return taken;
}

}  // namespace cli
