#include "geo/cad/cad_drawing.h"

#include <fstream>
#include <sstream>
#include <map>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/core/error.h"
#include "geo/io/gdal_errors.h"

namespace geo {

namespace {

// The header's value of a DXF variable ("$DWGCODEPAGE" -> "ANSI_936"), from the first 256 KB.
std::string header_value(const std::string& head, const std::string& name)
{
    const size_t at = head.find(name);
    if (at == std::string::npos) return {};
    std::istringstream in(head.substr(at + name.size(), 200));
    std::string code, value;
    std::getline(in, code);  // the rest of the name's line
    std::getline(in, code);
    std::getline(in, value);
    while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.pop_back();
    while (!value.empty() && value.front() == ' ') value.erase(value.begin());
    return value;
}

struct ThreadConfig {
    const char* key;
    ThreadConfig(const char* k, const std::string& v) : key(k) { CPLSetThreadLocalConfigOption(key, v.empty() ? nullptr : v.c_str()); }
    ~ThreadConfig() { CPLSetThreadLocalConfigOption(key, nullptr); }
    ThreadConfig(const ThreadConfig&) = delete;
    ThreadConfig& operator=(const ThreadConfig&) = delete;
};

void add_line(CadDrawing& d, const OGRLineString& l, const std::string& layer)
{
    std::vector<Coord> pts;
    for (int i = 0; i < l.getNumPoints(); ++i) pts.push_back({l.getX(i), l.getY(i)});
    if (pts.size() < 2) return;
    d.lines.begin_feature(false);
    d.lines.begin_part();
    d.lines.add_ring(pts);
    d.lines.end_feature();
    d.line_layer.push_back(layer);
    d.line_closed.push_back(pts.size() >= 4 && pts.front().x == pts.back().x && pts.front().y == pts.back().y);
}

void add_polygon(CadDrawing& d, const OGRPolygon& p, const std::string& layer)
{
    if (p.IsEmpty()) return;
    d.polygons.begin_feature(false);
    d.polygons.begin_part();
    for (int r = -1; r < p.getNumInteriorRings(); ++r) {
        const OGRLinearRing* ring = r < 0 ? p.getExteriorRing() : p.getInteriorRing(r);
        std::vector<Coord> pts;
        for (int i = 0; i < ring->getNumPoints(); ++i) pts.push_back({ring->getX(i), ring->getY(i)});
        d.polygons.add_ring(pts);
    }
    d.polygons.end_feature();
    d.polygon_layer.push_back(layer);
}

}  // namespace

std::string autocad_release(const std::string& v)
{
    static const std::map<std::string, std::string> releases = {
        {"AC1009", "AutoCAD R12"}, {"AC1012", "AutoCAD R13"}, {"AC1014", "AutoCAD R14"}, {"AC1015", "AutoCAD 2000"},
        {"AC1018", "AutoCAD 2004"}, {"AC1021", "AutoCAD 2007"}, {"AC1024", "AutoCAD 2010"}, {"AC1027", "AutoCAD 2013"},
        {"AC1032", "AutoCAD 2018"}};
    const auto it = releases.find(v);
    return it == releases.end() ? std::string() : it->second;
}

CadDrawing read_cad(const std::filesystem::path& file, const std::string& encoding)
{
    const ErrorContext where{.file = file.string()};
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("cannot open the drawing", where);
    std::string head(256 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    CadDrawing d;
    std::string use = encoding;
    if (head.rfind("AC10", 0) == 0) {  // a DWG: its version is its first six bytes
        const std::string version = head.substr(0, 6), release = autocad_release(version);
        if (version != "AC1015")
            throw Error("a DWG drawing of version " + version + (release.empty() ? "" : " (" + release + ")") +
                            ", which cannot be read here: GDAL on Debian reads DWG only in the AutoCAD 2000 format. Save it as DXF "
                            "(AutoCAD, ZWCAD or the ODA File Converter: File > Save As > DXF) and open the DXF",
                        where);
    } else if (use.empty()) {
        const std::string page = header_value(head, "$DWGCODEPAGE"), version = header_value(head, "$ACADVER");
        const bool utf8_era = version >= "AC1021";  // AutoCAD 2007 on writes UTF-8
        bool high = false;
        for (unsigned char c : head) high = high || c >= 0x80;
        if (!utf8_era && high && (page.empty() || page == "ANSI_1252")) {
            use = "CP936";
            d.encoding = "text read as GBK (CP936): the drawing " + (page.empty() ? std::string("names no code page") : "says " + page) +
                         " but holds non-ASCII text; give --encoding to override";
        } else {
            d.encoding = utf8_era ? "text read as UTF-8 (" + version + ")" : "text read as " + (page.empty() ? std::string("ANSI_1252") : page) + " (the drawing's $DWGCODEPAGE)";
        }
    }
    if (!encoding.empty()) d.encoding = "text read as " + encoding + " (as given)";
    ensure_gdal_registered();
    GdalErrorCapture capture;
    const ThreadConfig enc("DXF_ENCODING", use);
    const ThreadConfig blocks("DXF_INLINE_BLOCKS", "TRUE");
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.string().c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    if (!ds || ds->GetLayerCount() == 0) throw Error("not a drawing GDAL can read: " + capture.last_error("no DXF or DWG found"), where);
    std::map<std::string, size_t> skipped;
    for (OGRLayer* layer : ds->GetLayers()) {
        const int layer_field = layer->GetLayerDefn()->GetFieldIndex("Layer");
        const int text_field = layer->GetLayerDefn()->GetFieldIndex("Text");
        for (auto& f : *layer) {
            const std::string cad_layer = layer_field >= 0 ? f->GetFieldAsString(layer_field) : layer->GetName();
            const OGRGeometry* g = f->GetGeometryRef();
            if (!g || g->IsEmpty()) continue;
            std::vector<const OGRGeometry*> parts;
            if (const auto* c = dynamic_cast<const OGRGeometryCollection*>(g))
                for (int i = 0; i < c->getNumGeometries(); ++i) parts.push_back(c->getGeometryRef(i));
            else parts.push_back(g);
            for (const OGRGeometry* p : parts) {
                switch (wkbFlatten(p->getGeometryType())) {
                case wkbLineString: add_line(d, *p->toLineString(), cad_layer); break;
                case wkbPolygon: add_polygon(d, *p->toPolygon(), cad_layer); break;
                case wkbPoint:
                    if (text_field >= 0 && f->IsFieldSetAndNotNull(text_field) && *f->GetFieldAsString(text_field)) {
                        d.text_xy.push_back({p->toPoint()->getX(), p->toPoint()->getY()});
                        d.text.push_back(f->GetFieldAsString(text_field));
                        d.text_layer.push_back(cad_layer);
                    } else {
                        ++skipped["points without text"];
                    }
                    break;
                default: ++skipped[OGRGeometryTypeToName(p->getGeometryType())]; break;
                }
            }
        }
    }
    for (const auto& [kind, n] : skipped) d.notes.push_back(std::to_string(n) + " " + kind + " left out");
    return d;
}

}  // namespace geo
