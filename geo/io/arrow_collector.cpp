// Reading through GDAL's Arrow C stream interface (ogr_recordbatch.h): record batches of
// columns instead of one OGRFeature per row. Only used where GDAL has a native, fast stream.
#include <cmath>
#include <cstring>

#include <ogr_recordbatch.h>

#include "geo/core/error.h"
#include "geo/io/feature_collector.h"
#include "geo/io/gdal_errors.h"

namespace geo {

namespace {

struct StreamOwner {
    ArrowArrayStream stream{};
    ~StreamOwner()
    {
        if (stream.release) stream.release(&stream);
    }
};
struct SchemaOwner {
    ArrowSchema schema{};
    ~SchemaOwner()
    {
        if (schema.release) schema.release(&schema);
    }
};
struct ArrayOwner {
    ArrowArray array{};
    ~ArrayOwner() { reset(); }
    void reset()
    {
        if (array.release) array.release(&array);
        array = ArrowArray{};
    }
};

// One column of a batch, addressed by logical row.
struct ColumnView {
    const ArrowArray* array = nullptr;
    std::string format;
    int64_t base = 0;  // parent offset + own offset

    bool valid(int64_t row) const
    {
        const auto* bits = static_cast<const uint8_t*>(array->buffers[0]);
        if (!bits || array->null_count == 0) return true;
        const int64_t i = base + row;
        return (bits[i >> 3] >> (i & 7)) & 1;
    }
    template <class T> T value(int64_t row) const
    {
        T v;
        std::memcpy(&v, static_cast<const T*>(array->buffers[1]) + base + row, sizeof(T));
        return v;
    }
    std::string_view bytes(int64_t row) const
    {
        const char* data = static_cast<const char*>(array->buffers[2]);
        if (format == "U" || format == "Z") {
            const auto* off = static_cast<const int64_t*>(array->buffers[1]);
            return {data + off[base + row], static_cast<size_t>(off[base + row + 1] - off[base + row])};
        }
        const auto* off = static_cast<const int32_t*>(array->buffers[1]);
        return {data + off[base + row], static_cast<size_t>(off[base + row + 1] - off[base + row])};
    }
};

bool supported_field_format(const std::string& f)
{
    return f == "l" || f == "i" || f == "s" || f == "c" || f == "b" || f == "g" || f == "f" || f == "u" || f == "U";
}

void push_value(const ColumnView& v, int64_t row, Column& column, FeatureCollector& out)
{
    if (!v.valid(row)) return column.push_null();
    const std::string& f = v.format;
    if (f == "l") column.push_integer(v.value<int64_t>(row));
    else if (f == "i") column.push_integer(v.value<int32_t>(row));
    else if (f == "s") column.push_integer(v.value<int16_t>(row));
    else if (f == "c") column.push_integer(v.value<int8_t>(row));
    else if (f == "g") column.push_real(v.value<double>(row));
    else if (f == "f") column.push_real(v.value<float>(row));
    else if (f == "b") {
        const auto* bits = static_cast<const uint8_t*>(v.array->buffers[1]);
        const int64_t i = v.base + row;
        column.push_integer((bits[i >> 3] >> (i & 7)) & 1);
    } else if (column.type() == FieldType::String) out.push_text(column, v.bytes(row));
    else column.push_string(v.bytes(row));
}

// Adds one WKB geometry; little-endian 2D points take a fast path without OGR objects.
bool add_wkb(FeatureCollector& out, int64_t fid, std::string_view wkb)
{
    if (wkb.size() == 21 && wkb[0] == 1) {
        uint32_t type;
        std::memcpy(&type, wkb.data() + 1, 4);
        if (type == 1) {
            double x, y;
            std::memcpy(&x, wkb.data() + 5, 8);
            std::memcpy(&y, wkb.data() + 13, 8);
            if (std::isnan(x) && std::isnan(y)) return out.add_geometry(fid, nullptr), false;  // POINT EMPTY
            return out.add_point(fid, x, y);
        }
    }
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size()) != OGRERR_NONE || !g) {
        out.layer().report.skipped.push_back({fid, "unreadable geometry (corrupt WKB)"});
        return false;
    }
    std::unique_ptr<OGRGeometry> owned(g);
    return out.add_geometry(fid, owned.get());
}

}  // namespace

