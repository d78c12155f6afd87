#include "geo/allocate/allocation_scenario.h"

#include <span>

#include "geo/core/error.h"

namespace geo {

Scenario allocation_scenario(const AllocationInput& in, const AllocationResult& r, const std::string& facility_type, const std::string& name,
                             const Crs& working)
{
    if (facility_type.empty())
        throw Error("a scenario of new facilities needs their type: set analysis.allocation.facility_type (or --facility-type), e.g. canteen");
    if (!in.has_places()) throw Error("an allocation from an imported cost table has no places to put into a scenario");
    const Transformer to_wgs84(working, wgs84());
    Scenario s{name, {}, Json::object()};
    s.extra["kind"] = "allocation";
    for (size_t k = 0; k < r.chosen.size(); ++k) {
        Coord c = in.candidate_xy[r.chosen[k]];
        to_wgs84.transform(std::span<Coord>(&c, 1));
        s.edits.push_back(AddFacility{name + "-" + std::to_string(k + 1), facility_type, {c.x, c.y}, std::nullopt});
    }
    return s;
}

}  // namespace geo
