#pragma once
// Command line of parkcap-gui:
//   parkcap-gui [PROJECT_OR_LAYER] [--screenshot FILE.png] [--size WxH]
//               [--view park=NAME | --view x0,y0,x1,y1] [--panel NAME ...]
//               [--lang zh|en] [--benchmark-frames N]
#include <optional>
#include <string>
#include <vector>

#include "geo/core/envelope.h"
#include "geo/project/terms.h"

namespace gui {

struct GuiOptions {
    std::string open;                 // project or layer file to open at start
    std::string screenshot;           // write this PNG and exit
    int width = 1400, height = 900;
    std::string view_park;            // --view park=NAME
    std::optional<geo::Envelope> view_box;  // --view x0,y0,x1,y1 (working CRS)
    std::vector<std::string> panels;  // show only these (default: all; in a screenshot, none)
    std::optional<geo::Language> language;  // --lang zh|en (else the remembered choice, else the locale)
    int benchmark_frames = 0;         // render N frames with camera moves, print frame times, exit
    bool help = false;
};

// Throws std::invalid_argument with a message for the user.
GuiOptions parse_gui_options(int argc, char** argv);
const char* gui_usage();
// The panel names --panel accepts.
const std::vector<std::string>& panel_names();

}  // namespace gui
