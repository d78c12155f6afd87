// parkcap map: a print-ready map of the project (PDF, SVG or PNG), or an atlas with one page
// per park, drawn with the styles the planner set (geo/print/print_map).
#include <chrono>
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "geo/core/error.h"
#include "geo/print/print_map.h"
#include "geo/report/text_format.h"
#include "geo/style/layer_style.h"
#include "load_notes.h"
#include "output_options.h"
#include "project_input.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"out", "FILE", "the map: .pdf, .svg or .png"},
    {"paper", "a4|a3", "paper size (default a4)"},
    {"portrait", "", "portrait (default landscape)"},
    {"size", "WxH", "a pixel size instead of paper (PNG and SVG)"},
    {"dpi", "N", "PNG resolution on paper (default 150)"},
    {"title", "TEXT", "the title (default: the project's name)"},
    {"view", "park=NAME|x0,y0,x1,y1", "one park (its name or code) or a box in the working CRS (default: everything)"},
    {"atlas", "parks", "one page per park in one PDF"},
    {"date", "YYYY-MM-DD", "the date printed (default: today)"},
    lang_option(),
    {"overwrite", "", "replace an existing file"},
    {"help", "", "show this help"},
};

bool same_ascii_nocase(const std::string& a, const std::string& b)
{
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

}  // namespace

int run_map(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap map PROJECT.parkcap.json --out FILE.pdf|.svg|.png [--paper a4|a3] [--portrait] [--view park=NAME]\n"
                    "                  [--atlas parks] [--title TEXT] [--lang zh|en]\n\n"
                    "A map with its title, legend, scale bar, north arrow, CRS, sources and date, drawn with the project's styles.\n\n"
                    "Options:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project file");
    const std::string out = args.get("out");
    if (out.empty()) throw UsageError("--out FILE is required");
    geo::PaperSpec paper;
    const std::string p = args.get("paper");
    if (!p.empty() && p != "a4" && p != "A4" && p != "a3" && p != "A3") throw UsageError("--paper needs a4 or a3, not '" + p + "'");
    paper.size = p == "a3" || p == "A3" ? geo::PaperSpec::A3 : geo::PaperSpec::A4;
    paper.landscape = !args.flag("portrait");
    if (const std::string s = args.get("size"); !s.empty()) {
        if (std::sscanf(s.c_str(), "%dx%d", &paper.width_px, &paper.height_px) != 2 || paper.width_px < 200 || paper.height_px < 150 ||
            paper.width_px > 20000 || paper.height_px > 20000)
            throw UsageError("--size needs WxH between 200x150 and 20000x20000, not '" + s + "'");
        paper.size = geo::PaperSpec::Pixels;
    }
    if (const std::string d = args.get("dpi"); !d.empty()) {
        paper.dpi = std::atof(d.c_str());
        if (paper.dpi < 30 || paper.dpi > 1200) throw UsageError("--dpi needs a number between 30 and 1200, not '" + d + "'");
    }
    const std::string atlas = args.get("atlas");
    if (!atlas.empty() && atlas != "parks") throw UsageError("--atlas takes parks, not '" + atlas + "'");
    const geo::Language language = table_language(args);
    refuse_to_overwrite(out, args.flag("overwrite"));

    geo::Project input = input_project(args.positional[0], args, geo::Role::Enterprises);
    refuse_inputs_as_outputs(input, {out});
    const auto t0 = std::chrono::steady_clock::now();
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress());
    print_load_notes(project);

    geo::MapPage base = geo::project_page(project, language);
    if (!base.basemap_problem.empty()) std::fprintf(stderr, "warning: basemap: %s; the map is printed without it\n", base.basemap_problem.c_str());
    if (!args.get("title").empty()) base.title = args.get("title");
    base.date = args.get("date").empty() ? geo::today() : args.get("date");

    // The parks, for --view park= and the atlas.
    const geo::LoadedLayer* parks = nullptr;
    for (const geo::LoadedLayer& l : project.layers)
        if (l.config.role == geo::Role::Parks) parks = &l;
    auto park_name = [&](size_t f) {
        const std::string* field = parks->fields.field_for("name");
        const geo::Column* c = field ? parks->data->column(*field) : nullptr;
        return c && !c->is_null(f) ? c->text(f) : "fid " + std::to_string(parks->data->fids[f]);
    };
    auto padded = [](geo::Envelope e) {
        const double pad = std::max({e.width(), e.height(), 1000.0}) * 0.08;
        return geo::Envelope{e.min_x - pad, e.min_y - pad, e.max_x + pad, e.max_y + pad};
    };
    if (const std::string v = args.get("view"); !v.empty()) {
        if (v.rfind("park=", 0) == 0) {
            const std::string name = v.substr(5);
            std::optional<size_t> found;
            for (size_t f = 0; parks && f < parks->data->size() && !found; ++f)
                for (const geo::Column& c : parks->data->columns)
                    if (c.type() == geo::FieldType::String && !c.is_null(f) && same_ascii_nocase(c.text(f), name)) found = f;
            if (!found) throw geo::Error("--view: no park named '" + name + "'");
            base.extent = padded(parks->data->geometry.envelope(*found));
            base.subtitle = park_name(*found);
        } else {
            geo::Envelope e;
            if (std::sscanf(v.c_str(), "%lf,%lf,%lf,%lf", &e.min_x, &e.min_y, &e.max_x, &e.max_y) != 4 || e.max_x <= e.min_x || e.max_y <= e.min_y)
                throw UsageError("--view needs park=NAME or x0,y0,x1,y1 with x0<x1, y0<y1, not '" + v + "'");
            base.extent = e;
        }
    }
    if (!atlas.empty()) {
        if (!parks) throw geo::Error("--atlas parks: the project has no parks layer");
        std::vector<geo::MapPage> pages;
        for (size_t f = 0; f < parks->data->size(); ++f) {
            geo::MapPage page = base;
            page.subtitle = park_name(f);
            page.extent = padded(parks->data->geometry.envelope(f));
            pages.push_back(std::move(page));
        }
        geo::write_atlas(pages, paper, out);
        std::printf("wrote %s: %zu pages, one per park, in %.2f s\n", out.c_str(), pages.size(),
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        return 0;
    }
    geo::write_map(base, paper, out);
    if (base.basemap && !base.basemap->last_problem().empty()) std::fprintf(stderr, "warning: %s\n", base.basemap->last_problem().c_str());
    std::printf("wrote %s in %.2f s\n", out.c_str(), std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}

}  // namespace cli
