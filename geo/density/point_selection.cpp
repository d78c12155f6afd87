#include "geo/density/point_selection.h"

#include "geo/core/error.h"
#include "geo/overlay/zone_assignment.h"

namespace geo {

namespace {

const Column* column_for(const LoadedLayer& l, const std::string& meaning, const char* what)
{
    const std::string* f = l.fields.field_for(meaning);
    if (!f) throw Error("no field is bound to " + meaning + ", needed to filter by " + what + " (set it in the project's \"fields\")",
                        {.file = l.data->source, .layer = l.data->name});
    return l.data->column(*f);
}

}  // namespace

PointSelection select_points(const LoadedProject& project, const PointFilter& filter)
{
    const LoadedLayer* firms = project.first(Role::Enterprises);
    if (!firms) throw Error("the project has no enterprises layer");
    const Layer& data = *firms->data;
    const ErrorContext where{.file = data.source, .layer = data.name};
    PointSelection out;
    const LoadedLayer* parks = project.first(Role::Parks);
    if (parks) out.parks_extent = parks->data->geometry.envelope();

    const Column* cluster = filter.cluster.empty() ? nullptr : column_for(*firms, "cluster", "cluster");
    const Column* tier = filter.tier.empty() ? nullptr : column_for(*firms, "tier", "tier");
    const Column* code = filter.industry_code.empty() ? nullptr : column_for(*firms, "industry_code", "industry code");
    const Column* weight = nullptr;
    if (!filter.weight.empty()) {
        const std::string* bound = firms->fields.field_for(filter.weight);
        out.weight_field = bound ? *bound : filter.weight;
        weight = data.column(out.weight_field);
        if (!weight) throw Error("no field or meaning '" + filter.weight + "' to weight by", where);
        if (!weight->is_numeric())
            throw Error("cannot weight by a text field", {.file = data.source, .layer = data.name, .field = out.weight_field});
    }
    std::vector<int32_t> park_of;
    int32_t park_index = -1;
    if (!filter.park.empty()) {
        if (!parks) throw Error("the project has no parks layer to filter by park");
        const Column* names = column_for(*parks, "name", "park");
        for (size_t p = 0; p < parks->data->size() && park_index < 0; ++p)
            if (names && names->text(p) == filter.park) park_index = static_cast<int32_t>(p);
        if (park_index < 0) throw Error("no park named '" + filter.park + "'", {.file = parks->data->source, .layer = parks->data->name});
        park_of = assign_to_zones(data.geometry, parks->data->geometry).zone_of;
    }
    for (size_t i = 0; i < data.size(); ++i) {
        if (cluster && cluster->text(i) != filter.cluster) continue;
        if (tier && tier->text(i) != filter.tier) continue;
        if (code && code->text(i).rfind(filter.industry_code, 0) != 0) continue;
        if (park_index >= 0 && park_of[i] != park_index) continue;
        if (weight) {
            const auto v = weight->number(i);
            if (!v) {
                ++out.null_weights;
                continue;
            }
            out.weights.push_back(*v);
        }
        out.points.push_back(data.geometry.first_coord(i));
        out.rows.push_back(static_cast<uint32_t>(i));
    }
    return out;
}

std::vector<std::string> fields_needed(const PointFilter& filter)
{
    std::vector<std::string> out;
    if (!filter.cluster.empty()) out.push_back("cluster");
    if (!filter.tier.empty()) out.push_back("tier");
    if (!filter.industry_code.empty()) out.push_back("industry_code");
    if (!filter.weight.empty()) out.push_back(filter.weight);
    return out;
}

}  // namespace geo
