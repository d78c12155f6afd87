#pragma once
// Changing one attribute value, checked against the field's type: a whole number for an
// integer field, a number for a real field, any text for a text field, and empty text for
// null. Layers are immutable once loaded (readers on other threads share them), so an edit
// gives a new layer that shares nothing mutable with the old one; the old one is what undo
// brings back.
#include <optional>
#include <string>

#include "geo/core/layer.h"

namespace geo {

// The value as the field would store it; throws geo::Error naming the field and the value
// ("从业人员 is a whole-number field: '12.5' is not a whole number").
void check_value(const Column& column, const std::string& text);

// `layer` with row `row` of column `column` set to `text` ("" or nullopt: null).
Layer with_value(const Layer& layer, size_t column, size_t row, const std::optional<std::string>& text);

}  // namespace geo
