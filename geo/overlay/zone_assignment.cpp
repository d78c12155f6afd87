#include "geo/overlay/zone_assignment.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "geo/core/error.h"
#include "geo/core/polygon_locator.h"
#include "geo/core/rtree.h"

namespace geo {

ZoneAssignment assign_to_zones(const GeometryColumn& points, const GeometryColumn& zones,
                               const Progress& progress, unsigned threads)
{
    if (zones.kind() != GeomKind::Polygon && zones.size() > 0)
        throw Error("zones must be polygons, not " + std::string(to_string(zones.kind())) + "s");
    std::vector<PolygonLocator> locators;
    std::vector<Envelope> boxes;
    for (size_t z = 0; z < zones.size(); ++z) {
        locators.emplace_back(zones, z);
        boxes.push_back(locators.back().envelope());
    }
    const RTree tree(boxes);

    const size_t n = points.size();
    ZoneAssignment out;
    out.zone_of.assign(n, -1);
    out.count.assign(zones.size(), 0);
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, n / 50000)));

    std::atomic<int64_t> several{0};
    std::atomic<bool> stop{false};
    auto work = [&](size_t begin, size_t end, bool reports) {
        std::vector<uint32_t> candidates;
        int64_t local_several = 0;
        for (size_t i = begin; i < end; ++i) {
            if (reports && (i & 0xFFFF) == 0) {
                if (stop.load()) return;
                progress(static_cast<double>(i - begin) / static_cast<double>(end - begin), "assigning to zones");
            } else if ((i & 0xFFFF) == 0 && stop.load()) {
                return;
            }
            const Coord p = points.first_coord(i);
            candidates.clear();
            tree.query(p.x, p.y, candidates);
            if (candidates.size() > 1) std::sort(candidates.begin(), candidates.end());
            int hits = 0;
            for (uint32_t z : candidates) {
                if (!locators[z].contains(p.x, p.y)) continue;
                if (hits++ == 0) out.zone_of[i] = static_cast<int32_t>(z);
                else break;
            }
            if (hits > 1) ++local_several;
        }
        several += local_several;
    };
    if (threads <= 1) {
        work(0, n, true);
    } else {
        std::vector<std::thread> pool;
        const size_t chunk = (n + threads - 1) / threads;
        std::exception_ptr failure;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(work, std::min(n, t * chunk), std::min(n, (t + 1) * chunk), false);
        try {
            work(0, std::min(n, chunk), true);  // this thread reports progress and can be cancelled
        } catch (...) {
            stop = true;
            failure = std::current_exception();
        }
        for (auto& t : pool) t.join();
        if (failure) std::rethrow_exception(failure);
    }
    for (int32_t z : out.zone_of) {
        if (z < 0) ++out.outside;
        else ++out.count[static_cast<size_t>(z)];
    }
    out.in_several = several.load();
    return out;
}

}  // namespace geo
