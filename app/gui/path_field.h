#pragma once
// A file path typed or chosen: a text field and a Browse... button beside it that opens the
// in-app file browser (a FileRequest) and writes the chosen path into the field.
#include <cstddef>
#include <string>
#include <vector>

#include "gui/workspace.h"

namespace gui {

// `id` names the field ("indicators"); `title` heads the browser; `extensions` filters it
// (".csv"; empty: any file). `buffer` must outlive the browser (a panel's member).
void path_field(Workspace& ws, const char* id, char* buffer, size_t size, const std::string& title, std::vector<std::string> extensions,
                FileRequest::Purpose purpose = FileRequest::Read, float width = 300);

}  // namespace gui
