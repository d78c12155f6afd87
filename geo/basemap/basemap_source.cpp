#include "geo/basemap/basemap_source.h"

#include <cstdlib>
#include <regex>

#include "geo/core/error.h"
#include "geo/report/text_format.h"

namespace fs = std::filesystem;

namespace geo {

namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool is_url(const std::string& s) { return starts_with(s, "http://") || starts_with(s, "https://") || starts_with(s, "file://"); }

std::string replaced(std::string s, const std::string& from, const std::string& to)
{
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

// The key appended as Tianditu's tk (unless the text already places it).
std::string with_key(const std::string& url, const std::string& key)
{
    if (key.empty() || url.find("tk=") != std::string::npos) return url;
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "tk=" + key;
}

// A local path or template made absolute against the project folder.
std::string absolute_local(const std::string& path, const fs::path& folder)
{
    const fs::path p(path);
    std::error_code ec;
    const fs::path full = fs::absolute(p.is_absolute() ? p : folder / p, ec);
    return (ec ? p : full).lexically_normal().string();
}

}  // namespace

BasemapSource::Kind basemap_kind(const std::string& source)
{
    if (starts_with(source, "WMTS:") || starts_with(source, "wmts:")) return BasemapSource::Kind::Wmts;
    if (source.find("{z}") != std::string::npos) return BasemapSource::Kind::Xyz;
    return BasemapSource::Kind::File;
}

BasemapSource parse_basemap(const Json& j, const std::string& where)
{
    auto fail = [&](const std::string& key, const std::string& message) -> void { throw Error(message, {.key = where + "." + key}); };
    if (!j.is_object()) throw Error("must be an object ({\"source\": ...}), not " + j.dump(), {.key = where});
    BasemapSource s;
    auto text = [&](const char* key, std::string& out) {
        if (auto it = j.find(key); it != j.end() && !it->is_null()) {
            if (!it->is_string()) fail(key, std::string("must be text, not ") + it->dump());
            out = it->get<std::string>();
        }
    };
    text("source", s.source);
    if (s.source.empty()) fail("source", "missing: a raster file, an XYZ template with {x} {y} {z}, or \"WMTS:\" and a GetCapabilities URL");
    s.kind = basemap_kind(s.source);
    text("layer", s.layer);
    text("key", s.key);
    text("key_env", s.key_env);
    text("cache", s.cache);
    std::string coords = "wgs84";
    text("coordinates", coords);
    try {
        s.coordinates = parse_web_map_coords(coords);
    } catch (const Error& e) {
        fail("coordinates", e.message());
    }
    if (s.coordinates == WebMapCoords::Bd09)
        fail("coordinates", "Baidu's tiles (BD-09) use their own tile grid, not Web Mercator's; use Tianditu (wgs84) or Amap/Tencent (gcj02)");
    if (auto it = j.find("opacity"); it != j.end() && !it->is_null()) {
        if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1) fail("opacity", "must be a number from 0 to 1, not " + it->dump());
        s.opacity = it->get<double>();
    }
    if (auto it = j.find("visible"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean()) fail("visible", "must be true or false, not " + it->dump());
        s.visible = it->get<bool>();
    }
    if (auto it = j.find("max_zoom"); it != j.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<int>() < 0 || it->get<int>() > 23) fail("max_zoom", "must be a whole number from 0 to 23, not " + it->dump());
        s.max_zoom = it->get<int>();
    }
    if (s.kind == BasemapSource::Kind::Xyz) {
        static const std::regex placeholder(R"(\{([^}]*)\})");
        for (std::sregex_iterator it(s.source.begin(), s.source.end(), placeholder), end; it != end; ++it) {
            const std::string name = (*it)[1];
            if (name == "s" || (name.find('-') == 0 && name != "-y"))
                fail("source", "the placeholder {" + name + "} is not supported (only {x} {y} {-y} {z} {key}); for sub-domains write one server, e.g. t0 or webrd01");
            if (name != "x" && name != "y" && name != "-y" && name != "z" && name != "key")
                fail("source", "unknown placeholder {" + name + "} (known: {x} {y} {-y} {z} {key})");
        }
        if (s.source.find("{x}") == std::string::npos || (s.source.find("{y}") == std::string::npos && s.source.find("{-y}") == std::string::npos))
            fail("source", "an XYZ template needs {x}, {y} (or {-y}) and {z}: " + s.source);
    }
    if (s.source.find("{key}") != std::string::npos && s.key.empty() && s.key_env.empty())
        fail("source", "the template places {key} but neither \"key\" nor \"key_env\" is set");
    return s;
}

std::optional<BasemapSource> basemap_of(const Project& project)
{
    auto it = project.extra.find("basemap");
    if (it == project.extra.end() || it->is_null()) return std::nullopt;
    try {
        return parse_basemap(*it);
    } catch (const Error& e) {
        throw e.with_outer({.file = project.file.string()});
    }
}

