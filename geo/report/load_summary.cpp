#include "geo/report/load_summary.h"

#include "geo/core/error.h"
#include "geo/report/text_format.h"

namespace geo {

namespace {

std::string first_notes(const std::vector<FeatureNote>& notes, size_t max_listed)
{
    std::string out;
    for (size_t i = 0; i < notes.size() && i < max_listed; ++i)
        out += (i ? ", " : "") + ("fid " + std::to_string(notes[i].fid) + " (" + notes[i].reason + ")");
    if (notes.size() > max_listed) out += ", ...";
    return out;
}

}  // namespace

std::vector<std::string> load_summary(const LoadedProject& project, size_t max_listed)
{
    std::vector<std::string> lines;
    for (const LoadedLayer& l : project.layers) {
        const std::string name = "layer '" + l.config.id + "'";
        const LoadReport& r = l.data->report;
        if (!r.skipped.empty())
            lines.push_back(name + ": " + grouped(r.skipped.size()) + " of " + grouped(r.skipped.size() + l.data->size()) +
                            " features skipped: " + first_notes(r.skipped, max_listed) + " ('parkcap info' lists them all)");
        if (!r.repaired.empty())
            lines.push_back(name + ": " + grouped(r.repaired.size()) + " features repaired: " + first_notes(r.repaired, max_listed));
        for (const std::string& w : r.warnings) lines.push_back(name + ": " + w);
        for (const std::string& w : l.warnings) lines.push_back(name + ": " + w);
    }
    return lines;
}

void require_features(const LoadedProject& project, Role role)
{
    for (const LoadedLayer& l : project.layers) {
        if (l.config.role != role || l.data->size() > 0) continue;
        const LoadReport& r = l.data->report;
        throw Error(r.skipped.empty()
                        ? "the " + std::string(to_string(role)) + " layer has no features: nothing to analyse"
                        : "none of its " + grouped(r.skipped.size()) + " features can be used, so there is nothing to analyse: " +
                              first_notes(r.skipped, 3),
                    {.file = l.data->source, .layer = l.data->name});
    }
}

}  // namespace geo
