#include "geo/report/registration_summary.h"

#include "geo/report/text_format.h"

namespace geo {

std::vector<std::string> registration_summary(const std::vector<ControlPoint>& points, const Registration& r, int zone)
{
    std::vector<std::string> out;
    const PlaneTransform& t = r.transform;
    out.push_back(printf_text("registration: %s transform from %zu control points%s", std::string(to_string(t.kind)).c_str(), points.size(),
                              zone ? (", eastings in zone " + std::to_string(zone) + " (the zone number taken off)").c_str() : ""));
    if (t.kind == PlaneTransformKind::Similarity)
        out.push_back(printf_text("  scale %.8f, rotation %.6f degrees, shift %.3f m east, %.3f m north", t.scale(), t.rotation_deg(), t.c, t.f));
    else
        out.push_back(printf_text("  east = %.8f x + %.8f y + %.3f; north = %.8f x + %.8f y + %.3f", t.a, t.b, t.c, t.d, t.e, t.f));
    out.push_back(printf_text("  %-12s %12s", "point", "residual m"));
    for (size_t i = 0; i < points.size(); ++i) out.push_back(printf_text("  %-12s %12.3f", points[i].id.c_str(), r.residual_m[i]));
    if (r.redundancy == 0)
        out.push_back(printf_text("  no redundancy: %zu points fix the transform exactly, so the residuals are zero; add a point to check it", points.size()));
    else
        out.push_back(printf_text("  RMS %.3f m (%zu redundant observations)", r.rms_m, r.redundancy));
    return out;
}

}  // namespace geo
