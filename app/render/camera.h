#pragma once
// The map camera: which part of the working CRS fills the viewport. Pure arithmetic, no GL,
// so it is unit-tested. Screen coordinates are pixels from the top-left corner, y down; map
// coordinates are working-CRS metres, y up.
#include <array>

#include "geo/core/envelope.h"

namespace render {

class Camera {
public:
    void set_viewport(double width_px, double height_px);
    double width() const { return m_width; }
    double height() const { return m_height; }

    geo::Coord centre() const { return m_centre; }
    double metres_per_pixel() const { return m_mpp; }
    void set(geo::Coord centre, double metres_per_pixel);

    geo::Coord screen_to_map(double sx, double sy) const;
    std::array<double, 2> map_to_screen(geo::Coord m) const;

    // Moves the map with the mouse: a drag of (dx, dy) pixels.
    void pan_pixels(double dx, double dy);
    // Zooms by `factor` (> 1 zooms in) keeping the map point under the screen point fixed.
    void zoom_about(double sx, double sy, double factor);
    // Shows `box` whole with `margin` (a share of the fit area) around it, centred in the fit
    // area: the part of the screen that panels leave clear (the whole viewport by default).
    void fit(const geo::Envelope& box, double margin = 0.05);
    void set_fit_area(double x0, double y0, double x1, double y1);
    geo::Envelope visible() const;

    // Column-major 3x3 matrix taking (map - origin) to clip space, for a vec3 uniform
    // array. Using an origin near the data keeps float32 vertex coordinates precise.
    std::array<float, 9> clip_matrix(geo::Coord origin) const;

private:
    geo::Coord m_centre{0, 0};
    double m_mpp = 1.0;
    double m_width = 1, m_height = 1;
    double m_fit[4] = {0, 0, -1, -1};  // x0, y0, x1, y1 in pixels; x1 < x0: the whole viewport
};

// A "nice" scale-bar length (1, 2 or 5 times a power of ten metres) at most `max_metres`.
double nice_scale_length(double max_metres);

}  // namespace render
