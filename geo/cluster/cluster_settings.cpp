#include "geo/cluster/cluster_settings.h"

#include "geo/core/error.h"
#include "geo/density/density_settings.h"
#include "geo/project/settings_reader.h"

namespace geo {

namespace {

const char* study_name(StudyArea a)
{
    switch (a) {
    case StudyArea::Parks: return "parks";
    case StudyArea::Regions: return "regions";
    case StudyArea::Points: return "points";
    case StudyArea::Auto: break;
    }
    return "auto";
}

ClusterOptions read(const Project& project)
{
    const SettingsReader r(project, "clusters");
    ClusterOptions o;
    o.shape = r.choice("grid", "hexagon", {"hexagon", "square"}) == "hexagon" ? CellShape::Hexagon : CellShape::Square;
    o.cell_m = r.number_in("cell_m", o.cell_m, 0, 1e6, true);
    o.selection = read_point_filter(r);
    const std::string area = r.choice("study_area", "auto", {"auto", "parks", "regions", "points"});
    o.study_area = area == "parks" ? StudyArea::Parks : area == "regions" ? StudyArea::Regions : area == "points" ? StudyArea::Points : StudyArea::Auto;
    o.study_margin_m = r.number_in("study_margin_m", o.study_margin_m, 0, 1e6);
    o.lq_category = r.choice("lq_by", o.lq_category, {"cluster", "industry_code"});
    o.lq.measure = r.choice("lq_measure", "employment", {"employment", "count"}) == "count" ? LqMeasure::Count : LqMeasure::Employment;
    o.lq.min_lq = r.number_in("min_lq", o.lq.min_lq, 0, 1e6);
    o.lq.min_share = r.number_in("min_share", o.lq.min_share, 0, 1);
    o.lq_against_regions = r.choice("lq_reference", "study-area", {"study-area", "regions"}) == "regions";
    o.eps_m = r.number_in("eps_m", o.eps_m, 0, 1e6, true);
    o.min_points = static_cast<size_t>(r.integer_in("min_points", static_cast<long long>(o.min_points), 1, 1'000'000'000));
    // The contours' density surface: the same keys as analysis.density.
    o.density = read_kde_options(r.child("density"), o.density);
    if (r.has("contour_levels")) {
        const Json& levels = project.extra["analysis"]["clusters"]["contour_levels"];
        if (!levels.is_array()) r.fail("contour_levels", "must be a list of numbers");
        for (const Json& v : levels) {
            if (!v.is_number() || !(v.get<double>() > 0)) r.fail("contour_levels", "must hold positive numbers, not " + v.dump());
            o.contour_levels.push_back(v.get<double>());
        }
    }
    if (r.has("footprint")) o.footprint_threshold = r.number_in("footprint", 0, 0, 1e300, true);
    return o;
}

}  // namespace

ClusterOptions cluster_settings(const Project& project) { return read(project); }

Json to_json(const ClusterOptions& o)
{
    Json j = {{"grid", o.shape == CellShape::Hexagon ? "hexagon" : "square"},
              {"cell_m", o.cell_m},
              {"study_area", study_name(o.study_area)},
              {"study_margin_m", o.study_margin_m},
              {"lq_by", o.lq_category},
              {"lq_measure", o.lq.measure == LqMeasure::Count ? "count" : "employment"},
              {"min_lq", o.lq.min_lq},
              {"min_share", o.lq.min_share},
              {"lq_reference", o.lq_against_regions ? "regions" : "study-area"},
              {"eps_m", o.eps_m},
              {"min_points", o.min_points},
              {"density", kde_options_json(o.density)},
              {"contour_levels", o.contour_levels}};
    add_point_filter_json(j, o.selection);
    j["footprint"] = o.footprint_threshold ? Json(*o.footprint_threshold) : Json(nullptr);
    return j;
}

void check(const ClusterOptions& o)
{
    Project p;
    store_settings(p, "clusters", to_json(o));
    (void)read(p);
}

}  // namespace geo
