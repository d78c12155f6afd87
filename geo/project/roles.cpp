#include "geo/project/roles.h"

#include <map>

namespace geo {

namespace {

const Meaning kName{"name", false, {"name", "名称", "企业名称", "园区名称", "设施名称", "单位名称", "名字",
                                    "qymc", "mc", "company", "enterprise", "title"}};

}  // namespace

std::string_view to_string(Role role)
{
    switch (role) {
    case Role::Parks: return "parks";
    case Role::Enterprises: return "enterprises";
    case Role::Facilities: return "facilities";
    case Role::Roads: return "roads";
    case Role::Constraints: return "constraints";
    case Role::Sites: return "sites";
    case Role::Regions: return "regions";
    case Role::Buildings: return "buildings";
    case Role::Context: return "context";
    }
    return "?";
}

const std::vector<Role>& all_roles()
{
    static const std::vector<Role> roles = {Role::Parks, Role::Enterprises, Role::Facilities, Role::Roads,
                                            Role::Constraints, Role::Sites, Role::Regions, Role::Buildings,
                                            Role::Context};
    return roles;
}

std::optional<Role> parse_role(std::string_view text)
{
    for (Role r : all_roles())
        if (to_string(r) == text) return r;
    return std::nullopt;
}

std::optional<GeomKind> required_kind(Role role)
{
    switch (role) {
    case Role::Enterprises:
    case Role::Facilities: return GeomKind::Point;
    case Role::Roads: return GeomKind::Line;
    case Role::Parks:
    case Role::Constraints:
    case Role::Sites:
    case Role::Regions:
    case Role::Buildings: return GeomKind::Polygon;
    case Role::Context: return std::nullopt;
    }
    return std::nullopt;
}

const std::vector<Meaning>& meanings_of(Role role)
{
    static const std::map<Role, std::vector<Meaning>> table = {
        {Role::Enterprises,
         {kName,
          {"credit_code", false, {"credit_code", "uscc", "统一社会信用代码", "社会信用代码", "信用代码", "tyshxydm"}},
          {"industry_code", false, {"industry_code", "industrycode", "行业代码", "国民经济行业代码", "行业分类代码",
                                    "hydm", "gbt4754", "nic", "sic", "industry", "行业"}},
          {"cluster", false, {"cluster", "产业集群", "集群", "产业链", "chain", "产业", "sector"}},
          {"tier", false, {"tier", "梯度", "梯度层级", "梯度培育", "企业梯度", "企业层级", "层级", "grade"}},
          {"employees", true, {"employees", "employee", "staff", "jobs", "workers", "employment", "emp",
                               "从业人员", "从业人数", "员工人数", "职工人数", "就业人数", "人数"}, "人"},
          {"floor_area", true, {"floor_area", "floorarea", "gfa", "building_area", "建筑面积", "总建筑面积"}, "m²"},
          {"footprint_area", true, {"footprint_area", "footprint", "building_footprint", "建筑基底面积", "基底面积",
                                    "建筑占地面积", "建构筑物占地面积"}, "m²"},
          {"land_area", true, {"land_area", "landarea", "site_area", "用地面积", "占地面积", "土地面积"}, "m²"},
          {"admin_living_area", true, {"admin_living_area", "admin_area", "行政生活用地面积", "行政办公及生活服务设施用地面积",
                                       "行政生活用地", "生活服务设施用地面积"}, "m²"},
          {"green_area", true, {"green_area", "green", "绿地面积", "绿化面积"}, "m²"},
          {"storey_height", true, {"storey_height", "story_height", "floor_height", "层高", "厂房层高", "最大层高"}, "m"},
          {"output_value", true, {"output_value", "output", "outputvalue", "production", "产值", "工业产值",
                                  "总产值", "工业总产值", "营业收入", "revenue"}, "万元"},
          {"tax", true, {"tax", "taxes", "tax_paid", "税收", "纳税", "税收总额", "实缴税金", "纳税额"}, "万元"}}},
        {Role::Parks,
         {kName,
          {"name_en", false, {"name_en", "english_name", "nameen", "英文名称", "英文名"}},
          {"permitted_far", true, {"permitted_far", "far", "max_far", "plot_ratio", "容积率", "规划容积率",
                                   "容积率上限", "允许容积率"}},
          {"clusters", false, {"clusters", "industries", "主导产业", "特色产业", "产业定位"}},
          {"code", false, {"code", "park_code", "园区代码", "编码"}}}},
        {Role::Facilities,
         {kName,
          {"type", false, {"type", "facility_type", "category", "kind", "类型", "设施类型", "类别", "设施类别"}},
          {"capacity", true, {"capacity", "beds", "seats", "容量", "床位", "床位数", "座位数"}}}},
        {Role::Roads,
         {kName,
          {"road_class", false, {"road_class", "class", "fclass", "highway", "grade", "等级", "道路等级", "类型"}},
          {"speed_kmh", true, {"speed_kmh", "speed", "maxspeed", "max_speed", "设计车速", "限速", "车速"}, "km/h"}}},
        {Role::Constraints,
         {kName, {"type", false, {"type", "category", "kind", "类型", "类别", "管控类型", "约束类型"}}}},
        {Role::Sites,
         {{"name", false, {"name", "名称", "地块编号", "地块名称", "地块代码", "parcel", "parcel_id", "编号"}},
          {"land_area", true, {"land_area", "area", "site_area", "用地面积", "面积", "地块面积"}, "m²"},
          {"permitted_far", true, {"permitted_far", "far", "max_far", "容积率", "规划容积率"}},
          {"status", false, {"status", "state", "状态", "用地状态", "现状"}}}},
        {Role::Regions,
         {kName, {"code", false, {"code", "adcode", "区划代码", "行政区划代码", "编码"}}}},
        {Role::Buildings,
         {{"name", false, {"name", "名称", "建筑名称", "楼号", "栋号", "building"}},
          {"use", false, {"use", "building_use", "type", "function", "用途", "建筑用途", "建筑性质", "使用功能", "功能", "类型",
                          "text"}},  // text: the label parkcap cad attaches
          {"floor_area", true, {"floor_area", "floorarea", "gfa", "building_area", "建筑面积", "总建筑面积"}, "m²"},
          {"storeys", true, {"storeys", "stories", "floors", "levels", "层数", "建筑层数", "地上层数"}},
          {"credit_code", false, {"credit_code", "uscc", "统一社会信用代码", "社会信用代码", "信用代码"}},
          {"enterprise", false, {"enterprise", "company", "owner", "所属企业", "企业名称", "使用单位", "权属单位", "单位名称"}}}},
        {Role::Context, {kName}},
    };
    return table.at(role);
}

const Meaning* find_meaning(Role role, std::string_view key)
{
    for (const Meaning& m : meanings_of(role))
        if (m.key == key) return &m;
    return nullptr;
}

}  // namespace geo
