#include <doctest/doctest.h>

#include <algorithm>

#include "render/layer_mesh.h"
#include "geo/style/layer_style.h"
#include "test_support.h"

namespace {

geo::Layer layer_with(std::vector<std::string> clusters, std::vector<double> values)
{
    geo::Layer l;
    l.geometry = geo::GeometryColumn(geo::GeomKind::Point);
    l.columns = {geo::Column("cluster", geo::FieldType::String), geo::Column("jobs", geo::FieldType::Real)};
    for (size_t i = 0; i < clusters.size(); ++i) {
        l.geometry.add_point({static_cast<double>(i), 0});
        l.fids.push_back(static_cast<int64_t>(i));
        clusters[i].empty() ? l.columns[0].push_null() : l.columns[0].push_string(clusters[i]);
        l.columns[1].push_real(values[i]);
    }
    return l;
}

}  // namespace

TEST_CASE("categorised: one colour per value, largest first, nulls last in grey")
{
    const geo::Layer l = layer_with({"电子", "汽车", "电子", "", "电子", "汽车", "化工"}, {1, 2, 3, 4, 5, 6, 7});
    geo::LayerStyle s;
    s.mode = geo::StyleMode::Categorized;
    s.field = "cluster";
    const auto colours = geo::classify(s, l);
    REQUIRE(s.categories.size() == 4);
    CHECK(s.categories[0].value == "电子");
    CHECK(s.categories[0].count == 3);
    CHECK(s.categories[1].value == "汽车");
    CHECK(s.categories[3].value.empty());  // null
    CHECK(colours[0] == colours[2]);
    CHECK(colours[0] == geo::qualitative_colour(0));
    CHECK(colours[1] == geo::qualitative_colour(1));
    CHECK(colours[0] != colours[1]);
    CHECK(colours[3] == s.categories[3].colour);
}

TEST_CASE("categorised with fixed colours: given values keep theirs, the rest take the palette")
{
    const geo::Layer l = layer_with({"3", "-2", "3", "x"}, {1, 2, 3, 4});
    geo::LayerStyle s;
    s.mode = geo::StyleMode::Categorized;
    s.field = "cluster";
    s.fixed_colours = {{"3", geo::rgba(178, 24, 43)}, {"-2", geo::rgba(103, 169, 207)}};
    const auto colours = geo::classify(s, l);
    CHECK(colours[0] == geo::rgba(178, 24, 43));
    CHECK(colours[1] == geo::rgba(103, 169, 207));
    CHECK(colours[3] == geo::qualitative_colour(0));
    CHECK(geo::style_from_json(geo::style_to_json(s), {}).fixed_colours == s.fixed_colours);
}

TEST_CASE("graduated: quantile and equal-interval classes count every value once")
{
    const geo::Layer l = layer_with({"a", "a", "a", "a", "a", "a", "a", "a", "a", "a"}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 100});
    geo::LayerStyle s;
    s.mode = geo::StyleMode::Graduated;
    s.field = "jobs";
    s.classes = 5;
    auto colours = geo::classify(s, l);
    REQUIRE(s.grad_classes.size() == 5);
    int64_t total = 0;
    for (const auto& c : s.grad_classes) total += c.count;
    CHECK(total == 10);
    CHECK(s.grad_classes.front().lower == 1);
    CHECK(s.grad_classes.back().upper == 100);
    CHECK(colours[0] == geo::ramp_colour(s.ramp, 0));
    CHECK(colours[9] == geo::ramp_colour(s.ramp, 1));
    s.breaks = geo::Breaks::EqualInterval;
    colours = geo::classify(s, l);
    CHECK(s.grad_classes[0].count == 9);  // 1..9 are all in the first fifth of 1..100
    CHECK(s.grad_classes[4].count == 1);
}

TEST_CASE("a style survives the project file, and bad values fall back")
{
    geo::LayerStyle s;
    s.mode = geo::StyleMode::Graduated;
    s.field = "从业人员";
    s.fill = geo::rgba(1, 2, 3, 4);
    s.opacity = 0.5f;
    s.ramp = geo::Ramp::Magma;
    s.label_field = "名称";
    const geo::LayerStyle back = geo::style_from_json(geo::style_to_json(s), {});
    CHECK(back == s);
    const geo::LayerStyle fallback = geo::style_from_json(geo::Json{{"fill", "not a colour"}, {"opacity", 7}}, s);
    CHECK(fallback.fill == s.fill);
    CHECK(fallback.opacity == 1.0f);
}

TEST_CASE("layer meshes: triangles per polygon, segments per edge, sprites per point")
{
    geo::Layer l;
    l.geometry = test::from_wkt(geo::GeomKind::Polygon, {"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))"});
    l.fids = {0};
    const render::LayerMesh m = render::build_layer_mesh(l, {5, 5});
    CHECK(m.segment_feature.size() == 8);
    CHECK(m.fill_feature.size() % 3 == 0);
    CHECK(m.fill_feature.size() >= 8 * 3);
    CHECK(m.fill_xy[0] >= -5.0f);  // relative to the origin
    CHECK(m.fill_xy[0] <= 5.0f);
    REQUIRE(m.label_points.size() == 1);
}

TEST_CASE("point sprites are bucketed by grid cell, each feature exactly once")
{
    geo::Layer l;
    l.geometry = geo::GeometryColumn(geo::GeomKind::Point);
    for (int i = 0; i < 20000; ++i) {
        l.geometry.add_point({static_cast<double>((i * 7919) % 1000), static_cast<double>((i * 104729) % 700)});
        l.fids.push_back(i);
    }
    const render::LayerMesh m = render::build_layer_mesh(l, {500, 350});
    REQUIRE(m.grid > 1);
    REQUIRE(m.cell_start.size() == static_cast<size_t>(m.grid * m.grid + 1));
    CHECK(m.cell_start.back() == 20000);
    std::vector<int> seen(20000, 0);
    for (int r = 0; r < m.grid; ++r)
        for (int c = 0; c < m.grid; ++c)
            for (uint32_t k = m.cell_start[static_cast<size_t>(r * m.grid + c)]; k < m.cell_start[static_cast<size_t>(r * m.grid + c + 1)]; ++k) {
                ++seen[m.point_feature[k]];
                const double cw = m.grid_box.width() / m.grid, ch = m.grid_box.height() / m.grid;
                CHECK(m.points_xy[2 * k] >= m.grid_box.min_x + c * cw - 1e-3);
                CHECK(m.points_xy[2 * k] <= m.grid_box.min_x + (c + 1) * cw + 1e-3);
                CHECK(m.points_xy[2 * k + 1] >= m.grid_box.min_y + r * ch - 1e-3);
                CHECK(m.points_xy[2 * k + 1] <= m.grid_box.min_y + (r + 1) * ch + 1e-3);
                const geo::Coord original = l.geometry.first_coord(m.point_feature[k]);
                CHECK(m.points_xy[2 * k] == doctest::Approx(original.x - 500));
            }
    CHECK(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
}
