#pragma once
// What the planner has open: the loaded project, each layer's view state (style, colours,
// picking index, mesh waiting for upload), park statistics and the selection. Built on the
// loader thread, then owned by the UI thread; panels read it and change styles and selection.
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "geo/overlay/feature_index.h"
#include "geo/overlay/zone_assignment.h"
#include "geo/project/loaded_project.h"
#include "geo/density/raster.h"
#include "geo/report/display_units.h"
#include "geo/style/point_aggregation.h"
#include "render/layer_mesh.h"
#include "geo/style/layer_style.h"

namespace gui {

struct LayerView {
    size_t layer = 0;               // index into Document::project.layers
    geo::LayerStyle style;
    std::vector<geo::Rgba> colours;  // per feature, from geo::classify
    bool colours_dirty = true;
    geo::FeatureIndex index;
    render::LayerMesh mesh;         // emptied once uploaded
    std::vector<geo::Coord> label_points;  // per feature, for polygon labels
    std::vector<size_t> label_order;       // the order labels take their room (Document::label_order), once per layer
    bool uploaded = false;
    // Point layers at this zoom (geo/style/point_aggregation, set by the map each frame):
    // drawn one by one with `look`, or, with more than the rule's limit in view, as `bins`.
    geo::PointLook look;
    std::shared_ptr<const geo::Raster> bins;  // sqrt(count) per screen cell; null: points
    uint32_t bins_max = 0;                    // the fullest cell's count (for the legend)
    int bins_version = 0;                     // bumps when `bins` changes (the GPU copy follows)
};

struct CountRow {
    std::string label;
    int64_t count = 0;
    double employees = 0;
};

struct ParkStats {
    std::string name;
    size_t feature = 0;
    double area_km2 = 0;
    int64_t enterprises = 0;
    double employees = 0;
    std::vector<CountRow> by_cluster, by_tier;
};

// The selected features of one view: `rows` (sorted) when several were selected (by a
// rectangle, a polygon or an expression), else just `row`. `row` is the one Identify shows
// (the first of a multi-selection).
struct Selection {
    int view = -1;       // index into Document::views
    int64_t row = -1;    // feature index in that layer
    std::vector<uint32_t> rows;  // a multi-selection; empty for one feature
    bool empty() const { return view < 0 || row < 0; }
    size_t count() const { return empty() ? 0 : rows.empty() ? 1 : rows.size(); }
    bool contains(uint32_t r) const;
};

struct Document {
    geo::LoadedProject project;
    std::vector<LayerView> views;  // draw order: first is drawn first (at the bottom)
    std::optional<geo::ZoneAssignment> parks;
    std::vector<ParkStats> park_stats;
    Selection selection;
    geo::Envelope extent;          // working CRS, all layers
    geo::Coord origin;             // for GPU coordinates
    std::vector<std::string> load_messages;  // repairs, drops, warnings from loading
    geo::DisplayUnits units;                 // analysis.units of the project (View > Units changes both)
    // Each layer's features as its file holds them (by layer index): a layer whose data is no
    // longer this one has attribute edits no file has yet.
    std::vector<std::shared_ptr<const geo::Layer>> file_data;
    bool has_unsaved_attributes(size_t layer) const
    {
        return layer < file_data.size() && file_data[layer] && file_data[layer] != project.layers[layer].data;
    }

    const geo::LoadedLayer& layer_of(const LayerView& v) const { return project.layers[v.layer]; }
    // The first view whose layer plays `role`, or -1.
    int view_with_role(geo::Role role) const;
    // The stats row of the park of that name, code or English name (any of its text values,
    // ASCII case ignored), or nullopt.
    std::optional<size_t> park_by_name(const std::string& name) const;
    // The feature a click at `at` means (view, row), at `metres_per_pixel`: a point or line
    // drawn under the cursor first (the top layer first), then the polygon the cursor is
    // inside, then a point or line within 5 pixels. So a click inside a park at city scale
    // selects the park, not a road passing a few pixels away.
    std::optional<std::pair<int, size_t>> pick(geo::Coord at, double metres_per_pixel) const;
    // The order a view's labels are placed in (each takes its room first): polygons largest
    // first, so the biggest park keeps its name at the city view; others in feature order.
    std::vector<size_t> label_order(const LayerView& v) const;
    // The constraint area (a feature of the constraints layer) `at` lies in, by its display
    // name; nullopt when it lies in none (or the project has no constraints layer).
    std::optional<std::string> constraint_at(geo::Coord at) const;
    // A feature's display name: its "name" field, else "fid N".
    std::string feature_name(const LayerView& v, size_t row) const;
};

// The per-park counts of the Park summary, again (after an attribute edit).
void compute_park_stats(Document& doc);

// Builds a Document from a loaded project: styles (from the project file, else defaults),
// meshes, picking indexes, park assignment and statistics. Runs on the loader thread.
std::unique_ptr<Document> build_document(geo::LoadedProject project, const geo::Progress& progress);

// Adds a view for layer `layer` of `doc` (used by build_document and when a layer file is
// dropped onto an open project).
LayerView make_view(const Document& doc, size_t layer);

// A computed layer (an analysis result): no file behind it, so it is never saved.
geo::LoadedLayer computed_layer(geo::Layer data, const std::string& id);
// The same with its view (default style, mesh built against `origin`), ready for
// Workspace::add_or_replace_computed; safe on a worker thread.
std::pair<geo::LoadedLayer, LayerView> computed_view(geo::Layer data, const std::string& id, geo::Coord origin);

// Every character the document's text could show, for the font atlas.
std::vector<uint32_t> codepoints_in(const Document& doc);
// The characters beyond ASCII in `text` and in a layer's names and text values, for the font.
void append_utf8_codepoints(std::string_view text, std::set<uint32_t>& out);
void append_layer_codepoints(const geo::LoadedLayer& layer, std::set<uint32_t>& out);

}  // namespace gui
