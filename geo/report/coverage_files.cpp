#include "geo/report/coverage_files.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "geo/coverage/gaps.h"
#include "geo/coverage/network_service_areas.h"
#include "geo/io/ogr_feature.h"
#include "geo/report/coverage_outputs.h"
#include "geo/core/utf8.h"
#include "geo/report/text_format.h"

namespace geo {

namespace {

double share(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

// `text` right-aligned in `width` terminal columns (CJK characters take two).
std::string pad_left(const std::string& text, size_t width)
{
    const size_t w = display_width(text);
    return w >= width ? text : std::string(width - w, ' ') + text;
}

}  // namespace

CoverageFiles coverage_files(const LoadedProject& project, const CoverageRun& run, const CoverageSettings& settings, Language language)
{
    const bool zh = language == Language::Zh;
    auto type_name = [&](const std::string& code) { return zh ? Terms::standard().name("facility", code, language) : code; };
    CoverageFiles out;
    const LoadedLayer& firms = run.firms;
    const NetworkCoverage* nc = run.network_detail ? &*run.network_detail : nullptr;
    const CoverageResult* road = nc ? &run.by_road : nullptr;
    const Column* employees = nullptr;
    if (const std::string* f = firms.fields.field_for("employees")) employees = firms.data->column(*f);

    // The enterprises with their coverage, and where it falls short (by road when measured).
    CoverageGaps gaps = coverage_gaps(firms, run.measured());
    out.enterprises = firms.data->size();
    out.enterprises_multi = any_multi(firms.data->geometry);
    out.enterprise_rows = [&firms, &run, nc](size_t begin, size_t end) { return enterprises_coverage_layer(firms, run.straight, nc, begin, end); };
    out.layers.emplace_back("service_areas", service_areas(run.facilities, *run.type_column, settings.types));
    if (run.network) {
        NetworkServiceAreas along = network_service_areas(*run.network, run.facilities, *run.type_column, settings.types,
                                                          settings.attach_limit_m, settings.walk_off_m);
        if (along.roads.size() > 0) out.layers.emplace_back("reachable_roads", std::move(along.roads));
        if (along.areas.size() > 0) out.layers.emplace_back("network_service_areas", std::move(along.areas));
    }
    const Layer& sites = gaps.suggested_sites;
    for (size_t k = 0; k < sites.size(); ++k)
        out.summary.push_back(printf_text(zh ? "建议新建%s：位于 (%.0f, %.0f)，可多覆盖 %lld 家企业（%.0f 名从业人员）"
                                             : "suggested %s: a new one at (%.0f, %.0f) would cover %lld more enterprises (%.0f employees)",
                                     type_name(sites.columns[0].text(k)).c_str(), sites.geometry.first_coord(k).x, sites.geometry.first_coord(k).y,
                                     static_cast<long long>(sites.columns[2].integer(k)), sites.columns[3].real(k)));
    if (gaps.gap_areas.size() > 0) out.layers.emplace_back("gap_areas", std::move(gaps.gap_areas));
    if (gaps.suggested_sites.size() > 0) out.layers.emplace_back("suggested_sites", std::move(gaps.suggested_sites));

    // Tables by park, cluster and tier.
    if (const Grouping g = park_grouping(project, firms); !g.names.empty())
        out.tables.emplace_back("_parks.csv", coverage_table(g, run.straight, road, employees));
    for (const char* meaning : {"cluster", "tier"})
        if (const Grouping g = category_grouping(firms, meaning); !g.names.empty())
            out.tables.emplace_back(std::string("_") + meaning + "s.csv", coverage_table(g, run.straight, road, employees));

    // The whole study area.
    const size_t n = firms.data->size();
    out.summary.push_back(zh ? printf_text("%zu 家企业，%zu 处设施（直线距离%s）", n, run.facilities.size(), nc ? "及道路距离" : "")
                             : printf_text("%zu enterprises, %zu facilities (straight-line%s)", n, run.facilities.size(), nc ? " and by road" : ""));
    if (nc)
        out.summary.push_back(printf_text("roads: %zu segments, %.1f km, %zu disconnected parts; %zu enterprises and %zu facilities farther than %g m "
                                     "from any road (not attached)",
                                     run.network->segments(), run.network->total_length() / 1000, nc->components, nc->unattached_enterprises,
                                     nc->unattached_facilities, settings.attach_limit_m));
    if (zh)
        out.summary.push_back("  " + pad_to_width("设施类型", 16) + " " + pad_left(
                                  "半径", 8) + " " + pad_left("设施数", 10) + " " + pad_left("企业覆盖", 10) + " " + pad_left("从业人员覆盖", 12) +
                              (nc ? " " + pad_left("道路距离", 11) : ""));
    else
        out.summary.push_back(printf_text("  %-16s %8s %10s %10s %12s%s", "type", "radius", "facilities", "covered", "employees", nc ? "    by road" : ""));
    const std::vector<int32_t> all(n, 0);
    const auto rows = coverage_summary(run.straight, all, {"all"}, employees);
    const auto road_rows = nc ? coverage_summary(run.by_road, all, {"all"}, employees) : std::vector<CoverageRow>{};
    for (size_t k = 0; k < rows.size(); ++k) {
        const CoverageRow& row = rows[k];
        const auto type = std::find_if(run.straight.types.begin(), run.straight.types.end(), [&](const auto& t) { return t.type.code == row.type; });
        std::string line = "  " + pad_to_width(type_name(row.type), 16) + printf_text(" %7.0fm %10zu %9.1f%% %11.1f%%", row.radius_m, type->facilities,
                                  share(static_cast<double>(row.covered), static_cast<double>(row.enterprises)),
                                  share(row.employees_covered, row.employees));
        if (nc) line += printf_text(" %10.1f%%", share(static_cast<double>(road_rows[k].covered), static_cast<double>(road_rows[k].enterprises)));
        out.summary.push_back(line);
    }
    return out;
}

std::vector<std::pair<std::string, CsvTable>> coverage_totals_tables(const CoverageTotals& totals)
{
    std::vector<std::pair<std::string, CsvTable>> tables;
    for (const auto& [rows, label, suffix] : {std::tuple{&totals.parks, "park", "_parks.csv"}, {&totals.clusters, "cluster", "_clusters.csv"},
                                              {&totals.tiers, "tier", "_tiers.csv"}})
        if (!rows->empty()) tables.emplace_back(suffix, coverage_rows_table(label, *rows, nullptr));
    return tables;
}

void write_coverage_layers(const CoverageFiles& files, const Crs& crs, const std::filesystem::path& path, const WriteOptions& options)
{
    LayerFileWriter writer(path, crs, options);
    writer.write_chunked("enterprises_coverage", files.enterprises, files.enterprises_multi, files.enterprise_rows);
    for (const auto& [name, layer] : files.layers) writer.write(name, layer);
    writer.commit();
}

}  // namespace geo
