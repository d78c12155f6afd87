#include "geo/capacity/capacity_input.h"

#include <cmath>
#include <limits>
#include <type_traits>

#include "geo/core/error.h"
#include "geo/core/triangulate.h"
#include "geo/overlay/zone_assignment.h"

namespace geo {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// The values of the field bound to `meaning`, one per feature; `missing` where a value is null
// or the layer has no such field (noted in `notes`).
template <class T, class Read>
std::vector<T> values(const LoadedLayer& l, const char* meaning, std::vector<std::string>& notes, T missing, Read read)
{
    std::vector<T> out(l.data->size(), missing);
    const std::string* f = l.fields.field_for(meaning);
    if (!f) {
        notes.push_back("layer '" + l.config.id + "': no field for " + meaning);
        return out;
    }
    const Column& c = *l.data->column(*f);
    for (size_t i = 0; i < out.size(); ++i)
        if (!c.is_null(i)) out[i] = read(c, i);
    return out;
}

std::vector<double> numbers(const LoadedLayer& l, const char* meaning, std::vector<std::string>& notes)
{
    return values(l, meaning, notes, kNaN, [](const Column& c, size_t i) { return c.number(i).value_or(kNaN); });
}

std::vector<std::string> texts(const LoadedLayer& l, const char* meaning, std::vector<std::string>& notes)
{
    return values(l, meaning, notes, std::string(), [](const Column& c, size_t i) { return c.text(i); });
}

// The enterprises' values, read field by field from `data` (bound by `meta`'s field map); with
// `consume`, each field is freed as soon as it is read, so the registry is never held twice.
class EnterpriseReader {
public:
    // `owned`: the same layer as `data` when it is to be freed as it is read, else null.
    EnterpriseReader(const LoadedLayer& meta, const Layer& data, Layer* owned, std::vector<std::string>& notes)
        : m_meta(meta), m_data(data), m_owned(owned), m_notes(notes)
    {
    }
    const Column* column(const char* meaning)
    {
        const std::string* f = m_meta.fields.field_for(meaning);
        if (!f) m_notes.push_back("layer '" + m_meta.config.id + "': no field for " + meaning);
        if (!f) return nullptr;
        return m_data.column(*f);
    }
    void done(const Column* c)
    {
        if (!c || !m_owned) return;
        for (Column& owned : m_owned->columns)
            if (&owned == c) owned = Column(c->name(), c->type());
    }
    std::vector<double> numbers(const char* meaning)
    {
        std::vector<double> out(m_data.size(), kNaN);
        const Column* c = column(meaning);
        if (c)
            for (size_t i = 0; i < out.size(); ++i)
                if (!c->is_null(i)) out[i] = c->number(i).value_or(kNaN);
        done(c);
        return out;
    }
    template <class List>
    List texts(const char* meaning)
    {
        List out;
        const Column* c = column(meaning);
        if constexpr (std::is_same_v<List, TextList>) out.reserve(m_data.size(), c && c->type() == FieldType::String ? c->text_bytes() : 0);
        else out.reserve(m_data.size());
        for (size_t i = 0; i < m_data.size(); ++i) {
            if (!c || c->is_null(i)) out.emplace_back();
            else if (c->type() == FieldType::String) out.push_back(c->string(i));
            else out.push_back(c->text(i));
        }
        done(c);
        return out;
    }

private:
    const LoadedLayer& m_meta;
    const Layer& m_data;
    Layer* m_owned;
    std::vector<std::string>& m_notes;
};

std::shared_ptr<EnterpriseData> enterprise_data(const LoadedLayer& meta, const Layer& data, Layer* owned, std::vector<std::string>& notes)
{
    auto f = std::make_shared<EnterpriseData>();
    f->xy.reserve(data.size());
    for (size_t i = 0; i < data.size(); ++i) f->xy.push_back(data.geometry.first_coord(i));
    f->fid = data.fids;
    if (owned) owned->geometry = GeometryColumn(data.geometry.kind());
    EnterpriseReader r(meta, data, owned, notes);
    f->name = r.texts<TextList>("name");
    f->code = r.texts<CategoryList>("industry_code");
    f->cluster = r.texts<CategoryList>("cluster");
    f->tier = r.texts<CategoryList>("tier");
    f->employees = r.numbers("employees");
    f->floor_area = r.numbers("floor_area");
    f->land_area = r.numbers("land_area");
    f->footprint_area = r.numbers("footprint_area");
    f->admin_living_area = r.numbers("admin_living_area");
    f->green_area = r.numbers("green_area");
    f->storey_height = r.numbers("storey_height");
    f->output = r.numbers("output_value");
    f->tax = r.numbers("tax");
    return f;
}

}  // namespace

