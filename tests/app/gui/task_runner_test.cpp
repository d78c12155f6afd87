#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "geo/core/error.h"
#include "geo/project/settings_reader.h"
#include "gui/task_runner.h"
#include "gui/workspace.h"
#include "test_support.h"

namespace {

// Polls until the runner is idle (or 10 s pass, which would be a failure).
void settle(gui::TaskRunner& tasks, gui::Workspace& ws)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!tasks.idle() && std::chrono::steady_clock::now() < end) {
        tasks.poll(ws);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    tasks.poll(ws);
}

}  // namespace

TEST_CASE("task runner: results run on the polling thread, a newer task replaces an older one, cancelled work is dropped")
{
    gui::Workspace ws;
    gui::TaskRunner tasks;
    const std::thread::id ui = std::this_thread::get_id();
    std::thread::id ran_on;
    int value = 0;
    tasks.start("sum", [&](const geo::Progress&) -> gui::TaskRunner::Finish {
        const int computed = 40 + 2;  // on the worker
        return [&, computed](gui::Workspace&) {
            value = computed;
            ran_on = std::this_thread::get_id();
        };
    });
    settle(tasks, ws);
    CHECK(value == 42);
    CHECK(ran_on == ui);

    // A long task that checks its token, replaced by a newer one of the same name.
    std::atomic<bool> old_stopped{false};
    int delivered = 0;
    tasks.start("work", [&](const geo::Progress& progress) -> gui::TaskRunner::Finish {
        for (int i = 0; i < 10000; ++i) {
            try {
                progress(i / 10000.0, "spinning");
            } catch (const geo::Cancelled&) {
                old_stopped = true;
                throw;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return [&](gui::Workspace&) { delivered += 100; };
    });
    CHECK(tasks.running("work"));
    tasks.start("work", [&](const geo::Progress&) -> gui::TaskRunner::Finish { return [&](gui::Workspace&) { delivered += 1; }; });
    settle(tasks, ws);
    CHECK(old_stopped);
    CHECK(delivered == 1);  // only the newer one

    // cancel_all (another project opened): nothing is delivered.
    tasks.start("late", [&](const geo::Progress&) -> gui::TaskRunner::Finish {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return [&](gui::Workspace&) { delivered += 1000; };
    });
    tasks.cancel_all();
    settle(tasks, ws);
    CHECK(delivered == 1);

    // An exception becomes a message naming the task.
    tasks.start("broken", [](const geo::Progress&) -> gui::TaskRunner::Finish { throw geo::Error("no enterprises layer"); });
    settle(tasks, ws);
    REQUIRE(!ws.messages.empty());
    CHECK(ws.messages.back().text == "broken: no enterprises layer");

    // ... and is handed to the starter's own handler, on the polling thread, after the message.
    std::string failed_with;
    tasks.start(
        "broken", [](const geo::Progress&) -> gui::TaskRunner::Finish { throw geo::Error("no parks layer"); },
        [&](gui::Workspace& w, const std::string& what) {
            failed_with = what;
            CHECK(std::this_thread::get_id() == ui);
            CHECK(w.messages.back().text == "broken: no parks layer");
        });
    settle(tasks, ws);
    CHECK(failed_with == "no parks layer");
}

TEST_CASE("task runner: a task's snapshot of the project stays as it was while the UI edits the project")
{
    gui::Workspace ws;
    ws.doc = gui::build_document(geo::load_project(geo::read_project(test::data("small.parkcap.json"))), {});
    auto snapshot = std::make_shared<const geo::LoadedProject>(ws.doc->project);
    CHECK(snapshot->layers[0].data == ws.doc->project.layers[0].data);  // the features are shared, not copied
    std::atomic<bool> go{false};
    size_t seen_layers = 0;
    std::string seen_setting;
    ws.tasks.start("reader", [snapshot, &go, &seen_layers, &seen_setting](const geo::Progress&) -> gui::TaskRunner::Finish {
        while (!go) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        const size_t layers = snapshot->layers.size();
        const std::string setting = snapshot->project.extra.contains("analysis") ? snapshot->project.extra["analysis"].dump() : "";
        return [&seen_layers, &seen_setting, layers, setting](gui::Workspace&) {
            seen_layers = layers;
            seen_setting = setting;
        };
    });
    // Meanwhile, on this thread: a setting changes and a computed layer is added.
    const std::string before = ws.doc->project.project.extra["analysis"].dump();
    geo::store_settings(ws.doc->project.project, "density", {{"cell_m", 200}});
    geo::Layer extra;
    extra.name = "extra";
    ws.add_or_replace_computed(gui::computed_layer(extra, "extra"), {});
    go = true;
    settle(ws.tasks, ws);
    CHECK(seen_layers == 2);
    CHECK(seen_setting == before);
    CHECK(ws.doc->project.layers.size() == 3);
}
