#include "geo/suitability/suitability.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>

#include <gdal_priv.h>
#include <gdalwarper.h>

#include "geo/core/error.h"
#include "geo/core/point_index.h"
#include "geo/core/polygon_locator.h"
#include "geo/coverage/road_network.h"
#include "geo/io/csv_text.h"
#include "geo/io/gdal_errors.h"
#include "geo/overlay/zone_assignment.h"
#include "geo/project/settings_reader.h"

namespace geo {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// The DEM resampled (bilinear) onto `grid` grown by one cell on every side, in `crs`.
std::vector<float> dem_on_grid(const std::filesystem::path& file, const GridSpec& grid, const Crs& crs)
{
    ensure_gdal_registered();
    GdalErrorCapture capture;
    GDALDatasetUniquePtr src(GDALDataset::Open(file.string().c_str(), GDAL_OF_RASTER, nullptr, nullptr, nullptr));
    if (!src) throw Error("cannot read the DEM: " + capture.last_error("not a raster GDAL reads"), {.file = file.string()});
    if (!src->GetSpatialRef()) throw Error("the DEM has no CRS", {.file = file.string()});
    const int cols = static_cast<int>(grid.cols + 2), rows = static_cast<int>(grid.rows + 2);
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr dst(mem->Create("", cols, rows, 1, GDT_Float32, nullptr));
    double gt[6] = {grid.x0 - grid.cell, grid.cell, 0, grid.y_top + grid.cell, 0, -grid.cell};
    dst->SetGeoTransform(gt);
    dst->SetSpatialRef(crs.srs.get());
    const float nodata = -1e30f;
    dst->GetRasterBand(1)->SetNoDataValue(nodata);
    dst->GetRasterBand(1)->Fill(nodata);
    if (GDALReprojectImage(src.get(), nullptr, dst.get(), nullptr, GRA_Bilinear, 0, 0.125, nullptr, nullptr, nullptr) != CE_None)
        throw Error("cannot resample the DEM onto the grid: " + capture.last_error(), {.file = file.string()});
    std::vector<float> z(static_cast<size_t>(cols) * static_cast<size_t>(rows));
    if (dst->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, cols, rows, z.data(), cols, rows, GDT_Float32, 0, 0) != CE_None)
        throw Error("cannot read the resampled DEM: " + capture.last_error(), {.file = file.string()});
    // The source's own no-data cells read as no data here too (their value, resampled, would
    // make cliffs); cells the source does not reach keep the fill.
    int has = 0;
    const double src_nodata = src->GetRasterBand(1)->GetNoDataValue(&has);
    if (has)
        for (float& v : z)
            if (std::abs(v - src_nodata) <= 1e-3 * std::max(1.0, std::abs(src_nodata))) v = nodata;
    return z;
}

// Horn's slope in degrees at (col, row) of the grid from the grown DEM; NaN when a neighbour lacks data.
double slope_deg(const std::vector<float>& z, size_t cols2, size_t col, size_t row, double cell)
{
    auto at = [&](size_t c, size_t r) { return z[r * cols2 + c]; };
    const size_t c = col + 1, r = row + 1;
    double v[9];
    for (int dr = -1, k = 0; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc, ++k) {
            const float h = at(c + static_cast<size_t>(dc + 1) - 1, r + static_cast<size_t>(dr + 1) - 1);
            if (h < -1e29f) return kNaN;
            v[k] = h;
        }
    const double dzdx = ((v[2] + 2 * v[5] + v[8]) - (v[0] + 2 * v[3] + v[6])) / (8 * cell);
    const double dzdy = ((v[6] + 2 * v[7] + v[8]) - (v[0] + 2 * v[1] + v[2])) / (8 * cell);
    return std::atan(std::hypot(dzdx, dzdy)) * 180.0 / M_PI;
}

}  // namespace

