#pragma once
// A prepared map scene in one binary file: each layer's mesh, per-feature colours and draw
// settings, the extent and a park box. Lets the render benchmark run where GDAL is not
// installed (the lent GPU machine), drawing exactly what parkcap-gui draws for a project.
#include <string>
#include <vector>

#include "render/layer_mesh.h"
#include "geo/style/layer_style.h"

namespace bench {

struct SceneLayer {
    render::LayerMesh mesh;
    std::vector<geo::Rgba> colours;
    geo::LayerStyle style;  // only the drawing fields travel
    bool polygons = false;
};

struct Scene {
    geo::Envelope extent;
    geo::Envelope park;  // a park view
    std::vector<SceneLayer> layers;
};

void write_scene(const Scene& scene, const std::string& path);  // throws std::runtime_error
Scene read_scene(const std::string& path);                      // throws std::runtime_error

}  // namespace bench
