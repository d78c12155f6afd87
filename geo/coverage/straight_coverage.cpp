#include "geo/coverage/straight_coverage.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <limits>
#include <map>
#include <thread>

#include <geos_c.h>

#include "geo/core/geos_util.h"
#include "geo/core/point_index.h"
#include "geo/coverage/road_network.h"

namespace geo {

std::vector<std::vector<uint32_t>> facilities_by_type(const Column& type_column, const std::vector<FacilityType>& types,
                                                      std::vector<std::string>* warnings)
{
    std::vector<std::vector<uint32_t>> by_type(types.size());
    std::map<std::string, size_t> unknown;
    size_t empty = 0;
    for (uint32_t i = 0; i < type_column.size(); ++i) {
        const std::string value = type_column.text(i);
        if (value.empty()) {
            ++empty;
            continue;
        }
        const FacilityType* t = find_facility_type(types, value);
        if (!t) {
            ++unknown[value];
            continue;
        }
        by_type[static_cast<size_t>(t - types.data())].push_back(i);
    }
    if (warnings) {
        for (const auto& [value, n] : unknown)
            warnings->push_back("facility type '" + value + "' (" + std::to_string(n) +
                                " facilities) has no service radius in the table; left out");
        if (empty > 0) warnings->push_back(std::to_string(empty) + " facilities have no type; left out");
    }
    return by_type;
}

CoverageResult straight_line_coverage(const GeometryColumn& enterprises, const Layer& facilities, const Column& facility_type,
                                      const std::vector<FacilityType>& types, const Progress& progress, bool keep_nearest)
{
    CoverageResult out;
    out.warnings = straight_line_coverage_each(enterprises, facilities, facility_type, types, progress, keep_nearest,
                                               [&](TypeCoverage&& tc) { out.types.push_back(std::move(tc)); });
    return out;
}

std::vector<std::string> straight_line_coverage_each(const GeometryColumn& enterprises, const Layer& facilities, const Column& facility_type,
                                                     const std::vector<FacilityType>& types, const Progress& progress, bool keep_nearest,
                                                     const std::function<void(TypeCoverage&&)>& take)
{
    std::vector<std::string> warnings;
    const auto by_type = facilities_by_type(facility_type, types, &warnings);
    const size_t n = enterprises.size();
    // Enterprises ordered by 1 km cell (rows of cells, snake order), for warm-started queries.
    std::vector<uint32_t> order(n);
    {
        std::vector<uint64_t> key(n);
        const Envelope box = enterprises.envelope();
        for (size_t e = 0; e < n; ++e) {
            const Coord c = enterprises.first_coord(e);
            const uint64_t row = static_cast<uint64_t>(std::max(0.0, (c.y - box.min_y) / 1000.0));
            uint64_t col = static_cast<uint64_t>(std::max(0.0, (c.x - box.min_x) / 1000.0));
            if (row & 1) col = 0xFFFFFFull - col;
            key[e] = (row << 24) | (col & 0xFFFFFFull);
        }
        for (uint32_t e = 0; e < n; ++e) order[e] = e;
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return key[a] < key[b]; });
    }
    std::vector<Coord> query(n);  // the enterprises in that order, contiguous
    for (size_t k = 0; k < n; ++k) query[k] = enterprises.first_coord(order[k]);
    for (size_t t = 0; t < types.size(); ++t) {
        progress(static_cast<double>(t) / static_cast<double>(types.size()), "nearest " + types[t].code);
        TypeCoverage tc;
        tc.type = types[t];
        tc.facilities = by_type[t].size();
        std::vector<Coord> pts;
        for (uint32_t i : by_type[t]) pts.push_back(facilities.geometry.first_coord(i));
        const PointIndex index(pts);
        tc.distance.assign(n, std::numeric_limits<double>::infinity());
        if (keep_nearest) tc.nearest.assign(n, -1);
        // Queries in spatial order, each starting from the previous answer: neighbours share
        // their nearest facility most of the time, and the search then prunes almost everything.
        auto work = [&](size_t begin, size_t end) {
            std::optional<uint32_t> hint;
            for (size_t k = begin; k < end; ++k) {
                const uint32_t e = order[k];
                if (auto hit = index.nearest(query[k], hint)) {
                    tc.distance[e] = hit->distance;
                    if (keep_nearest) tc.nearest[e] = facilities.fids[by_type[t][hit->index]];
                    hint = hit->index;
                }
            }
        };
        const unsigned threads = std::max(1u, std::min(std::thread::hardware_concurrency(), static_cast<unsigned>(n / 20000 + 1)));
        std::vector<std::thread> pool;
        const size_t chunk = (n + threads - 1) / threads;
        for (unsigned k = 1; k < threads; ++k) pool.emplace_back(work, std::min(n, k * chunk), std::min(n, (k + 1) * chunk));
        work(0, std::min(n, chunk));
        for (auto& th : pool) th.join();
        take(std::move(tc));
    }
    progress(1.0, "coverage");
    return warnings;
}

double within_cutoff(double network_distance, double cutoff)
{
    // The search stops at the cutoff, so a longer distance may have missed a shorter path.
    return network_distance <= cutoff ? network_distance : std::numeric_limits<double>::infinity();
}

