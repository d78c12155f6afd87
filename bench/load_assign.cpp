// parkcap's side: read the parks and the enterprises into memory in the working CRS (the
// engine's full reader: types, UTF-8 checks, transformation) and assign every enterprise to
// its park. Prints the in-process time of each step.
#include <chrono>
#include <cstdio>

#include "geo/core/error.h"
#include "geo/io/layer_reader.h"
#include "geo/overlay/zone_assignment.h"

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_load_assign PARKS ENTERPRISES [EPSG]\n");
        return 2;
    }
    try {
        using clock = std::chrono::steady_clock;
        const auto t0 = clock::now();
        const geo::Crs working = geo::parse_crs(argc > 3 ? argv[3] : "EPSG:4545");
        geo::LayerSource parks_src, firms_src;
        parks_src.path = argv[1];
        firms_src.path = argv[2];
        const geo::Layer parks = geo::read_layer(parks_src, working);
        const geo::Layer firms = geo::read_layer(firms_src, working);
        const auto t1 = clock::now();
        const geo::ZoneAssignment a = geo::assign_to_zones(firms.geometry, parks.geometry);
        const auto t2 = clock::now();
        std::printf("features %zu outside %lld read %.3f assign %.3f seconds %.3f memory_mb %.1f\n", firms.size(),
                    static_cast<long long>(a.outside), std::chrono::duration<double>(t1 - t0).count(),
                    std::chrono::duration<double>(t2 - t1).count(), std::chrono::duration<double>(t2 - t0).count(),
                    static_cast<double>(firms.memory_bytes()) / 1e6);
    } catch (const geo::Error& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
