#include "geo/report/edit_sentences.h"

#include <cmath>
#include <cstdio>

#include "geo/core/overload.h"
#include "geo/report/text_format.h"

namespace geo {

namespace {

// 3, 2.5, 1.25: as few decimals as the value needs (at most two).
std::string short_number(double v)
{
    if (std::fabs(v) >= 1000) return grouped(v);
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", v);
    std::string s = text;
    while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
        const bool dot = s.back() == '.';
        s.pop_back();
        if (dot) break;
    }
    return s;
}

std::string place(const LonLat& at, bool zh)
{
    char text[64];
    std::snprintf(text, sizeof text, zh ? "（%.5f°E, %.5f°N）" : " at %.5f°E %.5f°N", at.lon, at.lat);
    return text;
}

std::string facility(const FacilityRef& f, bool zh)
{
    if (!f.added.empty()) return (zh ? "新增设施 " : "added facility ") + f.added;
    return zh ? "图层 " + f.layer + " 的要素 " + std::to_string(f.fid) : f.layer + " fid " + std::to_string(f.fid);
}

std::string list(const std::vector<std::string>& items, bool zh) { return joined(items, zh ? "、" : ", "); }

}  // namespace

std::string describe_edit(const Edit& edit, Language language, const Terms& terms)
{
    const bool zh = language == Language::Zh;
    const std::string colon = zh ? "：" : ": ";
    auto factor = [&](const std::string& f) { return terms.name("factor", f, language); };
    auto facility_type = [&](const std::string& t) { return terms.name("facility", t, language); };
    return std::visit(
        Overload{
            [&](const RaiseFar& e) {
                const std::string where = e.sites.empty() ? e.park : (zh ? "地块 " : "Sites ") + list(e.sites, zh);
                return where + colon + (zh ? "容积率提高到 " : "plot ratio raised to ") + short_number(e.far);
            },
            [&](const Redevelop& e) {
                const std::string to = e.far ? (zh ? "（容积率 " + short_number(*e.far) + "）" : " (to FAR " + short_number(*e.far) + ")")
                                             : (zh ? "（按园区容积率）" : " (to the park's FAR)");
                return e.park + colon + (zh ? "低效用地再开发" : "under-used plots redeveloped") + to;
            },
            [&](const StandardFactory& e) {
                std::string s = zh ? "地块 " + e.site + "：建标准厂房 " + short_number(e.storeys) + " 层，每层 " + grouped(e.footprint_m2) + " m²"
                                   : "Site " + e.site + ": standard factory, " + short_number(e.storeys) + " storeys of " +
                                         grouped(e.footprint_m2) + " m² each";
                if (e.beds > 0) s += zh ? "，宿舍 " + grouped(e.beds) + " 床" : ", " + grouped(e.beds) + " dormitory beds";
                return s;
            },
            [&](const AddFacility& e) {
                std::string s = (zh ? "新增" : "New ") + facility_type(e.facility_type) + place(e.at, zh);
                if (e.capacity) s += zh ? "，容量 " + grouped(*e.capacity) : ", capacity " + grouped(*e.capacity);
                if (!e.id.empty()) s += zh ? "（编号 " + e.id + "）" : " (" + e.id + ")";
                return s;
            },
            [&](const MoveFacility& e) { return (zh ? "移动" : "Move ") + facility(e.facility, zh) + (zh ? " 到" : " to") + place(e.to, zh); },
            [&](const RemoveFacility& e) { return (zh ? "删除" : "Remove ") + facility(e.facility, zh); },
            [&](const ExtendBoundary& e) {
                return e.park + colon + (zh ? "扩展边界（" + std::to_string(e.ring.size()) + " 个顶点）"
                                            : "boundary extended (" + std::to_string(e.ring.size()) + " vertices)");
            },
            [&](const UpgradeCapacity& e) {
                if (e.set) return e.park + colon + factor(e.factor) + (zh ? "设为 " : " set to ") + grouped(*e.set);
                return e.park + colon + factor(e.factor) + (zh ? "增加 " : " up by ") + grouped(e.add.value_or(0));
            },
            [&](const AddEnterprise& e) {
                std::string s = zh ? "引进企业 " + e.name + "（" + e.cluster + "，" + grouped(e.employees) + " 人，" + grouped(e.floor_m2) + " m²）"
                                   : "Incoming enterprise " + e.name + " (" + e.cluster + ", " + grouped(e.employees) + " jobs, " +
                                         grouped(e.floor_m2) + " m²)";
                if (!e.site.empty()) s += zh ? "，入驻地块 " + e.site : " on site " + e.site;
                else s += place(e.at, zh);
                return s;
            },
            [&](const RedevelopPlots& e) {
                const std::string to = e.far ? (zh ? "（容积率 " + short_number(*e.far) + "）" : " (to FAR " + short_number(*e.far) + ")")
                                             : (zh ? "（按园区容积率）" : " (to the park's FAR)");
                return zh ? e.layer + " 的 " + std::to_string(e.fids.size()) + " 个地块再开发" + to
                          : std::to_string(e.fids.size()) + (e.fids.size() == 1 ? " plot of " : " plots of ") + e.layer + " redeveloped" + to;
            },
            [&](const LegacyCoverageEdit& e) { return e.raw.dump(); },
        },
        edit);
}

}  // namespace geo
