#include "geo/allocate/mip.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include <coin/CbcEventHandler.hpp>
#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include "geo/allocate/clp_stop.h"

namespace geo {

int Mip::add_column(double obj, double lower, double upper, bool is_integer)
{
    objective.push_back(obj);
    col_lower.push_back(lower);
    col_upper.push_back(upper);
    integer.push_back(is_integer);
    return static_cast<int>(objective.size()) - 1;
}

int Mip::add_row(double lower, double upper)
{
    row_lower.push_back(lower);
    row_upper.push_back(upper);
    return static_cast<int>(row_lower.size()) - 1;
}

void Mip::add_entry(int row, int col, double value)
{
    entry_row.push_back(row);
    entry_col.push_back(col);
    entry_value.push_back(value);
}

namespace {

bool cancelled(const Progress& p) { return p.cancel && p.cancel->load(std::memory_order_relaxed); }

// CbcMain1 calls its callback on some paths (a model without integers): never pass null.
int no_callback(CbcModel*, int) { return 0; }

// Stops branch and bound between nodes.
class CancelSearch : public CbcEventHandler {
public:
    CancelSearch(const Progress& p) : m_progress(p) {}
    CbcAction event(CbcEvent) override
    {
        if (cancelled(m_progress)) return stop;
        return noAction;
    }
    CbcEventHandler* clone() const override { return new CancelSearch(*this); }

private:
    Progress m_progress;
};

}  // namespace

MipResult solve_mip(const Mip& mip, const MipLimits& limits, const Progress& progress)
{
    const int ncols = static_cast<int>(mip.objective.size()), nrows = static_cast<int>(mip.row_lower.size());
    const double sense = mip.maximise ? -1.0 : 1.0;
    const auto started = std::chrono::steady_clock::now();
    if (cancelled(progress)) {  // before any work: the start, if any, with no bound of its own
        if (mip.start.empty()) throw Cancelled();
        MipResult r;
        r.x = mip.start;
        for (int j = 0; j < ncols; ++j) r.value += mip.objective[static_cast<size_t>(j)] * r.x[static_cast<size_t>(j)];
        r.bound = -sense * std::numeric_limits<double>::infinity();
        r.status = "cancelled";
        return r;
    }
    CoinPackedMatrix matrix(false, mip.entry_row.data(), mip.entry_col.data(), mip.entry_value.data(),
                            static_cast<CoinBigIndex>(mip.entry_value.size()));
    matrix.setDimensions(nrows, ncols);
    OsiClpSolverInterface solver;
    solver.loadProblem(matrix, mip.col_lower.data(), mip.col_upper.data(), mip.objective.data(), mip.row_lower.data(), mip.row_upper.data());
    for (int j = 0; j < ncols; ++j)
        if (mip.integer[static_cast<size_t>(j)]) solver.setInteger(j);
    solver.setObjSense(mip.maximise ? -1.0 : 1.0);
    solver.messageHandler()->setLogLevel(0);
    ClpStop lp_handler(progress, limits.max_seconds);
    solver.getModelPtr()->passInEventHandler(&lp_handler);

    CbcModel model(solver);
    CbcSolverUsefulData data;
    data.noPrinting_ = true;
    CbcMain0(model, data);
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    CancelSearch search_handler(progress);
    model.passInEventHandler(&search_handler);
    if (!mip.start.empty()) {
        double start_value = 0;
        for (int j = 0; j < ncols; ++j) start_value += mip.objective[static_cast<size_t>(j)] * mip.start[static_cast<size_t>(j)];
        model.setBestSolution(mip.start.data(), ncols, mip.maximise ? -start_value : start_value, true);
    }
    std::vector<std::string> args = {"parkcap", "-log", "0", "-slog", "0"};
    if (limits.max_nodes > 0) args.insert(args.end(), {"-maxNodes", std::to_string(limits.max_nodes)});
    if (limits.max_seconds > 0) args.insert(args.end(), {"-seconds", std::to_string(limits.max_seconds)});
    args.insert(args.end(), {"-solve", "-quit"});
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    if (progress.report) progress.report(-1, "solving exactly (CBC)");  // not the call that throws when cancelled: a start answers
    CbcMain1(static_cast<int>(argv.size()), argv.data(), model, no_callback, data);

    MipResult r;
    r.nodes = model.getNodeCount();
    if (model.bestSolution()) {
        r.x.assign(model.bestSolution(), model.bestSolution() + ncols);
        r.value = 0;
        for (int j = 0; j < ncols; ++j) r.value += mip.objective[static_cast<size_t>(j)] * r.x[static_cast<size_t>(j)];
    }
    // CBC minimises sense × objective: its best possible value comes back in that sense.
    r.bound = sense * model.getBestPossibleObjValue();
    // CBC's "best possible" is the better of the tree's bound and the incumbent: after a stop
    // (limit, cancel) it can be the incumbent itself, below a better answer found elsewhere
    // (seen on a 300 x 100 placement). Only a finished search's bound is kept.
    // An LP stopped by ClpStop (cancel, time limit) can leave CBC saying "proven optimal" on a
    // search that never ran (seen: 0 nodes, below a known better answer): no proof then.
    const bool out_of_time = limits.max_seconds > 0 && std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() >= limits.max_seconds;
    const bool proven = model.isProvenOptimal() && !cancelled(progress) && !out_of_time;
    if (!proven) r.bound = -sense * std::numeric_limits<double>::infinity();
    r.optimal = proven && !r.x.empty();
    if (r.optimal) {
        r.status = "optimal";
        r.bound = r.value;
    } else if (cancelled(progress)) {
        r.status = "cancelled";
    } else if (model.isProvenInfeasible()) {
        r.status = "infeasible";
    } else if (model.isNodeLimitReached()) {
        r.status = "node limit";
    } else if (model.isSecondsLimitReached() || out_of_time) {
        r.status = "time limit";
    } else {
        r.status = "stopped";
    }
    if (r.x.empty() && cancelled(progress)) throw Cancelled();
    return r;  // an infinite bound: CBC proved nothing (callers keep their own)
}

}  // namespace geo
