#pragma once
// A project with its layers read into memory in one working CRS, fields bound to meanings.
#include <string>
#include <vector>

#include "geo/core/layer.h"
#include "geo/core/progress.h"
#include "geo/io/crs.h"
#include "geo/project/field_map.h"
#include "geo/project/project.h"

namespace geo {

struct LoadedLayer {
    ProjectLayer config;
    Layer data;
    FieldMap fields;
    std::vector<std::string> warnings;  // field-binding remarks (read problems are in data.report)
};

struct WorkingCrsChoice {
    Crs crs;
    std::string reason;  // "auto: centre of the data 107.02E 29.83N" or "set in the project"
};

struct LoadedProject {
    Project project;
    WorkingCrsChoice working;
    std::vector<LoadedLayer> layers;

    // The first layer playing `role`, or nullptr.
    const LoadedLayer* first(Role role) const;
};

// Chooses the working CRS: the project's own when it names one ("EPSG:4545"), else ("auto")
// the default for the centre of all the layers' longitude/latitude extents (see
// default_working_epsg). Throws geo::Error for a geographic or unknown CRS, or when "auto"
// has no extent to go by.
WorkingCrsChoice choose_working_crs(const std::string& setting, const std::vector<Envelope>& lonlat_extents);

// Reads every layer of the project. Errors name the project file and the layer id, with the
// layer's file and the problem (missing file, wrong geometry for the role, bad field binding).
LoadedProject load_project(Project project, const Progress& progress = {});

}  // namespace geo
