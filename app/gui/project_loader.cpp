#include "gui/project_loader.h"

#include <filesystem>

#include "geo/core/error.h"
#include "geo/io/dataset_open.h"
#include "geo/io/layer_reader.h"

namespace gui {

namespace {

geo::Project project_for(const std::string& path)
{
    if (geo::looks_like_project_file(path)) return geo::read_project(path);
    // A layer file on its own: its role guessed from its geometry.
    geo::ProjectLayer layer;
    layer.id = std::filesystem::path(path).stem().string();
    layer.path = path;
    layer.source.path = path;
    geo::Project p;
    p.name = std::filesystem::path(path).filename().string();
    p.layers.push_back(layer);
    return p;
}

}  // namespace

ProjectLoader::~ProjectLoader()
{
    m_cancel = true;
    if (m_thread.joinable()) m_thread.join();
}

std::string ProjectLoader::stage() const
{
    std::lock_guard lock(m_mutex);
    return m_stage;
}

std::optional<LoadResult> ProjectLoader::take()
{
    if (m_busy) return std::nullopt;
    std::lock_guard lock(m_mutex);
    std::optional<LoadResult> r = std::move(m_result);
    m_result.reset();
    if (r && m_thread.joinable()) m_thread.join();
    return r;
}

void ProjectLoader::start(const std::string& path, std::function<LoadResult(const geo::Progress&)> job)
{
    if (m_busy) return;
    if (m_thread.joinable()) m_thread.join();
    m_busy = true;
    m_cancel = false;
    m_progress = 0;
    m_thread = std::thread([this, path, job = std::move(job)] {
        geo::Progress progress;
        progress.cancel = &m_cancel;
        progress.report = [this](double f, std::string_view stage) {
            m_progress = f;
            std::lock_guard lock(m_mutex);
            m_stage = std::string(stage);
        };
        LoadResult r;
        try {
            r = job(progress);
        } catch (const geo::Cancelled&) {
            r.error = "loading cancelled";
        } catch (const std::exception& e) {
            r.error = e.what();
        }
        r.path = path;  // a failed load says what it was loading too (the password prompt tries it again)
        {
            std::lock_guard lock(m_mutex);
            m_result = std::move(r);
        }
        m_busy = false;
    });
}

void ProjectLoader::open(const std::string& path)
{
    start(path, [path](const geo::Progress& progress) {
        LoadResult r;
        r.path = path;
        geo::Progress scaled = progress;
        scaled.report = [&](double f, std::string_view s) { progress(0.9 * f, s); };
        geo::LoadedProject loaded = geo::load_project(project_for(path), scaled);
        r.document = build_document(std::move(loaded), progress);
        progress(0.99, "collecting text for the font");
        r.codepoints = codepoints_in(*r.document);
        return r;
    });
}

void ProjectLoader::add_layer(const std::string& path, const Document& doc)
{
    // Copies of what the job needs, so that the worker never touches the open document.
    const geo::WorkingCrsChoice working = doc.project.working;
    const geo::Coord origin = doc.origin;
    start(path, [path, working, origin](const geo::Progress& progress) {
        LoadResult r;
        r.path = path;
        auto [layer, view] = read_layer_view(project_for(path).layers.at(0), working, origin, progress);
        std::set<uint32_t> cps;
        append_layer_codepoints(layer, cps);
        r.codepoints.assign(cps.begin(), cps.end());
        r.added_view = std::move(view);
        r.added_layer = std::move(layer);
        return r;
    });
}

std::pair<geo::LoadedLayer, LayerView> read_layer_view(const geo::ProjectLayer& config, const geo::WorkingCrsChoice& working, geo::Coord origin,
                                                       const geo::Progress& progress)
{
    geo::LoadedLayer layer;
    layer.config = config;
    geo::LayerSource source = layer.config.source;
    source.wanted = geo::required_kind(layer.config.role);
    layer.data = std::make_shared<geo::Layer>(geo::read_layer(source, working.crs, progress));
    std::vector<std::string> names;
    for (const auto& c : layer.data->columns) names.push_back(c.name());
    layer.fields = geo::guess_fields(layer.config.role, names, {});
    // The view is built against a copy of the document's frame (origin), not the document.
    Document frame;
    frame.origin = origin;
    frame.project.working = working;
    frame.project.layers.push_back(layer);
    LayerView view = make_view(frame, 0);
    return {std::move(layer), std::move(view)};
}

}  // namespace gui
