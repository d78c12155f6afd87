#include "geo/report/performance_outputs.h"

#include <algorithm>
#include <cmath>

#include "geo/report/text_format.h"

namespace geo {

namespace {

std::string matched_by(const PerformanceRun& r, size_t i)
{
    const int64_t row = r.match.row_of.empty() ? -1 : r.match.row_of[i];
    return row < 0 ? std::string() : std::string(to_string(r.match.how[static_cast<size_t>(row)]));
}

struct ParkTally {
    size_t enterprises = 0, scored = 0, unscored = 0;
    std::vector<size_t> per_class;
    double lowest_land_m2 = 0, score_sum = 0;
};

}  // namespace

Layer performance_layer(const PerformanceRun& r, size_t begin, size_t end)
{
    Layer l;
    l.name = "performance";
    l.geometry = GeometryColumn(GeomKind::Point);
    l.columns = {Column("name", FieldType::String), Column("enterprise_fid", FieldType::Integer), Column("park", FieldType::String),
                 Column("matched_by", FieldType::String), Column("land_m2", FieldType::Real)};
    for (const std::string& k : r.scores.keys) l.columns.emplace_back(k, FieldType::Real);
    l.columns.emplace_back("score", FieldType::Real);
    l.columns.emplace_back("class", FieldType::String);
    l.columns.emplace_back("missing", FieldType::String);
    const size_t k = r.scores.keys.size();
    end = std::min(end, r.name.size());
    for (size_t i = begin; i < end; ++i) {
        l.geometry.add_point(r.xy[i]);
        l.fids.push_back(static_cast<int64_t>(i + 1));
        l.columns[0].push_string(r.name[i]);
        l.columns[1].push_integer(r.fid[i]);
        r.park_of[i] >= 0 ? l.columns[2].push_string(r.park_name[static_cast<size_t>(r.park_of[i])]) : l.columns[2].push_null();
        const std::string how = matched_by(r, i);
        how.empty() ? l.columns[3].push_null() : l.columns[3].push_string(how);
        std::isnan(r.figures.land_m2[i]) ? l.columns[4].push_null() : l.columns[4].push_real(r.figures.land_m2[i]);
        for (size_t j = 0; j < k; ++j) {
            const double v = r.scores.value[i * k + j];
            std::isnan(v) ? l.columns[5 + j].push_null() : l.columns[5 + j].push_real(v);
        }
        std::isnan(r.scores.score[i]) ? l.columns[5 + k].push_null() : l.columns[5 + k].push_real(r.scores.score[i]);
        r.scores.klass[i] < 0 ? l.columns[6 + k].push_null() : l.columns[6 + k].push_string(r.preset.classes[static_cast<size_t>(r.scores.klass[i])].name);
        const std::string missing = r.scores.missing(i);
        missing.empty() ? l.columns[7 + k].push_null() : l.columns[7 + k].push_string(missing);
    }
    return l;
}

CsvTable performance_parks_table(const PerformanceRun& r)
{
    const size_t nc = r.preset.classes.size(), np = r.park_name.size();
    std::vector<ParkTally> t(np + 2);  // parks, outside, all
    for (ParkTally& p : t) p.per_class.assign(nc, 0);
    for (size_t i = 0; i < r.name.size(); ++i) {
        for (size_t at : {r.park_of[i] >= 0 ? static_cast<size_t>(r.park_of[i]) : np, np + 1}) {
            ParkTally& p = t[at];
            ++p.enterprises;
            const int c = r.scores.klass[i];
            if (c < 0) {
                ++p.unscored;
                continue;
            }
            ++p.scored;
            ++p.per_class[static_cast<size_t>(c)];
            p.score_sum += r.scores.score[i];
            if (static_cast<size_t>(c) + 1 == nc && !std::isnan(r.figures.land_m2[i])) p.lowest_land_m2 += r.figures.land_m2[i];
        }
    }
    CsvTable out;
    out.header = {"park", "enterprises", "scored"};
    for (const PerformanceClass& c : r.preset.classes) out.header.push_back("class_" + c.name);
    const std::string lowest = r.preset.classes.back().name;
    for (const char* h : {"unscored"}) out.header.push_back(h);
    out.header.push_back("class_" + lowest + "_land_m2");
    out.header.push_back("class_" + lowest + "_land_mu");
    out.header.push_back("mean_score");
    for (size_t p = 0; p < np + 2; ++p) {
        const ParkTally& x = t[p];
        if (p == np && x.enterprises == 0) continue;
        std::vector<std::string> row = {p < np ? r.park_name[p] : p == np ? "(outside parks)" : "(all)", std::to_string(x.enterprises), std::to_string(x.scored)};
        for (size_t c : x.per_class) row.push_back(std::to_string(c));
        row.push_back(std::to_string(x.unscored));
        row.push_back(number_text(x.lowest_land_m2, 10));
        row.push_back(number_text(x.lowest_land_m2 / kMuM2, 8));
        row.push_back(x.scored ? number_text(x.score_sum / static_cast<double>(x.scored), 6) : "");
        out.rows.push_back(std::move(row));
    }
    return out;
}

void write_performance_layer(const PerformanceRun& r, const Crs& crs, const std::filesystem::path& path, const WriteOptions& options)
{
    LayerFileWriter writer(path, crs, options);
    writer.write_chunked("performance", r.name.size(), false, [&](size_t begin, size_t end) { return performance_layer(r, begin, end); });
    writer.commit();
}

void write_performance_matches(const PerformanceRun& r, const std::filesystem::path& path, bool overwrite)
{
    write_csv_rows({"line", "credit_code", "name", "matched_by", "enterprise_or_reason"}, r.table.size(),
                   [&](size_t k) {
                       return std::vector<std::string>{std::to_string(r.table.line[k]), std::string(r.table.code[k]), std::string(r.table.name[k]),
                                                       std::string(to_string(r.match.how[k])), r.match.detail(k, r.table, r.name)};
                   },
                   path, overwrite);
}

std::vector<std::string> performance_summary(const PerformanceRun& r)
{
    std::vector<std::string> out;
    out.push_back("preset: " + r.preset.name + " (" + r.preset_file.string() + ")");
    if (!r.preset.source.empty()) out.push_back("  " + r.preset.source);
    std::string inds;
    for (const PresetIndicator& i : r.preset.indicators) inds += (inds.empty() ? "" : ", ") + i.key + " " + number_text(i.weight);
    out.push_back("indicators (weight): " + inds);
    for (size_t j = 0; j < r.scores.keys.size(); ++j) {
        const PresetIndicator& ind = r.preset.indicators[j];
        if (r.preset.scaling == Scaling::Benchmark)
            out.push_back("  " + ind.key + ": benchmark " + number_text(r.scores.reference[j], 10));
        else if (r.preset.scaling == Scaling::MeanMultiple && r.scores.reference[j] > 0)
            out.push_back("  " + ind.key + ": benchmark " + number_text(r.scores.reference[j], 10) + " (" + number_text(ind.benchmark) + " × the mean " +
                          number_text(r.scores.reference[j] / ind.benchmark, 10) + ")");
        else if (r.preset.scaling == Scaling::MinMax && !std::isnan(r.scores.low[j]))
            out.push_back("  " + ind.key + ": from " + number_text(r.scores.low[j], 8) + " (20) to " + number_text(r.scores.high[j], 8) + " (100)");
    }
    if (r.table.size()) {
        const IndicatorMatch& m = r.match;
        out.push_back(printf_text("table %s: %zu rows; matched by credit code %zu, by name %zu, by normalised name %zu; no enterprise %zu, "
                                  "several enterprises %zu, enterprise already matched %zu",
                                  r.table.file.string().c_str(), r.table.size(), m.count(MatchKind::Code), m.count(MatchKind::Name),
                                  m.count(MatchKind::NormalisedName), m.count(MatchKind::NotFound), m.count(MatchKind::Ambiguous), m.count(MatchKind::Taken)));
        if (!r.has_codes) out.push_back("  (the enterprises layer has no credit code field: rows joined by name)");
    } else {
        out.push_back("no indicator table: the layer's own tax, employees, land and output value (for sales) only");
    }
    for (const std::string& w : r.scores.warnings) out.push_back("warning: " + w);
    const PerformanceScores& s = r.scores;
    out.push_back(printf_text("%zu of %zu enterprises scored (%zu with a missing indicator's weight spread over the others); %zu unscored (%s)", s.scored,
                              r.name.size(), s.spread, s.unscored,
                              r.preset.missing == MissingRule::Unscored ? "an indicator missing: the preset leaves them unscored" : "no indicator at all"));
    std::vector<size_t> per(r.preset.classes.size(), 0);
    for (int c : s.klass)
        if (c >= 0) ++per[static_cast<size_t>(c)];
    std::string dist;
    for (size_t c = 0; c < per.size(); ++c) dist += (dist.empty() ? "" : ", ") + r.preset.classes[c].name + " " + std::to_string(per[c]);
    out.push_back("classes: " + dist);
    return out;
}

}  // namespace geo
