#include "geo/core/layer.h"

namespace geo {

const Column* Layer::column(std::string_view column_name) const
{
    for (const Column& c : columns)
        if (c.name() == column_name) return &c;
    return nullptr;
}

size_t Layer::memory_bytes() const
{
    size_t bytes = geometry.memory_bytes() + fids.capacity() * sizeof(int64_t);
    for (const Column& c : columns) bytes += c.memory_bytes();
    return bytes;
}

}  // namespace geo