int32_t CapacityInput::find_park(const std::string& key) const
{
    for (size_t p = 0; p < park_name.size(); ++p)
        if (park_name[p] == key || (!park_code[p].empty() && park_code[p] == key)) return static_cast<int32_t>(p);
    return -1;
}

std::vector<int32_t> sites_in_parks(const CapacityInput& in)
{
    GeometryColumn points(GeomKind::Point);
    for (size_t s = 0; s < in.sites.size(); ++s) points.add_point(label_point(in.sites, s));  // a point on its surface
    return assign_to_zones(points, in.parks).zone_of;
}

std::vector<int32_t> enterprises_in_parks(const CapacityInput& in)
{
    GeometryColumn points(GeomKind::Point);
    for (const Coord& c : in.firms->xy) points.add_point(c);
    return assign_to_zones(points, in.parks).zone_of;
}

namespace {

CapacityInput capacity_input(const LoadedProject& project, Layer* consumed, std::vector<FacilityType> radii)
{
    const LoadedLayer* parks = project.first(Role::Parks);
    const LoadedLayer* firms = project.first(Role::Enterprises);
    if (!parks || !firms) throw Error("capacity needs a parks layer and an enterprises layer in the project", {.file = project.project.file.string()});
    CapacityInput in;
    in.parks = parks->data->geometry;
    in.park_name = texts(*parks, "name", in.notes);
    for (size_t p = 0; p < in.park_name.size(); ++p)
        if (in.park_name[p].empty()) in.park_name[p] = "fid " + std::to_string(parks->data->fids[p]);
    in.park_code = texts(*parks, "code", in.notes);
    in.permitted_far = numbers(*parks, "permitted_far", in.notes);
    in.redevelop_far.assign(in.park_name.size(), kNaN);
    for (const LoadedLayer& l : project.layers)
        if (l.config.role == Role::Constraints)
            for (size_t i = 0; i < l.data->size(); ++i) in.constraints.append_feature(l.data->geometry, i);

    std::shared_ptr<EnterpriseData> f = enterprise_data(*firms, consumed ? *consumed : *firms->data, consumed, in.notes);
    in.plot_redevelop_far.assign(f->xy.size(), kNaN);
    in.firms = std::move(f);
    in.enterprise_layer = firms->config.id;

    if (const LoadedLayer* sites = project.first(Role::Sites)) {
        in.sites = sites->data->geometry;
        in.site_name = texts(*sites, "name", in.notes);
        in.site_status = texts(*sites, "status", in.notes);
        in.site_far = numbers(*sites, "permitted_far", in.notes);
        in.site_area = numbers(*sites, "land_area", in.notes);
        for (size_t s = 0; s < in.site_area.size(); ++s)
            if (std::isnan(in.site_area[s])) in.site_area[s] = polygon_area(in.sites, s);
    }
    if (const LoadedLayer* fac = project.first(Role::Facilities)) {
        for (size_t i = 0; i < fac->data->size(); ++i) in.facility_xy.push_back(fac->data->geometry.first_coord(i));
        in.facility_type = texts(*fac, "type", in.notes);
        in.facility_capacity = numbers(*fac, "capacity", in.notes);
        in.facility_fid = fac->data->fids;
        in.facility_layer = fac->config.id;
    }
    in.radii = std::move(radii);
    return in;
}

}  // namespace

CapacityInput capacity_input(const LoadedProject& project, std::vector<FacilityType> radii)
{
    return capacity_input(project, nullptr, std::move(radii));
}

CapacityInput capacity_input(const LoadedProject& project, Layer enterprises, std::vector<FacilityType> radii)
{
    return capacity_input(project, &enterprises, std::move(radii));
}

}  // namespace geo
