#include "gui/table_sort.h"

#include <algorithm>

namespace gui {

void sort_rows(const geo::Layer& data, int column, bool descending, std::vector<uint32_t>& rows)
{
    if (column == 0) {
        std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) { return descending ? data.fids[b] < data.fids[a] : data.fids[a] < data.fids[b]; });
        return;
    }
    const geo::Column& c = data.columns[static_cast<size_t>(column - 1)];
    const bool text = c.type() == geo::FieldType::String;
    std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
        const bool na = c.is_null(a), nb = c.is_null(b);
        if (na || nb) return !na && nb;  // values before nulls, whichever the direction
        if (text) return descending ? c.string(b) < c.string(a) : c.string(a) < c.string(b);
        const double x = *c.number(a), y = *c.number(b);
        return descending ? y < x : x < y;
    });
}

}  // namespace gui
