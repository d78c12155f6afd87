// The time to update coverage after moving one facility (what the GUI's what-if waits for),
// at a given number of enterprises: median over 50 random moves.
//   bench_coverage_update ENTERPRISES FACILITIES TYPE_FIELD RADII.csv [LIMIT [ROADS]]
// With ROADS, the same moves are timed for road-network coverage too.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "geo/core/error.h"
#include "geo/coverage/coverage_state.h"
#include "geo/coverage/network_state.h"
#include "geo/io/layer_reader.h"
#include "geo/synth/random.h"

int main(int argc, char** argv)
{
    if (argc < 5) {
        std::fprintf(stderr, "usage: bench_coverage_update ENTERPRISES FACILITIES TYPE_FIELD RADII.csv [LIMIT [ROADS]]\n");
        return 2;
    }
    try {
        const geo::Crs crs = geo::parse_crs("EPSG:4545");
        geo::LayerSource e, f;
        e.path = argv[1];
        e.only_fields = std::vector<std::string>{};
        f.path = argv[2];
        const geo::Layer firms = geo::read_layer(e, crs), fac = geo::read_layer(f, crs);
        const auto types = geo::read_service_radii(argv[4]);
        const size_t limit = argc > 5 ? static_cast<size_t>(std::atoll(argv[5])) : firms.size();
        std::vector<geo::Coord> pts, fpts;
        for (size_t i = 0; i < std::min(limit, firms.size()); ++i) pts.push_back(firms.geometry.first_coord(i));
        std::vector<int32_t> type_of;
        const geo::Column* type = fac.column(argv[3]);
        for (size_t i = 0; i < fac.size(); ++i) {
            fpts.push_back(fac.geometry.first_coord(i));
            const auto* t = geo::find_facility_type(types, type->text(i));
            type_of.push_back(t ? static_cast<int32_t>(t - types.data()) : -1);
        }
        geo::CoverageState state(pts, types, fpts, type_of);
        geo::Random rng(3);
        std::vector<double> ms;
        size_t changed = 0;
        for (int i = 0; i < 50; ++i) {
            const uint32_t id = static_cast<uint32_t>(rng.integer(0, static_cast<int>(fpts.size()) - 1));
            const geo::Coord to{fpts[id].x + rng.normal() * 500, fpts[id].y + rng.normal() * 500};
            const auto t0 = std::chrono::steady_clock::now();
            changed += state.move(id, to);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        std::sort(ms.begin(), ms.end());
        std::printf("enterprises %zu: one facility moved, coverage updated in median %.2f ms (p95 %.2f, max %.2f); "
                    "%.0f enterprises changed on average\n",
                    pts.size(), ms[25], ms[47], ms[49], static_cast<double>(changed) / 50);
        if (argc > 6) {
            geo::LayerSource r;
            r.path = argv[6];
            const geo::Layer roads = geo::read_layer(r, crs);
            const geo::RoadNetwork network(roads.geometry);
            geo::NetworkCoverageState net(network, pts, types, fpts, type_of, 500);
            geo::Random rng2(3);
            std::vector<double> nms;
            for (int i = 0; i < 20; ++i) {
                const uint32_t id = static_cast<uint32_t>(rng2.integer(0, static_cast<int>(fpts.size()) - 1));
                const geo::Coord to{fpts[id].x + rng2.normal() * 500, fpts[id].y + rng2.normal() * 500};
                const auto t0 = std::chrono::steady_clock::now();
                net.move(id, to);
                nms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            }
            std::sort(nms.begin(), nms.end());
            std::printf("enterprises %zu, by road (%zu segments): one facility moved, updated in median %.1f ms (max %.1f)\n",
                        pts.size(), network.segments(), nms[10], nms[19]);
        }
    } catch (const std::exception& ex) {
        std::fprintf(stderr, "error: %s\n", ex.what());
        return 1;
    }
    return 0;
}
