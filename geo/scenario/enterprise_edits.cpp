#include "geo/scenario/enterprise_edits.h"

#include <algorithm>
#include <map>

namespace geo {

size_t incoming_enterprises(const Scenario& scenario)
{
    return static_cast<size_t>(
        std::count_if(scenario.edits.begin(), scenario.edits.end(), [](const Edit& e) { return std::holds_alternative<AddEnterprise>(e); }));
}

LoadedLayer apply_enterprise_edits(const LoadedLayer& firms, const Scenario& scenario, const Crs& working)
{
    if (incoming_enterprises(scenario) == 0) return firms;
    Layer out = *firms.data;
    // The column bound to each meaning, by position.
    auto column = [&](const char* meaning) -> Column* {
        const std::string* f = firms.fields.field_for(meaning);
        if (!f) return nullptr;
        for (Column& c : out.columns)
            if (c.name() == *f) return &c;
        return nullptr;
    };
    const Transformer from_wgs84(wgs84(), working);
    int64_t next_fid = 0;
    for (int64_t f : out.fids) next_fid = std::max(next_fid, f + 1);
    for (const Edit& e : scenario.edits) {
        const auto* add = std::get_if<AddEnterprise>(&e);
        if (!add) continue;
        Coord c{add->at.lon, add->at.lat};
        from_wgs84.transform(std::span<Coord>(&c, 1));
        if (out.geometry.kind() == GeomKind::Point) out.geometry.add_point(c);
        else {  // a polygon layer of plots: a small square stands for the new plot's position
            out.geometry.begin_feature(false);
            out.geometry.begin_part();
            const std::vector<Coord> ring = {{c.x - 1, c.y - 1}, {c.x + 1, c.y - 1}, {c.x + 1, c.y + 1}, {c.x - 1, c.y + 1}, {c.x - 1, c.y - 1}};
            out.geometry.add_ring(ring);
            out.geometry.end_feature();
        }
        out.fids.push_back(next_fid++);
        std::map<const Column*, bool> filled;
        auto text = [&](const char* meaning, const std::string& v) {
            if (Column* c = column(meaning); c && !filled[c]) {
                v.empty() ? c->push_null() : c->push_string(v);
                filled[c] = true;
            }
        };
        auto number = [&](const char* meaning, std::optional<double> v) {
            if (Column* c = column(meaning); c && !filled[c]) {
                v ? c->push_real(*v) : c->push_null();
                filled[c] = true;
            }
        };
        text("name", add->name);
        text("cluster", add->cluster);
        text("tier", add->tier);
        number("employees", add->employees);
        number("floor_area", add->floor_m2);
        number("land_area", add->land_m2);
        for (Column& c : out.columns)
            if (!filled[&c]) c.push_null();
    }
    LoadedLayer l = firms;
    l.data = std::make_shared<Layer>(std::move(out));
    return l;
}

}  // namespace geo
