#pragma once
// A project with its layers read into memory in one working CRS, fields bound to meanings.
#include <map>
#include <memory>
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
    // Immutable once loaded and shared: copying a LoadedProject (a snapshot for a background
    // task) copies pointers, not features, and no one can change the features under a reader.
    std::shared_ptr<const Layer> data = std::make_shared<Layer>();
    FieldMap fields;
    std::vector<std::string> warnings;  // field-binding remarks (read problems are in data.report)
    // Bindings of fields left in the source because the command did not need them (FieldNeeds).
    std::vector<FieldBinding> unread;
};

// The fields a command reads, by role. A role listed reads only the fields bound to these
// meanings (an entry that is not a meaning of the role is taken as a field name, read when the
// layer has it); its other fields stay in the source, so a ten-million-row registry read for
// its employees costs a fraction of its memory. A role not listed reads every field.
using FieldNeeds = std::map<Role, std::vector<std::string>>;

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

// The features of the first layer playing `role`, taken out of `project`, which keeps the
// layer's settings and field bindings with an empty layer in place of its features. A caller
// that converts them can then free each column as it reads it, so a ten-million-row registry is
// never in memory twice. Copied when another snapshot still shares them; empty without the role.
Layer take_features(LoadedProject& project, Role role);

// The values of the field bound to `meaning` in `meta`, read from `data` (the layer itself, or
// its features taken out with take_features): per feature, NaN or "" where null or unbound.
std::vector<double> bound_numbers(const LoadedLayer& meta, const Layer& data, const char* meaning);
std::vector<std::string> bound_texts(const LoadedLayer& meta, const Layer& data, const char* meaning);

// Chooses the working CRS: the project's own when it names one ("EPSG:4545"), else ("auto")
// the default (see default_working_epsg) for a robust centre of the data: the middle of the
// extent of the feature centres within 10 degrees of their median (longitude and latitude
// taken apart), so that an outlier at (0, 0) or at 1e308 cannot move it. Centres that are not a
// longitude/latitude are ignored. Throws geo::Error for a geographic or unknown CRS, or when
// "auto" has no centre to go by.
WorkingCrsChoice choose_working_crs(const std::string& setting, std::vector<Coord> lonlat_centres);

// The extent a map of the project opens on, in the working CRS: every feature's except those
// more than 1,000 km from the median feature centre (a stray point at (0, 0) would otherwise
// open the map at a scale of thousands of kilometres).
Envelope view_extent(const LoadedProject& loaded);

// The project as it should be saved after loading: an "auto" working CRS is written as the
// code that was chosen, so that a later change of the rule never moves the coordinates a
// project keeps (its view, its edits).
Project project_for_saving(const LoadedProject& loaded);

// Reads every layer of the project. The working CRS ("auto") goes by the parks' centres when
// the project has parks, else by every layer's. Errors name the project file and the layer id, with the
// layer's file and the problem (missing file, wrong geometry for the role, bad field binding).
LoadedProject load_project(Project project, const Progress& progress = {}, const FieldNeeds& needs = {});

}  // namespace geo
