// What File > Save project as, Export map and Export report ask the in-app browser for, and
// what they do with the chosen file (the map as shown; the report by the engine of
// `parkcap report`, on a worker).
#include <filesystem>

#include "geo/core/error.h"
#include "geo/io/atomic_file.h"
#include "geo/print/print_map.h"
#include "geo/report/html_report.h"
#include "geo/report/report_input.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"
#include "gui/panels.h"

namespace gui {

FileRequest save_as_request(const Workspace& ws)
{
    FileRequest r;
    r.purpose = FileRequest::Save;
    r.title = tr("Save project as");
    r.extensions = {".parkcap.json"};
    r.start = ws.project_path.empty() ? std::string("untitled.parkcap.json") : ws.project_path;
    r.done = [](Workspace& w, const std::string& path) { w.request_save_as = path; };
    return r;
}

FileRequest export_map_request(const Workspace& ws)
{
    FileRequest r;
    r.purpose = FileRequest::Save;
    r.title = tr("Export map");
    r.extensions = {".pdf", ".svg", ".png"};
    r.start = (ws.project_folder() / "map.pdf").string();
    r.done = [](Workspace& w, const std::string& path) {
        if (!w.doc) return;
        // What is shown is what is printed: the map's clear part, the visible layers in their
        // order and styles, the interface language.
        geo::MapPage page;
        page.title = w.doc->project.project.name;
        page.crs = w.doc->project.working.crs.describe();
        page.language = language();
        page.date = geo::today();
        const geo::Coord a = w.camera.screen_to_map(w.map_area[0], w.map_area[3]), b = w.camera.screen_to_map(w.map_area[2], w.map_area[1]);
        page.extent = {a.x, a.y, b.x, b.y};
        std::string sources;
        for (const LayerView& v : w.doc->views) {
            const geo::LoadedLayer& l = w.doc->layer_of(v);
            geo::PrintLayer pl;
            pl.data = l.data.get();
            pl.style = v.style;
            pl.title = l.config.id;
            pl.aggregate = l.config.role == geo::Role::Enterprises;
            if (l.config.role == geo::Role::Regions) pl.label_colour = geo::rgba(110, 110, 110);
            page.layers.push_back(pl);
            if (v.style.visible && !l.config.source.path.empty())
                sources += (sources.empty() ? "" : ", ") + std::filesystem::path(l.config.source.path).filename().string();
        }
        page.sources = (language() == geo::Language::Zh ? "数据：" : "Data: ") + sources;
        try {
            geo::write_map(page, geo::PaperSpec{}, path);
            w.info(geo::printf_text(tr("wrote the map to %s"), path.c_str()));
        } catch (const std::exception& e) {
            w.error(e.what());
        }
    };
    return r;
}

FileRequest export_report_request(const Workspace& ws)
{
    FileRequest r;
    r.purpose = FileRequest::Save;
    r.title = tr("Export report");
    r.extensions = {".html"};
    r.start = (ws.project_folder() / "report.html").string();
    r.done = [](Workspace& w, const std::string& path) {
        if (!w.doc) return;
        // On a worker, with a snapshot of the project; written there, reported here.
        auto snapshot = std::make_shared<const geo::LoadedProject>(w.doc->project);
        geo::ReportRequest request;
        request.language = language();
        w.info(geo::printf_text(tr("writing the report to %s..."), path.c_str()));
        w.tasks.start("report", [snapshot, request, path](const geo::Progress&) -> TaskRunner::Finish {
            try {
                geo::write_file_atomically(path, geo::html_report(geo::report_input(*snapshot, request)));
                return [path](Workspace& done) { done.info(geo::printf_text(tr("wrote the report to %s"), path.c_str())); };
            } catch (const geo::Cancelled&) {
                throw;
            } catch (const std::exception& e) {
                const std::string what = e.what();
                return [what](Workspace& done) { done.error(what); };
            }
        });
    };
    return r;
}

}  // namespace gui
