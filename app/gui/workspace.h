#pragma once
// What every panel works on: the open document, the camera, the message log, the undo
// history of style and layer edits, and the few commands panels share. One instance, owned
// by the App and passed by reference; no globals.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "geo/basemap/basemap_reader.h"
#include "geo/project/terms.h"
#include "geo/scenario/edits.h"
#include "geo/density/kde.h"
#include "gui/document.h"
#include "gui/task_runner.h"
#include "render/camera.h"

namespace gui {

struct Message {
    enum Level { Info, Warning, Error } level;
    std::string text;
};

// The layer order and every style: what Ctrl+Z and Ctrl+Y step through.
struct StyleSnapshot {
    std::vector<size_t> order;                // layer index of each view, in draw order
    std::vector<geo::LayerStyle> styles;   // parallel to order
    bool operator==(const StyleSnapshot&) const = default;
};

enum class Shortcut { Open, Save, SaveAs, Undo, Redo, ClearSelection, Quit, PromptSave, PromptDiscard };

struct Workspace;

// One entry of the single undo history: a finished edit of any kind (styles and layer order,
// a what-if facility edit, ...) as a command that can be undone and redone. The panel that
// made it gives the two halves; they run on the UI thread.
struct UndoEntry {
    std::string label;  // "style or layer order", "what-if: add a canteen"
    std::function<void(Workspace&)> undo, redo;
};

// What a click on the map does: select a feature, or feed the active editing tool.
enum class MapTool { Select, Edit, SelectBox, SelectPolygon };  // SelectBox/Polygon: on the active layer

// A mark a panel wants on the map this frame (working-CRS position).
struct MapMarker {
    geo::Coord at;
    geo::Rgba colour;
    float radius_px = 5;
    bool cross = false;  // an X instead of a disc
};

// The density surface on the map, as the density panel last computed it, and how to show it.
struct DensityOverlay {
    std::shared_ptr<const geo::KdeResult> result;  // null: none
    int version = 0;                               // bumps when `result` changes
    bool visible = true;
    geo::Ramp ramp = geo::Ramp::YellowBrown;  // pale at low values, for a light map; never red (red means a problem)
    float min_value = 0, max_value = 1;
    float opacity = 0.8f;
    bool busy = false;  // a computation (surface or contours) is under way
};

// The suitability raster on the map, as the suitability panel last computed it (0..100,
// vetoed 0, no data outside the parks), on the Viridis ramp: dark where vetoed, yellow where best.
struct SuitabilityOverlay {
    std::shared_ptr<const geo::Raster> raster;  // null: none
    int version = 0;                            // bumps when `raster` changes
    bool visible = true;
    float opacity = 0.85f;
};

// The basemap under the layers (basemap_view.h): the project's source, its reader (opened on
// a worker: a WMTS service is asked for its capabilities) and the image last drawn for the view.
struct BasemapOverlay {
    const void* doc = nullptr;                         // the document the source was read from
    std::optional<geo::BasemapSource> source;          // none: no basemap
    std::shared_ptr<const geo::BasemapReader> reader;  // null until opened
    std::shared_ptr<const geo::BasemapImage> image;    // the latest drawn
    int version = 0;                                   // bumps when `image` changes
    double drawn_mpp = 0;                              // the map's scale the image was asked for
    bool opening = false, drawing = false;
    std::string failed;  // why the source could not be opened ("" when it could): the map goes on without it
    std::string said;    // the last problem told the planner (each is said once)
};

// A file a panel asks the planner for (the in-app browser shows it): to read (a table, a
// layer) or to save to (Save As). `done` runs on the UI thread with the chosen path.
struct FileRequest {
    enum Purpose { Read, Save } purpose = Read;
    std::string title;
    std::vector<std::string> extensions;  // ".csv", ...; empty: any file
    std::string start;                    // a path to start from (its folder and, to save, its name)
    std::function<void(Workspace&, const std::string&)> done;
};

struct Workspace {
    std::unique_ptr<Document> doc;
    render::Camera camera;
    std::vector<Message> messages;
    std::vector<UndoEntry> undo, redo;  // one history for every kind of edit (Ctrl+Z, Ctrl+Y)
    StyleSnapshot committed;  // the styles and order as of the last recorded style edit
    std::string project_path;
    bool automated = false;  // --screenshot / --benchmark-frames: no mouse hover
    DensityOverlay density;
    SuitabilityOverlay suitability;
    BasemapOverlay basemap;
    bool clusters_computed = false; // the clusters panel has a result (screenshots wait for it)
    bool coverage_computed = false; // the coverage panel has a result (screenshots wait for it)
    bool capacity_computed = false; // the capacity panel has a result (screenshots wait for it)
    bool allocation_computed = false; // the allocation panel has a result or an error (screenshots wait for it)
    bool lifecircles_computed = false; // the life-circles panel has a result or an error (screenshots wait for it)
    bool suitability_computed = false; // the suitability panel has a result or an error (screenshots wait for it)
    bool performance_computed = false; // the 亩均效益 panel has a result or an error (screenshots wait for it)
    MapTool map_tool = MapTool::Select;
    int64_t active_layer = -1;  // index into project.layers: what the select tools work on (-1: the enterprises)
    float map_area[4] = {0, 0, 0, 0};  // x0, y0, x1, y1: the map's part no panel covers (this frame's layout)
    std::vector<geo::Coord> map_clicks;  // clicks on the map while a tool is active
    std::vector<MapMarker> markers;      // added by panels each frame, drawn (and cleared) by the map next frame
    std::set<uint32_t> glyphs_wanted;    // characters of newly shown text (computed layers, results): the font adds them
    bool request_open_dialog = false;
    bool request_export_layer = false;        // File > Export layer...
    bool request_cad_import = false;          // File > Import CAD drawing...
    std::optional<FileRequest> file_request;  // set by a panel or File > Save project as; the browser takes it
    std::string request_save_as;              // save the project to this path (from the browser)
    std::optional<geo::Language> request_language;  // View > Language: the App switches and remembers it
    bool request_save = false;
    bool request_quit = false;  // the window's close button, File > Quit, Ctrl+Q
    // Unsaved changes: every entry of the undo history (made, undone, redone) counts, and so
    // does any change of the project's stored settings and scenarios since the last load or save.
    uint64_t edit_version = 0, saved_version = 0;
    size_t saved_extra_hash = 0;
    bool user_acted = false;  // a click or key since the project opened (before it, panels settle their settings)
    bool unsaved() const;
    void mark_saved();
    std::vector<std::string> open_requests;  // paths to open (menu, drag and drop, recent)
    std::vector<Shortcut> pending_shortcuts; // keys pressed since the last frame
    TaskRunner tasks;                        // every piece of background work (task_runner.h)

