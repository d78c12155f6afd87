#include "geo/core/measure.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include <geodesic.h>

namespace geo {

namespace {

constexpr double kMu = 10000.0 / 15.0;  // m² in a 亩

std::string grouped_int(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", std::round(v));
    std::string s = buf, out;
    const size_t start = s[0] == '-' ? 1 : 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i > start && (s.size() - i) % 3 == 0) out += ',';
        out += s[i];
    }
    return out;
}

}  // namespace

Measurement measure(std::span<const Coord> points, const Transformer& to_wgs84, bool closed)
{
    Measurement m;
    const size_t n = points.size();
    if (n < 2) return m;
    std::vector<Coord> ll(points.begin(), points.end());
    to_wgs84.transform(ll);
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    const size_t edges = closed ? n : n - 1;
    for (size_t i = 0; i < edges; ++i) {
        const Coord a = points[i], b = points[(i + 1) % n];
        m.length_m += std::hypot(b.x - a.x, b.y - a.y);
        double s12 = 0;
        geod_inverse(&g, ll[i].y, ll[i].x, ll[(i + 1) % n].y, ll[(i + 1) % n].x, &s12, nullptr, nullptr);
        m.geodesic_length_m += s12;
    }
    if (closed && n >= 3) {
        double twice = 0;
        for (size_t i = 0; i < n; ++i) twice += points[i].x * points[(i + 1) % n].y - points[(i + 1) % n].x * points[i].y;
        m.area_m2 = std::abs(twice) / 2;
        std::vector<double> lats(n), lons(n);
        for (size_t i = 0; i < n; ++i) {
            lats[i] = ll[i].y;
            lons[i] = ll[i].x;
        }
        double area = 0, perimeter = 0;
        geod_polygonarea(&g, lats.data(), lons.data(), static_cast<int>(n), &area, &perimeter);
        m.geodesic_area_m2 = std::abs(area);
    }
    return m;
}

std::string length_text(double metres)
{
    char buf[64];
    if (metres < 1000) std::snprintf(buf, sizeof buf, "%.0f m", metres);
    else std::snprintf(buf, sizeof buf, "%.2f km", metres / 1000);
    return buf;
}

std::string area_text(double m2)
{
    char ha[32], mu[32];
    std::snprintf(ha, sizeof ha, "%.2f", m2 / 10000);
    std::snprintf(mu, sizeof mu, "%.1f", m2 / kMu);
    return grouped_int(m2) + " m² · " + ha + " ha · " + mu + " 亩";
}

}  // namespace geo