std::vector<SuitabilityFactor> read_factor_classes(const std::filesystem::path& file)
{
    const auto rows = read_csv_file(file);
    if (rows.empty()) throw Error("the class table is empty", {.file = file.string()});
    std::vector<SuitabilityFactor> out;
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() == 1 && row[0].empty()) continue;
        const ErrorContext where{.file = file.string(), .key = "line " + std::to_string(r + 1)};
        if (row.size() < 4) throw Error("a row needs factor,from,to,score", where);
        auto number = [&](const std::string& t, const char* what) {
            if (t == "inf") return std::numeric_limits<double>::infinity();
            char* end = nullptr;
            const double v = std::strtod(t.c_str(), &end);
            if (t.empty() || *end != '\0' || std::isnan(v)) throw Error(std::string("the ") + what + " '" + t + "' is not a number", where);
            return v;
        };
        FactorClass c{number(row[1], "from"), number(row[2], "to"), number(row[3], "score")};
        if (!(c.to > c.from)) throw Error("a class must end above where it starts", where);
        if (c.score < 0 || c.score > 100) throw Error("a score is 0 to 100, not " + row[3], where);
        auto it = std::find_if(out.begin(), out.end(), [&](const SuitabilityFactor& f) { return f.key == row[0]; });
        if (it == out.end()) {
            out.push_back({row[0], {}, 0});
            it = out.end() - 1;
        } else if (it->classes.back().to != c.from) {
            throw Error("the classes of " + row[0] + " must follow on: this one starts at " + row[1] + ", the one before ends at " +
                            std::to_string(it->classes.back().to),
                        where);
        }
        it->classes.push_back(c);
    }
    return out;
}

SuitabilitySettings suitability_settings(const Project& project)
{
    const SettingsReader r(project, "suitability");
    SuitabilitySettings s;
    s.cell_m = r.number_in("cell_m", s.cell_m, 0, 100000, true);
    s.dem = r.text("dem", "");
    s.cluster = r.text("cluster", "");
    const SettingsReader w = r.child("weights");
    for (const char* key : {"slope_deg", "road_distance_m", "facility_distance_m", "cluster_density", "park_lq", "coverage_pct"})
        if (w.has(key)) s.weights[key] = w.number_in(key, 0, 0, 1e9);
    return s;
}

Json to_json(const SuitabilitySettings& s)
{
    Json j = {{"cell_m", s.cell_m}, {"dem", s.dem}, {"cluster", s.cluster}};
    if (!s.weights.empty()) j["weights"] = s.weights;
    return j;
}

void use_typed_weights(std::vector<SuitabilityFactor>& factors, const std::map<std::string, double>& weights)
{
    for (const auto& [key, w] : weights)
        if (std::none_of(factors.begin(), factors.end(), [&](const SuitabilityFactor& f) { return f.key == key; }))
            throw Error("a weight for the factor '" + key + "', which the class table does not have", {.key = "analysis.suitability.weights"});
    for (SuitabilityFactor& f : factors) {
        const auto it = weights.find(f.key);
        f.weight = it == weights.end() ? 0.0 : it->second;
    }
}

std::filesystem::path settings_path(const Project& project, const std::string& path)
{
    if (path.empty() || std::filesystem::path(path).is_absolute() || project.file.empty()) return path;
    return project.file.parent_path() / path;
}

WeightedFactors ahp_weighted_factors(const std::filesystem::path& classes, const std::filesystem::path& matrix,
                                     const std::filesystem::path& ri_table, const std::string& ri)
{
    WeightedFactors w;
    w.factors = read_factor_classes(classes);
    const auto m = read_ahp_matrix(matrix, w.matrix_factors);
    const RandomIndexTable table = read_random_index(ri_table, ri);
    w.ri = table.name;
    w.ahp = ahp_weights(m, table);
    for (size_t i = 0; i < w.matrix_factors.size(); ++i) {
        auto it = std::find_if(w.factors.begin(), w.factors.end(), [&](const SuitabilityFactor& f) { return f.key == w.matrix_factors[i]; });
        if (it == w.factors.end())
            throw Error("the AHP matrix names the factor '" + w.matrix_factors[i] + "', which the class table does not have", {.file = matrix.string()});
        it->weight = w.ahp.weights[i];
    }
    return w;
}

double class_score(const SuitabilityFactor& f, double v)
{
    if (std::isnan(v)) return kNaN;
    for (const FactorClass& c : f.classes)
        if (v >= c.from && v < c.to) return c.score;
    return kNaN;
}

