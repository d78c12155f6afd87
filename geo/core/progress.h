#pragma once
// Progress reporting and cancellation for long work. Passed by value; both parts optional.
#include <atomic>
#include <functional>
#include <string_view>

#include "geo/core/error.h"

namespace geo {

struct Progress {
    // Called with a fraction in [0, 1] and a short stage name ("reading enterprises").
    std::function<void(double fraction, std::string_view stage)> report;
    // When it becomes true, the work stops at its next check by throwing geo::Cancelled.
    const std::atomic<bool>* cancel = nullptr;

    void operator()(double fraction, std::string_view stage) const
    {
        if (cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled();
        if (report) report(fraction, stage);
    }
};

}  // namespace geo
