// The map under the panels, drawn each frame (app.h): the basemap at the bottom, then every
// layer in the Layers panel's order, points crowded in view as bins, and the density surface
// under the first point layer. New surfaces, bins and basemap images are uploaded once.
#include "gui/app.h"  // first: it brings in epoxy before GLFW's GL headers

#include <algorithm>
#include <cmath>
#include <string>

namespace gui {

namespace {

const geo::Rgba kBackground = geo::rgba(222, 230, 236);

}  // namespace

void App::release_map_gpu()
{
    m_gpu.clear();
    m_bins.clear();
    m_density.reset();
    m_suitability.reset();
    m_suitability_version = -1;
    m_basemap.reset();
    m_basemap_version = -1;
}

void App::draw_map(int fw, int fh)
{
    // A new density surface or suitability raster: uploaded once.
    auto upload = [&](const geo::Raster* raster, const char* what, std::unique_ptr<render::RasterLayer>& gpu) {
        gpu.reset();
        if (!raster || !m_ws.doc) return;
        const geo::GridSpec& g = raster->grid;
        const int limit = render::RasterLayer::max_texture_size();
        if (static_cast<int>(std::max(g.cols, g.rows)) > limit)
            m_ws.warn(std::string(what) + ": a grid of " + std::to_string(g.cols) + " x " + std::to_string(g.rows) +
                      " cells is larger than this GPU draws (" + std::to_string(limit) + "); use a larger cell");
        else
            gpu = std::make_unique<render::RasterLayer>(*raster, m_ws.doc->origin);
    };
    if (m_ws.density.version != m_density_version) {
        m_density_version = m_ws.density.version;
        upload(m_ws.density.result ? &m_ws.density.result->raster : nullptr, "density", m_density);
    }
    if (m_ws.suitability.version != m_suitability_version) {
        m_suitability_version = m_ws.suitability.version;
        upload(m_ws.suitability.raster.get(), "suitability", m_suitability);
    }
    m_renderer->begin(fw, fh, kBackground);
    if (m_ws.doc && m_ws.basemap.image && m_ws.basemap.source && m_ws.basemap.source->visible) {  // under every layer
        if (!m_basemap || m_basemap_version != m_ws.basemap.version) {
            if (!m_basemap) m_basemap = std::make_unique<render::ImageLayer>(m_ws.doc->origin);
            const geo::BasemapImage& img = *m_ws.basemap.image;
            m_basemap->update(img.rgba, img.width, img.height, img.extent);
            m_basemap_version = m_ws.basemap.version;
        }
        m_basemap->draw(m_ws.camera, static_cast<float>(m_ws.basemap.source->opacity));
    }
    if (m_ws.doc) {
        // The density surface lies under the first point layer: above districts and parks,
        // under enterprises and facilities.
        // The suitability raster takes the same place, under the density surface.
        bool density_drawn = (!m_density || !m_ws.density.visible) && (!m_suitability || !m_ws.suitability.visible);
        auto draw_density = [&] {
            if (m_suitability && m_ws.suitability.visible) m_suitability->draw(m_ws.camera, geo::Ramp::Viridis, 0, 100, m_ws.suitability.opacity);
            if (m_density && m_ws.density.visible)
                m_density->draw(m_ws.camera, m_ws.density.ramp, m_ws.density.min_value, m_ws.density.max_value, m_ws.density.opacity);
            density_drawn = true;
        };
        for (const LayerView& v : m_ws.doc->views) {
            if (!density_drawn && m_ws.doc->layer_of(v).data->geometry.kind() == geo::GeomKind::Point) draw_density();
            if (v.bins && v.style.visible) {  // too many points in view: their bins, in the layer's place
                auto& gpu = m_bins[v.layer];
                if (!gpu.raster) gpu.raster = std::make_unique<render::RasterLayer>(*v.bins, m_ws.doc->origin);
                else if (gpu.version != v.bins_version) gpu.raster->update(*v.bins);  // the shader program kept
                gpu.version = v.bins_version;
                gpu.raster->draw(m_ws.camera, geo::Ramp::YellowBrown, 0, std::sqrt(static_cast<float>(v.bins_max)), 0.85f * v.style.opacity);
                continue;
            }
            geo::LayerStyle look = v.style;  // smaller and lighter as points crowd
            look.point_size_px *= v.look.size_factor;
            look.opacity *= v.look.opacity_factor;
            if (auto it = m_gpu.find(v.layer); it != m_gpu.end()) m_renderer->draw(*it->second, m_ws.camera, look);
        }
        if (!density_drawn) draw_density();
    }
}

}  // namespace gui