bool collect_with_arrow(OGRLayer& ogr, FeatureCollector& out, const Progress& progress)
{
    if (!ogr.TestCapability(OLCFastGetArrowStream)) return false;
    Layer& layer = out.layer();
    const ErrorContext where{.file = layer.source, .layer = layer.name};
    GdalErrorCapture capture;
    StreamOwner s;
    const char* options[] = {"INCLUDE_FID=YES", "MAX_FEATURES_IN_BATCH=4096", nullptr};
    if (!ogr.GetArrowStream(&s.stream, const_cast<char**>(options))) return false;
    SchemaOwner schema;
    if (s.stream.get_schema(&s.stream, &schema.schema) != 0) return false;

    // Find the FID, geometry and attribute children by name.
    const std::string fid_name = ogr.GetFIDColumn()[0] ? ogr.GetFIDColumn() : "OGC_FID";
    const std::string geom_name = ogr.GetGeometryColumn()[0] ? ogr.GetGeometryColumn() : "wkb_geometry";
    int64_t fid_child = -1, geom_child = -1;
    std::vector<int64_t> field_child(layer.columns.size(), -1);
    std::vector<std::string> formats(static_cast<size_t>(schema.schema.n_children));
    for (int64_t c = 0; c < schema.schema.n_children; ++c) {
        const ArrowSchema& child = *schema.schema.children[c];
        const std::string name = child.name ? child.name : "";
        formats[static_cast<size_t>(c)] = child.format;
        if (name == fid_name && fid_child < 0) fid_child = c;
        else if (name == geom_name && geom_child < 0) geom_child = c;
        else
            for (size_t f = 0; f < layer.columns.size(); ++f)
                if (layer.columns[f].name() == name && field_child[f] < 0) field_child[f] = c;
    }
    if (fid_child < 0 || geom_child < 0 || formats[static_cast<size_t>(fid_child)] != "l") return false;
    const std::string& gformat = formats[static_cast<size_t>(geom_child)];
    if (gformat != "z" && gformat != "Z") return false;
    for (int64_t c : field_child)
        if (c < 0 || !supported_field_format(formats[static_cast<size_t>(c)])) return false;

    const int64_t expected = ogr.GetFeatureCount(FALSE);
    int64_t done = 0;
    ArrayOwner batch;
    while (true) {
        batch.reset();
        if (s.stream.get_next(&s.stream, &batch.array) != 0) {
            const char* why = s.stream.get_last_error(&s.stream);
            throw Error("reading stopped after " + std::to_string(done) + " features: " +
                            (why && *why ? std::string(why) : capture.last_error("unknown error")), where);
        }
        if (!batch.array.release) break;  // end of stream
        const ArrowArray& a = batch.array;
        auto view = [&](int64_t c) {
            const ArrowArray* child = a.children[c];
            return ColumnView{child, formats[static_cast<size_t>(c)], a.offset + child->offset};
        };
        const ColumnView fids = view(fid_child), geoms = view(geom_child);
        std::vector<ColumnView> fields;
        for (int64_t c : field_child) fields.push_back(view(c));
        for (int64_t r = 0; r < a.length; ++r) {
            const int64_t fid = fids.value<int64_t>(r);
            const bool added = geoms.valid(r) ? add_wkb(out, fid, geoms.bytes(r)) : out.add_geometry(fid, nullptr);
            if (!added) continue;
            for (size_t f = 0; f < fields.size(); ++f) push_value(fields[f], r, layer.columns[f], out);
        }
        done += a.length;
        out.checkpoint(expected);
        if (expected > 0) progress(0.9 * static_cast<double>(done) / static_cast<double>(expected), "reading " + layer.name);
    }
    if (capture.has_error())
        throw Error("reading stopped after " + std::to_string(done) + " features: " + capture.last_error(), where);
    return true;
}

}  // namespace geo
