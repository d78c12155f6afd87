#include "settings_flags.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "geo/core/error.h"

namespace cli {

void apply_density_flags(const Args& args, geo::DensitySettings& settings)
{
    geo::KdeOptions& o = settings.kde;
    if (args.flag("kernel")) {
        auto k = geo::parse_kernel(args.get("kernel"));
        if (!k) throw UsageError("unknown kernel '" + args.get("kernel") + "'");
        o.kernel = *k;
    }
    if (args.flag("radius")) {
        o.radius_m = args.get_number("radius", o.radius_m);
        o.rule = geo::BandwidthRule::Fixed;
    }
    o.cell_m = args.get_number("cell", o.cell_m);
    if (args.flag("bandwidth")) {
        const std::string rule = args.get("bandwidth");
        if (rule == "silverman") o.rule = geo::BandwidthRule::Silverman;
        else if (rule == "scott") o.rule = geo::BandwidthRule::Scott;
        else throw UsageError("--bandwidth is silverman or scott, not '" + rule + "'");
        if (args.flag("radius")) throw UsageError("give --radius or --bandwidth, not both");
    }
    if (args.flag("scale")) {
        const std::string scale = args.get("scale");
        if (scale != "raw" && scale != "per-km2") throw UsageError("--scale is raw or per-km2");
        o.values = scale == "raw" ? geo::KdeValues::RawSum : geo::KdeValues::PerKm2;
    }
    if (args.flag("method")) {
        const std::string method = args.get("method");
        if (method == "binned") o.method = geo::KdeMethod::Binned;
        else if (method == "exact") o.method = geo::KdeMethod::Exact;
        else if (method == "auto") o.method = geo::KdeMethod::Auto;
        else throw UsageError("--method is auto, binned or exact");
    }
    geo::PointFilter& filter = settings.filter;
    if (args.flag("cluster")) filter.cluster = args.get("cluster");
    if (args.flag("tier")) filter.tier = args.get("tier");
    if (args.flag("industry")) filter.industry_code = args.get("industry");
    if (args.flag("park")) filter.park = args.get("park");
    if (args.flag("weight")) filter.weight = args.get("weight") == "count" ? "" : args.get("weight");
    try {
        geo::check(settings);
    } catch (const geo::Error& e) {
        // Only a flag can have made settings that read well from the project go wrong here.
        const std::string key = e.context().key.substr(e.context().key.rfind('.') + 1);
        const std::string flag = key == "cell_m" ? "--cell" : key == "radius_m" ? "--radius" : key;
        throw UsageError(flag + " " + e.message());
    }
}

void apply_cluster_flags(const Args& args, geo::ClusterOptions& o)
{
    if (args.flag("cluster")) o.selection.cluster = args.get("cluster");
    if (args.flag("tier")) o.selection.tier = args.get("tier");
    if (args.flag("industry")) o.selection.industry_code = args.get("industry");
    if (args.flag("park")) o.selection.park = args.get("park");
    if (args.flag("weight")) o.selection.weight = args.get("weight") == "count" ? "" : args.get("weight");
    if (args.flag("grid")) {
        const std::string grid = args.get("grid");
        if (grid != "hexagon" && grid != "square") throw UsageError("--grid is hexagon or square");
        o.shape = grid == "hexagon" ? geo::CellShape::Hexagon : geo::CellShape::Square;
    }
    o.cell_m = args.get_number("cell", o.cell_m);
    if (args.flag("lq-by")) {
        o.lq_category = args.get("lq-by");
        if (o.lq_category != "cluster" && o.lq_category != "industry_code") throw UsageError("--lq-by is cluster or industry_code");
    }
    if (args.flag("lq-measure")) {
        const std::string measure = args.get("lq-measure");
        if (measure != "employment" && measure != "count") throw UsageError("--lq-measure is employment or count");
        o.lq.measure = measure == "count" ? geo::LqMeasure::Count : geo::LqMeasure::Employment;
    }
    o.lq.min_lq = args.get_number("min-lq", o.lq.min_lq);
    o.lq.min_share = args.get_number("min-share", o.lq.min_share);
    if (args.flag("lq-reference")) {
        const std::string ref = args.get("lq-reference");
        if (ref != "study-area" && ref != "regions") throw UsageError("--lq-reference is study-area or regions");
        o.lq_against_regions = ref == "regions";
    }
    o.eps_m = args.get_number("eps", o.eps_m);
    if (args.flag("min-points")) {
        const double min_points = args.get_number("min-points", 0);
        if (min_points < 1 || min_points != std::floor(min_points)) throw UsageError("--min-points needs a whole number of at least 1");
        o.min_points = static_cast<size_t>(min_points);
    }
    o.density.radius_m = args.get_number("radius", o.density.radius_m);
    if (args.flag("kernel")) {
        auto k = geo::parse_kernel(args.get("kernel"));
        if (!k) throw UsageError("unknown kernel '" + args.get("kernel") + "'");
        o.density.kernel = *k;
    }
    if (args.flag("bandwidth")) {
        const std::string rule = args.get("bandwidth");
        if (rule != "silverman" && rule != "scott") throw UsageError("--bandwidth is silverman or scott");
        o.density.rule = rule == "silverman" ? geo::BandwidthRule::Silverman : geo::BandwidthRule::Scott;
    }
    o.density.cell_m = args.get_number("density-cell", o.density.cell_m);
    if (args.flag("scale")) o.density.values = args.get("scale") == "per-km2" ? geo::KdeValues::PerKm2 : geo::KdeValues::RawSum;
    if (args.flag("contours")) {
        o.contour_levels.clear();
        std::string list = args.get("contours");
        for (size_t start = 0; start <= list.size();) {
            const size_t comma = std::min(list.find(',', start), list.size());
            const std::string item = list.substr(start, comma - start);
            char* end = nullptr;
            const double v = std::strtod(item.c_str(), &end);
            if (item.empty() || *end != '\0') throw UsageError("--contours needs numbers separated by commas, not '" + list + "'");
            o.contour_levels.push_back(v);
            start = comma + 1;
        }
    }
    if (args.flag("study-area")) {
        const std::string area = args.get("study-area");
        if (area == "parks") o.study_area = geo::StudyArea::Parks;
        else if (area == "regions") o.study_area = geo::StudyArea::Regions;
        else if (area == "points") o.study_area = geo::StudyArea::Points;
        else throw UsageError("--study-area is parks, regions or points, not '" + area + "'");
    }
    o.study_margin_m = args.get_number("study-margin", o.study_margin_m);
    if (args.flag("footprint")) o.footprint_threshold = args.get_number("footprint", 0);
    try {
        geo::check(o);
    } catch (const geo::Error& e) {
        // Only a flag can have spoilt settings that read well from the project: name it.
        std::string key = e.context().key.substr(std::string("analysis.clusters.").size());
        if (key.size() > 2 && key.compare(key.size() - 2, 2, "_m") == 0) key.resize(key.size() - 2);
        for (char& c : key) c = c == '_' || c == '.' ? '-' : c;
        throw UsageError("--" + key + " " + e.message());
    }
}

void apply_allocation_flags(const Args& a, geo::AllocationSettings& s)
{
    if (a.flag("problem")) s.problem = geo::parse_objective(a.get("problem"));
    if (a.flag("p")) {
        const double p = a.get_number("p", 0);
        if (!(p >= 1) || p != static_cast<double>(static_cast<size_t>(p))) throw UsageError("--p must be a whole number >= 1, not " + a.get("p"));
        s.p = static_cast<size_t>(p);
    }
    s.radius_m = a.get_number("radius", s.radius_m);
    if (!(s.radius_m > 0)) throw UsageError("--radius must be > 0");
    s.cutoff_m = a.get_number("cutoff", s.cutoff_m);
    if (s.cutoff_m < 0) throw UsageError("--cutoff must not be negative");
    s.target_share = a.get_number("target-share", s.target_share);
    if (!(s.target_share > 0 && s.target_share <= 1)) throw UsageError("--target-share must be in (0, 1]");
    for (auto [flag, field] : {std::pair{"weight", &s.weight}, {"cluster", &s.cluster}, {"tier", &s.tier}, {"park", &s.park},
                               {"candidates", &s.candidates}, {"required-type", &s.required_type}, {"facility-type", &s.facility_type}})
        if (a.flag(flag)) *field = a.get(flag);
    s.capacity = a.get_number("capacity", s.capacity);
    if (s.capacity < 0) throw UsageError("--capacity must not be negative");
    if (a.flag("capacity-factor")) s.capacity_factor = a.get("capacity-factor");
    if (a.flag("suitability")) s.suitability = a.get("suitability");
    s.min_suitability = a.get_number("min-suitability", s.min_suitability);
    if (s.min_suitability < 0 || s.min_suitability > 100) throw UsageError("--min-suitability is a score from 0 to 100");
    s.lattice_spacing_m = a.get_number("spacing", s.lattice_spacing_m);
    if (!(s.lattice_spacing_m > 0)) throw UsageError("--spacing must be > 0");
    if (a.flag("network")) s.distance = "network";
    if (a.flag("solver")) s.solver = geo::parse_solver(a.get("solver"));
    s.max_nodes = static_cast<long>(a.get_number("max-nodes", static_cast<double>(s.max_nodes)));
    s.max_seconds = a.get_number("max-seconds", s.max_seconds);
    if (s.max_nodes < 0 || s.max_seconds < 0) throw UsageError("--max-nodes and --max-seconds must not be negative");
}

}  // namespace cli
