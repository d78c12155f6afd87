#pragma once
// Axis-aligned bounding box in one CRS. An empty envelope has min > max.
#include <algorithm>
#include <limits>

namespace geo {

struct Coord {
    double x = 0;
    double y = 0;
    friend bool operator==(const Coord&, const Coord&) = default;
};

struct Envelope {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_x > max_x || min_y > max_y; }
    void expand(double x, double y)
    {
        min_x = std::min(min_x, x); max_x = std::max(max_x, x);
        min_y = std::min(min_y, y); max_y = std::max(max_y, y);
    }
    void expand(const Envelope& o)
    {
        if (o.empty()) return;
        expand(o.min_x, o.min_y);
        expand(o.max_x, o.max_y);
    }
    bool contains(double x, double y) const
    {
        return x >= min_x && x <= max_x && y >= min_y && y <= max_y;
    }
    bool intersects(const Envelope& o) const
    {
        return !(o.min_x > max_x || o.max_x < min_x || o.min_y > max_y || o.max_y < min_y);
    }
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    Coord centre() const { return {(min_x + max_x) / 2, (min_y + max_y) / 2}; }
};

}  // namespace geo
