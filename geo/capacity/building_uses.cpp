#include "geo/capacity/building_uses.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "geo/core/error.h"
#include "geo/core/triangulate.h"
#include "geo/io/csv_text.h"
#include "geo/overlay/zone_assignment.h"
#include "geo/performance/indicator_table.h"

namespace geo {

std::string_view to_string(BuildingCount c)
{
    switch (c) {
    case BuildingCount::AdminLiving: return "admin_living";
    case BuildingCount::NotCounted: return "not_counted";
    case BuildingCount::Prohibited: return "prohibited";
    }
    return "?";
}

namespace {

std::string ascii_lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
    return s.substr(b);
}

}  // namespace

const BuildingUse* BuildingUseTable::classify(std::string_view text) const
{
    const std::string t = ascii_lower(text);
    const BuildingUse* best = nullptr;
    size_t best_len = 0;
    for (const BuildingUse& u : uses)
        for (const std::string& a : u.aliases)
            if (a.size() > best_len && t.find(a) != std::string::npos) {
                best = &u;
                best_len = a.size();
            }
    return best;
}

BuildingUseTable read_building_uses(const std::filesystem::path& csv)
{
    std::error_code ec;
    if (!std::filesystem::exists(csv, ec))
        throw Error("the table of building uses (which count as admin/living) is missing", {.file = csv.string()});
    const auto rows = read_csv_file(csv);
    if (rows.empty()) throw Error("the table of building uses is empty", {.file = csv.string()});
    const auto& h = rows[0];
    auto col = [&](const char* name) {
        const auto it = std::find(h.begin(), h.end(), name);
        if (it == h.end()) throw Error(std::string("no column '") + name + "' (the table needs use,use_zh,counts,aliases)", {.file = csv.string(), .key = "line 1"});
        return static_cast<size_t>(it - h.begin());
    };
    const size_t cu = col("use"), cz = col("use_zh"), cc = col("counts"), ca = col("aliases");
    BuildingUseTable t;
    t.source = csv.string();
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() == 1 && row[0].empty()) continue;
        const ErrorContext where{.file = csv.string(), .key = "line " + std::to_string(r + 1)};
        auto cell = [&](size_t c) { return c < row.size() ? trimmed(row[c]) : std::string(); };
        BuildingUse u{cell(cu), cell(cz), BuildingCount::NotCounted, {}};
        if (u.use.empty()) throw Error("column 'use': no value", where);
        const std::string counts = cell(cc);
        if (counts == "admin_living") u.counts = BuildingCount::AdminLiving;
        else if (counts == "not_counted") u.counts = BuildingCount::NotCounted;
        else if (counts == "prohibited") u.counts = BuildingCount::Prohibited;
        else throw Error("column 'counts': admin_living, not_counted or prohibited, not '" + counts + "'", where);
        const std::string aliases = cell(ca);
        size_t start = 0;
        while (start <= aliases.size()) {
            const size_t end = std::min(aliases.find(';', start), aliases.size());
            std::string a = ascii_lower(trimmed(aliases.substr(start, end - start)));
            if (!a.empty()) u.aliases.push_back(std::move(a));
            start = end + 1;
        }
        for (const std::string& own : {ascii_lower(u.use), u.use_zh})
            if (!own.empty() && std::find(u.aliases.begin(), u.aliases.end(), own) == u.aliases.end()) u.aliases.push_back(own);
        t.uses.push_back(std::move(u));
    }
    if (t.uses.empty()) throw Error("the table of building uses has no rows", {.file = csv.string()});
    return t;
}

int storeys_in_label(std::string_view s)
{
    static const std::string_view ceng = "层";
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
        size_t j = i;
        int n = 0;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9' && n < 1000) n = n * 10 + (s[j++] - '0');
        const bool marked = (j < s.size() && (s[j] == 'F' || s[j] == 'f')) || s.substr(j, ceng.size()) == ceng;
        if (marked && n > 0 && n < 200) return n;
    }
    return 0;
}

