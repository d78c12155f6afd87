#pragma once
// Collects GDAL's error and warning messages on this thread while alive, instead of letting
// GDAL print them, so that they can be carried in a geo::Error or a load report.
#include <string>
#include <vector>

namespace geo {

class GdalErrorCapture {
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

    bool has_error() const { return !m_errors.empty(); }
    // The last error message, or `fallback` when GDAL said nothing.
    std::string last_error(const std::string& fallback = "") const;
    const std::vector<std::string>& warnings() const { return m_warnings; }
    void clear() { m_errors.clear(); m_warnings.clear(); }

    // Called from GDAL's handler; not for users.
    void on_message(bool is_error, const char* message);

private:
    std::vector<std::string> m_errors;
    std::vector<std::string> m_warnings;
};

// Registers GDAL's drivers once (thread-safe).
void ensure_gdal_registered();

}  // namespace geo
