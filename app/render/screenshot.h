#pragma once
#include <string>

namespace render {

// Reads the current framebuffer (width x height pixels) and writes it as a PNG, via a
// temporary file renamed into place. Returns an error message, or "" on success.
std::string write_framebuffer_png(const std::string& path, int width, int height);

}  // namespace render
