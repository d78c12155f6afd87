#pragma once
// What the capacity model works on, taken from a loaded project: parks, constraint areas,
// enterprises, sites and facilities as plain values in the working CRS (metres). Scenario
// edits change a copy of it; the project's layers are never touched.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "geo/core/geometry.h"
#include "geo/core/category_list.h"
#include "geo/core/text_list.h"
#include "geo/coverage/service_radii.h"
#include "geo/project/loaded_project.h"

namespace geo {

// Enterprises; NaN (numbers) or "" (text) where the layer has no value.
struct EnterpriseData {
    std::vector<Coord> xy;
    std::vector<int64_t> fid;  // feature ids in the enterprises layer (incoming ones after them)
    TextList name;                       // one buffer: a registry of millions costs bytes, not heap blocks
    CategoryList code, cluster, tier;    // few distinct values: each stored once, a code per row
    std::vector<double> employees, floor_area, land_area, footprint_area, admin_living_area, green_area, storey_height, output, tax;
};

struct CapacityInput {
    // Parks: one polygon feature each.
    GeometryColumn parks{GeomKind::Polygon};
    std::vector<std::string> park_name, park_code;
    std::vector<double> permitted_far;  // NaN where the park has none

    GeometryColumn constraints{GeomKind::Polygon};

    // Enterprises, shared by the scenarios that add none (add_enterprise copies them first).
    std::shared_ptr<const EnterpriseData> firms = std::make_shared<EnterpriseData>();
    std::string enterprise_layer;  // the layer's id, for scenario edits naming plots

    // Sites (parcels).
    GeometryColumn sites{GeomKind::Polygon};
    std::vector<std::string> site_name, site_status;
    std::vector<double> site_far, site_area;  // NaN where unknown (area then comes from the polygon)

    // Facilities.
    std::vector<Coord> facility_xy;
    std::vector<std::string> facility_type;
    std::vector<double> facility_capacity;  // NaN where unknown
    std::vector<int64_t> facility_fid;      // feature ids in the facilities layer (added ones after them)
    std::string facility_layer;             // that layer's id, for scenario edits naming a facility
    std::vector<FacilityType> radii;        // for coverage indicators; may be empty

    // Added by scenarios.
    struct Factory {  // a multi-storey standard-factory building on a site
        size_t site = 0;
        double floor_m2 = 0, beds = 0;
    };
    std::vector<Factory> factories;
    std::vector<double> redevelop_far;       // per park: raise under-used plots to this FAR (NaN: not redeveloped)
    std::vector<double> plot_redevelop_far;  // per enterprise: plots marked for redevelopment to this FAR (NaN: not marked)

    // Plots marked under-used by a rule from outside the model (the 亩均 class, the sites: the
    // capacity parameter underused_rule), per enterprise, and that rule in words; empty under
    // the default rule. Enterprises a scenario adds are not marked.
    std::vector<uint8_t> underused_marked;
    std::string underused_rule_words;

    // Plots holding a building prohibited on industrial land (from the buildings layer, through
    // the table of building uses): enterprise -> those buildings in words. They fail the
    // admin/living check.
    std::map<size_t, std::string> prohibited_buildings;

    std::vector<std::string> notes;  // what was missing while reading (fields not bound, ...)

    // The park a name or code refers to, or -1.
    int32_t find_park(const std::string& name_or_code) const;
};

// The park holding each site (by a point on its surface), -1 where none does.
std::vector<int32_t> sites_in_parks(const CapacityInput& in);
// The park holding each enterprise, -1 outside every park.
std::vector<int32_t> enterprises_in_parks(const CapacityInput& in);

// Throws geo::Error when the project has no parks or no enterprises layer.
CapacityInput capacity_input(const LoadedProject& project, std::vector<FacilityType> radii);
// The same from the project's enterprises taken out with take_features: each field is freed as
// soon as it is read, so a ten-million-row registry is never in memory twice.
CapacityInput capacity_input(const LoadedProject& project, Layer enterprises, std::vector<FacilityType> radii);

}  // namespace geo
