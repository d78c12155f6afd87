#include "geo/core/layer.h"

#include <algorithm>

namespace geo {

const Column* Layer::column(std::string_view column_name) const
{
    for (const Column& c : columns)
        if (c.name() == column_name) return &c;
    return nullptr;
}

namespace {

// A layer like `layer` (its name, source, geometry kind and columns) without rows.
Layer empty_like(const Layer& layer)
{
    Layer out;
    out.name = layer.name;
    out.source = layer.source;
    out.driver = layer.driver;
    out.source_crs = layer.source_crs;
    out.geometry = GeometryColumn(layer.geometry.kind());
    for (const Column& c : layer.columns) out.columns.emplace_back(c.name(), c.type());
    return out;
}

}  // namespace

Layer select_rows(const Layer& layer, const std::vector<uint8_t>& keep)
{
    Layer out = empty_like(layer);
    for (size_t i = 0; i < layer.size(); ++i) {
        if (!keep[i]) continue;
        out.geometry.append_feature(layer.geometry, i);
        out.fids.push_back(layer.fids[i]);
        for (size_t c = 0; c < layer.columns.size(); ++c) {
            out.columns[c].push_from(layer.columns[c], i);
        }
    }
    return out;
}

Layer reorder_rows(const Layer& layer, const std::vector<uint32_t>& order)
{
    Layer out = empty_like(layer);
    out.report = layer.report;
    out.encoding = layer.encoding;
    out.coordinate_system = layer.coordinate_system;
    for (Column& c : out.columns) c.reserve(order.size());
    for (uint32_t i : order) {
        out.geometry.append_feature(layer.geometry, i);
        out.fids.push_back(layer.fids[i]);
        for (size_t c = 0; c < layer.columns.size(); ++c) out.columns[c].push_from(layer.columns[c], i);
    }
    return out;
}

Layer slice_rows(const Layer& layer, size_t begin, size_t end)
{
    end = std::min(end, layer.size());
    begin = std::min(begin, end);
    Layer out = empty_like(layer);
    for (Column& c : out.columns) c.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) {
        out.geometry.append_feature(layer.geometry, i);
        out.fids.push_back(layer.fids[i]);
        for (size_t c = 0; c < layer.columns.size(); ++c) out.columns[c].push_from(layer.columns[c], i);
    }
    return out;
}

size_t Layer::memory_bytes() const
{
    size_t bytes = geometry.memory_bytes() + fids.capacity() * sizeof(int64_t);
    for (const Column& c : columns) bytes += c.memory_bytes();
    return bytes;
}

}  // namespace geo
