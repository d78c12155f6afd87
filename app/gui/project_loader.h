#pragma once
// Loads a project, or a single layer into an open project, on a worker thread. The UI polls
// progress each frame and takes the result when it is ready; a failed load returns only an
// error, so what was open stays as it was.
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <functional>
#include <thread>
#include <vector>

#include "gui/document.h"

namespace gui {

struct LoadResult {
    std::unique_ptr<Document> document;  // a whole project
    std::optional<LayerView> added_view; // or one layer added to `base`
    std::optional<geo::LoadedLayer> added_layer;
    std::vector<uint32_t> codepoints;    // text the font must cover
    std::string error;                   // when it failed
    std::string path;
};

// A layer of a project file read in the working CRS (its role's geometry wanted, its fields
// guessed) with its view against the document's origin: what adding a layer to an open
// project needs, on a worker.
std::pair<geo::LoadedLayer, LayerView> read_layer_view(const geo::ProjectLayer& config, const geo::WorkingCrsChoice& working, geo::Coord origin,
                                                       const geo::Progress& progress = {});

class ProjectLoader {
public:
    ~ProjectLoader();
    // Opens a project file, or a layer file as a one-layer project.
    void open(const std::string& path);
    // Reads a layer file in `doc`'s working CRS, to be added to it when taken.
    void add_layer(const std::string& path, const Document& doc);

    bool busy() const { return m_busy.load(); }
    double progress() const { return m_progress.load(); }
    std::string stage() const;
    void cancel() { m_cancel = true; }
    // The finished result, once (nullopt while busy or when nothing was started).
    std::optional<LoadResult> take();

private:
    void start(const std::string& path, std::function<LoadResult(const geo::Progress&)> job);
    std::thread m_thread;
    std::atomic<bool> m_busy{false}, m_cancel{false};
    std::atomic<double> m_progress{0};
    mutable std::mutex m_mutex;
    std::string m_stage;
    std::optional<LoadResult> m_result;
};

}  // namespace gui