Json to_json(const BasemapSource& s)
{
    Json j = {{"source", s.source}};
    if (!s.layer.empty()) j["layer"] = s.layer;
    if (!s.key.empty()) j["key"] = s.key;
    if (!s.key_env.empty()) j["key_env"] = s.key_env;
    if (s.coordinates != WebMapCoords::Wgs84) j["coordinates"] = std::string(to_string(s.coordinates));
    if (s.kind == BasemapSource::Kind::Xyz && s.max_zoom != 18) j["max_zoom"] = s.max_zoom;
    if (s.opacity != 1.0) j["opacity"] = s.opacity;
    if (!s.visible) j["visible"] = false;
    if (!s.cache.empty()) j["cache"] = s.cache;
    return j;
}

void store_basemap(Project& project, const std::optional<BasemapSource>& s)
{
    if (s) project.extra["basemap"] = to_json(*s);
    else project.extra.erase("basemap");
}

std::string basemap_key(const BasemapSource& s)
{
    if (!s.key.empty()) return s.key;
    if (!s.key_env.empty())
        if (const char* v = std::getenv(s.key_env.c_str())) return v;
    return {};
}

fs::path basemap_cache_dir(const BasemapSource& s, const fs::path& project_folder)
{
    if (!s.cache.empty()) return fs::path(absolute_local(s.cache, project_folder));
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "parkcap" / "tiles";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "parkcap" / "tiles";
    return fs::temp_directory_path() / "parkcap-tiles";
}

std::string gdal_basemap_name(const BasemapSource& s, const fs::path& folder, bool offline)
{
    const std::string key = basemap_key(s);
    const std::string cache = "<Cache><Path>" + xml_escape(basemap_cache_dir(s, folder).string()) + "</Path></Cache>";
    switch (s.kind) {
    case BasemapSource::Kind::File:
        return absolute_local(s.source, folder);
    case BasemapSource::Kind::Xyz: {
        const bool local = !is_url(s.source);
        std::string url = local ? "file://" + absolute_local(s.source, folder) : s.source;
        const bool flipped = url.find("{-y}") != std::string::npos;
        if (url.find("{key}") != std::string::npos) url = replaced(url, "{key}", key);
        else if (!local) url = with_key(url, key);
        url = replaced(replaced(replaced(replaced(url, "{x}", "${x}"), "{y}", "${y}"), "{z}", "${z}"), "{-y}", "${y}");
        // Local tiles need no cache (GDAL's cache also turns a missing local tile into an error).
        const bool cached = !starts_with(url, "file://");
        return "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>" + xml_escape(url) +
               "</ServerUrl></Service><DataWindow><UpperLeftX>-20037508.34</UpperLeftX><UpperLeftY>20037508.34</UpperLeftY>"
               "<LowerRightX>20037508.34</LowerRightX><LowerRightY>-20037508.34</LowerRightY><TileLevel>" +
               std::to_string(s.max_zoom) + "</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY><YOrigin>" +
               (flipped ? "bottom" : "top") +
               "</YOrigin></DataWindow><Projection>EPSG:3857</Projection><BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY>"
               "<BandsCount>4</BandsCount><MaxConnections>4</MaxConnections><Timeout>10</Timeout><UserAgent>parkcap</UserAgent>"
               "<ZeroBlockHttpCodes>204,404</ZeroBlockHttpCodes>" +
               (cached ? cache : std::string()) + (offline && cached ? "<OfflineMode>true</OfflineMode>" : "") + "</GDAL_WMS>";
    }
    case BasemapSource::Kind::Wmts: {
        std::string url = s.source.substr(5);
        if (!is_url(url)) url = absolute_local(url, folder);  // GDAL adds ExtraQueryParameters to the capabilities request too
        std::string xml = "<GDAL_WMTS><GetCapabilitiesUrl>" + xml_escape(url) + "</GetCapabilitiesUrl>";
        if (!s.layer.empty()) xml += "<Layer>" + xml_escape(s.layer) + "</Layer>";
        if (!key.empty()) xml += "<ExtraQueryParameters>tk=" + xml_escape(key) + "</ExtraQueryParameters>";
        return xml + cache + (offline ? "<OfflineMode>true</OfflineMode>" : "") + "</GDAL_WMTS>";
    }
    }
    return {};
}

std::string describe(const BasemapSource& s)
{
    std::string src = s.source;
    if (const std::string key = basemap_key(s); !key.empty()) src = replaced(src, key, "***");
    std::string out = (s.kind == BasemapSource::Kind::File ? "raster " : s.kind == BasemapSource::Kind::Xyz ? "XYZ tiles " : "WMTS ") + src;
    if (!s.layer.empty()) out += ", layer " + s.layer;
    std::string notes;
    if (!s.key_env.empty()) notes += std::string("key from ") + s.key_env + (basemap_key(s).empty() ? " (not set)" : "");
    else if (!s.key.empty()) notes += "key in the project";
    if (s.coordinates == WebMapCoords::Gcj02) notes += std::string(notes.empty() ? "" : ", ") + "GCJ-02, shifted";
    return notes.empty() ? out : out + " (" + notes + ")";
}

}  // namespace geo
