// Frame times of the map renderer without a window: an EGL pbuffer on the first GPU (or
// Mesa's software device), the same GpuLayer/MapRenderer code and camera path as
// `parkcap-gui --benchmark-frames`, on a scene written by bench_scene_dump.
//   bench_render_frames SCENE.bin [--frames N] [--size WxH] [--png FILE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include "render/map_renderer.h"
#include "render/screenshot.h"
#include "scene_file.h"

namespace {

EGLDisplay open_display(std::string& how)
{
    // Prefer a device (a GPU, or Mesa's software device) over any window system.
    if (epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_EXT_device_enumeration")) {
        EGLDeviceEXT devices[8];
        EGLint n = 0;
        if (eglQueryDevicesEXT(8, devices, &n) && n > 0) {
            for (EGLint i = 0; i < n; ++i) {
                EGLDisplay d = eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr);
                if (d != EGL_NO_DISPLAY && eglInitialize(d, nullptr, nullptr)) {
                    how = "EGL device " + std::to_string(i) + " of " + std::to_string(n);
                    return d;
                }
            }
        }
    }
    // Mesa without a device: its surfaceless platform renders with llvmpipe.
    if (epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_MESA_platform_surfaceless")) {
        EGLDisplay d = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        if (d != EGL_NO_DISPLAY && eglInitialize(d, nullptr, nullptr)) {
            how = "EGL surfaceless platform";
            return d;
        }
    }
    EGLDisplay d = eglGetDisplay(EGL_DEFAULT_DISPLAY);
    if (d != EGL_NO_DISPLAY && eglInitialize(d, nullptr, nullptr)) {
        how = "EGL default display";
        return d;
    }
    return EGL_NO_DISPLAY;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_render_frames SCENE.bin [--frames N] [--size WxH] [--png FILE]\n");
        return 2;
    }
    int frames = 100, width = 1400, height = 900;
    std::string png;
    for (int i = 2; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--frames") && i + 1 < argc) frames = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--size") && i + 1 < argc) std::sscanf(argv[++i], "%dx%d", &width, &height);
        else if (!std::strcmp(argv[i], "--png") && i + 1 < argc) png = argv[++i];
    }
    try {
        const bench::Scene scene = bench::read_scene(argv[1]);
        std::string how;
        EGLDisplay display = open_display(how);
        if (display == EGL_NO_DISPLAY) throw std::runtime_error("no EGL display");
        const EGLint config_attribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                         EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_NONE};
        EGLConfig config;
        EGLint count = 0;
        if (!eglChooseConfig(display, config_attribs, &config, 1, &count) || count == 0)
            throw std::runtime_error("no EGL config with an RGBA8 pbuffer and desktop OpenGL");
        const EGLint surface_attribs[] = {EGL_WIDTH, width, EGL_HEIGHT, height, EGL_NONE};
        EGLSurface surface = eglCreatePbufferSurface(display, config, surface_attribs);
        if (surface == EGL_NO_SURFACE) throw std::runtime_error("cannot create a pbuffer surface");
        if (!eglBindAPI(EGL_OPENGL_API)) throw std::runtime_error("EGL has no desktop OpenGL");
        const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                          EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
        EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, context_attribs);
        if (context == EGL_NO_CONTEXT || !eglMakeCurrent(display, surface, surface, context))
            throw std::runtime_error("cannot make an OpenGL 3.3 core context current");

        auto renderer_owner = std::make_unique<render::MapRenderer>();
        render::MapRenderer& renderer = *renderer_owner;
        std::vector<std::unique_ptr<render::GpuLayer>> layers;
        size_t points = 0;
        for (const bench::SceneLayer& l : scene.layers) {
            layers.push_back(std::make_unique<render::GpuLayer>(l.mesh));
            layers.back()->set_colours(l.colours, l.style.stroke, l.polygons);
            points += l.mesh.point_feature.size();
        }
        std::printf("renderer: %s (%s)\n", render::MapRenderer::describe().c_str(), how.c_str());
        std::printf("scene: %zu layers, %zu point sprites, %dx%d pixels\n", layers.size(), points, width, height);
        const size_t uploads_before = render::GpuLayer::geometry_uploads();
        render::Camera camera;
        camera.set_viewport(width, height);
        auto draw = [&] {
            renderer.begin(width, height, geo::rgba(222, 230, 236));
            for (size_t i = 0; i < layers.size(); ++i) renderer.draw(*layers[i], camera, scene.layers[i].style);
        };
        auto measure = [&](const char* label, const geo::Envelope& box) {
            camera.fit(box, 0.05);
            draw();
            render::MapRenderer::finish();  // warm-up
            std::vector<double> ms;
            for (int i = 0; i < frames; ++i) {
                const auto t0 = std::chrono::steady_clock::now();
                camera.pan_pixels((i % 20 < 10) ? 3 : -3, 0);
                camera.zoom_about(width / 2.0, height / 2.0, (i % 40 < 20) ? 1.01 : 1 / 1.01);
                draw();
                render::MapRenderer::finish();
                ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            }
            std::sort(ms.begin(), ms.end());
            std::printf("%-6s frames %d  median %.2f ms  p95 %.2f ms  max %.2f ms\n", label, frames, ms[ms.size() / 2],
                        ms[ms.size() * 95 / 100], ms.back());
        };
        measure("city", scene.extent);
        if (!png.empty()) std::printf("%s\n", render::write_framebuffer_png(png, width, height).c_str());
        const double pad = std::max(scene.park.width(), scene.park.height()) * 0.1;
        measure("park", {scene.park.min_x - pad, scene.park.min_y - pad, scene.park.max_x + pad, scene.park.max_y + pad});
        const size_t reuploads = render::GpuLayer::geometry_uploads() - uploads_before;
        std::printf("geometry uploads during camera moves: %zu\n", reuploads);
        const GLenum err = glGetError();
        if (err != GL_NO_ERROR) std::printf("OpenGL error 0x%x\n", err);
        layers.clear();  // GL objects go before their context
        renderer_owner.reset();
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglTerminate(display);
        return reuploads == 0 && err == GL_NO_ERROR ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}
