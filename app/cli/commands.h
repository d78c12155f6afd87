#pragma once
// One function per `parkcap` command. Each returns the process exit status and throws
// geo::Error or cli::UsageError for main() to report.
#include <string>
#include <vector>

namespace cli {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>& args);
};

int run_info(const std::vector<std::string>& args);
int run_synth(const std::vector<std::string>& args);
int run_density(const std::vector<std::string>& args);
int run_clusters(const std::vector<std::string>& args);
int run_coverage(const std::vector<std::string>& args);
int run_capacity(const std::vector<std::string>& args);
int run_allocate(const std::vector<std::string>& args);
int run_place(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);
int run_map(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_cad(const std::vector<std::string>& args);
int run_performance(const std::vector<std::string>& args);
int run_lifecircles(const std::vector<std::string>& args);
int run_ahp(const std::vector<std::string>& args);
int run_suitability(const std::vector<std::string>& args);
int run_basemap(const std::vector<std::string>& args);

const std::vector<Command>& commands();

}  // namespace cli
