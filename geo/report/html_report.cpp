#include "geo/report/html_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "geo/report/text_format.h"

namespace geo {

namespace {

std::string fixed(double v, int decimals)
{
    if (!std::isfinite(v)) return "–";
    char b[48];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return b;
}

struct Words {
    bool zh;
    const char* operator()(const char* en, const char* zh_text) const { return zh ? zh_text : en; }
};

// A horizontal bar chart of the factors: jobs each allows, today's jobs as a line, the
// binding factor in red (red means a problem).
std::string factor_chart(const ParkCapacity& pc, const Terms& terms, Language lang)
{
    double top = pc.jobs;
    for (const FactorCapacity& f : pc.factors)
        if (f.given && std::isfinite(f.jobs_supported)) top = std::max(top, f.jobs_supported);
    top = std::max(top * 1.05, 1.0);
    const int row = 24, label = 200, width = 420, h = row * static_cast<int>(pc.factors.size()) + 10;
    std::ostringstream o;
    o << "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << label + width + 140 << "\" height=\"" << h << "\">";
    int y = 4;
    for (const FactorCapacity& f : pc.factors) {
        o << "<text x=\"0\" y=\"" << y + 15 << "\" font-size=\"13\">" << xml_escape(terms.name("factor", f.factor, lang)) << "</text>";
        o << "<rect x=\"" << label << "\" y=\"" << y + 3 << "\" width=\"" << width << "\" height=\"16\" fill=\"#e1e1e1\"/>";
        if (f.given && std::isfinite(f.jobs_supported)) {
            const int w = static_cast<int>(std::lround(std::clamp(f.jobs_supported / top, 0.0, 1.0) * width));
            o << "<rect x=\"" << label << "\" y=\"" << y + 3 << "\" width=\"" << w << "\" height=\"16\" fill=\"" << (f.binding ? "#cd2828" : "#4682be")
              << "\"/>";
            o << "<text x=\"" << label + width + 6 << "\" y=\"" << y + 15 << "\" font-size=\"12\"" << (f.binding ? " fill=\"#cd2828\"" : "") << ">"
              << grouped(f.jobs_supported) << "</text>";
        }
        y += row;
    }
    const int now = label + static_cast<int>(std::lround(std::clamp(pc.jobs / top, 0.0, 1.0) * width));
    o << "<line x1=\"" << now << "\" y1=\"2\" x2=\"" << now << "\" y2=\"" << h - 4 << "\" stroke=\"#141414\" stroke-width=\"2\"/>";
    o << "</svg>";
    return o.str();
}

// The park's 亩均效益 classes: "亩均效益 (mujun_huaian_2024): A 355 · B 459 · C 283 · D 48; class D
// land 614 mu; mean score 51.2".
void performance_lines(std::ostringstream& o, const ReportPerformance& perf, const std::string& park, const Words& w)
{
    const auto row = std::find_if(perf.parks.rows.begin(), perf.parks.rows.end(), [&](const auto& r) { return !r.empty() && r[0] == park; });
    if (row == perf.parks.rows.end()) return;
    auto cell = [&](const std::string& column, int decimals = -1) {
        const auto it = std::find(perf.parks.header.begin(), perf.parks.header.end(), column);
        const size_t c = static_cast<size_t>(it - perf.parks.header.begin());
        if (it == perf.parks.header.end() || c >= row->size() || (*row)[c].empty()) return std::string("–");
        return decimals < 0 ? (*row)[c] : fixed(std::strtod((*row)[c].c_str(), nullptr), decimals);
    };
    o << "<p><b>" << w("亩均效益 (performance per mu, ", "亩均效益（") << xml_escape(perf.preset) << w("): ", "）：") << "</b>";
    for (size_t k = 0; k < perf.classes.size(); ++k)
        o << (k ? " · " : "") << xml_escape(perf.classes[k]) << " " << xml_escape(cell("class_" + perf.classes[k]));
    if (!perf.classes.empty()) {
        const std::string lowest = perf.classes.back();
        o << w("; class ", "；") << xml_escape(lowest) << w(" land ", " 类用地 ") << "<b>" << xml_escape(cell("class_" + lowest + "_land_mu", 1)) << "</b>"
          << w(" mu", " 亩");
    }
    o << w("; mean score ", "；平均得分 ") << xml_escape(cell("mean_score", 1)) << "</p>\n";
}

// The park's life circles: the share of employees reaching every daily facility within each
// circle, the target circle's below the target marked.
void life_circle_lines(std::ostringstream& o, const ReportLifeCircles& lc, const std::string& park, const Words& w)
{
    const auto it = std::find(lc.park_name.begin(), lc.park_name.end(), park);
    if (it == lc.park_name.end()) return;
    const std::vector<double>& share = lc.shares[static_cast<size_t>(it - lc.park_name.begin())];
    o << "<p><b>" << w("Life circles: ", "生活圈：") << "</b>" << w("employees reaching every daily facility within ", "可达全部日常配套设施的从业人员，");
    for (size_t c = 0; c < lc.minutes.size() && c < share.size(); ++c) {
        const bool below = lc.minutes[c] == lc.target_minutes && share[c] < lc.target_share;
        o << (c ? w(", ", "，") : "") << lc.minutes[c] << w(" min: ", " 分钟：") << (below ? "<b class=\"problem\">" : "") << fixed(100 * share[c], 1) << "%"
          << (below ? "</b>" : "");
    }
    o << w(" (target ", "（目标：") << fixed(100 * lc.target_share, 0) << w("% within ", "%，") << lc.target_minutes << w(" minutes)", " 分钟内）") << "</p>\n";
}

void park_section(std::ostringstream& o, const ReportInput& in, size_t p, const Terms& terms)
{
    const Language lang = in.language;
    const Words w{lang == Language::Zh};
    const CapacityRun& base = in.runs.front();
    const ParkCapacity& pc = base.result.parks[p];
    auto area = [&](double m2) { return format_area(m2, in.units.area, lang); };
    auto money = [&](double wanyuan) { return format_money(wanyuan, in.units.money, lang); };
    std::string binding;
    for (const std::string& f : pc.binding) binding += (binding.empty() ? "" : " = ") + terms.name("factor", f, lang);
    o << "<section class=\"park\"><h2>" << xml_escape(pc.name) << (pc.code.empty() ? "" : " <small>" + xml_escape(pc.code) + "</small>") << "</h2>\n";
    o << "<p class=\"lead\">" << w("Capacity ", "承载力 ") << "<b>" << grouped(pc.capacity_jobs) << "</b>" << w(" jobs, ", " 个岗位，现有 ")
      << grouped(pc.jobs) << w(" today: headroom ", "：余量 ") << "<b>" << signed_grouped(pc.headroom_jobs) << "</b>" << w(". Binding: ", "。制约因素：")
      << "<b class=\"problem\">" << xml_escape(binding.empty() ? std::string("–") : binding) << "</b></p>\n";
    o << factor_chart(pc, terms, lang) << "\n<p class=\"note\">" << w("Bars: jobs each factor allows; black line: today's jobs; red: the binding factor.",
                                                                      "柱条：各因素可承载的岗位；黑线：现有岗位；红色：制约因素。")
      << "</p>\n";
    const ParkGrowth& g = base.growth[p];
    if (g.shortfall_year)
        o << "<p class=\"problem\">" << w("With the growth targets it runs short of ", "按增长目标，") << xml_escape(terms.name("factor", g.short_of, lang))
          << w(" in ", " 将于 ") << g.shortfall_year << w(".", " 年不足。") << "</p>\n";
    else if (!g.years.empty())
        o << "<p>" << w("With the growth targets it has room through ", "按增长目标，到 ") << g.years.back().year << w(".", " 年仍有余量。") << "</p>\n";
    // Indicators.
    o << "<table class=\"numbers\"><tr><th>" << w("Indicator", "指标") << "</th><th>" << w("Value", "数值") << "</th><th>" << w("Indicator", "指标")
      << "</th><th>" << w("Value", "数值") << "</th></tr>\n";
    auto row = [&](const char* a_en, const char* a_zh, const std::string& a, const char* b_en, const char* b_zh, const std::string& b) {
        o << "<tr><td>" << w(a_en, a_zh) << "</td><td class=\"n\">" << xml_escape(a) << "</td><td>" << w(b_en, b_zh) << "</td><td class=\"n\">" << xml_escape(b)
          << "</td></tr>\n";
    };
    row("Gross area", "总面积", area(pc.gross_m2), "Comprehensive FAR", "综合容积率", fixed(pc.comprehensive_far, 2));
    row("Developable", "可开发面积", area(pc.developable_m2), "Building density", "建筑密度", fixed(pc.building_density, 2));
    row("Vacant", "空闲用地", area(pc.vacant_m2), "Industrial land share", "工业用地占比", fixed(pc.industrial_land_share, 2));
    row("Permitted FAR", "允许容积率", fixed(pc.permitted_far, 2), "Output per mu", "亩均产值", money(pc.output_per_mu));
    row("Available floor", "可用建筑面积", format_area(pc.available_floor_m2, AreaUnit::M2, lang), "Tax per mu", "亩均税收", money(pc.tax_per_mu));
    row("Enterprises", "企业数", grouped(pc.enterprises), "Output per ha", "地均产出（每公顷）", money(pc.output_per_ha));
    row("New jobs (floor)", "可新增岗位", grouped(pc.remaining_jobs), "Jobs per ha", "每公顷岗位", fixed(pc.jobs_per_ha, 1));
    row("Dormitory beds", "宿舍床位", grouped(pc.dormitory_beds), "Plots failing / under-used", "不达标 / 低效地块",
        std::to_string(pc.plots_failing) + " / " + std::to_string(pc.plots_underused));
    o << "</table>\n";
    // Clusters, tiers, coverage.
    std::string clusters;
    for (const std::string& c : pc.characteristic_clusters) clusters += (clusters.empty() ? "" : w(", ", "、")) + c;
    o << "<p><b>" << w("Characteristic clusters: ", "特色产业集群：") << "</b>" << xml_escape(clusters.empty() ? std::string(w("none", "无")) : clusters) << "</p>\n";
    std::string tiers;
    for (const auto& [t, n] : pc.tiers) tiers += (tiers.empty() ? "" : w(", ", "、")) + terms.name("tier", t, lang) + " " + grouped(n);
    o << "<p><b>" << w("Tiers: ", "梯度层级：") << "</b>" << xml_escape(tiers) << "</p>\n";
    if (!pc.coverage.empty()) {
        o << "<table class=\"coverage\"><tr><th>" << w("Facility type", "设施类型") << "</th><th>" << w("Employees within reach", "服务范围内从业人员")
          << "</th></tr>\n";
        for (const auto& [type, share] : pc.coverage)
            o << "<tr><td>" << xml_escape(terms.name("facility", type, lang)) << "</td><td class=\"n" << (share < 0.5 ? " problem" : "") << "\">"
              << fixed(100 * share, 0) << "%</td></tr>\n";
        o << "</table>\n";
    }
    if (in.performance) performance_lines(o, *in.performance, pc.name, w);
    if (in.life_circles) life_circle_lines(o, *in.life_circles, pc.name, w);
    // The scenarios against the baseline.
    if (in.runs.size() > 1) {
        o << "<table class=\"scenarios\"><tr><th>" << w("Scenario", "情景") << "</th><th>" << w("Capacity (jobs)", "承载力（岗位）") << "</th><th>"
          << w("Change", "变化") << "</th><th>" << w("Binding", "制约因素") << "</th></tr>\n";
        o << "<tr><td>" << w("baseline", "现状") << "</td><td class=\"n\">" << grouped(pc.capacity_jobs) << "</td><td class=\"n\">–</td><td>" << xml_escape(binding)
          << "</td></tr>\n";
        for (size_t s = 1; s < in.runs.size(); ++s) {
            if (p >= in.runs[s].result.parks.size()) continue;
            const ParkCapacity& sc = in.runs[s].result.parks[p];
            std::string sb;
            for (const std::string& f : sc.binding) sb += (sb.empty() ? "" : " = ") + terms.name("factor", f, lang);
            const double d = sc.capacity_jobs - pc.capacity_jobs;
            o << "<tr><td>" << xml_escape(in.runs[s].scenario) << "</td><td class=\"n\">" << grouped(sc.capacity_jobs) << "</td><td class=\"n\">"
              << (std::abs(d) < 0.5 ? std::string("–") : signed_grouped(d)) << "</td><td>" << xml_escape(sb) << "</td></tr>\n";
        }
        o << "</table>\n";
    }
    o << "</section>\n";
}

}  // namespace

std::string html_report(const ReportInput& in)
{
    const Terms& terms = Terms::standard();
    const Words w{in.language == Language::Zh};
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"" << (in.language == Language::Zh ? "zh-CN" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << xml_escape(in.title) << "</title>\n<style>\n"
      << "body{font-family:'Noto Sans CJK SC','Noto Sans',sans-serif;margin:2em;color:#1e1e1e;max-width:60em}\n"
      << "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:1px solid #999;padding-bottom:.2em}small{color:#777;font-weight:normal}\n"
      << "table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}th{background:#e8eef4}\n"
      << "td.n{text-align:right;font-variant-numeric:tabular-nums}.problem{color:#cd2828}.note{color:#777;font-size:.85em}\n"
      << ".map img{max-width:100%;border:1px solid #ccc}.overview td,.overview th{font-size:.9em}\n"
      << "@media print{body{margin:0;max-width:none}section.park{page-break-before:always}.map{page-break-after:always}}\n"
      << "</style>\n</head>\n<body>\n";
    o << "<h1>" << xml_escape(in.title) << "</h1>\n<p class=\"note\">" << xml_escape(in.date) << "</p>\n";
    if (!in.map_svg.empty()) {
        // The SVG inline as a data URI: one file, no external resource, and its text stays text.
        static const char* b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        std::string enc;
        const std::string& s = in.map_svg;
        for (size_t i = 0; i < s.size(); i += 3) {
            const uint32_t n = (static_cast<unsigned char>(s[i]) << 16) | (i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) << 8 : 0) |
                               (i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0);
            enc += b64[(n >> 18) & 63];
            enc += b64[(n >> 12) & 63];
            enc += i + 1 < s.size() ? b64[(n >> 6) & 63] : '=';
            enc += i + 2 < s.size() ? b64[n & 63] : '=';
        }
        o << "<div class=\"map\"><img alt=\"" << w("overview map", "总图") << "\" src=\"data:image/svg+xml;base64," << enc << "\"></div>\n";
    }
    // All parks at a glance.
    const auto& parks = in.runs.front().result.parks;
    o << "<h2>" << w("Parks at a glance", "园区概览") << "</h2>\n<table class=\"overview\"><tr><th>" << w("Park", "园区") << "</th><th>" << w("Jobs", "现有岗位")
      << "</th><th>" << w("Capacity", "承载力") << "</th><th>" << w("Headroom", "余量") << "</th><th>" << w("Binding", "制约因素") << "</th></tr>\n";
    for (size_t p = 0; p < parks.size(); ++p) {
        if (in.park >= 0 && static_cast<int>(p) != in.park) continue;
        std::string b;
        for (const std::string& f : parks[p].binding) b += (b.empty() ? "" : " = ") + terms.name("factor", f, in.language);
        o << "<tr><td>" << xml_escape(parks[p].name) << "</td><td class=\"n\">" << grouped(parks[p].jobs) << "</td><td class=\"n\">" << grouped(parks[p].capacity_jobs)
          << "</td><td class=\"n" << (parks[p].headroom_jobs < 0 ? " problem" : "") << "\">" << signed_grouped(parks[p].headroom_jobs) << "</td><td>" << xml_escape(b)
          << "</td></tr>\n";
    }
    o << "</table>\n";
    for (size_t p = 0; p < parks.size(); ++p)
        if (in.park < 0 || static_cast<int>(p) == in.park) park_section(o, in, p, terms);
    o << "<section><h2>" << w("Parameters and sources", "参数与数据来源") << "</h2>\n<ul>\n";
    o << "<li>" << w("CRS: ", "坐标系：") << xml_escape(in.crs) << "</li>\n<li>" << xml_escape(in.sources) << "</li>\n";
    for (const std::string& line : in.parameters) o << "<li>" << xml_escape(line) << "</li>\n";
    o << "</ul>\n<p class=\"note\">" << w("Made with parkcap.", "由 parkcap 生成。") << "</p></section>\n</body>\n</html>\n";
    return o.str();
}

}  // namespace geo
