#include "geo/io/gdal_errors.h"

#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

namespace geo {

namespace {

void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* message)
{
    auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
    if (self && level >= CE_Warning) self->on_message(level >= CE_Failure, message);
}

}  // namespace

GdalErrorCapture::GdalErrorCapture() { CPLPushErrorHandlerEx(handler, this); }

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

void GdalErrorCapture::on_message(bool is_error, const char* message)
{
    // One line: drivers such as PostgreSQL's pass on multi-line messages.
    std::string text;
    for (const char* p = message ? message : ""; *p; ++p) {
        const bool space = *p == '\n' || *p == '\r' || *p == '\t';
        if (space && (text.empty() || text.back() == ' ')) continue;
        text += space ? ' ' : *p;
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    // A bulk transformation can complain once per point: keep the first hundred of each.
    auto& list = is_error ? m_errors : m_warnings;
    if (list.size() < 100) list.push_back(std::move(text));
    else list.back() = std::move(text);
}

std::string GdalErrorCapture::last_error(const std::string& fallback) const
{
    return m_errors.empty() ? fallback : m_errors.back();
}

void ensure_gdal_registered()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Never reach out to the network for grids or anything else.
        CPLSetConfigOption("PROJ_NETWORK", "OFF");
    });
}

}  // namespace geo
