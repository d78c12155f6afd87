#include "geo/cad/registration.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "geo/core/error.h"
#include "geo/io/csv_text.h"

namespace geo {

std::string_view to_string(PlaneTransformKind k) { return k == PlaneTransformKind::Similarity ? "similarity" : "affine"; }

PlaneTransformKind parse_plane_transform(const std::string& s)
{
    if (s == "similarity" || s == "4" || s == "helmert") return PlaneTransformKind::Similarity;
    if (s == "affine" || s == "6") return PlaneTransformKind::Affine;
    throw Error("unknown transform '" + s + "': similarity (4 parameters) or affine (6)");
}

double PlaneTransform::scale() const { return std::hypot(a, d); }
double PlaneTransform::rotation_deg() const { return std::atan2(d, a) * 180.0 / M_PI; }

Registration fit_plane_transform(const std::vector<ControlPoint>& pts, PlaneTransformKind kind)
{
    const size_t n = pts.size(), need = kind == PlaneTransformKind::Similarity ? 2 : 3;
    if (n < need)
        throw Error(std::string("a ") + std::string(to_string(kind)) + " transform needs at least " + std::to_string(need) + " control points, not " +
                    std::to_string(n));
    // Centred coordinates: the fit is then well conditioned whatever the offsets (eastings of
    // hundreds of kilometres against a drawing's hundreds of metres).
    double xm = 0, ym = 0, em = 0, nm = 0;
    for (const ControlPoint& p : pts) {
        xm += p.local.x, ym += p.local.y, em += p.target.x, nm += p.target.y;
    }
    xm /= n, ym /= n, em /= n, nm /= n;
    double sxx = 0, syy = 0, sxy = 0, sxe = 0, sye = 0, sxn = 0, syn = 0;
    for (const ControlPoint& p : pts) {
        const double x = p.local.x - xm, y = p.local.y - ym, e = p.target.x - em, no = p.target.y - nm;
        sxx += x * x, syy += y * y, sxy += x * y, sxe += x * e, sye += y * e, sxn += x * no, syn += y * no;
    }
    const double spread = sxx + syy;
    if (!(spread > 1e-12 * (1 + xm * xm + ym * ym))) throw Error("the control points all lie at one place in the drawing: no transform can be fitted");
    Registration r;
    PlaneTransform& t = r.transform;
    t.kind = kind;
    if (kind == PlaneTransformKind::Similarity) {
        // east = a x − b' y, north = b' x + a y (b' the sine part).
        const double a = (sxe + syn) / spread, s = (sxn - sye) / spread;
        t.a = a, t.b = -s, t.d = s, t.e = a;
    } else {
        const double det = sxx * syy - sxy * sxy;
        if (!(std::abs(det) > 1e-9 * spread * spread)) throw Error("the control points lie on one line in the drawing: an affine transform needs three not in line");
        t.a = (sxe * syy - sye * sxy) / det, t.b = (sye * sxx - sxe * sxy) / det;
        t.d = (sxn * syy - syn * sxy) / det, t.e = (syn * sxx - sxn * sxy) / det;
    }
    t.c = em - t.a * xm - t.b * ym;
    t.f = nm - t.d * xm - t.e * ym;
    double sum2 = 0;
    for (const ControlPoint& p : pts) {
        const Coord q = t.apply(p.local);
        const double res = std::hypot(q.x - p.target.x, q.y - p.target.y);
        r.residual_m.push_back(res);
        sum2 += res * res;
    }
    r.redundancy = 2 * n - (kind == PlaneTransformKind::Similarity ? 4 : 6);
    r.rms_m = r.redundancy > 0 ? std::sqrt(sum2 / static_cast<double>(r.redundancy)) : 0.0;
    return r;
}

int gauss_kruger_epsg(int zone)
{
    if (zone >= 25 && zone <= 45) return 4534 + zone - 25;  // CM 75E .. 135E
    if (zone >= 13 && zone <= 23) return 4502 + zone - 13;  // 6-degree CM 75E .. 135E
    return 0;
}

double easting_without_zone(double easting, int& zone)
{
    zone = 0;
    if (!(std::abs(easting) >= 1e6)) return easting;
    zone = static_cast<int>(std::floor(easting / 1e6));
    return easting - zone * 1e6;
}

std::vector<ControlPoint> read_control_points(const std::filesystem::path& file, int& zone)
{
    const auto rows = read_csv_file(file);
    if (rows.empty()) throw Error("the control-point table is empty", {.file = file.string()});
    const std::vector<std::string>& h = rows[0];
    auto find = [&](std::initializer_list<const char*> names) -> int {
        for (const char* name : names)
            for (size_t i = 0; i < h.size(); ++i)
                if (h[i] == name) return static_cast<int>(i);
        return -1;
    };
    const int id = find({"id", "点号", "name"});
    const int x = find({"x", "cad_x", "local_x"}), y = find({"y", "cad_y", "local_y"});
    int east = find({"east", "easting", "东坐标"}), north = find({"north", "northing", "北坐标"});
    if (east < 0 && north < 0) {  // survey order: X north, Y east
        north = find({"X"});
        east = find({"Y"});
    }
    if (x < 0 || y < 0 || east < 0 || north < 0)
        throw Error("the control-point table needs columns x, y (the drawing's) and east, north (or survey X, Y: X north, Y east)",
                    {.file = file.string(), .key = "line 1"});
    std::vector<ControlPoint> out;
    zone = -1;
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() == 1 && row[0].empty()) continue;
        const ErrorContext where{.file = file.string(), .key = "line " + std::to_string(r + 1)};
        auto number = [&](int col, const char* what) {
            if (static_cast<size_t>(col) >= row.size()) throw Error(std::string("no ") + what + " value", where);
            char* end = nullptr;
            const double v = std::strtod(row[col].c_str(), &end);
            if (row[col].empty() || *end != '\0' || !std::isfinite(v)) throw Error(std::string("the ") + what + " '" + row[col] + "' is not a number", where);
            return v;
        };
        ControlPoint p;
        p.id = id >= 0 && static_cast<size_t>(id) < row.size() ? row[id] : std::to_string(r);
        p.local = {number(x, "x"), number(y, "y")};
        int z = 0;
        p.target = {easting_without_zone(number(east, "east"), z), number(north, "north")};
        if (zone >= 0 && z != zone)
            throw Error("point '" + p.id + "' has an easting " + (z ? "in zone " + std::to_string(z) : std::string("without a zone number")) +
                            (zone ? ", the others in zone " + std::to_string(zone) : std::string(", the others without one")),
                        where);
        zone = z;
        out.push_back(p);
    }
    if (zone < 0) zone = 0;
    return out;
}

}  // namespace geo
