#pragma once
// The basemap on screen: read from the project when a document opens, opened and drawn on
// workers (never on the UI thread: web tiles take time), drawn again when the view leaves the
// image or the scale changes; a source that fails is said once and the map goes on.
#include "gui/workspace.h"

namespace gui {

// Once a frame, on the UI thread: starts opening or drawing when needed.
void update_basemap(Workspace& ws);
// True when the image on screen is the one for this view (or there is none to wait for):
// screenshots wait for it.
bool basemap_settled(const Workspace& ws);
// What the planner is typing into the basemap's source fields (kept by the Layers panel).
struct BasemapFields {
    char source[1024] = "";
    char layer[128] = "";
    char key_env[128] = "";
    int coordinates = 0;  // 0 WGS84 / CGCS2000, 1 GCJ-02
    const void* doc = nullptr;  // the document they were filled from
};

// The basemap's line at the bottom of the Layers panel: shown or not, opacity, and its source
// edited (a file, an XYZ template or WMTS, the key's variable, GCJ-02), saved with the project.
void basemap_editor(Workspace& ws, BasemapFields& fields);

}  // namespace gui
