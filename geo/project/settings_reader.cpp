#include "geo/project/settings_reader.h"

#include <cmath>
#include <cstdio>

#include "geo/core/error.h"

namespace geo {

namespace {

std::string number_text(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

SettingsReader::SettingsReader(const Project& project, const std::string& name)
    : m_prefix("analysis." + name), m_file(project.file.string())
{
    auto analysis = project.extra.find("analysis");
    if (analysis == project.extra.end() || analysis->is_null()) return;
    if (!analysis->is_object()) throw Error("must be an object of analysis settings", {.file = m_file, .key = "analysis"});
    auto it = analysis->find(name);
    if (it == analysis->end() || it->is_null()) return;
    if (!it->is_object()) throw Error("must be an object of settings", {.file = m_file, .key = m_prefix});
    m_object = *it;
}

SettingsReader SettingsReader::child(const char* key) const
{
    SettingsReader r;
    r.m_prefix = m_prefix + "." + key;
    r.m_file = m_file;
    if (!has(key)) return r;
    if (!m_object[key].is_object()) fail(key, "must be an object of settings");
    r.m_object = m_object[key];
    return r;
}

void SettingsReader::fail(const char* key, const std::string& message) const
{
    throw Error(message, {.file = m_file, .key = m_prefix + "." + key});
}

double SettingsReader::number(const char* key, double fallback) const
{
    if (!has(key)) return fallback;
    const Json& v = m_object[key];
    if (!v.is_number()) fail(key, "must be a number, not " + v.dump());
    const double d = v.get<double>();
    if (!std::isfinite(d)) fail(key, "must be a finite number");
    return d;
}

double SettingsReader::number_in(const char* key, double fallback, double min, double max, bool min_exclusive) const
{
    const double v = number(key, fallback);
    if (!has(key)) return v;
    if (min_exclusive ? !(v > min) : !(v >= min)) fail(key, std::string("must be ") + (min_exclusive ? "> " : ">= ") + number_text(min) + ", not " + number_text(v));
    if (!(v <= max)) fail(key, "must be <= " + number_text(max) + ", not " + number_text(v));
    return v;
}

long long SettingsReader::integer_in(const char* key, long long fallback, long long min, long long max) const
{
    if (!has(key)) return fallback;
    const Json& v = m_object[key];
    if (!v.is_number_integer()) fail(key, "must be a whole number, not " + v.dump());
    const long long i = v.get<long long>();
    if (i < min || i > max) fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", not " + std::to_string(i));
    return i;
}

bool SettingsReader::flag(const char* key, bool fallback) const
{
    if (!has(key)) return fallback;
    const Json& v = m_object[key];
    if (!v.is_boolean()) fail(key, "must be true or false, not " + v.dump());
    return v.get<bool>();
}

std::string SettingsReader::text(const char* key, const std::string& fallback) const
{
    if (!has(key)) return fallback;
    const Json& v = m_object[key];
    if (!v.is_string()) fail(key, "must be text, not " + v.dump());
    return v.get<std::string>();
}

std::string SettingsReader::choice(const char* key, const std::string& fallback, std::initializer_list<const char*> allowed) const
{
    const std::string v = text(key, fallback);
    std::string list;
    for (const char* a : allowed) {
        if (v == a) return v;
        list += (list.empty() ? "" : ", ") + std::string(a);
    }
    fail(key, "must be one of " + list + ", not '" + v + "'");
}

void store_settings(Project& project, const std::string& name, const Json& settings)
{
    if (!project.extra.contains("analysis") || !project.extra["analysis"].is_object()) project.extra["analysis"] = Json::object();
    project.extra["analysis"][name] = settings;
}

}  // namespace geo