SuitabilityResult suitability(const LoadedProject& project, const SuitabilityOptions& o)
{
    SuitabilityResult r;
    const LoadedLayer* parks = project.first(Role::Parks);
    if (!parks || parks->data->size() == 0) throw Error("suitability is computed over the parks: the project has none");
    if (!(o.cell_m > 0)) throw Error("the cell size must be above 0");
    Envelope box;
    for (size_t p = 0; p < parks->data->size(); ++p) box.expand(parks->data->geometry.envelope(p));
    const GridSpec grid = grid_covering(box, o.cell_m, 0);
    if (grid.cells() > 50'000'000) throw Error("the grid over the parks would have " + std::to_string(grid.cells()) + " cells: give a larger cell size");
    r.score.grid = grid;
    r.score.values.assign(grid.cells(), std::numeric_limits<float>::quiet_NaN());

    // The cells in parks (the lowest-index park holding a cell's centre), and the vetoed ones:
    // each polygon marks the cells of its own envelope.
    auto each_cell_in = [&](const GeometryColumn& polygons, size_t f, const auto& mark) {
        const PolygonLocator loc(polygons, f);
        const Envelope e = polygons.envelope(f);
        const auto col0 = static_cast<size_t>(std::clamp(std::floor((e.min_x - grid.x0) / grid.cell), 0.0, double(grid.cols)));
        const auto col1 = static_cast<size_t>(std::clamp(std::ceil((e.max_x - grid.x0) / grid.cell), 0.0, double(grid.cols)));
        const auto row0 = static_cast<size_t>(std::clamp(std::floor((grid.y_top - e.max_y) / grid.cell), 0.0, double(grid.rows)));
        const auto row1 = static_cast<size_t>(std::clamp(std::ceil((grid.y_top - e.min_y) / grid.cell), 0.0, double(grid.rows)));
        for (size_t row = row0; row < row1; ++row)
            for (size_t col = col0; col < col1; ++col) {
                const Coord c = grid.centre(col, row);
                if (loc.contains(c.x, c.y)) mark(row * grid.cols + col);
            }
    };
    std::vector<int32_t> park_of(grid.cells(), -1);
    for (size_t p = 0; p < parks->data->size(); ++p)
        each_cell_in(parks->data->geometry, p, [&](size_t k) {
            if (park_of[k] < 0) park_of[k] = static_cast<int32_t>(p);
        });
    std::vector<uint8_t> vetoed(grid.cells(), 0);
    for (const LoadedLayer& l : project.layers)
        if (l.config.role == Role::Constraints && l.data->geometry.kind() == GeomKind::Polygon)
            for (size_t f = 0; f < l.data->size(); ++f) each_cell_in(l.data->geometry, f, [&](size_t k) { vetoed[k] = 1; });

    // The factors this project can give.
    std::map<std::string, const SuitabilityFactor*> by_key;
    for (const SuitabilityFactor& f : o.factors) by_key[f.key] = &f;
    std::vector<const SuitabilityFactor*> used;
    auto want = [&](const char* key, bool available, const std::string& why_not) {
        const auto it = by_key.find(key);
        if (it == by_key.end() || !(it->second->weight > 0)) return false;
        if (!available) {
            r.notes.push_back(std::string(key) + " left out: " + why_not + "; the other weights are scaled up");
            return false;
        }
        used.push_back(it->second);
        return true;
    };
    const bool slope = want("slope_deg", !o.dem.empty(), "no DEM given");
    const LoadedLayer* roads = project.first(Role::Roads);
    const bool road = want("road_distance_m", roads && roads->data->size(), "no roads layer");
    const LoadedLayer* fac = project.first(Role::Facilities);
    const bool facility = want("facility_distance_m", fac && fac->data->size(), "no facilities layer");
    const LoadedLayer* firms = project.first(Role::Enterprises);
    const bool density = want("cluster_density", !o.cluster.empty() && firms, "no cluster chosen for the density");
    const bool lq = want("park_lq", !o.cluster.empty() && firms, "no cluster chosen for the LQ");
    const bool coverage = want("coverage_pct", fac && fac->data->size() && !o.radii.empty(), fac ? "no service-radius table" : "no facilities layer");
    if (used.empty()) throw Error("no factor with a weight can be scored for this project");
    double total = 0;
    for (const SuitabilityFactor* f : used) total += f->weight;
    for (const SuitabilityFactor* f : used) r.used.push_back(f->key), r.weights.push_back(f->weight / total);

    std::vector<float> dem;
    if (slope) dem = dem_on_grid(o.dem, grid, project.working.crs);
    std::unique_ptr<RoadNetwork> net;
    if (road) net = std::make_unique<RoadNetwork>(roads->data->geometry);
    std::vector<Coord> fac_xy, same;
    if (facility)
        for (size_t i = 0; i < fac->data->size(); ++i) fac_xy.push_back(fac->data->geometry.first_coord(i));
    const PointIndex fac_index(fac_xy);
    // Same-cluster enterprises counted per 1 km: a grid of buckets.
    std::map<std::pair<int64_t, int64_t>, std::vector<Coord>> buckets;
    if (density) {
        const std::string* cf = firms->fields.field_for("cluster");
        if (!cf) throw Error("no field is bound to the cluster, needed for the cluster density", {.file = firms->data->source, .layer = firms->data->name});
        const Column* c = firms->data->column(*cf);
        for (size_t i = 0; i < firms->data->size(); ++i)
            if (!c->is_null(i) && c->text(i) == o.cluster) {
                const Coord p = firms->data->geometry.first_coord(i);
                buckets[{static_cast<int64_t>(std::floor(p.x / 1000)), static_cast<int64_t>(std::floor(p.y / 1000))}].push_back(p);
            }
        if (buckets.empty()) r.notes.push_back("no enterprise of the cluster '" + o.cluster + "': its density is 0 everywhere");
    }
    // The chosen cluster's location quotient in each park, by employment (a count of
    // enterprises where none has employees), against all the parks' enterprises.
    std::vector<double> park_lq(parks->data->size(), 0.0);
    if (lq) {
        const std::string* cf = firms->fields.field_for("cluster");
        if (!cf) throw Error("no field is bound to the cluster, needed for the park's LQ", {.file = firms->data->source, .layer = firms->data->name});
        const Column* c = firms->data->column(*cf);
        const std::string* ef = firms->fields.field_for("employees");
        const Column* e = ef ? firms->data->column(*ef) : nullptr;
        GeometryColumn points(GeomKind::Point);
        for (size_t i = 0; i < firms->data->size(); ++i) points.add_point(firms->data->geometry.first_coord(i));
        const std::vector<int32_t> in_park = assign_to_zones(points, parks->data->geometry).zone_of;
        std::vector<double> all(park_lq.size(), 0.0), of(park_lq.size(), 0.0);
        double total = 0, total_of = 0;
        bool weighted = false;
        if (e)
            for (size_t i = 0; i < firms->data->size() && !weighted; ++i) weighted = !e->is_null(i) && e->number(i).value_or(0) > 0;
        for (size_t i = 0; i < firms->data->size(); ++i) {
            if (in_park[i] < 0) continue;
            const double w = weighted ? std::max(0.0, e->is_null(i) ? 0.0 : e->number(i).value_or(0)) : 1.0;
            const bool same_cluster = !c->is_null(i) && c->text(i) == o.cluster;
            all[static_cast<size_t>(in_park[i])] += w, total += w;
            if (same_cluster) of[static_cast<size_t>(in_park[i])] += w, total_of += w;
        }
        for (size_t p = 0; p < park_lq.size(); ++p)
            park_lq[p] = all[p] > 0 && total_of > 0 ? (of[p] / all[p]) / (total_of / total) : 0.0;
    }
    // Facilities by type, for the coverage share.
    std::vector<std::vector<Coord>> by_type(o.radii.size());
    if (coverage) {
        const std::string* tf = fac->fields.field_for("type");
        const Column* t = tf ? fac->data->column(*tf) : nullptr;
        size_t untyped = 0;
        for (size_t i = 0; i < fac->data->size(); ++i) {
            const FacilityType* type = t && !t->is_null(i) ? find_facility_type(o.radii, t->text(i)) : nullptr;
            if (!type) {
                ++untyped;
                continue;
            }
            by_type[static_cast<size_t>(type - o.radii.data())].push_back(fac->data->geometry.first_coord(i));
        }
        if (untyped) r.notes.push_back(std::to_string(untyped) + " facilities of no type in the service-radius table: left out of the coverage share");
    }
    std::vector<PointIndex> type_index;
    for (const auto& points : by_type) type_index.emplace_back(points);
    size_t missing_dem = 0;
    for (size_t row = 0; row < grid.rows; ++row)
        for (size_t col = 0; col < grid.cols; ++col) {
            const size_t k = row * grid.cols + col;
            if (park_of[k] < 0) continue;
            ++r.cells_in_parks;
            if (vetoed[k]) {
                r.score.values[k] = 0;
                ++r.cells_vetoed;
                continue;
            }
            const Coord c = grid.centre(col, row);
            double sum = 0, weight = 0;
            for (size_t u = 0; u < used.size(); ++u) {
                const std::string& key = used[u]->key;
                double v = kNaN;
                if (key == "slope_deg") {
                    v = slope_deg(dem, grid.cols + 2, col, row, grid.cell);
                    if (std::isnan(v)) ++missing_dem;
                } else if (key == "road_distance_m") {
                    const auto a = net->attach(c, 2000);  // beyond 2 km every class table ends in its last class
                    v = a ? a->distance : std::numeric_limits<double>::infinity();
                } else if (key == "facility_distance_m") {
                    const auto h = fac_index.nearest(c);
                    v = h ? h->distance : std::numeric_limits<double>::infinity();
                } else if (key == "cluster_density") {
                    size_t n = 0;
                    const int64_t bx = static_cast<int64_t>(std::floor(c.x / 1000)), by = static_cast<int64_t>(std::floor(c.y / 1000));
                    for (int64_t dx = -1; dx <= 1; ++dx)
                        for (int64_t dy = -1; dy <= 1; ++dy)
                            if (const auto it = buckets.find({bx + dx, by + dy}); it != buckets.end())
                                for (const Coord& p : it->second) n += std::hypot(p.x - c.x, p.y - c.y) <= 1000;
                    v = static_cast<double>(n);
                } else if (key == "park_lq") {
                    v = park_lq[static_cast<size_t>(park_of[k])];
                } else if (key == "coverage_pct") {
                    size_t reached = 0;
                    for (size_t t = 0; t < o.radii.size(); ++t) {
                        const auto h = type_index[t].nearest(c);
                        reached += h && h->distance <= o.radii[t].radii_m.back();
                    }
                    v = 100.0 * static_cast<double>(reached) / static_cast<double>(o.radii.size());
                }
                const double s = class_score(*used[u], v);
                if (std::isnan(s)) continue;
                sum += r.weights[u] * s;
                weight += r.weights[u];
            }
            r.score.values[k] = weight > 0 ? static_cast<float>(sum / weight) : std::numeric_limits<float>::quiet_NaN();
        }
    if (missing_dem) r.notes.push_back(std::to_string(missing_dem) + " cells outside the DEM: scored without the slope");

    // Sites: the mean of the cells whose centre lies in the site.
    if (const LoadedLayer* sites = project.first(Role::Sites); sites && sites->data->geometry.kind() == GeomKind::Polygon) {
        const std::string* nf = sites->fields.field_for("name");
        const std::string* sf = sites->fields.field_for("status");
        for (size_t s = 0; s < sites->data->size(); ++s) {
            const std::string nm = nf ? sites->data->column(*nf)->text(s) : "";
            r.site_name.push_back(nm.empty() ? "fid " + std::to_string(sites->data->fids[s]) : nm);
            r.site_status.push_back(sf ? sites->data->column(*sf)->text(s) : "");
            double sum = 0;
            size_t n = 0, v = 0;
            each_cell_in(sites->data->geometry, s, [&](size_t k) {
                const float x = r.score.values[k];
                if (std::isnan(x)) return;
                sum += x, ++n, v += vetoed[k];
            });
            r.site_mean.push_back(n ? sum / static_cast<double>(n) : kNaN);
            r.site_cells.push_back(n);
            r.site_vetoed_share.push_back(n ? static_cast<double>(v) / static_cast<double>(n) : kNaN);
        }
    }
    return r;
}

}  // namespace geo
