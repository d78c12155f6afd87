#include "geo/synth/synth_demo.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <unistd.h>

#include <cpl_conv.h>
#include <geos_c.h>

#include "geo/core/error.h"
#include "geo/core/geos_util.h"
#include "geo/core/layer.h"
#include "geo/core/polygon_locator.h"
#include "geo/io/atomic_file.h"
#include "geo/io/crs.h"
#include "geo/io/gdal_errors.h"
#include "geo/io/layer_writer.h"
#include "geo/io/web_map_coords.h"
#include "geo/project/project.h"
#include "geo/synth/demo_catalogue.h"
#include "geo/synth/random.h"

namespace geo {

namespace fs = std::filesystem;

namespace {

constexpr double kTwoPi = 6.283185307179586;
// Everything is generated in metres in the CGCS2000 Gauss-Krüger zone of central Chongqing.
constexpr int kMetricEpsg = 4545;

// Names: 重庆 + a two-character brand + an industry word + a company form.
const char* const kBrandChars[] = {"鑫", "宏", "华", "瑞", "恒", "达", "博", "创", "智", "远", "川", "渝", "力", "天",
                                   "成", "盛", "新", "联", "源", "德", "金", "正", "信", "凯", "东", "西", "巴", "海",
                                   "嘉", "荣", "通", "利", "科", "龙", "明", "泰", "晨", "峰", "立", "丰"};

struct ParkShape {
    Coord centre;   // metres
    double radius;  // metres
    double area_km2 = 0;
};

std::vector<Coord> blob(Random& rng, Coord c, double r, int n, double wobble)
{
    const double p1 = rng.uniform(0, kTwoPi), p2 = rng.uniform(0, kTwoPi), p3 = rng.uniform(0, kTwoPi);
    std::vector<Coord> ring;
    for (int i = 0; i < n; ++i) {
        const double t = kTwoPi * i / n;
        const double k = 1 + wobble * (0.5 * std::sin(2 * t + p1) + 0.33 * std::sin(3 * t + p2) + 0.17 * std::sin(5 * t + p3));
        ring.push_back({c.x + r * k * std::cos(t), c.y + r * k * std::sin(t)});
    }
    ring.push_back(ring.front());
    return ring;
}

std::vector<Coord> reversed(std::vector<Coord> ring)
{
    std::reverse(ring.begin(), ring.end());
    return ring;
}

Coord to_metric(const Transformer& t, double lon, double lat)
{
    Coord c{lon, lat};
    t.transform(std::span<Coord>(&c, 1));
    return c;
}

// A uniform random point inside polygon `locator` (rejection in its box).
Coord point_inside(Random& rng, const PolygonLocator& locator)
{
    const Envelope& b = locator.envelope();
    for (int i = 0; i < 10000; ++i) {
        const Coord c{rng.uniform(b.min_x, b.max_x), rng.uniform(b.min_y, b.max_y)};
        if (locator.contains(c.x, c.y)) return c;
    }
    return b.centre();
}

std::string enterprise_name(Random& rng, const DemoCluster& cluster, bool listed)
{
    std::string name = "重庆";
    name += kBrandChars[rng.integer(0, std::size(kBrandChars) - 1)];
    name += kBrandChars[rng.integer(0, std::size(kBrandChars) - 1)];
    name += cluster.name_words[static_cast<size_t>(rng.integer(0, static_cast<int>(cluster.name_words.size()) - 1))];
    const char* forms[] = {"有限公司", "科技有限公司", "制造有限公司", "实业有限公司"};
    name += listed ? "股份有限公司" : forms[rng.integer(0, 3)];
    return name;
}

double round_to(double v, double step) { return std::round(v / step) * step; }

Layer make_layer(const std::string& name, GeomKind kind, std::vector<Column> columns)
{
    Layer layer;
    layer.name = name;
    layer.geometry = GeometryColumn(kind);
    layer.columns = std::move(columns);
    return layer;
}

void add_polygon(Layer& layer, const std::vector<std::vector<std::vector<Coord>>>& polygons)
{
    layer.geometry.begin_feature(polygons.size() > 1);
    for (const auto& rings : polygons) {
        layer.geometry.begin_part();
        for (const auto& ring : rings) layer.geometry.add_ring(ring);
    }
    layer.geometry.end_feature();
    layer.fids.push_back(static_cast<int64_t>(layer.fids.size()));
}

void add_line(Layer& layer, const std::vector<Coord>& line)
{
    layer.geometry.begin_feature(false);
    layer.geometry.begin_part();
    layer.geometry.add_ring(line);
    layer.geometry.end_feature();
    layer.fids.push_back(static_cast<int64_t>(layer.fids.size()));
}

// Copies `layer` (in metres) to `crs` and writes it.
void write_in(const Layer& metric_layer, const Crs& metric, const Crs& crs, const fs::path& path, WriteOptions options,
              SynthSummary& summary)
{
    Layer copy = metric_layer;
    Transformer(metric, crs).transform(copy.geometry.mutable_coords());
    if (path.extension() == ".shp") options.layer_options.push_back("DBF_DATE_LAST_UPDATE=2026-01-01");
    write_layer(copy, crs, path, options);
    summary.files.push_back(path.filename().string());
}

// Clips `line` to `polygon` with GEOS and adds the pieces as road features.
void add_clipped(const GeosContext& geos, const GEOSGeometry* polygon, const std::vector<Coord>& line, Layer& roads,
                 const char* road_class, int speed)
{
    GEOSContextHandle_t h = geos.handle();
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(line.size()), 2);
    for (unsigned i = 0; i < line.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, line[i].x, line[i].y);
    GeosGeom ls(GEOSGeom_createLineString_r(h, seq), GeosGeomDeleter{h});
    GeosGeom clipped(GEOSIntersection_r(h, ls.get(), polygon), GeosGeomDeleter{h});
    if (!clipped) return;
    for (int i = 0; i < GEOSGetNumGeometries_r(h, clipped.get()); ++i) {
        const GEOSGeometry* piece = GEOSGetGeometryN_r(h, clipped.get(), i);
        if (GEOSGeomTypeId_r(h, piece) != GEOS_LINESTRING) continue;
        double length = 0;
        GEOSLength_r(h, piece, &length);
        if (length < 50) continue;
        if (!append_from_geos(geos, piece, roads.geometry)) continue;
        roads.fids.push_back(static_cast<int64_t>(roads.fids.size()));
        roads.columns[0].push_null();
        roads.columns[1].push_string(road_class);
        roads.columns[2].push_integer(speed);
    }
}

void write_facilities_csv(const Layer& facilities, const Crs& metric, const fs::path& path, bool overwrite)
{
    std::error_code ec;
    if (fs::exists(path, ec) && !overwrite) throw Error("already exists; not overwriting it", {.file = path.string()});
    Layer copy = facilities;
    Transformer(metric, wgs84()).transform(copy.geometry.mutable_coords());
    std::string csv = "\xEF\xBB\xBF名称,类型,容量,经度,纬度\n";  // with a BOM, as Excel writes it
    char buf[64];
    for (size_t i = 0; i < copy.size(); ++i) {
        const Coord g = wgs84_to_gcj02(copy.geometry.first_coord(i));
        csv += copy.columns[0].text(i) + "," + copy.columns[1].text(i) + "," + copy.columns[2].text(i) + ",";
        std::snprintf(buf, sizeof buf, "%.6f,%.6f\n", g.x, g.y);
        csv += buf;
    }
    write_file_atomically(path, csv);
}

}  // namespace