namespace {

// Key -> the one enterprise holding it; SIZE_MAX where several do.
std::unordered_map<std::string, size_t> unique_index(const std::vector<std::string>& keys)
{
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].empty()) continue;
        const auto [it, fresh] = index.emplace(keys[i], i);
        if (!fresh) it->second = SIZE_MAX;
    }
    return index;
}

size_t lookup(const std::unordered_map<std::string, size_t>& index, const std::string& key)
{
    if (key.empty()) return SIZE_MAX;
    const auto it = index.find(key);
    return it == index.end() ? SIZE_MAX : it->second;
}

}  // namespace

EnterpriseBuildings enterprise_buildings(const LoadedLayer& buildings, const EnterpriseKeys& firms, const GeometryColumn& sites,
                                         const BuildingUseTable& uses)
{
    const Layer& b = *buildings.data;
    const size_t nb = b.size(), nf = firms.xy.size();
    EnterpriseBuildings out;
    out.buildings = nb;
    out.admin_floor.assign(nf, 0);
    out.total_floor.assign(nf, 0);

    auto texts = [&](const char* meaning) {
        std::vector<std::string> t = bound_texts(buildings, b, meaning);
        for (std::string& v : t) v = trimmed(std::move(v));
        return t;
    };
    const std::vector<std::string> use = texts("use"), name = texts("name"), code = texts("credit_code"), owner = texts("enterprise");
    const std::vector<double> floor = bound_numbers(buildings, b, "floor_area"), storeys = bound_numbers(buildings, b, "storeys");
    if (!buildings.fields.field_for("use"))
        out.notes.push_back("layer '" + buildings.config.id + "': no field for the building use: every building counted as not admin/living");

    const auto by_code = unique_index(firms.credit_code);
    const auto by_name = unique_index(firms.name);
    std::vector<std::string> normalised(firms.name.size());
    for (size_t i = 0; i < firms.name.size(); ++i) normalised[i] = normalised_company_name(firms.name[i]);
    const auto by_normalised = unique_index(normalised);

    // The one enterprise on each site (SIZE_MAX: none or several), and each building's site.
    std::vector<size_t> site_owner(sites.size(), SIZE_MAX);
    std::vector<int32_t> building_site(nb, -1);
    if (sites.size() > 0) {
        GeometryColumn points(GeomKind::Point);
        for (const Coord& c : firms.xy) points.add_point(c);
        const std::vector<int32_t> firm_site = assign_to_zones(points, sites).zone_of;
        std::vector<int> count(sites.size(), 0);
        for (size_t i = 0; i < nf; ++i)
            if (firm_site[i] >= 0 && ++count[static_cast<size_t>(firm_site[i])] == 1) site_owner[static_cast<size_t>(firm_site[i])] = i;
        for (size_t s = 0; s < sites.size(); ++s)
            if (count[s] != 1) site_owner[s] = SIZE_MAX;
        GeometryColumn labels(GeomKind::Point);
        for (size_t k = 0; k < nb; ++k) labels.add_point(label_point(b.geometry, k));
        building_site = assign_to_zones(labels, sites).zone_of;
    }

    std::string unknown_examples, unassigned_examples;
    auto example = [](std::string& list, size_t& count, const std::string& what) {
        if (++count <= 3) list += (list.empty() ? "" : ", ") + what;
    };
    for (size_t k = 0; k < nb; ++k) {
        const std::string label = "fid " + std::to_string(b.fids[k]) + (name[k].empty() ? "" : " " + name[k]);
        size_t f = lookup(by_code, code[k]);
        if (f != SIZE_MAX) ++out.by_code;
        if (f == SIZE_MAX) {
            f = lookup(by_name, owner[k]);
            if (f == SIZE_MAX) f = lookup(by_normalised, normalised_company_name(owner[k]));
            if (f != SIZE_MAX) ++out.by_name;
        }
        if (f == SIZE_MAX && building_site[k] >= 0) {
            f = site_owner[static_cast<size_t>(building_site[k])];
            if (f != SIZE_MAX) ++out.by_site;
        }
        if (f == SIZE_MAX) {
            example(unassigned_examples, out.unassigned, label);
            continue;
        }
        double area = floor[k];
        if (std::isnan(area)) {
            double n = storeys[k];
            if (std::isnan(n) || !(n > 0)) n = storeys_in_label(use[k]);
            if (!(n > 0)) {
                n = 1;
                ++out.one_storey;
            }
            area = polygon_area(b.geometry, k) * n;
        }
        const BuildingUse* u = uses.classify(use[k]);
        if (!u && !use[k].empty()) example(unknown_examples, out.unknown_use, "'" + use[k] + "'");
        else if (!u) ++out.unknown_use;
        out.total_floor[f] += area;
        if (u && u->counts == BuildingCount::AdminLiving) out.admin_floor[f] += area;
        if (u && u->counts == BuildingCount::Prohibited) {
            std::string& p = out.prohibited[f];
            p += (p.empty() ? "" : ", ") + (u->use_zh.empty() ? u->use : u->use_zh) + " (" + buildings.config.id + " " + label + ")";
        }
    }
    const std::string id = "layer '" + buildings.config.id + "': ";
    if (out.unassigned)
        out.notes.push_back(id + std::to_string(out.unassigned) + " buildings belong to no enterprise (no credit code or enterprise name that matches one, " +
                            "and not on a site holding exactly one enterprise), left out: " + unassigned_examples);
    if (out.unknown_use)
        out.notes.push_back(id + std::to_string(out.unknown_use) + " buildings of a use not in " + uses.source +
                            ", counted as not admin/living" + (unknown_examples.empty() ? "" : ": " + unknown_examples));
    if (out.one_storey)
        out.notes.push_back(id + std::to_string(out.one_storey) + " buildings without a floor area or storeys: the footprint counted as one storey");
    return out;
}

