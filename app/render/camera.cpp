#include "render/camera.h"

#include <algorithm>
#include <cmath>

namespace render {

void Camera::set_viewport(double w, double h)
{
    m_width = std::max(1.0, w);
    m_height = std::max(1.0, h);
}

void Camera::set(geo::Coord centre, double mpp)
{
    m_centre = centre;
    m_mpp = std::clamp(mpp, 1e-3, 1e7);
}

geo::Coord Camera::screen_to_map(double sx, double sy) const
{
    return {m_centre.x + (sx - m_width / 2) * m_mpp, m_centre.y - (sy - m_height / 2) * m_mpp};
}

std::array<double, 2> Camera::map_to_screen(geo::Coord m) const
{
    return {(m.x - m_centre.x) / m_mpp + m_width / 2, m_height / 2 - (m.y - m_centre.y) / m_mpp};
}

void Camera::pan_pixels(double dx, double dy)
{
    m_centre.x -= dx * m_mpp;
    m_centre.y += dy * m_mpp;
}

void Camera::zoom_about(double sx, double sy, double factor)
{
    const geo::Coord anchor = screen_to_map(sx, sy);
    m_mpp = std::clamp(m_mpp / factor, 1e-3, 1e7);
    const geo::Coord moved = screen_to_map(sx, sy);
    m_centre.x += anchor.x - moved.x;
    m_centre.y += anchor.y - moved.y;
}

void Camera::fit(const geo::Envelope& box, double margin)
{
    if (box.empty()) return;
    const double usable = std::max(0.1, 1.0 - 2 * margin);
    const double w = std::max(box.width(), 1.0), h = std::max(box.height(), 1.0);
    const bool area = m_fit[2] - m_fit[0] >= 16 && m_fit[3] - m_fit[1] >= 16;
    const double x0 = area ? m_fit[0] : 0, y0 = area ? m_fit[1] : 0;
    const double x1 = area ? m_fit[2] : m_width, y1 = area ? m_fit[3] : m_height;
    m_mpp = std::clamp(std::max(w / ((x1 - x0) * usable), h / ((y1 - y0) * usable)), 1e-3, 1e7);
    // The box's centre goes to the fit area's centre.
    const geo::Coord c = box.centre();
    m_centre = {c.x - ((x0 + x1) / 2 - m_width / 2) * m_mpp, c.y + ((y0 + y1) / 2 - m_height / 2) * m_mpp};
}

void Camera::set_fit_area(double x0, double y0, double x1, double y1)
{
    m_fit[0] = x0, m_fit[1] = y0, m_fit[2] = x1, m_fit[3] = y1;
}

geo::Envelope Camera::visible() const
{
    const geo::Coord a = screen_to_map(0, m_height), b = screen_to_map(m_width, 0);
    return {a.x, a.y, b.x, b.y};
}

std::array<float, 9> Camera::clip_matrix(geo::Coord origin) const
{
    // clip = ((m - origin) - (centre - origin)) * 2 / (viewport * mpp)
    const double sx = 2.0 / (m_width * m_mpp), sy = 2.0 / (m_height * m_mpp);
    const double tx = -(m_centre.x - origin.x) * sx, ty = -(m_centre.y - origin.y) * sy;
    return {static_cast<float>(sx), 0, 0, 0, static_cast<float>(sy), 0, static_cast<float>(tx), static_cast<float>(ty), 1};
}

double nice_scale_length(double max_metres)
{
    if (max_metres <= 0) return 0;
    const double p = std::pow(10.0, std::floor(std::log10(max_metres)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * p <= max_metres) return m * p;
    return p;
}

}  // namespace render