namespace {

SynthSummary write_demo(const SynthOptions& o, const Progress& progress)
{
    std::error_code ec;
    Random rng(o.seed);
    const Crs metric = parse_crs("EPSG:" + std::to_string(kMetricEpsg));
    const Crs cgcs2000 = parse_crs("EPSG:4490");
    const Transformer to_metric_t(wgs84(), metric);
    SynthSummary summary;
    WriteOptions write;
    write.overwrite = o.overwrite;

    // Parks.
    progress(0.0, "parks");
    const auto& parks_spec = demo_parks();
    const auto& clusters = demo_clusters();
    Layer parks = make_layer("parks", GeomKind::Polygon,
                             {Column("名称", FieldType::String), Column("name_en", FieldType::String),
                              Column("园区代码", FieldType::String), Column("主导产业", FieldType::String),
                              Column("容积率", FieldType::Real)});
    std::vector<ParkShape> shapes;
    for (const DemoPark& p : parks_spec) {
        ParkShape s{to_metric(to_metric_t, p.lon, p.lat), p.radius_km * 1000};
        std::vector<std::vector<std::vector<Coord>>> polygons;
        std::vector<std::vector<Coord>> main{blob(rng, s.centre, s.radius, 64, 0.36)};
        if (p.has_hole)
            main.push_back(reversed(blob(rng, {s.centre.x + 0.2 * s.radius, s.centre.y - 0.1 * s.radius}, 0.17 * s.radius, 24, 0.2)));
        polygons.push_back(main);
        if (p.two_parts) {
            const double a = rng.uniform(0, kTwoPi);
            const Coord c2{s.centre.x + 2.3 * s.radius * std::cos(a), s.centre.y + 2.3 * s.radius * std::sin(a)};
            polygons.push_back({blob(rng, c2, 0.45 * s.radius, 32, 0.3)});
        }
        add_polygon(parks, polygons);
        std::string industries;
        for (int c : p.clusters) industries += (industries.empty() ? "" : "、") + clusters[static_cast<size_t>(c)].name_zh;
        parks.columns[0].push_string(p.name_zh);
        parks.columns[1].push_string(p.name_en);
        parks.columns[2].push_string(p.code);
        parks.columns[3].push_string(industries);
        parks.columns[4].push_real(p.permitted_far);
        s.area_km2 = polygon_area(parks.geometry, parks.size() - 1) / 1e6;
        shapes.push_back(s);
    }
    std::vector<PolygonLocator> inside;
    for (size_t i = 0; i < parks.size(); ++i) inside.emplace_back(parks.geometry, i);

    // Enterprises: clustered by industry around a few centres inside each park, some outside.
    progress(0.05, "enterprises");
    const Layer firms_schema = make_layer("enterprises", GeomKind::Point,
                             {Column("企业名称", FieldType::String), Column("行业代码", FieldType::String),
                              Column("产业集群", FieldType::String), Column("梯度层级", FieldType::String),
                              Column("从业人员", FieldType::Integer), Column("建筑面积", FieldType::Real),
                              Column("用地面积", FieldType::Real), Column("工业产值", FieldType::Real),
                              Column("税收", FieldType::Real), Column("成立年份", FieldType::Integer),
                              Column("建筑基底面积", FieldType::Real), Column("行政生活用地面积", FieldType::Real),
                              Column("绿地面积", FieldType::Real), Column("层高", FieldType::Real),
                              Column("统一社会信用代码", FieldType::String)});
    // The land-use details come from a second stream, so the fields above stay as they were.
    Random plot_rng(o.seed * 7919 + 17);
    std::vector<double> park_jobs(parks.size(), 0.0);
    // Generated and written a chunk at a time, so that ten million enterprises never sit in
    // memory at once (the stream of random numbers, and so the files, are as in one piece).
    constexpr int64_t kChunk = 250'000;
    LayerFileWriter firms_file(o.folder / "enterprises.gpkg", cgcs2000, write);
    firms_file.begin_layer("enterprises", firms_schema, false, static_cast<size_t>(o.enterprises));
    const Transformer to_cgcs2000(metric, cgcs2000);
    Layer firms = firms_schema;
    auto flush_firms = [&] {
        to_cgcs2000.transform(firms.geometry.mutable_coords());
        firms_file.append(firms);
        summary.enterprises += static_cast<int64_t>(firms.size());
        firms = firms_schema;
    };
    std::vector<double> park_weights;
    std::vector<std::vector<std::vector<Coord>>> centres(parks.size());  // [park][cluster slot] -> centres
    for (size_t p = 0; p < parks.size(); ++p) {
        park_weights.push_back(shapes[p].area_km2);
        for (size_t k = 0; k < parks_spec[p].clusters.size(); ++k) {
            centres[p].emplace_back();
            for (int c = 0; c < 3; ++c) centres[p][k].push_back(point_inside(rng, inside[p]));
        }
    }
    std::vector<double> tier_weights;
    for (const DemoTier& t : demo_tiers()) tier_weights.push_back(t.share);
    const Coord city = to_metric(to_metric_t, 106.55, 29.56);
    // The bureau's table for 亩均效益 (parkcap performance), written row by row beside the
    // enterprises from its own stream of random numbers (the layer stays as it was): credit
    // code, name (a few spelled differently, a few firms missing, a few rows of firms not in
    // the layer), tax, value added, sales, energy use, emissions, R&D.
    Random ind_rng(o.seed * 6151 + 29);
    const fs::path indicators_path = o.folder / "enterprise_indicators.csv";
    std::ofstream indicators(indicators_path, std::ios::binary);
    indicators << "\xEF\xBB\xBF统一社会信用代码,企业名称,税收,工业增加值,营业收入,综合能耗,排放当量,研发经费\n";
    auto credit_code = [&] {
        static const char kDigits[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        std::string c = "91500";
        for (int k = 0; k < 13; ++k) c += kDigits[ind_rng.integer(0, k < 12 ? 9 : 30)];
        return c;
    };
    auto indicator_row = [&](const std::string& code, std::string name, double output, double tax) {
        const double value_added = output * ind_rng.uniform(0.2, 0.35), sales = output * ind_rng.uniform(0.95, 1.15);
        const double energy = output / ind_rng.lognormal(8, 0.6), emissions = energy * ind_rng.uniform(0.5, 3);
        const double rd = sales * std::max(0.0, 0.025 + 0.015 * ind_rng.normal());
        const double spelling = ind_rng.uniform();
        if (spelling < 0.02) {  // 有限责任公司 for 有限公司
            if (const size_t at = name.rfind("有限公司"); at != std::string::npos) name.replace(at, std::string("有限公司").size(), "有限责任公司");
        } else if (spelling < 0.03) {  // a space after the city
            name.insert(std::string("重庆").size(), " ");
        }
        const bool energy_known = ind_rng.uniform() >= 0.01;
        char buf[320];
        std::snprintf(buf, sizeof buf, "%s,%s,%.1f,%.1f,%.1f,", code.c_str(), name.c_str(), tax, value_added, sales);
        indicators << buf;
        if (energy_known) {
            std::snprintf(buf, sizeof buf, "%.2f,%.3f,%.1f\n", energy, emissions, rd);
        } else {
            std::snprintf(buf, sizeof buf, ",%.3f,%.1f\n", emissions, rd);
        }
        indicators << buf;
    };
    for (int64_t i = 0; i < o.enterprises; ++i) {
        if ((i & 0xFFFF) == 0) progress(0.05 + 0.5 * static_cast<double>(i) / static_cast<double>(o.enterprises), "enterprises");
        const size_t p = rng.pick(park_weights);
        const DemoPark& park = parks_spec[p];
        std::vector<double> cw = {0.55, 0.3, 0.15};
        cw.resize(park.clusters.size());
        size_t slot = rng.pick(cw);
        size_t cluster = static_cast<size_t>(park.clusters[slot]);
        Coord at;
        const double where = rng.uniform();
        if (where < 0.82) {  // in the park, around one of its cluster centres
            const Coord c = centres[p][slot][static_cast<size_t>(rng.integer(0, 2))];
            bool placed = false;
            for (int t = 0; t < 30 && !placed; ++t) {
                at = {c.x + rng.normal() * 0.3 * shapes[p].radius, c.y + rng.normal() * 0.3 * shapes[p].radius};
                placed = inside[p].contains(at.x, at.y);
            }
            if (!placed) at = point_inside(rng, inside[p]);
        } else if (where < 0.94) {  // spill-over just outside the park
            const double a = rng.uniform(0, kTwoPi), d = shapes[p].radius * rng.uniform(1.3, 2.6);
            at = {shapes[p].centre.x + d * std::cos(a), shapes[p].centre.y + d * std::sin(a)};
        } else {  // scattered around the main city, any industry
            cluster = static_cast<size_t>(rng.integer(0, static_cast<int>(clusters.size()) - 1));
            at = {city.x + rng.normal() * 9000, city.y + rng.normal() * 7000};
        }
        if (rng.uniform() < 0.06) cluster = static_cast<size_t>(rng.integer(0, static_cast<int>(clusters.size()) - 1));
        const DemoCluster& cl = clusters[cluster];
        const size_t tier = rng.pick(tier_weights);
        const DemoTier& t = demo_tiers()[tier];
        std::vector<double> code_weights;
        for (size_t k = 0; k < cl.codes.size(); ++k) code_weights.push_back(k == 0 ? 3.0 : 1.0 / static_cast<double>(k));
        const int64_t employees = std::max<int64_t>(3, std::llround(rng.lognormal(t.median_employees, 0.65)));
        const double floor = round_to(static_cast<double>(employees) * cl.floor_per_job * rng.lognormal(1, 0.3), 10);
        const double far = std::clamp(1.1 + 0.38 * rng.normal(), 0.3, 3.2);
        const double output = round_to(static_cast<double>(employees) * cl.output_per_job * rng.lognormal(1, 0.45), 0.1);
        const double tax = round_to(output * rng.uniform(0.025, 0.06) * rng.lognormal(1, 0.3), 0.1);

        firms.geometry.add_point(at);
        firms.fids.push_back(i + 1);
        const std::string name = enterprise_name(rng, cl, tier == demo_tiers().size() - 1);
        firms.columns[0].push_string(name);
        firms.columns[1].push_string(cl.codes[rng.pick(code_weights)]);
        firms.columns[2].push_string(cl.name_zh);
        if (t.name.empty()) firms.columns[3].push_null();
        else firms.columns[3].push_string(t.name);
        if (rng.uniform() < 0.004) firms.columns[4].push_null();  // real registers have gaps
        else firms.columns[4].push_integer(employees);
        firms.columns[5].push_real(floor);
        firms.columns[6].push_real(round_to(floor / far, 10));
        firms.columns[7].push_real(output);
        firms.columns[8].push_real(tax);
        firms.columns[9].push_integer(std::clamp<int64_t>(2025 - std::llround(std::abs(rng.normal()) * (4.0 + 3.0 * static_cast<double>(tier))), 1985, 2025));
        const double land = round_to(floor / far, 10);
        const double coefficient = std::clamp(0.45 + 0.12 * plot_rng.normal(), 0.12, 0.75);
        firms.columns[10].push_real(round_to(std::min(floor, land * coefficient), 10));
        firms.columns[11].push_real(round_to(land * std::clamp(0.05 + 0.03 * plot_rng.normal(), 0.0, 0.25), 10));
        firms.columns[12].push_real(round_to(land * std::clamp(0.13 + 0.06 * plot_rng.normal(), 0.0, 0.35), 10));
        firms.columns[13].push_real(plot_rng.uniform() < 0.15 ? round_to(plot_rng.uniform(8.5, 12), 0.5) : round_to(plot_rng.uniform(4, 7.5), 0.5));
        if (where < 0.82) park_jobs[p] += static_cast<double>(employees);
        // 90% of the firms carry their credit code in the layer too (the rest join by name).
        const std::string code = credit_code();
        const bool code_in_layer = ind_rng.uniform() < 0.9;
        code_in_layer ? firms.columns[14].push_string(code) : firms.columns[14].push_null();
        if (ind_rng.uniform() >= 0.02) indicator_row(code, name, output, tax);  // 2% of the firms are missing from the table
        if (ind_rng.uniform() < 0.005)  // a firm the layer does not have
            indicator_row(credit_code(), "重庆新设" + cl.name_words.front() + std::to_string(i + 1) + "有限公司", output, tax);
        if (static_cast<int64_t>(firms.size()) == kChunk) flush_firms();
    }
    flush_firms();
    firms_file.commit();
    summary.files.push_back("enterprises.gpkg");
    indicators.close();
    if (!indicators) throw Error("cannot write the indicator table (is the disk full?)", {.file = indicators_path.string()});
    summary.files.push_back("enterprise_indicators.csv");

    // Facilities inside and near each park.
    progress(0.55, "facilities");
    Layer facilities = make_layer("facilities", GeomKind::Point,
                                  {Column("名称", FieldType::String), Column("类型", FieldType::String),
                                   Column("容量", FieldType::Integer)});
    for (size_t p = 0; p < parks.size(); ++p) {
        for (const DemoFacilityType& ft : demo_facility_types()) {
            const int n = std::max(1, static_cast<int>(std::lround(ft.per_km2 * shapes[p].area_km2 * rng.uniform(0.6, 1.2))));
            for (int k = 0; k < n; ++k) {
                Coord at = point_inside(rng, inside[p]);
                if (rng.uniform() < 0.12) {  // a few serve the park from just outside it
                    const double a = rng.uniform(0, kTwoPi), d = shapes[p].radius * rng.uniform(1.1, 1.6);
                    at = {shapes[p].centre.x + d * std::cos(a), shapes[p].centre.y + d * std::sin(a)};
                }
                facilities.geometry.add_point(at);
                facilities.fids.push_back(static_cast<int64_t>(facilities.fids.size()));
                facilities.columns[0].push_string(parks_spec[p].name_zh + ft.name_zh.substr(0, ft.name_zh.find('/')) + std::to_string(k + 1) + "号");
                facilities.columns[1].push_string(ft.name_zh);
                if (ft.capacity_hi > 0) facilities.columns[2].push_integer(rng.integer(ft.capacity_lo, ft.capacity_hi) / 10 * 10);
                else facilities.columns[2].push_null();
            }
        }
    }
    summary.facilities = static_cast<int64_t>(facilities.size());

    // Roads: arterials joining the parks and the main city (a minimum spanning tree), and a
    // local grid inside each park clipped to its boundary (crossings without shared vertices,
    // and detached park zones whose grid is not connected, as real road data has them).
    progress(0.6, "roads");
    Layer roads = make_layer("roads", GeomKind::Line,
                             {Column("名称", FieldType::String), Column("道路等级", FieldType::String),
                              Column("设计车速", FieldType::Integer)});
    std::vector<Coord> nodes{city};
    for (const ParkShape& s : shapes) nodes.push_back(s.centre);
    std::vector<bool> in_tree(nodes.size(), false);
    in_tree[0] = true;
    for (size_t added = 1; added < nodes.size(); ++added) {
        double best = INFINITY;
        size_t from = 0, to = 0;
        for (size_t a = 0; a < nodes.size(); ++a)
            for (size_t b = 0; b < nodes.size() && in_tree[a]; ++b)
                if (!in_tree[b] && std::hypot(nodes[a].x - nodes[b].x, nodes[a].y - nodes[b].y) < best) {
                    best = std::hypot(nodes[a].x - nodes[b].x, nodes[a].y - nodes[b].y);
                    from = a;
                    to = b;
                }
        in_tree[to] = true;
        std::vector<Coord> line;
        const Coord a = nodes[from], b = nodes[to];
        const double nx = -(b.y - a.y) / best, ny = (b.x - a.x) / best;
        for (int k = 0; k <= 6; ++k) {
            const double t = k / 6.0, j = (k == 0 || k == 6) ? 0 : rng.normal() * 0.03 * best;
            line.push_back({a.x + t * (b.x - a.x) + j * nx, a.y + t * (b.y - a.y) + j * ny});
        }
        add_line(roads, line);
        roads.columns[0].push_string("园区联络干道" + std::to_string(added) + "号");
        roads.columns[1].push_string("主干路");
        roads.columns[2].push_integer(60);
    }
    GeosContext geos;
    for (size_t p = 0; p < parks.size(); ++p) {
        GeosGeom boundary = to_geos(geos, parks.geometry, p);
        const Envelope box = parks.geometry.envelope(p);
        const double spacing = 450;
        const double angle = rng.uniform(-0.3, 0.3), ca = std::cos(angle), sa = std::sin(angle);
        const Coord c = box.centre();
        const double half = std::hypot(box.width(), box.height()) / 2;
        for (double off = -half; off <= half; off += spacing) {
            const bool major = std::fmod(std::abs(off), spacing * 3) < 1;
            add_clipped(geos, boundary.get(), {{c.x - half * ca - off * sa, c.y - half * sa + off * ca}, {c.x + half * ca - off * sa, c.y + half * sa + off * ca}},
                        roads, major ? "次干路" : "支路", major ? 40 : 30);
            add_clipped(geos, boundary.get(), {{c.x + off * ca + half * sa, c.y + off * sa - half * ca}, {c.x + off * ca - half * sa, c.y + off * sa + half * ca}},
                        roads, major ? "次干路" : "支路", major ? 40 : 30);
        }
    }
    summary.roads = static_cast<int64_t>(roads.size());

    // Constraints: ecological red lines across park edges, high-voltage corridors, rivers;
    // some overlap each other, as they do in real plans.
    progress(0.7, "constraints");
    Layer constraints = make_layer("constraints", GeomKind::Polygon,
                                   {Column("名称", FieldType::String), Column("类型", FieldType::String)});
    auto add_constraint = [&](const std::vector<Coord>& ring, const std::string& name, const std::string& type) {
        add_polygon(constraints, {{ring}});
        constraints.columns[0].push_string(name);
        constraints.columns[1].push_string(type);
    };
    for (size_t p = 0; p < parks.size(); ++p) {
        const ParkShape& s = shapes[p];
        const double a = rng.uniform(0, kTwoPi);
        add_constraint(blob(rng, {s.centre.x + 0.95 * s.radius * std::cos(a), s.centre.y + 0.95 * s.radius * std::sin(a)}, 0.38 * s.radius, 40, 0.3),
                       parks_spec[p].name_zh + "生态保护红线", "生态保护红线");
        const double b = a + rng.uniform(0.8, 2.2), w = 40, len = 1.4 * s.radius;
        const Coord d{std::cos(b), std::sin(b)}, n{-std::sin(b), std::cos(b)};
        const Coord o2{s.centre.x + 0.25 * s.radius * n.x, s.centre.y + 0.25 * s.radius * n.y};
        add_constraint({{o2.x - len * d.x - w * n.x, o2.y - len * d.y - w * n.y}, {o2.x + len * d.x - w * n.x, o2.y + len * d.y - w * n.y},
                        {o2.x + len * d.x + w * n.x, o2.y + len * d.y + w * n.y}, {o2.x - len * d.x + w * n.x, o2.y - len * d.y + w * n.y},
                        {o2.x - len * d.x - w * n.x, o2.y - len * d.y - w * n.y}},
                       parks_spec[p].name_zh + "220kV高压走廊", "高压走廊");
        if (p % 3 == 0)
            add_constraint(blob(rng, {s.centre.x - 0.5 * s.radius * d.x, s.centre.y - 0.5 * s.radius * d.y}, 0.22 * s.radius, 28, 0.5),
                           parks_spec[p].name_zh + "水域", "水域");
    }
    summary.constraints = static_cast<int64_t>(constraints.size());

    // Sites: vacant or under-used parcels inside the parks, not overlapping one another.
    progress(0.75, "sites");
    Layer sites = make_layer("sites", GeomKind::Polygon,
                             {Column("地块编号", FieldType::String), Column("用地状态", FieldType::String),
                              Column("规划容积率", FieldType::Real), Column("用地面积", FieldType::Real)});
    const char* statuses[] = {"空地", "待开发", "低效用地"};
    // Six to twelve per park, or three for every 800 enterprises when that is more, up to 7,500
    // in all (two in three are vacant: the placement benchmarks' 2,000 applicants x 500 sites at
    // 200,000 enterprises, 20,000 x 5,000 from 2,000,000 on), then smaller (50 to 150 m a
    // side) so that they still fit.
    const int64_t total_sites = std::min<int64_t>(7500, o.enterprises * 3 / 800);
    const int scaled = static_cast<int>((total_sites + static_cast<int64_t>(parks.size()) - 1) / std::max<int64_t>(1, static_cast<int64_t>(parks.size())));
    for (size_t p = 0; p < parks.size(); ++p) {
        std::vector<std::pair<Coord, double>> taken;
        int wanted = rng.integer(6, 12);
        const bool many = scaled > wanted;
        if (many) wanted = scaled;
        const int most = many ? 400 + 40 * wanted : 400;
        for (int tries = 0; tries < most && static_cast<int>(taken.size()) < wanted; ++tries) {
            const Coord c = point_inside(rng, inside[p]);
            double w = rng.uniform(80, 260), h = rng.uniform(80, 260);
            const double a = rng.uniform(-0.4, 0.4);
            if (many) {
                w = 50 + (w - 80) * 100 / 180;
                h = 50 + (h - 80) * 100 / 180;
            }
            const double reach = std::hypot(w, h) / 2;
            bool clear = true;
            for (const auto& [tc, tr] : taken) clear = clear && std::hypot(tc.x - c.x, tc.y - c.y) > tr + reach;
            std::vector<Coord> ring;
            for (auto [u, v] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}}) {
                const double x = u * w / 2, y = v * h / 2;
                ring.push_back({c.x + x * std::cos(a) - y * std::sin(a), c.y + x * std::sin(a) + y * std::cos(a)});
                clear = clear && inside[p].contains(ring.back().x, ring.back().y);
            }
            if (!clear) continue;
            taken.push_back({c, reach});
            add_polygon(sites, {{ring}});
            char code[32];
            std::snprintf(code, sizeof code, "%s-S%02zu", parks_spec[p].code.c_str(), taken.size());
            sites.columns[0].push_string(code);
            sites.columns[1].push_string(statuses[rng.integer(0, 2)]);
            sites.columns[2].push_real(parks_spec[p].permitted_far);
            sites.columns[3].push_real(round_to(w * h, 1));
        }
    }
    summary.sites = static_cast<int64_t>(sites.size());
    summary.parks = static_cast<int64_t>(parks.size());