NetworkCoverage network_coverage(const GeometryColumn& enterprises, const Layer& facilities, const Column& facility_type,
                                 const std::vector<FacilityType>& types, const RoadNetwork& network, double attach_limit_m,
                                 const Progress& progress)
{
    NetworkCoverage out;
    out.components = network.components();
    const auto by_type = facilities_by_type(facility_type, types, nullptr);
    const size_t n = enterprises.size();
    std::vector<std::optional<RoadNetwork::Attachment>> attached(n);
    out.attach_m.assign(n, std::numeric_limits<double>::quiet_NaN());
    auto work = [&](size_t begin, size_t end) {
        for (size_t e = begin; e < end; ++e) attached[e] = network.attach(enterprises.first_coord(e), attach_limit_m);
    };
    const unsigned threads = std::max(1u, std::min(std::thread::hardware_concurrency(), static_cast<unsigned>(n / 20000 + 1)));
    std::vector<std::thread> pool;
    const size_t chunk = (n + threads - 1) / threads;
    for (unsigned k = 1; k < threads; ++k) pool.emplace_back(work, std::min(n, k * chunk), std::min(n, (k + 1) * chunk));
    progress(0.0, "attaching enterprises to the roads");
    work(0, std::min(n, chunk));
    for (auto& th : pool) th.join();
    for (size_t e = 0; e < n; ++e) {
        if (attached[e]) out.attach_m[e] = attached[e]->distance;
        else ++out.unattached_enterprises;
    }
    for (size_t t = 0; t < types.size(); ++t) {
        progress(0.5 + 0.5 * static_cast<double>(t) / static_cast<double>(types.size()), "network distances " + types[t].code);
        std::vector<RoadNetwork::Attachment> sources;
        for (uint32_t i : by_type[t]) {
            if (auto a = network.attach(facilities.geometry.first_coord(i), attach_limit_m)) sources.push_back(*a);
            else ++out.unattached_facilities;
        }
        const double cutoff = types[t].radii_m.empty() ? 0 : types[t].radii_m.back();
        const std::vector<double> nodes = network.distances_from(sources, cutoff);
        const std::vector<uint8_t> on_segment = network.sources_on_segments(sources);
        std::vector<double> d(n, std::numeric_limits<double>::infinity());
        for (size_t e = 0; e < n; ++e)
            if (attached[e]) d[e] = within_cutoff(network.distance_to(*attached[e], nodes, sources, on_segment), cutoff);
        out.distance.push_back(std::move(d));
    }
    progress(1.0, "network coverage");
    return out;
}

std::vector<CoverageRow> coverage_summary(const CoverageResult& result, const std::vector<int32_t>& group_of,
                                          const std::vector<std::string>& group_names, const Column* employees)
{
    std::vector<CoverageRow> rows;
    for (size_t g = 0; g < group_names.size(); ++g)
        for (const TypeCoverage& tc : result.types)
            for (double r : tc.type.radii_m) rows.push_back({group_names[g], tc.type.code, r, 0, 0, 0, 0});
    size_t per_group = 0;
    for (const TypeCoverage& tc : result.types) per_group += tc.type.radii_m.size();
    for (size_t e = 0; e < group_of.size(); ++e) {
        if (group_of[e] < 0) continue;
        const double jobs = employees ? employees->number(e).value_or(0.0) : 0.0;
        size_t row = static_cast<size_t>(group_of[e]) * per_group;
        for (const TypeCoverage& tc : result.types)
            for (double r : tc.type.radii_m) {
                CoverageRow& c = rows[row++];
                ++c.enterprises;
                c.employees += jobs;
                if (tc.distance[e] <= r) {
                    ++c.covered;
                    c.employees_covered += jobs;
                }
            }
    }
    return rows;
}

Layer service_areas(const Layer& facilities, const Column& facility_type, const std::vector<FacilityType>& types)
{
    const auto by_type = facilities_by_type(facility_type, types, nullptr);
    GeosContext ctx;
    GEOSContextHandle_t h = ctx.handle();
    Layer out;
    out.name = "service_areas";
    out.geometry = GeometryColumn(GeomKind::Polygon);
    out.columns = {Column("type", FieldType::String), Column("type_zh", FieldType::String), Column("radius_m", FieldType::Real),
                   Column("facilities", FieldType::Integer), Column("area_km2", FieldType::Real)};
    for (size_t t = 0; t < types.size(); ++t) {
        if (by_type[t].empty()) continue;
        for (double r : types[t].radii_m) {
            std::vector<GEOSGeometry*> discs;
            for (uint32_t i : by_type[t]) {
                const Coord c = facilities.geometry.first_coord(i);
                GeosGeom p(GEOSGeom_createPointFromXY_r(h, c.x, c.y), GeosGeomDeleter{h});
                discs.push_back(GEOSBuffer_r(h, p.get(), r, 16));
            }
            GeosGeom all(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, discs.data(), static_cast<unsigned>(discs.size())),
                         GeosGeomDeleter{h});
            GeosGeom merged(GEOSUnaryUnion_r(h, all.get()), GeosGeomDeleter{h});
            if (!merged || !append_from_geos(ctx, merged.get(), out.geometry)) continue;
            out.fids.push_back(static_cast<int64_t>(out.fids.size()));
            out.columns[0].push_string(types[t].code);
            out.columns[1].push_string(types[t].name_zh);
            out.columns[2].push_real(r);
            out.columns[3].push_integer(static_cast<int64_t>(by_type[t].size()));
            out.columns[4].push_real(polygon_area(out.geometry, out.size() - 1) / 1e6);
        }
    }
    return out;
}

}  // namespace geo
