#pragma once
// Stops CLP's simplex between iterations: when the work is cancelled, or past a time limit
// (CBC looks at its own limit only between nodes, so a root LP of minutes would run past
// it). Shared by the MIP (mip.cpp) and the placement LP (placement_bound.cpp).
#include <chrono>

#include <coin/ClpEventHandler.hpp>

#include "geo/core/progress.h"

namespace geo {

class ClpStop : public ClpEventHandler {
public:
    explicit ClpStop(const Progress& progress, double max_seconds = 0)
        : m_progress(progress), m_max_seconds(max_seconds), m_start(std::chrono::steady_clock::now())
    {
    }
    int event(Event e) override
    {
        if (e != endOfIteration) return -1;
        if (m_progress.cancel && m_progress.cancel->load(std::memory_order_relaxed)) return 5;
        if (m_max_seconds > 0 && std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count() > m_max_seconds) return 5;
        return -1;
    }
    ClpEventHandler* clone() const override { return new ClpStop(*this); }

private:
    Progress m_progress;
    double m_max_seconds;
    std::chrono::steady_clock::time_point m_start;
};

}  // namespace geo
