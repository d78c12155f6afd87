// parkcap-gui: the desktop planner. Parses the command line and runs the application;
// everything else lives in one file per window or panel.
#include <cstdio>
#include <stdexcept>

#include "gui/app.h"
#include "gui/gui_options.h"

int main(int argc, char** argv)
{
    gui::GuiOptions options;
    try {
        options = gui::parse_gui_options(argc, argv);
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "parkcap-gui: %s\n\n%s", e.what(), gui::gui_usage());
        return 2;
    }
    if (options.help) {
        std::printf("%s", gui::gui_usage());
        return 0;
    }
    return gui::App(options).run();
}
