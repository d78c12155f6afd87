#pragma once
// Scenario edits as typed values with stable identity, kept in the project under "scenarios"
// ({"name": ..., "edits": [{"type": ..., ...}]}) and applied the same way by every analysis:
// the capacity model, `parkcap coverage --scenario`, and the coverage panel's what-if.
//
//   raise_far         {"park": P, "far": F} (the park and its sites below F) or {"sites": [S...], "far": F}
//   redevelop         {"park": P, "far": F (optional: the park's FAR)}: under-used plots rebuilt to F
//   standard_factory  {"site": S, "storeys": N, "footprint_m2": A, "beds": B (optional)}
//   add_facility      {"id": "new-1" (optional), "facility_type": T, "lon": X, "lat": Y, "capacity": C (optional)}
//   move_facility     {"facility": {"layer": L, "fid": N} or {"added": "new-1"}, "lon": X, "lat": Y}
//   remove_facility   {"facility": {"layer": L, "fid": N} or {"added": "new-1"}}
//   extend_boundary   {"park": P, "ring": [[lon, lat], ...]}
//   upgrade_capacity  {"park": P, "factor": F, "add": A} or {..., "set": V}
//   add_enterprise    {"id": "in-1" (optional), "name": N, "cluster": C, "tier": T (optional), "lon": X, "lat": Y,
//                      "employees": E, "floor_m2": F, "land_m2": A (optional), "site": S (optional)}: an incoming
//                      enterprise (growth); with a site it takes that vacant site (its land unless land_m2 is given)
//   redevelop_plots   {"layer": L, "fids": [N, ...], "far": F (optional: the park's FAR)}: these enterprise plots,
//                      marked for redevelopment, rebuilt to F whether under-used or not
//
// P is a park's name or code, S a site's name, T a facility type's code (or Chinese name), L
// a layer id of the project, N a feature id of that layer; places are WGS 84 longitude and
// latitude. Never an index into a list or working-CRS coordinates, so an edit means the same
// after the layers are reordered or the working CRS changes.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "geo/core/geometry.h"
#include "geo/project/project.h"

namespace geo {

// A facility of a layer by its feature id, or one added by an earlier edit of the scenario.
struct FacilityRef {
    std::string layer;
    int64_t fid = -1;
    std::string added;  // the add_facility edit's id; when set, layer and fid are unused
    friend bool operator==(const FacilityRef&, const FacilityRef&) = default;
};

struct LonLat {
    double lon = 0, lat = 0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

struct RaiseFar {
    std::string park;                 // or
    std::vector<std::string> sites;   // these sites only
    double far = 0;
    friend bool operator==(const RaiseFar&, const RaiseFar&) = default;
};
struct Redevelop {
    std::string park;
    std::optional<double> far;
    friend bool operator==(const Redevelop&, const Redevelop&) = default;
};
struct StandardFactory {
    std::string site;
    double storeys = 0, footprint_m2 = 0, beds = 0;
    friend bool operator==(const StandardFactory&, const StandardFactory&) = default;
};
struct AddFacility {
    std::string id;             // for later edits to name it ("new-1"); may be empty
    std::string facility_type;  // a type code of the service-radius table (or its Chinese name)
    LonLat at;
    std::optional<double> capacity;  // beds for a dormitory, seats...
    friend bool operator==(const AddFacility&, const AddFacility&) = default;
};
struct MoveFacility {
    FacilityRef facility;
    LonLat to;
    friend bool operator==(const MoveFacility&, const MoveFacility&) = default;
};
struct RemoveFacility {
    FacilityRef facility;
    friend bool operator==(const RemoveFacility&, const RemoveFacility&) = default;
};
struct ExtendBoundary {
    std::string park;
    std::vector<LonLat> ring;
    friend bool operator==(const ExtendBoundary&, const ExtendBoundary&) = default;
};
struct UpgradeCapacity {
    std::string park, factor;
    std::optional<double> add, set;  // exactly one
    friend bool operator==(const UpgradeCapacity&, const UpgradeCapacity&) = default;
};
struct AddEnterprise {
    std::string id;  // for later edits to name it; may be empty
    std::string name, cluster, tier;
    LonLat at;
    double employees = 0, floor_m2 = 0;
    std::optional<double> land_m2;
    std::string site;  // the vacant site it takes; may be empty
    friend bool operator==(const AddEnterprise&, const AddEnterprise&) = default;
};
struct RedevelopPlots {
    std::string layer;          // the enterprises layer's id
    std::vector<int64_t> fids;  // its features (plots)
    std::optional<double> far;
    friend bool operator==(const RedevelopPlots&, const RedevelopPlots&) = default;
};
// An index-based coverage what-if edit written by parkcap before typed edits ({"op": ...});
// upgrade_legacy_edits turns it into a typed one once the layers are loaded.
struct LegacyCoverageEdit {
    Json raw;
    friend bool operator==(const LegacyCoverageEdit&, const LegacyCoverageEdit&) = default;
};

using Edit = std::variant<RaiseFar, Redevelop, StandardFactory, AddFacility, MoveFacility, RemoveFacility, ExtendBoundary,
                          UpgradeCapacity, AddEnterprise, RedevelopPlots, LegacyCoverageEdit>;

std::string_view type_name(const Edit& edit);  // "raise_far", ...
bool is_facility_edit(const Edit& edit);        // add, move or remove a facility
bool changes_coverage(const Edit& edit);        // a facility edit, or an incoming enterprise (new demand)

struct Scenario {
    std::string name;
    std::vector<Edit> edits;
    Json extra = Json::object();  // other keys ("kind", notes), kept
};

// Every scenario of the project. Throws geo::Error naming the file and the key
// ("scenarios[1].edits[0].park: missing, or not text") for anything malformed.
std::vector<Scenario> read_scenarios(const Project& project);
// The scenario of that name; throws geo::Error when there is none.
Scenario scenario_named(const Project& project, const std::string& name);

// One edit from its JSON (as a panel makes it); throws geo::Error naming the field.
Edit edit_from_json(const Json& edit);
Json to_json(const Edit& edit);
Json to_json(const Scenario& scenario);
// Replaces the scenario of the same name (or adds it at the end). A scenario with no edits is
// removed instead (an empty what-if is not kept), unless `keep_empty` (a scenario the planner
// named and has yet to fill).
void store_scenario(Project& project, const Scenario& scenario, bool keep_empty = false);

}  // namespace geo
