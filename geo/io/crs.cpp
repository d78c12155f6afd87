#include "geo/io/crs.h"

#include <cmath>
#include <limits>
#include <vector>

#include "geo/core/error.h"

namespace geo {

namespace {

std::shared_ptr<OGRSpatialReference> make_srs()
{
    auto srs = std::make_shared<OGRSpatialReference>();
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

}  // namespace

std::string Crs::code() const
{
    const char* auth = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (auth && code) return std::string(auth) + ":" + code;
    const char* name = srs->GetName();
    return name ? name : "unnamed CRS";
}

std::string Crs::describe() const
{
    const char* name = srs->GetName();
    const std::string c = code();
    if (name && c != name) return c + " (" + name + ")";
    return c;
}

Crs parse_crs(const std::string& text)
{
    auto srs = make_srs();
    std::string t = text;
    if (!t.empty() && t.find_first_not_of("0123456789") == std::string::npos) t = "EPSG:" + t;
    if (t.empty() || srs->SetFromUserInput(t.c_str()) != OGRERR_NONE)
        throw Error("not a coordinate reference system PROJ understands: '" + text +
                    "' (use e.g. EPSG:4326, EPSG:4490 or EPSG:4545)");
    // Identify well-known definitions so that a WKT without an authority still prints a code.
    if (!srs->GetAuthorityCode(nullptr)) srs->AutoIdentifyEPSG();
    return {srs};
}

Crs crs_from_source(const OGRSpatialReference& source)
{
    auto srs = std::shared_ptr<OGRSpatialReference>(source.Clone());
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!srs->GetAuthorityCode(nullptr)) srs->AutoIdentifyEPSG();
    return {srs};
}

Crs wgs84()
{
    static const Crs crs = parse_crs("EPSG:4326");
    return crs;
}

bool in_china_box(double lon, double lat)
{
    // The box every published GCJ-02 implementation uses for "outside China".
    return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

int default_working_epsg(double lon, double lat)
{
    if (in_china_box(lon, lat)) {
        const int cm = std::clamp(static_cast<int>(std::lround(lon / 3.0)) * 3, 75, 135);
        return 4534 + (cm - 75) / 3;
    }
    const int zone = std::clamp(static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
    return (lat >= 0 ? 32600 : 32700) + zone;
}

void Transformer::Deleter::operator()(OGRCoordinateTransformation* ct) const
{
    OGRCoordinateTransformation::DestroyCT(ct);
}

Transformer::Transformer(const Crs& from, const Crs& to)
{
    if (from.srs->IsSame(to.srs.get())) return;
    m_ct.reset(OGRCreateCoordinateTransformation(from.srs.get(), to.srs.get()));
    if (!m_ct)
        throw Error("no transformation from " + from.describe() + " to " + to.describe());
}

void Transformer::transform(std::span<Coord> coords) const
{
    if (!m_ct || coords.empty()) return;
    // PROJ wants separate x and y arrays; go in chunks to bound the scratch memory.
    constexpr size_t chunk = 65536;
    std::vector<double> xs, ys;
    std::vector<int> ok;
    for (size_t start = 0; start < coords.size(); start += chunk) {
        const size_t n = std::min(chunk, coords.size() - start);
        xs.resize(n);
        ys.resize(n);
        ok.assign(n, 0);
        for (size_t i = 0; i < n; ++i) {
            xs[i] = coords[start + i].x;
            ys[i] = coords[start + i].y;
        }
        m_ct->Transform(static_cast<int>(n), xs.data(), ys.data(), nullptr, ok.data());
        const double inf = std::numeric_limits<double>::infinity();
        for (size_t i = 0; i < n; ++i)
            coords[start + i] = ok[i] ? Coord{xs[i], ys[i]} : Coord{inf, inf};
    }
}


}  // namespace geo
