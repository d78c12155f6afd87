#include <doctest/doctest.h>

#include "geo/cluster/cluster_analysis.h"
#include "geo/report/cluster_outputs.h"
#include "test_support.h"

TEST_CASE("cluster analysis of a small project: hand counts through every part")
{
    const geo::LoadedProject p = geo::load_project(geo::read_project(test::data("small.parkcap.json")));
    geo::ClusterOptions o;
    o.lq_category = "name";  // the small project has no cluster field; any text meaning will do
    o.cell_m = 20000;
    o.eps_m = 3000;
    o.min_points = 2;
    o.lq.measure = geo::LqMeasure::Count;
    const geo::ClusterAnalysis a = geo::analyse_clusters(p, o);
    CHECK(a.selection.points.size() == 5);
    int64_t counted = 0;
    for (int64_t c : a.grid.count) counted += c;
    CHECK(counted == 5);
    // 甲公司 (106.50, 29.50) and 乙公司 (106.51, 29.52) are 2.4 km apart: one DBSCAN cluster.
    REQUIRE(a.dbscan.sizes.size() == 1);
    CHECK(a.dbscan.sizes[0] == 2);
    REQUIRE(a.park_names.size() == 2);
    CHECK(a.park_names[0] == "甲园区");
    // Park 1 holds one enterprise, 丁公司: its share is 1 and the study area has 1 in 5, so LQ 5.
    const geo::CsvTable t = geo::lq_table(a, "name");
    bool found = false;
    for (const auto& row : t.rows)
        if (row[0] == "乙园区" && row[1] == "丁公司") {
            found = true;
            CHECK(row[7] == "5");
        }
    CHECK(found);
    // The study area is the parks plus 1 km: the layer holds its cells only, and every
    // enterprise is counted either in it or outside it.
    CHECK(a.study_area == "the parks plus 1000 m");
    CHECK(a.points_in_study + a.points_outside_study == 5);
    size_t studied = 0;
    for (size_t i = 0; i < a.grid.size(); ++i) studied += a.grid.studied(i);
    const geo::Layer hot = geo::hot_spot_layer(a);
    CHECK(hot.size() == studied);
    CHECK(studied < a.grid.size());
    CHECK(geo::dbscan_layer(a).size() == 1);
}
