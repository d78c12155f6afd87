#include "geo/density/density_settings.h"

#include "geo/project/settings_reader.h"

namespace geo {

namespace {

const char* rule_name(BandwidthRule r) { return r == BandwidthRule::Silverman ? "silverman" : r == BandwidthRule::Scott ? "scott" : "fixed"; }

DensitySettings read(const SettingsReader& r)
{
    DensitySettings s;
    s.kde = read_kde_options(r, s.kde);
    s.filter = read_point_filter(r);
    s.contours = r.flag("contours", s.contours);
    s.contour_levels = static_cast<int>(r.integer_in("contour_levels", s.contour_levels, 1, 50));
    return s;
}

}  // namespace

KdeOptions read_kde_options(const SettingsReader& r, KdeOptions k)
{
    const std::string kernel = r.choice("kernel", std::string(to_string(k.kernel)),
                                        {"quartic", "triweight", "epanechnikov", "uniform", "triangular", "gaussian"});
    k.kernel = *parse_kernel(kernel);
    const std::string rule = r.choice("bandwidth_rule", rule_name(k.rule), {"fixed", "silverman", "scott"});
    k.rule = rule == "silverman" ? BandwidthRule::Silverman : rule == "scott" ? BandwidthRule::Scott : BandwidthRule::Fixed;
    k.radius_m = r.number_in("radius_m", k.radius_m, 0, 1e6, true);
    k.cell_m = r.number_in("cell_m", k.cell_m, 0, 1e5, true);
    k.values = r.choice("values", k.values == KdeValues::RawSum ? "raw" : "per-km2", {"raw", "per-km2"}) == "raw" ? KdeValues::RawSum
                                                                                                           : KdeValues::PerKm2;
    const std::string method = r.choice("method", std::string(to_string(k.method)), {"auto", "binned", "exact"});
    k.method = method == "binned" ? KdeMethod::Binned : method == "exact" ? KdeMethod::Exact : KdeMethod::Auto;
    k.max_cells = static_cast<size_t>(r.integer_in("max_cells", static_cast<long long>(k.max_cells), 1, 2'000'000'000));
    return k;
}

Json kde_options_json(const KdeOptions& k)
{
    return {{"kernel", std::string(to_string(k.kernel))},
            {"bandwidth_rule", rule_name(k.rule)},
            {"radius_m", k.radius_m},
            {"cell_m", k.cell_m},
            {"values", k.values == KdeValues::RawSum ? "raw" : "per-km2"},
            {"method", std::string(to_string(k.method))},
            {"max_cells", k.max_cells}};
}

PointFilter read_point_filter(const SettingsReader& r)
{
    PointFilter f;
    const std::string weight = r.text("weight", "count");
    f.weight = weight == "count" ? "" : weight;
    f.cluster = r.text("cluster", "");
    f.tier = r.text("tier", "");
    f.industry_code = r.text("industry", "");
    f.park = r.text("park", "");
    return f;
}

void add_point_filter_json(Json& j, const PointFilter& f)
{
    j["weight"] = f.weight.empty() ? "count" : f.weight;
    j["cluster"] = f.cluster;
    j["tier"] = f.tier;
    j["industry"] = f.industry_code;
    j["park"] = f.park;
}

bool DensitySettings::operator==(const DensitySettings& o) const
{
    return kde.kernel == o.kde.kernel && kde.rule == o.kde.rule && kde.radius_m == o.kde.radius_m && kde.cell_m == o.kde.cell_m &&
           kde.values == o.kde.values && kde.method == o.kde.method && kde.max_cells == o.kde.max_cells &&
           filter.cluster == o.filter.cluster && filter.tier == o.filter.tier && filter.industry_code == o.filter.industry_code &&
           filter.park == o.filter.park && filter.weight == o.filter.weight && contours == o.contours &&
           contour_levels == o.contour_levels;
}

DensitySettings density_settings(const Project& project) { return read(SettingsReader(project, "density")); }

Json to_json(const DensitySettings& s)
{
    Json j = kde_options_json(s.kde);
    add_point_filter_json(j, s.filter);
    j["contours"] = s.contours;
    j["contour_levels"] = s.contour_levels;
    return j;
}

KdeResult density_surface(const PointSelection& sel, const KdeOptions& options, const Progress& progress)
{
    Envelope extent = sel.parks_extent;
    if (extent.empty())
        for (const Coord& p : sel.points) extent.expand(p.x, p.y);
    return kernel_density(sel.points, sel.weights, options, extent, true, progress);
}

void check(const DensitySettings& s)
{
    Project p;
    store_settings(p, "density", to_json(s));
    (void)read(SettingsReader(p, "density"));
}

}  // namespace geo
