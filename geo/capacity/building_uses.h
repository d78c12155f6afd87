#pragma once
// Which buildings count as administrative office and living facilities (行政办公及生活服务设施)
// in the admin/living land share of an industrial plot, as an editable table
// (datasets/standards/admin_living_building_uses.csv): offices, shift dormitories, canteens and
// staff activity rooms count; R&D centres, guard houses, pump rooms, heat-exchange stations and
// production buildings do not; complete housing, expert buildings, hotels, guest houses and
// training centres are prohibited on industrial land. From a buildings layer, each enterprise's
// admin/living land is its land times the admin/living share of its buildings' floor area (the
// 2008 indicators' reading where that land cannot be measured apart).
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "geo/capacity/capacity_input.h"
#include "geo/core/geometry.h"
#include "geo/project/loaded_project.h"

namespace geo {

enum class BuildingCount { AdminLiving, NotCounted, Prohibited };
std::string_view to_string(BuildingCount c);  // "admin_living", "not_counted", "prohibited"

struct BuildingUse {
    std::string use, use_zh;
    BuildingCount counts = BuildingCount::NotCounted;
    std::vector<std::string> aliases;  // words a building's use or label is recognised by
};

struct BuildingUseTable {
    std::vector<BuildingUse> uses;
    std::string source;  // the file, for messages
    // The use whose alias is the longest one that the text contains (ASCII letters in any
    // case); nullptr when no alias is in it.
    const BuildingUse* classify(std::string_view text) const;
};

// Columns use, use_zh, counts (admin_living | not_counted | prohibited), aliases (;-separated).
// Throws geo::Error naming the file, line and column.
BuildingUseTable read_building_uses(const std::filesystem::path& csv);

// A storey count written in a label: "3F", "5层", "倒班宿舍 6f" -> 3, 5, 6; 0 when none.
int storeys_in_label(std::string_view label);

// The enterprises the buildings belong to, and their floor area by use.
struct EnterpriseBuildings {
    std::vector<double> admin_floor, total_floor;  // per enterprise, m²; 0 where it has no building
    std::map<size_t, std::string> prohibited;      // enterprise -> its prohibited buildings in words
    size_t buildings = 0;
    size_t by_code = 0, by_name = 0, by_site = 0, unassigned = 0;  // how each building found its enterprise
    size_t unknown_use = 0;      // counted as not admin/living
    size_t one_storey = 0;       // no floor area and no storeys: the footprint counted once
    std::vector<std::string> notes;
};

// The enterprises' names, credit codes and positions; `sites` may be empty. A building belongs
// to the enterprise its credit code names, else the one its enterprise field names (exactly,
// then by normalised company name), else the one enterprise on the site holding it.
struct EnterpriseKeys {
    std::vector<std::string> name, credit_code;  // credit_code may be empty (the layer has none)
    std::vector<Coord> xy;
};
EnterpriseBuildings enterprise_buildings(const LoadedLayer& buildings, const EnterpriseKeys& firms, const GeometryColumn& sites,
                                         const BuildingUseTable& uses);

// Each plot whose enterprise has buildings takes its admin/living land from them: land area x
// admin/living floor / all floor (NaN without a land area), in place of its own field; the
// prohibited buildings go to the compliance check; the counts and notes go to in.notes.
void apply_enterprise_buildings(CapacityInput& in, const EnterpriseBuildings& buildings);

}  // namespace geo
