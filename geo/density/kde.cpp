#include "geo/density/kde.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <thread>

#include "geo/core/error.h"

namespace geo {

namespace {

struct WeightedStats {
    double total = 0, mx = 0, my = 0;
};

WeightedStats mean_centre(std::span<const Coord> pts, std::span<const double> w)
{
    WeightedStats s;
    for (size_t i = 0; i < pts.size(); ++i) {
        const double wi = w.empty() ? 1.0 : w[i];
        s.total += wi;
        s.mx += wi * pts[i].x;
        s.my += wi * pts[i].y;
    }
    if (s.total > 0) {
        s.mx /= s.total;
        s.my /= s.total;
    }
    return s;
}

// Runs body(first_row, last_row) over row bands on several threads; the bands never share
// an output row, so results do not depend on the thread count.
template <class Body> void parallel_rows(size_t rows, unsigned threads, const Progress& progress, Body body)
{
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const size_t band = 16;
    std::atomic<size_t> next{0};
    std::atomic<bool> stop{false};
    auto worker = [&](bool reports) {
        while (!stop) {
            const size_t first = next.fetch_add(band);
            if (first >= rows) return;
            if (reports) progress(static_cast<double>(first) / static_cast<double>(rows), "kernel density");
            body(first, std::min(rows, first + band));
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, false);
    std::exception_ptr failure;
    try {
        worker(true);
    } catch (...) {
        stop = true;
        failure = std::current_exception();
    }
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

// Exact: for each output row, the points whose kernel reaches it (points sorted by y).
void exact(std::span<const Coord> pts, std::span<const double> w, const GridSpec& g, Kernel k, double h, double scale,
           std::vector<double>& out, const KdeOptions& o, const Progress& progress)
{
    const double reach = kernel_support(k) * h;
    std::vector<uint32_t> order(pts.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return pts[a].y > pts[b].y; });
    parallel_rows(g.rows, o.threads, progress, [&](size_t r0, size_t r1) {
        for (size_t r = r0; r < r1; ++r) {
            const double yc = g.centre(0, r).y;
            // Points with |y - yc| < reach: a binary search in the y-descending order.
            auto first = std::lower_bound(order.begin(), order.end(), yc + reach,
                                          [&](uint32_t i, double y) { return pts[i].y >= y; });
            double* row = out.data() + r * g.cols;
            for (auto it = first; it != order.end() && pts[*it].y > yc - reach; ++it) {
                const Coord p = pts[*it];
                const double wi = w.empty() ? 1.0 : w[*it];
                const double dy = p.y - yc;
                const double half = std::sqrt(std::max(0.0, reach * reach - dy * dy));
                const double c0 = std::ceil((p.x - half - g.x0) / g.cell - 0.5);
                const double c1 = std::floor((p.x + half - g.x0) / g.cell - 0.5);
                const size_t ca = static_cast<size_t>(std::max(0.0, c0));
                const double cb = std::min(static_cast<double>(g.cols) - 1, c1);
                for (size_t c = ca; static_cast<double>(c) <= cb; ++c) {
                    const double dx = p.x - (g.x0 + (static_cast<double>(c) + 0.5) * g.cell);
                    row[c] += wi * scale * kernel_profile(k, std::sqrt(dx * dx + dy * dy) / h);
                }
            }
        }
    });
}

// Binned: linear binning onto a grid padded by the footprint, then each output row gathers
// the footprint rows of the occupied cells around it. Accumulates in float32: each cell sums
// a fixed sequence of terms, so the result is still the same bit for bit on every run.
void binned(std::span<const Coord> pts, std::span<const double> w, const GridSpec& g, Kernel k, double h, double scale,
            std::vector<float>& out, const KdeOptions& o, const Progress& progress)
{
    const long R = static_cast<long>(std::ceil(kernel_support(k) * h / g.cell)) + 1;
    const long pc = static_cast<long>(g.cols) + 2 * R, pr = static_cast<long>(g.rows) + 2 * R;
    // Occupied padded cells, per padded row: (column, weight), columns ascending. The weights
    // are first summed on a dense padded grid (cheaper than sorting four entries per point).
    std::vector<std::vector<std::pair<long, float>>> rows(static_cast<size_t>(pr));
    {
        std::vector<float> dense(static_cast<size_t>(pc) * static_cast<size_t>(pr), 0.0f);
        for (size_t i = 0; i < pts.size(); ++i) {
            const double wi = w.empty() ? 1.0 : w[i];
            const double fx = (pts[i].x - g.x0) / g.cell - 0.5 + static_cast<double>(R);
            const double fy = (g.y_top - pts[i].y) / g.cell - 0.5 + static_cast<double>(R);
            if (!(fx > -1 && fy > -1 && fx < static_cast<double>(pc) && fy < static_cast<double>(pr))) continue;  // beyond any reach
            const double ix = std::floor(fx), iy = std::floor(fy);
            const double tx = fx - ix, ty = fy - iy;
            const long cx = static_cast<long>(ix), cy = static_cast<long>(iy);
            const double parts[4] = {(1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty};
            const long dxs[4] = {0, 1, 0, 1}, dys[4] = {0, 0, 1, 1};
            for (int q = 0; q < 4; ++q) {
                const long x = cx + dxs[q], y = cy + dys[q];
                if (x < 0 || y < 0 || x >= pc || y >= pr) continue;
                dense[static_cast<size_t>(y * pc + x)] += static_cast<float>(wi * parts[q]);
            }
        }
        for (long y = 0; y < pr; ++y) {
            const float* row = dense.data() + y * pc;
            for (long x = 0; x < pc; ++x)
                if (row[x] != 0.0f) rows[static_cast<size_t>(y)].emplace_back(x, row[x]);
        }
    }
    // The footprint, one row of (2R+1) values per dy, and the dx range where it is non-zero.
    const size_t width = static_cast<size_t>(2 * R + 1);
    std::vector<float> table(width * width);
    std::vector<long> half(width, -1);
    for (long dy = -R; dy <= R; ++dy)
        for (long dx = -R; dx <= R; ++dx) {
            const double v = scale * kernel_profile(k, std::hypot(static_cast<double>(dx), static_cast<double>(dy)) * g.cell / h);
            table[static_cast<size_t>((dy + R) * static_cast<long>(width) + dx + R)] = static_cast<float>(v);
            if (v != 0) half[static_cast<size_t>(dy + R)] = std::max(half[static_cast<size_t>(dy + R)], std::labs(dx));
        }
    parallel_rows(g.rows, o.threads, progress, [&](size_t r0, size_t r1) {
        for (size_t r = r0; r < r1; ++r) {
            float* row = out.data() + r * g.cols;
            for (long dy = -R; dy <= R; ++dy) {
                const long hx = half[static_cast<size_t>(dy + R)];
                if (hx < 0) continue;
                const long src_row = static_cast<long>(r) + R + dy;  // padded row of the source cells
                const float* t = table.data() + (dy + R) * static_cast<long>(width) + R;
                for (const auto& [pcx, wgt] : rows[static_cast<size_t>(src_row)]) {
                    const long col = pcx - R;  // source column in output coordinates
                    const long a = std::max(0L, col - hx), b = std::min(static_cast<long>(g.cols) - 1, col + hx);
                    // Output column c takes the footprint at dx = c - col (the kernel is symmetric).
                    const float* tc = t - col;
                    for (long c = a; c <= b; ++c) row[c] += wgt * tc[c];
                }
            }
        }
    });
}

}  // namespace

std::string_view to_string(BandwidthRule r)
{
    switch (r) {
    case BandwidthRule::Fixed: return "fixed";
    case BandwidthRule::Silverman: return "silverman";
    case BandwidthRule::Scott: return "scott";
    }
    return "?";
}

std::string_view to_string(KdeMethod m)
{
    switch (m) {
    case KdeMethod::Auto: return "auto";
    case KdeMethod::Binned: return "binned";
    case KdeMethod::Exact: return "exact";
    }
    return "?";
}

std::string KdeResult::units() const { return values == KdeValues::RawSum ? "kernel sum" : "weight per km²"; }

double silverman_bandwidth(std::span<const Coord> pts, std::span<const double> w)
{
    const WeightedStats s = mean_centre(pts, w);
    if (!(s.total > 0)) return 0;
    std::vector<std::pair<double, double>> dist;  // (distance, weight)
    double ss = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
        const double wi = w.empty() ? 1.0 : w[i];
        const double dx = pts[i].x - s.mx, dy = pts[i].y - s.my;
        ss += wi * (dx * dx + dy * dy);
        dist.emplace_back(std::sqrt(dx * dx + dy * dy), wi);
    }
    const double sd = std::sqrt(ss / s.total);
    std::sort(dist.begin(), dist.end());
    double cum = 0, dm = dist.back().first;
    for (const auto& [d, wi] : dist) {
        cum += wi;
        if (cum >= s.total / 2) {
            dm = d;
            break;
        }
    }
    return 0.9 * std::min(sd, std::sqrt(1 / std::log(2.0)) * dm) * std::pow(s.total, -0.2);
}

double scott_bandwidth(std::span<const Coord> pts, std::span<const double> w)
{
    const WeightedStats s = mean_centre(pts, w);
    if (!(s.total > 0)) return 0;
    double vx = 0, vy = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
        const double wi = w.empty() ? 1.0 : w[i];
        vx += wi * (pts[i].x - s.mx) * (pts[i].x - s.mx);
        vy += wi * (pts[i].y - s.my) * (pts[i].y - s.my);
    }
    return std::sqrt((vx + vy) / (2 * s.total)) * std::pow(s.total, -1.0 / 6.0);
}

KdeResult kernel_density(std::span<const Coord> pts, std::span<const double> w, const KdeOptions& o,
                         const Envelope& extent, bool grow_by_radius, const Progress& progress)
{
    if (pts.empty()) throw Error("no points to estimate a density from (is the selection empty?)");
    if (!w.empty() && w.size() != pts.size()) throw Error("weights and points differ in number");
    for (double wi : w)
        if (!std::isfinite(wi) || wi < 0) throw Error("weights must be finite and not negative");
    if (!(o.cell_m > 0) || !std::isfinite(o.cell_m)) throw Error("the cell size must be a positive number of metres");

    KdeResult r;
    r.kernel = o.kernel;
    r.rule = o.rule;
    r.values = o.values;
    r.points = pts.size();
    r.total_weight = w.empty() ? static_cast<double>(pts.size()) : std::accumulate(w.begin(), w.end(), 0.0);
    r.bandwidth_m = o.rule == BandwidthRule::Silverman ? silverman_bandwidth(pts, w)
                    : o.rule == BandwidthRule::Scott   ? scott_bandwidth(pts, w)
                                                       : o.radius_m;
    if (!(r.bandwidth_m > 0) || !std::isfinite(r.bandwidth_m))
        throw Error(o.rule == BandwidthRule::Fixed
                        ? "the radius must be a positive number of metres"
                        : "the bandwidth rule gave no usable bandwidth (all points at one place, or zero weight)");
    const double h = r.bandwidth_m;
    const GridSpec g = grid_covering(extent, o.cell_m, grow_by_radius ? kernel_support(o.kernel) * h : 0.0);
    if (g.cells() == 0) throw Error("the grid is empty (no extent)");
    if (g.cells() > o.max_cells) {
        char msg[256];
        std::snprintf(msg, sizeof msg,
                      "a grid of %zu x %zu cells (%.0f MB) is larger than allowed (%zu cells); use a larger cell size "
                      "or a smaller extent",
                      g.cols, g.rows, static_cast<double>(g.cells()) * 12 / 1e6, o.max_cells);
        throw Error(msg);
    }
    const double cells_per_bandwidth = h / o.cell_m * (o.kernel == Kernel::Gaussian ? 2.0 : 1.0);
    const bool binning_is_accurate = kernel_is_smooth(o.kernel) && cells_per_bandwidth >= 12;
    r.method = o.method != KdeMethod::Auto ? o.method : binning_is_accurate ? KdeMethod::Binned : KdeMethod::Exact;
    const double scale = o.values == KdeValues::RawSum ? 1.0 : kernel_normalisation(o.kernel, h) * 1e6;
    r.raster.grid = g;
    if (r.method == KdeMethod::Exact) {
        std::vector<double> sums(g.cells(), 0.0);  // the reference method sums in double
        exact(pts, w, g, o.kernel, h, scale, sums, o, progress);
        r.raster.values.assign(sums.begin(), sums.end());
    } else {
        r.raster.values.assign(g.cells(), 0.0f);
        binned(pts, w, g, o.kernel, h, scale, r.raster.values, o, progress);
    }
    progress(1.0, "kernel density");
    return r;
}

}  // namespace geo
