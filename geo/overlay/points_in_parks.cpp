#include "geo/overlay/points_in_parks.h"

#include "geo/overlay/zone_assignment.h"

namespace geo {

PointsInParks points_in_parks(const LoadedProject& project, const GeometryColumn& points)
{
    PointsInParks out;
    const LoadedLayer* parks = project.first(Role::Parks);
    if (!parks) {
        out.park_of.assign(points.size(), -1);
        return out;
    }
    out.park_of = assign_to_zones(points, parks->data->geometry).zone_of;
    const std::string* pn = parks->fields.field_for("name");
    for (size_t p = 0; p < parks->data->size(); ++p) {
        const std::string nm = pn ? parks->data->column(*pn)->text(p) : "";
        out.park_name.push_back(nm.empty() ? "fid " + std::to_string(parks->data->fids[p]) : nm);
    }
    return out;
}

}  // namespace geo
