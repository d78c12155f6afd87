#include "geo/report/xlsx_report.h"

#include <cmath>
#include <cstdlib>
#include <ctime>

#include <xlsxwriter.h>

#include "geo/core/error.h"
#include "geo/io/atomic_file.h"

namespace geo {

namespace {

struct Sheet {
    lxw_worksheet* ws;
    lxw_format* header;
    int row = 0;
    void head(const std::vector<std::string>& cells)
    {
        for (size_t c = 0; c < cells.size(); ++c) {
            worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(c), cells[c].c_str(), header);
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 0 ? 28 : 16, nullptr);
        }
        ++row;
    }
};

void put(Sheet& s, int col, double v, lxw_format* f)
{
    if (std::isfinite(v)) worksheet_write_number(s.ws, static_cast<lxw_row_t>(s.row), static_cast<lxw_col_t>(col), v, f);
}

void put(Sheet& s, int col, const std::string& v) { worksheet_write_string(s.ws, static_cast<lxw_row_t>(s.row), static_cast<lxw_col_t>(col), v.c_str(), nullptr); }

std::string factors(const std::vector<std::string>& keys, const Terms& terms, Language lang)
{
    std::string out;
    for (const std::string& k : keys) out += (out.empty() ? "" : " = ") + terms.name("factor", k, lang);
    return out;
}

}  // namespace

