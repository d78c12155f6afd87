// The in-memory time of straight-line coverage: layers loaded once, then the nearest facility
// of each type for every enterprise, median of 5 runs.
//   bench_coverage_inmemory ENTERPRISES FACILITIES TYPE_FIELD RADII.csv
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "geo/core/error.h"
#include "geo/coverage/straight_coverage.h"
#include "geo/io/layer_reader.h"

int main(int argc, char** argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: bench_coverage_inmemory ENTERPRISES FACILITIES TYPE_FIELD RADII.csv\n");
        return 2;
    }
    try {
        const geo::Crs crs = geo::parse_crs("EPSG:4545");
        geo::LayerSource e, f;
        e.path = argv[1];
        e.only_fields = std::vector<std::string>{};
        f.path = argv[2];
        const geo::Layer firms = geo::read_layer(e, crs), fac = geo::read_layer(f, crs);
        const geo::Column* type = fac.column(argv[3]);
        if (!type) throw geo::Error(std::string("no field ") + argv[3]);
        const auto radii = geo::read_service_radii(argv[4]);
        std::vector<double> ms;
        size_t covered = 0;
        for (int run = 0; run < 5; ++run) {
            const auto t0 = std::chrono::steady_clock::now();
            const auto r = geo::straight_line_coverage(firms.geometry, fac, *type, radii);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            covered = 0;
            for (size_t i = 0; i < firms.size(); ++i) {
                bool any = false;
                for (const auto& t : r.types) any = any || t.distance[i] <= t.type.radii_m.front();
                covered += any;
            }
        }
        std::sort(ms.begin(), ms.end());
        std::printf("enterprises %zu facilities %zu: nearest per type + coverage median %.0f ms; within 500 m of any: %zu\n",
                    firms.size(), fac.size(), ms[2], covered);
    } catch (const std::exception& ex) {
        std::fprintf(stderr, "error: %s\n", ex.what());
        return 1;
    }
    return 0;
}
