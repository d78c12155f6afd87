#pragma once
// Which attribute field carries which meaning: guessed from field names, overridable.
#include <map>
#include <string>
#include <vector>

#include "geo/core/layer.h"
#include "geo/project/roles.h"

namespace geo {

struct FieldBinding {
    std::string meaning;  // "employees"
    std::string field;    // "从业人员"
    bool guessed = true;  // false when the project or command line set it
};

struct FieldMap {
    std::vector<FieldBinding> bindings;  // in the role's meaning order
    // Guesses the user should know about: "fields '从业人员' and 'employees' both look like
    // employees; using '从业人员'".
    std::vector<std::string> remarks;

    // The field bound to a meaning, or nullptr.
    const std::string* field_for(std::string_view meaning) const;
};

// Guesses a field for each meaning of `role` from the names of `fields`: first a field whose
// normalised name (lower case, without spaces, '_' and '-') equals a synonym, then one whose
// name contains a Chinese synonym. A field serves one meaning at most. `overrides`
// (meaning -> field) are taken as given and win over guesses; an empty override field
// means "this meaning has no field".
FieldMap guess_fields(Role role, const std::vector<std::string>& fields,
                      const std::map<std::string, std::string>& overrides = {});

// Checks a field map against a loaded layer: unknown meanings, fields that do not exist,
// and numeric meanings bound to text fields whose values are not numbers. A problem with a
// binding the user set throws geo::Error naming the layer and field; a guess with such a
// problem is dropped from `map`, and the returned warnings say so.
std::vector<std::string> check_field_map(Role role, FieldMap& map, const Layer& layer,
                                         const std::map<std::string, std::string>& overrides);

}  // namespace geo
