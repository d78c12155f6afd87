#pragma once
// The results of analyse_clusters as layers and tables for export and display.
#include <map>
#include <vector>
#include <string>

#include "geo/cluster/cluster_analysis.h"
#include "geo/core/layer.h"
#include "geo/report/csv_table.h"

namespace geo {

Layer hot_spot_layer(const ClusterAnalysis& a);      // cells: count, sum, gi_z, gi_p, gi_bin
Layer dbscan_layer(const ClusterAnalysis& a);        // clusters: cluster, enterprises, area_km2
CsvTable lq_table(const ClusterAnalysis& a, const std::string& category_label);
CsvTable characteristic_table(const ClusterAnalysis& a, const std::string& category_label);
// What produced the layers, written on each of them: PARKCAP_CELL_M, PARKCAP_GRID,
// PARKCAP_WEIGHT, PARKCAP_DBSCAN, and with contours the kernel, bandwidth, rule and units.
std::map<std::string, std::string> cluster_layers_metadata(const ClusterAnalysis& a, const ClusterOptions& o);
// The analysis in a few lines for the terminal: enterprises studied, hot and cold cells,
// DBSCAN clusters, location quotients and each park's characteristic clusters.
std::vector<std::string> cluster_summary(const ClusterAnalysis& a, const ClusterOptions& o);

}  // namespace geo