    // Write: each layer in the CRS and format real data of its kind often comes in.
    progress(0.8, "writing");
    write_in(parks, metric, cgcs2000, o.folder / "parks.gpkg", write, summary);
    write_facilities_csv(facilities, metric, o.folder / "facilities_gcj02.csv", o.overwrite);
    summary.files.push_back("facilities_gcj02.csv");
    write_in(roads, metric, wgs84(), o.folder / "roads.fgb", write, summary);
    WriteOptions gbk = write;
    gbk.encoding = "CP936";
    gbk.write_cpg = false;
    write_in(constraints, metric, wgs84(), o.folder / "constraints.shp", gbk, summary);
    write_in(sites, metric, metric, o.folder / "sites.gpkg", write, summary);

    Project project;
    project.name = "重庆市产业园区示例 (Chongqing demo, synthetic)";
    auto add = [&](const std::string& id, Role role, const std::string& path) -> ProjectLayer& {
        ProjectLayer l;
        l.id = id;
        l.role = role;
        l.path = path;
        l.source.path = (o.folder / path).string();
        project.layers.push_back(l);
        return project.layers.back();
    };
    if (!o.districts.empty()) {
        // Into the temporary folder (see synthesize_demo), which is moved into place whole.
        const fs::path target = o.folder / "districts.geojson";
        if (!fs::exists(o.districts, ec)) throw Error("no such file", {.file = o.districts.string()});
        fs::copy_file(o.districts, target, fs::copy_options::overwrite_existing, ec);
        if (ec) throw Error("cannot copy: " + ec.message(), {.file = o.districts.string()});
        // The source may be read-only (shared reference data); the copy is the project's own.
        fs::permissions(target, fs::perms::owner_write, fs::perm_options::add, ec);
        summary.files.push_back("districts.geojson");
        add("districts", Role::Regions, "districts.geojson");
    }
    add("parks", Role::Parks, "parks.gpkg");
    add("enterprises", Role::Enterprises, "enterprises.gpkg");
    ProjectLayer& fac = add("facilities", Role::Facilities, "facilities_gcj02.csv");
    fac.source.srs = "EPSG:4326";
    fac.source.coords = WebMapCoords::Gcj02;
    add("roads", Role::Roads, "roads.fgb");
    add("constraints", Role::Constraints, "constraints.shp");
    add("sites", Role::Sites, "sites.gpkg");
    // Infrastructure capacities per park: today's load (rough per-job rates of this generator)
    // times a headroom drawn per park and factor, so that different parks run short of
    // different things. Dormitory beds come from the dormitory facilities' capacity.
    {
        std::string csv = "park_code,factor,capacity\n";
        // Dormitory beds here are the stock outside the facilities layer (enterprises' own).
        const std::pair<const char*, double> per_job[] = {{"power_kw", 4.8}, {"water_m3d", 0.6}, {"wastewater_m3d", 0.48}, {"road_peak_trips", 0.4},
                                                          {"dormitory_beds", 0.2}};
        for (size_t p = 0; p < parks.size(); ++p)
            for (const auto& [factor, rate] : per_job) {
                char buf[128];
                std::snprintf(buf, sizeof buf, "%s,%s,%.0f\n", parks_spec[p].code.c_str(), factor, park_jobs[p] * rate * plot_rng.uniform(1.3, 3.4));
                csv += buf;
            }
        write_file_atomically(o.folder / "park_infrastructure.csv", csv);
        summary.files.push_back("park_infrastructure.csv");
        write_file_atomically(o.folder / "growth_targets.csv",
                              "tier,base_year,target_year,annual_growth_rate,target_count\n"
                              "(no tier),2025,2030,0.03,\n"
                              "科技型中小企业,2025,2030,0.12,\n"
                              "高新技术企业,2025,2030,0.10,\n"
                              "专精特新中小企业,2025,2030,0.15,\n"
                              "专精特新“小巨人”企业,2025,2030,0.10,\n"
                              "上市企业,2025,2030,0.08,\n");
        summary.files.push_back("growth_targets.csv");
        // Incoming applicants for `parkcap place`: one for every 100 enterprises (at least 40,
        // at most 20,000: a city's intake, not its registry), of the demo's clusters and tiers,
        // a third of them with a preferred park.
        {
            Random arng(o.seed * 104729 + 3);
            std::string list = "name,cluster,tier,floor_m2,jobs,park\n";
            const int64_t n = std::clamp<int64_t>(o.enterprises / 100, 40, 20000);
            const auto& clusters = demo_clusters();
            const auto& tiers = demo_tiers();
            for (int64_t a = 0; a < n; ++a) {
                const DemoCluster& cl = clusters[static_cast<size_t>(arng.uniform() * static_cast<double>(clusters.size())) % clusters.size()];
                const DemoTier& tier = tiers[static_cast<size_t>(arng.uniform() * static_cast<double>(tiers.size())) % tiers.size()];
                const double floor = round_to(3000 + 27000 * arng.uniform() * arng.uniform(), 100);
                const double jobs = std::max(5.0, std::round(floor / cl.floor_per_job));
                const std::string park = arng.uniform() < 0.33 ? parks_spec[static_cast<size_t>(arng.uniform() * static_cast<double>(parks_spec.size())) % parks_spec.size()].code : "";
                char buf[256];
                std::snprintf(buf, sizeof buf, "拟入驻%s企业%03lld,%s,%s,%.0f,%.0f,%s\n", cl.name_zh.c_str(), static_cast<long long>(a + 1), cl.name_zh.c_str(),
                              tier.name.c_str(), floor, jobs, park.c_str());
                list += buf;
            }
            write_file_atomically(o.folder / "incoming_applicants.csv", list);
            summary.files.push_back("incoming_applicants.csv");
        }
    }
    project.extra["analysis"]["coverage"] = {{"radii_table", "../standards/facility_service_radii.csv"}};
    project.extra["analysis"]["capacity"] = {{"standards_dir", "../standards"},
                                             {"infrastructure", "park_infrastructure.csv"},
                                             {"growth", "growth_targets.csv"}};
    // 亩均效益: Huai'an's preset on the bureau's table.
    project.extra["analysis"]["performance"] = {{"preset", "huaian"}, {"indicators", "enterprise_indicators.csv"}};
    // Site allocation: five more canteens where they cover the most employees, the existing ones kept.
    project.extra["analysis"]["allocation"] = {{"problem", "max_coverage"}, {"p", 5},           {"radius_m", 500},
                                               {"candidates", "lattice"},    {"lattice_spacing_m", 250},
                                               {"required_type", "canteen"}, {"facility_type", "canteen"}};
    // Example improvement scenarios for the capacity model.
    project.extra["scenarios"] = Json::array({
        {{"name", "高新区提容 (raise FAR, Hi-tech Zone)"},
         {"edits", Json::array({{{"type", "raise_far"}, {"park", "CQ-HTZ"}, {"far", 3.0}},
                                {{"type", "redevelop"}, {"park", "CQ-HTZ"}}})}},
        {{"name", "宿舍与电力 (dormitories and power)"},
         {"edits", Json::array({{{"type", "add_facility"}, {"facility_type", "dormitory"}, {"lon", 106.43}, {"lat", 29.51}, {"capacity", 3000}},
                                {{"type", "upgrade_capacity"}, {"park", "CQ-WZ"}, {"factor", "power_kw"}, {"add", 120000}}})}},
        {{"name", "标准厂房 (standard factory, Yongchuan)"},
         {"edits", Json::array({{{"type", "standard_factory"}, {"site", "CQ-YC-S01"}, {"storeys", 5}, {"footprint_m2", 6000}, {"beds", 400}}})}},
    });
    summary.project_file = o.folder / "chongqing-demo.parkcap.json";
    write_project(project, summary.project_file);
    summary.files.push_back(summary.project_file.filename().string());
    return summary;
}

}  // namespace

