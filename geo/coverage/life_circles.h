#pragma once
// Coverage stated the way plans state it: 5-, 10- and 15-minute walks. Each circle's distance
// comes from GB 50180-2018's reading (300 / 500 / 1,000 m, a table in datasets/standards), or
// from a walking speed the project sets; along the roads with the network, else straight. The
// share of enterprises and employees that reach each daily facility type, and the full set of
// them, within each circle, per park, against the plan's target (Shanghai: 99% within 15
// minutes by 2035).
#include <filesystem>
#include <string>
#include <vector>

#include "geo/coverage/coverage_run.h"
#include "geo/project/loaded_project.h"

namespace geo {

struct LifeCircleSpec {
    std::vector<int> minutes;         // ascending
    std::vector<double> metres;       // per circle
    std::vector<std::string> daily;   // the daily facility types (codes or Chinese names of the radius table)
    int target_minutes = 15;
    double target_share = 0.99;
    std::string target_basis;
    double walk_speed = 0;            // metres a minute when set (the circles are then minutes × speed)
};

// The table (item,key,value,basis: circle, daily, target rows). Throws geo::Error naming file and line.
LifeCircleSpec read_life_circles(const std::filesystem::path& file);
// From analysis.life_circles: table (default: life_circles.csv in the standards folder), walk_speed_m_per_min,
// daily [types], network (bool).
struct LifeCircleSettings {
    LifeCircleSpec spec;
    bool network = false;
};
LifeCircleSettings life_circle_settings(const Project& project, const std::filesystem::path& standards_override = {});

struct LifeCircleResult {
    LifeCircleSpec spec;
    std::vector<std::string> types;           // the daily types found (codes)
    std::vector<std::vector<double>> distance;  // [type][enterprise]: metres to the nearest (inf beyond the largest circle)
    std::vector<double> employees;            // per enterprise (0 when unknown)
    std::vector<Coord> xy;                    // per enterprise, working CRS
    std::vector<int64_t> fid;                 // per enterprise
    std::vector<int32_t> park_of;
    std::vector<std::string> park_name;
    bool network = false;
    // Per park (then all): [park][circle][type or types.size() for the full set] enterprises and employees reaching.
    struct Reach {
        int64_t enterprises = 0;
        double employees = 0;
    };
    std::vector<std::vector<std::vector<Reach>>> reach;
    std::vector<Reach> total;  // per park (then all)
};

// Throws geo::Error naming what is missing (no facilities of a daily type is a warning in
// `warnings`, every enterprise then out of reach of it).
LifeCircleResult life_circles(const LoadedProject& project, const LifeCircleSettings& settings, std::vector<std::string>& warnings,
                              const Progress& progress = {});

}  // namespace geo
