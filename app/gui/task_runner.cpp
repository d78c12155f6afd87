#include "gui/task_runner.h"

#include <algorithm>
#include <chrono>

#include "geo/core/error.h"
#include "gui/workspace.h"

namespace gui {

TaskRunner::~TaskRunner()
{
    // Closing the window: cancel everything, give work that checks its token a moment to
    // stop, and leave the rest to finish on its own (it holds only its own snapshot and the
    // shared state, both kept alive by shared pointers) rather than keep the window waiting.
    cancel_all();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    for (Task& t : m_tasks) {
        while (!t.shared->done && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (t.shared->done) t.thread.join();
        else t.thread.detach();
    }
}

void TaskRunner::start(const std::string& name, Work work, Failed failed)
{
    cancel(name);
    Task t;
    t.name = name;
    t.shared = std::make_shared<Shared>();
    t.shared->failed = std::move(failed);
    t.thread = std::thread([shared = t.shared, work = std::move(work)] {
        geo::Progress progress;
        progress.cancel = &shared->cancel;
        progress.report = [shared](double f, std::string_view) { shared->fraction = f; };
        Finish finish;
        std::string error;
        try {
            finish = work(progress);
        } catch (const geo::Cancelled&) {
        } catch (const std::exception& e) {
            error = e.what();
        }
        {
            std::lock_guard lock(shared->mutex);
            if (!shared->cancel) {
                shared->finish = std::move(finish);
                shared->error = std::move(error);
            }
        }
        shared->done = true;
    });
    m_tasks.push_back(std::move(t));
}

void TaskRunner::poll(Workspace& ws)
{
    // Collect first, then run: a Finish may start another task.
    std::vector<std::pair<std::string, std::shared_ptr<Shared>>> finished;
    for (auto it = m_tasks.begin(); it != m_tasks.end();) {
        if (!it->shared->done) {
            ++it;
            continue;
        }
        it->thread.join();
        finished.emplace_back(it->name, it->shared);
        it = m_tasks.erase(it);
    }
    for (auto& [name, shared] : finished) {
        std::lock_guard lock(shared->mutex);
        if (shared->cancel) continue;
        if (!shared->error.empty()) {
            ws.error(name + ": " + shared->error);
            if (shared->failed) shared->failed(ws, shared->error);
        }
        if (shared->finish) shared->finish(ws);
    }
}

void TaskRunner::cancel(const std::string& name)
{
    for (Task& t : m_tasks)
        if (t.name == name) t.shared->cancel = true;
}

void TaskRunner::cancel_all()
{
    for (Task& t : m_tasks) t.shared->cancel = true;
}

bool TaskRunner::running(const std::string& name) const
{
    return std::any_of(m_tasks.begin(), m_tasks.end(), [&](const Task& t) { return t.name == name && !t.shared->cancel; });
}

double TaskRunner::progress(const std::string& name) const
{
    for (const Task& t : m_tasks)
        if (t.name == name && !t.shared->cancel) return t.shared->fraction;
    return 0;
}

}  // namespace gui
