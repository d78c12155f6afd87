// The in-memory recompute time a live preview sees: points loaded once, then
// kernel_density alone, median of several runs.
//   bench_kde_recompute POINTS_FILE WEIGHT_FIELD [RADIUS CELL] [--limit N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "geo/core/error.h"
#include "geo/density/kde.h"
#include "geo/io/layer_reader.h"

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_kde_recompute POINTS WEIGHT_FIELD [RADIUS CELL] [--limit N]\n");
        return 2;
    }
    try {
        const double radius = argc > 4 && argv[3][0] != '-' ? std::atof(argv[3]) : 1000;
        const double cell = argc > 4 && argv[4][0] != '-' ? std::atof(argv[4]) : 50;
        size_t limit = 0;
        for (int i = 1; i + 1 < argc; ++i)
            if (!std::strcmp(argv[i], "--limit")) limit = static_cast<size_t>(std::atoll(argv[i + 1]));
        geo::LayerSource src;
        src.path = argv[1];
        const geo::Layer layer = geo::read_layer(src, geo::parse_crs("EPSG:4545"));
        const geo::Column* w = layer.column(argv[2]);
        if (!w) throw geo::Error(std::string("no field ") + argv[2]);
        std::vector<geo::Coord> pts;
        std::vector<double> ws;
        for (size_t i = 0; i < layer.size() && (limit == 0 || pts.size() < limit); ++i) {
            pts.push_back(layer.geometry.first_coord(i));
            ws.push_back(w->number(i).value_or(0));
        }
        geo::Envelope e;
        for (const auto& p : pts) e.expand(p.x, p.y);
        geo::KdeOptions o;
        o.radius_m = radius;
        o.cell_m = cell;
        std::vector<double> ms;
        geo::KdeResult r;
        for (int run = 0; run < 5; ++run) {
            const auto t0 = std::chrono::steady_clock::now();
            r = geo::kernel_density(pts, ws, o, e, true);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        std::sort(ms.begin(), ms.end());
        std::printf("points %zu grid %zux%zu method %s recompute median %.0f ms (min %.0f, max %.0f)\n", pts.size(),
                    r.raster.grid.cols, r.raster.grid.rows, std::string(geo::to_string(r.method)).c_str(), ms[2], ms[0], ms[4]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
