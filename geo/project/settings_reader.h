#pragma once
// Reading one analysis's settings from the project's "analysis.<name>" object, checked: a
// value of the wrong type or out of range is an error naming its key
// ("analysis.density.cell_m: must be > 0, not -5"), never ignored or clamped. A missing key
// keeps the default the caller passes (the settings struct's own).
#include <initializer_list>
#include <string>

#include "geo/project/project.h"

namespace geo {

class SettingsReader {
public:
    // The object at project.extra["analysis"][name] (absent: every value is its default).
    // Throws geo::Error when "analysis" or that entry is not an object.
    SettingsReader(const Project& project, const std::string& name);

    double number(const char* key, double fallback) const;
    // A number in [min, max]; `min_exclusive` makes the lower bound strict ("> 0").
    double number_in(const char* key, double fallback, double min, double max, bool min_exclusive = false) const;
    long long integer_in(const char* key, long long fallback, long long min, long long max) const;
    bool flag(const char* key, bool fallback) const;
    std::string text(const char* key, const std::string& fallback) const;
    // One of `allowed`.
    std::string choice(const char* key, const std::string& fallback, std::initializer_list<const char*> allowed) const;
    bool has(const char* key) const { return m_object.contains(key) && !m_object[key].is_null(); }

    [[noreturn]] void fail(const char* key, const std::string& message) const;

    // A reader of the object under `key` ("analysis.clusters.density"); an absent key gives
    // every default. Throws geo::Error when the value there is not an object.
    SettingsReader child(const char* key) const;

private:
    SettingsReader() = default;
    Json m_object = Json::object();
    std::string m_prefix;  // "analysis.density"
    std::string m_file;
};

// Sets project.extra["analysis"][name] = settings (creating "analysis" when missing).
void store_settings(Project& project, const std::string& name, const Json& settings);

}  // namespace geo