SynthSummary synthesize_demo(const SynthOptions& o, const Progress& progress)
{
    ensure_gdal_registered();
    // Fixed timestamps inside GeoPackages, so that the same seed gives the same files.
    CPLSetConfigOption("OGR_CURRENT_DATE", "2026-01-01T00:00:00Z");
    if (o.enterprises < 0 || o.enterprises > 50'000'000)
        throw Error("the number of enterprises must be between 0 and 50,000,000");
    std::error_code ec;
    const fs::path folder = fs::absolute(o.folder).lexically_normal();
    const fs::path target = folder.filename().empty() ? folder.parent_path() : folder;
    fs::create_directories(target.parent_path(), ec);
    if (ec) throw Error("cannot create the folder: " + ec.message(), {.file = target.parent_path().string()});
    if (fs::exists(target, ec) && !fs::is_directory(target, ec))
        throw Error("exists and is not a folder", {.file = o.folder.string()});

    const std::vector<std::string> outputs = {"parks.gpkg", "enterprises.gpkg", "facilities_gcj02.csv", "roads.fgb", "park_infrastructure.csv", "growth_targets.csv",
                                              "constraints.shp", "sites.gpkg", "enterprise_indicators.csv", "chongqing-demo.parkcap.json"};
    if (!o.overwrite)
        for (const auto& f : outputs)
            if (fs::exists(target / f, ec))
                throw Error("already exists; give --overwrite to replace the files of an earlier run",
                            {.file = (target / f).string()});

    // Everything is written into a temporary folder beside the target and moved into place
    // only when complete: a full disk or a failure half way leaves no partial project.
    const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
    fs::remove_all(tmp, ec);
    fs::create_directory(tmp, ec);
    if (ec) throw Error("cannot create a temporary folder: " + ec.message(), {.file = tmp.string()});
    SynthSummary summary;
    try {
        SynthOptions inner = o;
        inner.folder = tmp;
        inner.overwrite = true;
        summary = write_demo(inner, progress);
        if (!fs::exists(target, ec)) {
            fs::rename(tmp, target, ec);
            if (ec) throw Error("cannot move the finished project into place: " + ec.message(), {.file = target.string()});
        } else {
            for (const auto& entry : fs::directory_iterator(tmp)) rename_into_place(entry.path(), target / entry.path().filename());
            fs::remove_all(tmp, ec);
        }
    } catch (const Error& e) {
        fs::remove_all(tmp, ec);
        // Name the file the user asked for, not the temporary one.
        ErrorContext where = e.context();
        if (where.file.rfind(tmp.string(), 0) == 0) where.file = (target / fs::path(where.file).filename()).string();
        std::string message = e.message();
        for (size_t at; (at = message.find(tmp.string())) != std::string::npos;) message.replace(at, tmp.string().size(), target.string());
        throw Error(message, where);
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
    summary.project_file = target / summary.project_file.filename();
    progress(1.0, "done");
    return summary;
}

}  // namespace geo
