#pragma once
// The fixed facts of the synthetic Chongqing demo: parks placed near real industrial parks
// (positions and shapes are invented), their characteristic clusters, the clusters' industry
// codes (GB/T 4754-2002, matching datasets/standards), tiers and facility types.
#include <string>
#include <vector>

namespace geo {

struct DemoCluster {
    std::string name_zh;
    std::string name_en;
    std::vector<std::string> codes;      // GB/T 4754-2002 two-digit codes, most common first
    std::vector<std::string> name_words; // words for enterprise names
    double floor_per_job;                // m² of floor area per employee
    double output_per_job;               // 万元 (10k yuan) of output per employee
};

struct DemoPark {
    std::string name_zh;
    std::string name_en;
    std::string code;
    double lon, lat;       // centre (WGS 84)
    double radius_km;      // typical radius
    double permitted_far;
    std::vector<int> clusters;  // indexes into demo_clusters(), characteristic first
    bool has_hole;         // a hill or lake inside the boundary
    bool two_parts;        // a detached second zone (multipolygon)
};

struct DemoTier {
    std::string name;    // empty: an ordinary enterprise (no tier; stored as null)
    double share;
    double median_employees;
};

struct DemoFacilityType {
    std::string name_zh;  // as in facility_service_radii.csv (facility_type_zh)
    double per_km2;       // how many per km² of park
    int capacity_lo, capacity_hi;  // beds, seats...; 0: none
};

const std::vector<DemoCluster>& demo_clusters();
const std::vector<DemoPark>& demo_parks();
const std::vector<DemoTier>& demo_tiers();
const std::vector<DemoFacilityType>& demo_facility_types();

}  // namespace geo
