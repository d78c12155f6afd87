#include "gui/gui_options.h"

#include "gui/panels.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace gui {

const std::vector<std::string>& panel_names()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const PanelRegistration& r : registered_panels())
            if (r.choosable) out.push_back(r.name);
        return out;
    }();
    return names;
}

const char* gui_usage()
{
    return "Usage: parkcap-gui [PROJECT.parkcap.json | LAYER_FILE] [options]\n\n"
           "  --screenshot FILE.png   render, write the PNG and exit (non-zero status if anything failed)\n"
           "  --size WxH              window size in pixels (default 1400x900)\n"
           "  --view park=NAME        show one park (its name as in the parks layer)\n"
           "  --view x0,y0,x1,y1      show a box in the working CRS (metres)\n"
           "  --panel NAME            show only the named panels (repeatable): layers, legend, identify, park, measure,\n"
           "                          table, messages, density, clusters, coverage, lifecircles, capacity, allocation, suitability,\n"
           "                          performance (an analysis panel computes before the screenshot); --panel all: the\n"
           "                          first screen as a new user sees it (the default layout, menu bar included)\n"
           "  --lang zh|en            the interface language (default: the last one chosen, else the locale)\n"
           "  --benchmark-frames N    render N frames while panning and zooming, print frame times, exit\n";
}

GuiOptions parse_gui_options(int argc, char** argv)
{
    GuiOptions o;
    auto value = [&](int& i, const std::string& name) {
        if (i + 1 >= argc) throw std::invalid_argument(name + " needs a value");
        return std::string(argv[++i]);
    };
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") o.help = true;
        else if (a == "--screenshot") o.screenshot = value(i, a);
        else if (a == "--size") {
            const std::string v = value(i, a);
            if (std::sscanf(v.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 150 ||
                o.width > 8192 || o.height > 8192)
                throw std::invalid_argument("--size needs WxH between 200x150 and 8192x8192, not '" + v + "'");
        } else if (a == "--view") {
            const std::string v = value(i, a);
            geo::Envelope e;
            if (v.rfind("park=", 0) == 0) o.view_park = v.substr(5);
            else if (std::sscanf(v.c_str(), "%lf,%lf,%lf,%lf", &e.min_x, &e.min_y, &e.max_x, &e.max_y) == 4 &&
                     e.max_x > e.min_x && e.max_y > e.min_y)
                o.view_box = e;
            else
                throw std::invalid_argument("--view needs park=NAME or x0,y0,x1,y1 with x0<x1, y0<y1, not '" + v + "'");
        } else if (a == "--panel") {
            const std::string v = value(i, a);
            if (v != "all" && std::find(panel_names().begin(), panel_names().end(), v) == panel_names().end()) {
                std::string known;
                for (const std::string& n : panel_names()) known += (known.empty() ? "" : ", ") + n;
                throw std::invalid_argument("unknown panel '" + v + "' (" + known + ", or all)");
            }
            o.panels.push_back(v);
        } else if (a == "--lang") {
            const std::string v = value(i, a);
            try {
                o.language = geo::parse_language(v);
            } catch (const std::exception&) {
                throw std::invalid_argument("--lang needs zh or en, not '" + v + "'");
            }
        } else if (a == "--benchmark-frames") {
            o.benchmark_frames = std::atoi(value(i, a).c_str());
            if (o.benchmark_frames <= 0) throw std::invalid_argument("--benchmark-frames needs a positive number");
        } else if (a.rfind("--", 0) == 0) {
            throw std::invalid_argument("unknown option " + a);
        } else if (o.open.empty()) {
            o.open = a;
        } else {
            throw std::invalid_argument("give one project or layer file, not two ('" + a + "')");
        }
    }
    if ((!o.screenshot.empty() || o.benchmark_frames > 0) && o.open.empty())
        throw std::invalid_argument("--screenshot and --benchmark-frames need a project or layer file");
    return o;
}

}  // namespace gui
