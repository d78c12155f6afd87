#include "geo/io/web_map_coords.h"

#include <cmath>
#include <string>

#include "geo/core/error.h"
#include "geo/io/crs.h"

namespace geo {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kA = 6378245.0;
constexpr double kEE = 0.00669342162296594323;
constexpr double kXPi = kPi * 3000.0 / 180.0;

double shift_lat(double x, double y)
{
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * kPi) + 320 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return r;
}

double shift_lon(double x, double y)
{
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return r;
}

}  // namespace

WebMapCoords parse_web_map_coords(std::string_view text)
{
    std::string t;
    for (char ch : text)
        if (ch != '-' && ch != '_' && ch != ' ')
            t += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (t == "wgs84" || t.empty()) return WebMapCoords::Wgs84;
    if (t == "gcj02") return WebMapCoords::Gcj02;
    if (t == "bd09" || t == "bd09ll") return WebMapCoords::Bd09;
    throw Error("unknown coordinate system '" + std::string(text) +
                "' (expected wgs84, gcj02 or bd09)");
}

std::string_view to_string(WebMapCoords c)
{
    switch (c) {
    case WebMapCoords::Wgs84: return "wgs84";
    case WebMapCoords::Gcj02: return "gcj02";
    case WebMapCoords::Bd09: return "bd09";
    }
    return "?";
}

Coord wgs84_to_gcj02(Coord p)
{
    if (!in_china_box(p.x, p.y)) return p;
    double dlat = shift_lat(p.x - 105.0, p.y - 35.0);
    double dlon = shift_lon(p.x - 105.0, p.y - 35.0);
    const double radlat = p.y / 180.0 * kPi;
    double magic = std::sin(radlat);
    magic = 1 - kEE * magic * magic;
    const double sqrtmagic = std::sqrt(magic);
    dlat = (dlat * 180.0) / ((kA * (1 - kEE)) / (magic * sqrtmagic) * kPi);
    dlon = (dlon * 180.0) / (kA / sqrtmagic * std::cos(radlat) * kPi);
    return {p.x + dlon, p.y + dlat};
}

Coord gcj02_to_wgs84(Coord g)
{
    if (!in_china_box(g.x, g.y)) return g;
    // Fixed-point iteration: w <- w - (f(w) - g). The shift is smooth and small, so this
    // converges to ~1e-12 degrees in a handful of steps.
    Coord w = g;
    for (int i = 0; i < 30; ++i) {
        const Coord f = wgs84_to_gcj02(w);
        const double ex = f.x - g.x, ey = f.y - g.y;
        w.x -= ex;
        w.y -= ey;
        if (std::abs(ex) < 1e-12 && std::abs(ey) < 1e-12) break;
    }
    return w;
}

Coord gcj02_to_bd09(Coord p)
{
    const double z = std::sqrt(p.x * p.x + p.y * p.y) + 0.00002 * std::sin(p.y * kXPi);
    const double theta = std::atan2(p.y, p.x) + 0.000003 * std::cos(p.x * kXPi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

Coord bd09_to_gcj02(Coord b)
{
    // The published closed-form inverse is only approximate (~1e-6°); refine by iteration.
    const double x = b.x - 0.0065, y = b.y - 0.006;
    const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kXPi);
    const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kXPi);
    Coord g{z * std::cos(theta), z * std::sin(theta)};
    for (int i = 0; i < 10; ++i) {
        const Coord f = gcj02_to_bd09(g);
        g.x -= f.x - b.x;
        g.y -= f.y - b.y;
    }
    return g;
}

Coord to_wgs84(WebMapCoords from, Coord p)
{
    switch (from) {
    case WebMapCoords::Wgs84: return p;
    case WebMapCoords::Gcj02: return gcj02_to_wgs84(p);
    case WebMapCoords::Bd09: return in_china_box(p.x, p.y) ? gcj02_to_wgs84(bd09_to_gcj02(p)) : p;
    }
    return p;
}

}  // namespace geo