void write_xlsx_report(const ReportInput& in, const std::filesystem::path& path)
{
    const Terms& terms = Terms::standard();
    const bool zh = in.language == Language::Zh;
    auto w = [&](const char* en, const char* zh_text) { return std::string(zh ? zh_text : en); };
    const std::filesystem::path tmp = temporary_sibling(path);
    lxw_workbook_options options = {};
    options.constant_memory = LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(tmp.c_str(), &options);
    if (!wb) throw Error("cannot create the workbook", {.file = path.string()});
    // Reproducible: the workbook's creation time is the report's date.
    lxw_doc_properties props = {};
    std::string title = in.title, author = "parkcap";  // the C API takes char*
    props.title = title.data();
    props.author = author.data();
    std::tm tm{};
    if (in.date.size() >= 10) {
        tm.tm_year = std::atoi(in.date.substr(0, 4).c_str()) - 1900;
        tm.tm_mon = std::atoi(in.date.substr(5, 2).c_str()) - 1;
        tm.tm_mday = std::atoi(in.date.substr(8, 2).c_str());
    } else {
        tm.tm_year = 100, tm.tm_mday = 1;
    }
    props.created = timegm(&tm);
    workbook_set_properties(wb, &props);
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_bg_color(header, 0xE8EEF4);
    lxw_format* whole = workbook_add_format(wb);
    format_set_num_format(whole, "#,##0");
    lxw_format* two = workbook_add_format(wb);
    format_set_num_format(two, "0.00");
    lxw_format* one = workbook_add_format(wb);
    format_set_num_format(one, "#,##0.0");
    lxw_format* percent = workbook_add_format(wb);
    format_set_num_format(percent, "0%");

    const auto& parks = in.runs.front().result.parks;
    auto wanted = [&](size_t p) { return in.park < 0 || static_cast<int>(p) == in.park; };
    const std::string area_unit = symbol(in.units.area, in.language), money_unit = symbol(in.units.money, in.language);
    const double per_area = square_metres_per(in.units.area);

    // Parks at a glance, with the chart.
    const std::string overview_name = w("Parks", "园区概览");
    Sheet overview{workbook_add_worksheet(wb, overview_name.c_str()), header};
    overview.head({w("Park", "园区"), w("Code", "代码"), w("Jobs", "现有岗位"), w("Capacity (jobs)", "承载力（岗位）"), w("Headroom (jobs)", "余量（岗位）"),
                   w("Binding", "制约因素"), w("Vacant", "空闲用地") + " (" + area_unit + ")"});
    for (size_t p = 0; p < parks.size(); ++p) {
        if (!wanted(p)) continue;
        const ParkCapacity& pc = parks[p];
        put(overview, 0, pc.name);
        put(overview, 1, pc.code);
        put(overview, 2, pc.jobs, whole);
        put(overview, 3, pc.capacity_jobs, whole);
        put(overview, 4, pc.headroom_jobs, whole);
        put(overview, 5, factors(pc.binding, terms, in.language));
        put(overview, 6, pc.vacant_m2 / per_area, one);
        ++overview.row;
    }
    if (overview.row > 1) {
        lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR);
        const std::string sheet = "'" + overview_name + "'!";
        const std::string names = sheet + "$A$2:$A$" + std::to_string(overview.row);
        lxw_chart_series* jobs = chart_add_series(chart, names.c_str(), (sheet + "$C$2:$C$" + std::to_string(overview.row)).c_str());
        chart_series_set_name(jobs, w("Jobs today", "现有岗位").c_str());
        lxw_chart_series* cap = chart_add_series(chart, names.c_str(), (sheet + "$D$2:$D$" + std::to_string(overview.row)).c_str());
        chart_series_set_name(cap, w("Capacity", "承载力").c_str());
        chart_title_set_name(chart, w("Capacity and today's jobs", "承载力与现有岗位").c_str());
        worksheet_insert_chart(overview.ws, 1, 8, chart);
    }

    // The factors of each park.
    Sheet fs{workbook_add_worksheet(wb, w("Factors", "承载因素").c_str()), header};
    fs.head({w("Park", "园区"), w("Factor", "因素"), w("Unit", "单位"), w("Capacity", "容量"), w("Used", "已用"), w("Per new job", "每新增岗位"),
             w("Jobs supported", "可承载岗位"), w("Binding", "制约")});
    for (size_t p = 0; p < parks.size(); ++p) {
        if (!wanted(p)) continue;
        for (const FactorCapacity& f : parks[p].factors) {
            put(fs, 0, parks[p].name);
            put(fs, 1, terms.name("factor", f.factor, in.language));
            put(fs, 2, terms.name("unit", f.unit, in.language));
            if (f.given) {
                put(fs, 3, f.capacity, whole);
                put(fs, 4, f.used, whole);
                put(fs, 5, f.per_new_job, two);
                put(fs, 6, f.jobs_supported, whole);
            }
            put(fs, 7, f.binding ? w("yes", "是") : "");
            ++fs.row;
        }
    }

    // Indicators.
    Sheet ind{workbook_add_worksheet(wb, w("Indicators", "指标").c_str()), header};
    ind.head({w("Park", "园区"), w("Gross area", "总面积") + " (" + area_unit + ")", w("Developable", "可开发面积") + " (" + area_unit + ")",
              w("Comprehensive FAR", "综合容积率"), w("Building density", "建筑密度"), w("Output per mu", "亩均产值") + " (" + money_unit + ")",
              w("Tax per mu", "亩均税收") + " (" + money_unit + ")", w("Jobs per ha", "每公顷岗位"), w("Plots failing", "不达标地块"),
              w("Plots under-used", "低效地块")});
    for (size_t p = 0; p < parks.size(); ++p) {
        if (!wanted(p)) continue;
        const ParkCapacity& pc = parks[p];
        put(ind, 0, pc.name);
        put(ind, 1, pc.gross_m2 / per_area, one);
        put(ind, 2, pc.developable_m2 / per_area, one);
        put(ind, 3, pc.comprehensive_far, two);
        put(ind, 4, pc.building_density, two);
        put(ind, 5, money_in(pc.output_per_mu, in.units.money), one);
        put(ind, 6, money_in(pc.tax_per_mu, in.units.money), two);
        put(ind, 7, pc.jobs_per_ha, one);
        put(ind, 8, static_cast<double>(pc.plots_failing), whole);
        put(ind, 9, static_cast<double>(pc.plots_underused), whole);
        ++ind.row;
    }

    // Coverage.
    Sheet cov{workbook_add_worksheet(wb, w("Coverage", "设施覆盖").c_str()), header};
    cov.head({w("Park", "园区"), w("Facility type", "设施类型"), w("Employees within reach", "服务范围内从业人员")});
    for (size_t p = 0; p < parks.size(); ++p) {
        if (!wanted(p)) continue;
        for (const auto& [type, share] : parks[p].coverage) {
            put(cov, 0, parks[p].name);
            put(cov, 1, terms.name("facility", type, in.language));
            put(cov, 2, share, percent);
            ++cov.row;
        }
    }

    // Scenarios against the baseline.
    Sheet sc{workbook_add_worksheet(wb, w("Scenarios", "情景").c_str()), header};
    sc.head({w("Scenario", "情景"), w("Park", "园区"), w("Capacity (jobs)", "承载力（岗位）"), w("Change (jobs)", "变化（岗位）"), w("Binding", "制约因素")});
    for (size_t s = 0; s < in.runs.size(); ++s)
        for (size_t p = 0; p < in.runs[s].result.parks.size() && p < parks.size(); ++p) {
            if (!wanted(p)) continue;
            const ParkCapacity& pc = in.runs[s].result.parks[p];
            put(sc, 0, s == 0 ? w("baseline", "现状") : in.runs[s].scenario);
            put(sc, 1, pc.name);
            put(sc, 2, pc.capacity_jobs, whole);
            put(sc, 3, pc.capacity_jobs - parks[p].capacity_jobs, whole);
            put(sc, 4, factors(pc.binding, terms, in.language));
            ++sc.row;
        }

    // 亩均效益 by park, as performance_parks_table gives it (numbers as numbers).
    if (in.performance) {
        Sheet perf{workbook_add_worksheet(wb, w("Performance per mu", "亩均效益").c_str()), header};
        perf.head(in.performance->parks.header);
        for (const auto& r : in.performance->parks.rows) {
            for (size_t c = 0; c < r.size(); ++c) {
                char* end = nullptr;
                const double v = std::strtod(r[c].c_str(), &end);
                if (c > 0 && !r[c].empty() && end && *end == '\0') put(perf, static_cast<int>(c), v, nullptr);
                else put(perf, static_cast<int>(c), r[c]);
            }
            ++perf.row;
        }
    }
    // Life circles: per park, the share of employees reaching every daily facility within each circle.
    if (in.life_circles) {
        const ReportLifeCircles& lc = *in.life_circles;
        Sheet lcs{workbook_add_worksheet(wb, w("Life circles", "生活圈").c_str()), header};
        std::vector<std::string> head = {w("Park", "园区")};
        for (int m : lc.minutes) head.push_back(std::to_string(m) + w(" min", " 分钟"));
        lcs.head(head);
        for (size_t p = 0; p < lc.park_name.size() && p < lc.shares.size(); ++p) {
            put(lcs, 0, lc.park_name[p]);
            for (size_t c = 0; c < lc.shares[p].size(); ++c) put(lcs, static_cast<int>(c + 1), lc.shares[p][c], percent);
            ++lcs.row;
        }
    }

    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        throw Error(std::string("cannot write the workbook: ") + lxw_strerror(err), {.file = path.string()});
    }
    rename_into_place(tmp, path);
}

}  // namespace geo