void apply_enterprise_buildings(CapacityInput& in, const EnterpriseBuildings& eb)
{
    if (eb.total_floor.size() != in.firms->xy.size()) throw Error("the buildings were matched to another set of enterprises");
    auto firms = std::make_shared<EnterpriseData>(*in.firms);
    size_t plots = 0, replaced = 0, no_land = 0;
    for (size_t i = 0; i < eb.total_floor.size(); ++i) {
        if (!(eb.total_floor[i] > 0)) continue;
        ++plots;
        const double land = firms->land_area[i];
        const double share_land = std::isnan(land) ? std::nan("") : land * eb.admin_floor[i] / eb.total_floor[i];
        if (std::isnan(land)) ++no_land;
        if (!std::isnan(firms->admin_living_area[i]) && std::abs(firms->admin_living_area[i] - share_land) > 0.5) ++replaced;
        firms->admin_living_area[i] = share_land;
    }
    in.firms = std::move(firms);
    in.prohibited_buildings = eb.prohibited;
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "admin/living land of %zu plots from their %zu buildings (land x admin/living floor area share; %zu by credit code, %zu by "
                  "enterprise name, %zu by site)%s",
                  plots, eb.buildings - eb.unassigned, eb.by_code, eb.by_name, eb.by_site,
                  replaced ? "; it replaced a different admin_living_area value on some plots" : "");
    in.notes.push_back(buf);
    if (replaced) in.notes.back() += " (" + std::to_string(replaced) + ")";
    if (no_land) in.notes.push_back(std::to_string(no_land) + " plots with buildings have no land area: their admin/living share cannot be checked");
    if (!eb.prohibited.empty())
        in.notes.push_back(std::to_string(eb.prohibited.size()) + " plots hold a building prohibited on industrial land (housing, expert building, hotel, guest house or training centre)");
    in.notes.insert(in.notes.end(), eb.notes.begin(), eb.notes.end());
}

}  // namespace geo
