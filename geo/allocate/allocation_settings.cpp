#include "geo/allocate/allocation_settings.h"

#include <filesystem>

#include "geo/core/error.h"
#include "geo/project/settings_reader.h"

namespace geo {

namespace {

std::string_view solver_name(AllocationSolver s)
{
    switch (s) {
    case AllocationSolver::Auto: return "auto";
    case AllocationSolver::Exact: return "exact";
    case AllocationSolver::Heuristic: return "heuristic";
    }
    return "auto";
}

}  // namespace

AllocationSettings allocation_settings(const Project& project)
{
    const SettingsReader r(project, "allocation");
    AllocationSettings s;
    s.problem = parse_objective(r.choice("problem", std::string(to_string(s.problem)),
                                         {"max_coverage", "mclp", "min_impedance", "pmedian", "p-median", "min_facilities", "lscp",
                                          "min_max_distance", "pcenter", "p-center", "max_capacitated_coverage", "cmclp"}));
    s.p = static_cast<size_t>(r.integer_in("p", static_cast<long long>(s.p), 1, 100000));
    s.radius_m = r.number_in("radius_m", s.radius_m, 0, 1e7, true);
    s.cutoff_m = r.number_in("cutoff_m", s.cutoff_m, 0, 1e7);
    s.target_share = r.number_in("target_share", s.target_share, 0, 1, true);
    s.weight = r.text("weight", s.weight);
    s.cluster = r.text("cluster", s.cluster);
    s.tier = r.text("tier", s.tier);
    s.park = r.text("park", s.park);
    s.candidates = r.text("candidates", s.candidates);
    if (s.candidates.empty()) r.fail("candidates", "must name the candidates: \"sites\", \"lattice\" or a layer id");
    s.lattice_spacing_m = r.number_in("lattice_spacing_m", s.lattice_spacing_m, 0, 1e5, true);
    s.suitability = r.text("suitability", s.suitability);
    if (!s.suitability.empty() && std::filesystem::path(s.suitability).is_relative() && !project.file.empty())
        s.suitability = (project.file.parent_path() / s.suitability).string();
    s.min_suitability = r.number_in("min_suitability", s.min_suitability, 0, 100);
    s.required_type = r.text("required_type", s.required_type);
    s.capacity = r.number_in("capacity", s.capacity, 0, 1e12);
    s.capacity_factor = r.text("capacity_factor", s.capacity_factor);
    s.facility_type = r.text("facility_type", s.facility_type);
    s.distance = r.choice("distance", s.distance, {"straight", "network"});
    s.solver = parse_solver(r.choice("solver", "auto", {"auto", "exact", "heuristic"}));
    s.max_nodes = static_cast<long>(r.integer_in("max_nodes", s.max_nodes, 0, 1'000'000'000));
    s.max_seconds = r.number_in("max_seconds", s.max_seconds, 0, 1e6);
    return s;
}

Json to_json(const AllocationSettings& s)
{
    return {{"problem", std::string(to_string(s.problem))},
            {"p", s.p},
            {"radius_m", s.radius_m},
            {"cutoff_m", s.cutoff_m},
            {"target_share", s.target_share},
            {"weight", s.weight},
            {"cluster", s.cluster},
            {"tier", s.tier},
            {"park", s.park},
            {"candidates", s.candidates},
            {"lattice_spacing_m", s.lattice_spacing_m},
            {"suitability", s.suitability},
            {"min_suitability", s.min_suitability},
            {"required_type", s.required_type},
            {"capacity", s.capacity},
            {"capacity_factor", s.capacity_factor},
            {"facility_type", s.facility_type},
            {"distance", s.distance},
            {"solver", std::string(solver_name(s.solver))},
            {"max_nodes", s.max_nodes},
            {"max_seconds", s.max_seconds}};
}

}  // namespace geo
