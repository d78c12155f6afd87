#include "terminal_progress.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <unistd.h>

namespace cli {

namespace {
bool g_drawn = false;
}

geo::Progress terminal_progress()
{
    geo::Progress p;
    if (!::isatty(STDERR_FILENO)) return p;
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    p.report = [last](double fraction, std::string_view stage) {
        const auto now = std::chrono::steady_clock::now();
        if (now - *last < std::chrono::milliseconds(100) && fraction < 1.0) return;
        *last = now;
        std::fprintf(stderr, "\r\033[K[%3d%%] %.*s", static_cast<int>(fraction * 100), static_cast<int>(stage.size()),
                     stage.data());
        std::fflush(stderr);
        g_drawn = true;
    };
    return p;
}

void end_terminal_progress()
{
    if (g_drawn) std::fprintf(stderr, "\r\033[K");
    g_drawn = false;
}

}  // namespace cli
