#include "geo/report/life_circle_outputs.h"

#include <algorithm>
#include <cmath>

#include "geo/core/utf8.h"
#include "geo/report/text_format.h"

namespace geo {

namespace {

double share(double part, double whole) { return whole > 0 ? part / whole : 0.0; }

}  // namespace

CsvTable life_circle_table(const LifeCircleResult& r)
{
    CsvTable t;
    t.header = {"park", "minutes", "metres", "facility", "enterprises", "enterprise_share", "employees", "employee_share", "meets_target"};
    const size_t np = r.park_name.size(), nt = r.types.size();
    for (size_t p = 0; p <= np; ++p) {
        if (r.total[p].enterprises == 0 && p < np) continue;
        for (size_t c = 0; c < r.spec.minutes.size(); ++c)
            for (size_t k = 0; k <= nt; ++k) {
                const auto& x = r.reach[p][c][k];
                const bool target_row = k == nt && r.spec.minutes[c] == r.spec.target_minutes;
                t.rows.push_back({p < np ? r.park_name[p] : "(all in parks)", std::to_string(r.spec.minutes[c]), number_text(r.spec.metres[c]),
                                  k < nt ? r.types[k] : "all daily", std::to_string(x.enterprises), number_text(share(double(x.enterprises), double(r.total[p].enterprises)), 6),
                                  number_text(x.employees, 10), number_text(share(x.employees, r.total[p].employees), 6),
                                  target_row ? (share(x.employees, r.total[p].employees) >= r.spec.target_share ? "yes" : "no") : ""});
            }
    }
    return t;
}

std::vector<std::string> life_circle_summary(const LifeCircleResult& r)
{
    std::vector<std::string> out;
    std::string circles, daily;
    for (size_t c = 0; c < r.spec.minutes.size(); ++c)
        circles += (circles.empty() ? "" : ", ") + std::to_string(r.spec.minutes[c]) + " min = " + number_text(r.spec.metres[c]) + " m";
    for (const std::string& t : r.types) daily += (daily.empty() ? "" : ", ") + t;
    out.push_back("life circles: " + circles + (r.spec.walk_speed > 0 ? " (walking " + number_text(r.spec.walk_speed) + " m a minute)" : " (GB 50180-2018's reading)") +
                  (r.network ? ", along the roads" : ", in a straight line"));
    out.push_back("daily facilities: " + daily);
    const size_t np = r.park_name.size(), nt = r.types.size();
    const size_t c = static_cast<size_t>(std::find(r.spec.minutes.begin(), r.spec.minutes.end(), r.spec.target_minutes) - r.spec.minutes.begin());
    const std::string who = r.spec.target_basis.empty() ? "" : ", " + r.spec.target_basis.substr(0, r.spec.target_basis.find(':'));
    out.push_back(printf_text("employees reaching every daily facility within %d minutes (target %.0f%%%s):", r.spec.target_minutes, 100 * r.spec.target_share,
                              who.c_str()));
    for (size_t p = 0; p <= np; ++p) {
        if (r.total[p].enterprises == 0) continue;
        const double s = share(r.reach[p][c][nt].employees, r.total[p].employees);
        out.push_back("  " + pad_to_width(p < np ? r.park_name[p] : "(all in parks)", 24) +
                      printf_text(" %6.1f%%%s", 100 * s, s < r.spec.target_share ? "  below target" : ""));
    }
    return out;
}

Layer life_circle_layer(const LifeCircleResult& r)
{
    Layer l;
    l.name = "life_circles";
    l.geometry = GeometryColumn(GeomKind::Point);
    l.columns = {Column("enterprise_fid", FieldType::Integer), Column("park", FieldType::String)};
    for (const std::string& t : r.types) l.columns.emplace_back(t + "_m", FieldType::Real);
    l.columns.emplace_back("all_daily_within_min", FieldType::Integer);
    l.columns.emplace_back("reach", FieldType::String);
    const size_t nt = r.types.size();
    for (size_t i = 0; i < r.xy.size(); ++i) {
        l.geometry.add_point(r.xy[i]);
        l.fids.push_back(static_cast<int64_t>(i + 1));
        l.columns[0].push_integer(r.fid[i]);
        r.park_of[i] >= 0 ? l.columns[1].push_string(r.park_name[static_cast<size_t>(r.park_of[i])]) : l.columns[1].push_null();
        double worst = 0;
        for (size_t t = 0; t < nt; ++t) {
            const double d = r.distance[t][i];
            std::isfinite(d) ? l.columns[2 + t].push_real(d) : l.columns[2 + t].push_null();
            worst = std::max(worst, d);
        }
        int within = -1;
        for (size_t c = 0; c < r.spec.minutes.size() && within < 0; ++c)
            if (worst <= r.spec.metres[c]) within = r.spec.minutes[c];
        within < 0 ? l.columns[2 + nt].push_null() : l.columns[2 + nt].push_integer(within);
        l.columns[3 + nt].push_string(life_circle_reach(r, within));
    }
    return l;
}

std::string life_circle_reach(const LifeCircleResult& r, int within_minutes)
{
    if (within_minutes >= 0) return printf_text("<= %d min", within_minutes);
    return printf_text("> %d min", r.spec.minutes.empty() ? 0 : r.spec.minutes.back());
}

std::vector<std::vector<double>> life_circle_shares(const LifeCircleResult& r)
{
    const size_t np = r.park_name.size(), nt = r.types.size(), nc = r.spec.minutes.size();
    std::vector<std::vector<double>> out(np + 1, std::vector<double>(nc, 0.0));
    for (size_t p = 0; p <= np; ++p)
        for (size_t c = 0; c < nc; ++c) out[p][c] = share(r.reach[p][c][nt].employees, r.total[p].employees);
    return out;
}

}  // namespace geo
