#pragma once
// The one way the GUI runs work off the UI thread. A task receives only values and immutable
// snapshots (a copy of a geo::LoadedProject shares its layers' features, which nobody can
// change), a cancel token and a progress sink, through geo::Progress. What it returns is a
// function that runs on the UI thread, in poll(), unless the task was cancelled first.
//
// Starting a task under a name already running cancels the older one (its result is
// dropped); opening another project cancels all; the destructor cancels all and waits only
// for work that checks its token, as every analysis does per row or feature.
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "geo/core/progress.h"

namespace gui {

struct Workspace;

class TaskRunner {
public:
    using Finish = std::function<void(Workspace&)>;
    using Work = std::function<Finish(const geo::Progress&)>;
    using Failed = std::function<void(Workspace&, const std::string& what)>;

    TaskRunner() = default;
    TaskRunner(const TaskRunner&) = delete;
    TaskRunner& operator=(const TaskRunner&) = delete;
    ~TaskRunner();

    // Runs `work` on a worker thread. An exception other than geo::Cancelled becomes an error
    // message in the workspace, "NAME: what", and then `failed` (on the UI thread, when given)
    // lets the starter show it and mark itself finished.
    void start(const std::string& name, Work work, Failed failed = {});
    // On the UI thread, once a frame: runs what finished tasks returned, in the order they finished.
    void poll(Workspace& ws);
    void cancel(const std::string& name);
    void cancel_all();
    bool running(const std::string& name) const;
    bool idle() const { return m_tasks.empty(); }
    // Progress of the running task of that name, in [0, 1] (0 when unknown or none).
    double progress(const std::string& name) const;

private:
    struct Shared {
        std::atomic<bool> cancel{false};
        std::atomic<bool> done{false};
        std::atomic<double> fraction{0.0};
        std::mutex mutex;
        Finish finish;  // set by the worker when done (null when cancelled)
        std::string error;
        Failed failed;
    };
    struct Task {
        std::string name;
        std::shared_ptr<Shared> shared;
        std::thread thread;
    };
    std::vector<Task> m_tasks;
};

}  // namespace gui
