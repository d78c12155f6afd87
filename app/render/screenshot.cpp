#include "render/screenshot.h"

#include <vector>

#include <epoxy/gl.h>
#include <stb_image_write.h>

#include "geo/core/error.h"
#include "geo/io/atomic_file.h"

namespace render {

std::string write_framebuffer_png(const std::string& path, int width, int height)
{
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // the window is opaque
    const auto tmp = geo::temporary_sibling(path);
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(tmp.string().c_str(), width, height, 4, pixels.data(), width * 4))
        return path + ": cannot write the PNG";
    try {
        geo::rename_into_place(tmp, path);
    } catch (const geo::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace render
