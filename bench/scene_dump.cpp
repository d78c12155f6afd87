// Writes the scene parkcap-gui would draw for a project (default styles), for render_frames.
//   bench_scene_dump PROJECT.parkcap.json SCENE.bin
#include <cstdio>

#include "geo/core/error.h"
#include "geo/project/loaded_project.h"
#include "scene_file.h"

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_scene_dump PROJECT SCENE.bin\n");
        return 2;
    }
    try {
        const geo::LoadedProject p = geo::load_project(geo::read_project(argv[1]));
        bench::Scene scene;
        for (const auto& l : p.layers) scene.extent.expand(l.data->geometry.envelope());
        const geo::Coord origin = scene.extent.centre();
        for (size_t i = 0; i < p.layers.size(); ++i) {
            const geo::LoadedLayer& l = p.layers[i];
            auto field = [&](const char* m) { return l.fields.field_for(m) ? *l.fields.field_for(m) : std::string(); };
            bench::SceneLayer s;
            s.style = geo::default_style(l.config.role, *l.data, field("cluster"), field("type"), field("name"), i);
            s.colours = geo::classify(s.style, *l.data);
            s.mesh = render::build_layer_mesh(*l.data, origin);
            s.polygons = l.data->geometry.kind() == geo::GeomKind::Polygon;
            if (l.config.role == geo::Role::Parks && l.data->size() > 0) scene.park = l.data->geometry.envelope(0);
            scene.layers.push_back(std::move(s));
        }
        bench::write_scene(scene, argv[2]);
        std::printf("wrote %s: %zu layers\n", argv[2], scene.layers.size());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