    void info(std::string text) { messages.push_back({Message::Info, std::move(text)}); }
    void warn(std::string text) { messages.push_back({Message::Warning, std::move(text)}); }
    void error(std::string text) { messages.push_back({Message::Error, std::move(text)}); }

    // Selects feature `row` of view `view` (-1 clears); optionally zooms to it.
    void select(int view, int64_t row, bool zoom);
    // Selects `rows` of view `view` (sorted; empty clears); returns how many.
    size_t select_rows(int view, std::vector<uint32_t> rows);
    // Selects the features of the active layer that intersect the area `ring` (a rectangle's
    // corners or a drawn polygon, working CRS); returns how many.
    size_t select_in_area(const std::vector<geo::Coord>& ring);
    // Sets one attribute value of view `view`'s layer ("" clears it to null), as an entry of
    // the undo history; throws geo::Error for a value the field cannot hold.
    void edit_attribute(int view, size_t row, size_t column, const std::string& text);
    // The folder of the project file (absolute), else the folder parkcap started in: where the
    // file browser proposes to write.
    std::filesystem::path project_folder() const;
    // The view of the active layer (the one chosen in Layers; the enterprises by default), or -1.
    int active_view() const;
    void zoom_to(const geo::Envelope& box);
    void zoom_to_all();

    // Adds a computed layer (no file behind it; never saved into the project), or replaces
    // its earlier version in place (same layer index, so views, order and undo stay valid).
    // `view.style` is kept as given, except that a replaced layer keeps its visibility.
    void add_or_replace_computed(geo::LoadedLayer layer, LayerView view);

    StyleSnapshot snapshot() const;
    void restore(const StyleSnapshot& s);
    // Called once per frame when no widget is being dragged: records a finished style or
    // layer-order edit in the history.
    void commit_edits();
    // Records a finished edit made by a panel (clears what could be redone).
    void push_edit(UndoEntry entry);
    // Stores `scenario` in the project (replacing one of that name; an empty one goes) as an
    // entry of the undo history labelled `label`: undo brings back what was there.
    void store_scenario_undoable(const geo::Scenario& scenario, const std::string& label);
    // The project's display units (View > Units) as an entry of the undo history.
    void set_units(const geo::DisplayUnits& units, const std::string& label);
    void undo_edit();
    void redo_edit();
};

}  // namespace gui
