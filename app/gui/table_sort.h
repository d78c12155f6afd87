#pragma once
// The attribute table's order: by fid (column 0) or by a field, ascending or descending,
// with empty values (null) last either way, and ties kept in their order.
#include <cstdint>
#include <vector>

#include "geo/core/layer.h"

namespace gui {

// Sorts `rows` (row indices of `data`) by `column` (0: fid, k: data.columns[k - 1]).
void sort_rows(const geo::Layer& data, int column, bool descending, std::vector<uint32_t>& rows);

}  // namespace gui
