#include "scene_file.h"

#include <cstdint>
#include <fstream>
#include <stdexcept>

namespace bench {

namespace {

constexpr uint32_t kMagic = 0x50434b53;  // "SKCP"

struct Out {
    std::ofstream f;
    template <class T> void pod(const T& v) { f.write(reinterpret_cast<const char*>(&v), sizeof v); }
    template <class T> void vec(const std::vector<T>& v)
    {
        pod(static_cast<uint64_t>(v.size()));
        f.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
    }
};

struct In {
    std::ifstream f;
    template <class T> void pod(T& v)
    {
        if (!f.read(reinterpret_cast<char*>(&v), sizeof v)) throw std::runtime_error("scene file is truncated");
    }
    template <class T> void vec(std::vector<T>& v)
    {
        uint64_t n = 0;
        pod(n);
        if (n > (1ull << 32)) throw std::runtime_error("scene file is corrupt");
        v.resize(n);
        if (!f.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T))))
            throw std::runtime_error("scene file is truncated");
    }
};

template <class S> void style_fields(S& s, geo::LayerStyle& style)
{
    s.pod(style.visible);
    s.pod(style.opacity);
    s.pod(style.stroke);
    s.pod(style.stroke_width_px);
    s.pod(style.point_size_px);
}

template <class S> void layer_fields(S& s, SceneLayer& l)
{
    s.pod(l.mesh.origin);
    s.vec(l.mesh.fill_xy);
    s.vec(l.mesh.fill_feature);
    s.vec(l.mesh.segments);
    s.vec(l.mesh.segment_feature);
    s.vec(l.mesh.points_xy);
    s.vec(l.mesh.point_feature);
    s.pod(l.mesh.grid);
    s.pod(l.mesh.grid_box);
    s.vec(l.mesh.cell_start);
    s.vec(l.colours);
    style_fields(s, l.style);
    s.pod(l.polygons);
}

}  // namespace

void write_scene(const Scene& scene, const std::string& path)
{
    Out out{std::ofstream(path, std::ios::binary)};
    if (!out.f) throw std::runtime_error(path + ": cannot write");
    out.pod(kMagic);
    out.pod(scene.extent);
    out.pod(scene.park);
    out.pod(static_cast<uint64_t>(scene.layers.size()));
    for (const SceneLayer& l : scene.layers) layer_fields(out, const_cast<SceneLayer&>(l));
    if (!out.f) throw std::runtime_error(path + ": writing failed");
}

Scene read_scene(const std::string& path)
{
    In in{std::ifstream(path, std::ios::binary)};
    if (!in.f) throw std::runtime_error(path + ": cannot open");
    uint32_t magic = 0;
    in.pod(magic);
    if (magic != kMagic) throw std::runtime_error(path + ": not a parkcap scene file");
    Scene scene;
    in.pod(scene.extent);
    in.pod(scene.park);
    uint64_t n = 0;
    in.pod(n);
    scene.layers.resize(n);
    for (SceneLayer& l : scene.layers) layer_fields(in, l);
    return scene;
}

}  // namespace bench
