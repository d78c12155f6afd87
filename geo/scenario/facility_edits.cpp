#include "geo/scenario/facility_edits.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "geo/core/error.h"

namespace geo {

namespace {

Coord to_working(const Transformer& t, LonLat p)
{
    Coord c{p.lon, p.lat};
    t.transform(std::span<Coord>(&c, 1));
    return c;
}

}  // namespace

Layer apply_facility_edits(const Layer& facilities, const std::string& layer_id, const std::string& type_field,
                           const std::string& capacity_field, const Scenario& scenario, const Crs& working)
{
    // Working rows: position, fid, type, capacity; removal marks them dead.
    struct Row {
        Coord at;
        int64_t fid;
        size_t source;  // row of `facilities`, or SIZE_MAX for an added one
        std::string type;
        double capacity;
        bool alive = true;
    };
    std::vector<Row> rows;
    std::map<int64_t, size_t> by_fid;
    std::map<std::string, size_t> by_added;
    const Column* types = facilities.column(type_field);
    const Column* caps = capacity_field.empty() ? nullptr : facilities.column(capacity_field);
    int64_t next_fid = 0;
    for (size_t i = 0; i < facilities.size(); ++i) {
        by_fid[facilities.fids[i]] = rows.size();
        rows.push_back({facilities.geometry.first_coord(i), facilities.fids[i], i, types ? types->text(i) : "",
                        caps ? caps->number(i).value_or(std::nan("")) : std::nan("")});
        next_fid = std::max(next_fid, facilities.fids[i] + 1);
    }
    const Transformer from_wgs84(wgs84(), working);
    auto where = [&](size_t k, const Edit& e) {
        return "scenario '" + scenario.name + "', edit " + std::to_string(k + 1) + " (" + std::string(type_name(e)) + ")";
    };
    auto find = [&](size_t k, const Edit& e, const FacilityRef& ref) -> Row& {
        if (!ref.added.empty()) {
            auto it = by_added.find(ref.added);
            if (it == by_added.end()) throw Error(where(k, e) + ": no earlier add_facility has the id '" + ref.added + "'");
            return rows[it->second];
        }
        if (ref.layer != layer_id)
            throw Error(where(k, e) + ": names the layer '" + ref.layer + "', not the facilities layer '" + layer_id + "'");
        auto it = by_fid.find(ref.fid);
        if (it == by_fid.end() || !rows[it->second].alive)
            throw Error(where(k, e) + ": the layer '" + layer_id + "' has no facility with fid " + std::to_string(ref.fid));
        return rows[it->second];
    };
    for (size_t k = 0; k < scenario.edits.size(); ++k) {
        const Edit& e = scenario.edits[k];
        if (const auto* add = std::get_if<AddFacility>(&e)) {
            if (!add->id.empty()) {
                if (by_added.count(add->id)) throw Error(where(k, e) + ": a second facility with the id '" + add->id + "'");
                by_added[add->id] = rows.size();
            }
            rows.push_back({to_working(from_wgs84, add->at), next_fid++, SIZE_MAX, add->facility_type, add->capacity.value_or(std::nan(""))});
        } else if (const auto* move = std::get_if<MoveFacility>(&e)) {
            find(k, e, move->facility).at = to_working(from_wgs84, move->to);
        } else if (const auto* remove = std::get_if<RemoveFacility>(&e)) {
            find(k, e, remove->facility).alive = false;
        } else if (std::holds_alternative<LegacyCoverageEdit>(e)) {
            throw Error(where(k, e) + ": an edit in the old index-based form; open and save the project in parkcap-gui to upgrade it");
        }
    }
    Layer out;
    out.name = facilities.name;
    out.source = facilities.source;
    out.driver = facilities.driver;
    out.source_crs = facilities.source_crs;
    out.geometry = GeometryColumn(GeomKind::Point);
    for (const Column& c : facilities.columns) out.columns.emplace_back(c.name(), c.type());
    const size_t type_col = types ? static_cast<size_t>(types - facilities.columns.data()) : SIZE_MAX;
    const size_t cap_col = caps ? static_cast<size_t>(caps - facilities.columns.data()) : SIZE_MAX;
    for (const Row& r : rows) {
        if (!r.alive) continue;
        out.geometry.add_point(r.at);
        out.fids.push_back(r.fid);
        for (size_t c = 0; c < out.columns.size(); ++c) {
            if (r.source != SIZE_MAX) out.columns[c].push_from(facilities.columns[c], r.source);
            else if (c == type_col) out.columns[c].push_string(r.type);
            else if (c == cap_col && !std::isnan(r.capacity)) out.columns[c].push_real(r.capacity);
            else out.columns[c].push_null();
        }
    }
    return out;
}

size_t upgrade_legacy_edits(Scenario& scenario, const LoadedLayer& facilities, const std::vector<FacilityType>& types, const Crs& working)
{
    const Transformer to_wgs84(working, wgs84());
    auto lonlat = [&](double x, double y) {
        Coord c{x, y};
        to_wgs84.transform(std::span<Coord>(&c, 1));
        return LonLat{c.x, c.y};
    };
    const size_t base = facilities.data->size();
    auto ref = [&](uint32_t index) {
        FacilityRef r;
        if (index < base) {
            r.layer = facilities.config.id;
            r.fid = facilities.data->fids[index];
        } else {
            r.added = "added-" + std::to_string(index);
        }
        return r;
    };
    size_t upgraded = 0;
    for (Edit& e : scenario.edits) {
        const auto* legacy = std::get_if<LegacyCoverageEdit>(&e);
        if (!legacy) continue;
        const Json& j = legacy->raw;
        const std::string op = j.value("op", "");
        const uint32_t index = j.value("facility", 0u);
        const LonLat to = lonlat(j.value("x", 0.0), j.value("y", 0.0));
        if (op == "add") {
            const int type = j.value("type", -1);
            if (type < 0 || static_cast<size_t>(type) >= types.size())
                throw Error("scenario '" + scenario.name + "': an old what-if edit names facility type " + std::to_string(type) +
                            ", which the service-radius table does not have");
            e = AddFacility{"added-" + std::to_string(index), types[static_cast<size_t>(type)].code, to, std::nullopt};
        } else if (op == "move") {
            e = MoveFacility{ref(index), to};
        } else if (op == "remove") {
            e = RemoveFacility{ref(index)};
        } else {
            throw Error("scenario '" + scenario.name + "': an old what-if edit with the unknown op '" + op + "'");
        }
        ++upgraded;
    }
    return upgraded;
}

}  // namespace geo
