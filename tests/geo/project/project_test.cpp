#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "geo/core/error.h"
#include "geo/project/loaded_project.h"
#include "geo/project/project.h"
#include "geo/project/roles.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

std::string error_of(const std::string& text)
{
    try {
        geo::parse_project(text, "p.parkcap.json");
    } catch (const geo::Error& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a project round-trips without loss, unknown keys warned about and kept")
{
    const geo::Project p = geo::read_project(test::data("small.parkcap.json"));
    CHECK(p.name == "small");
    REQUIRE(p.layers.size() == 2);
    CHECK(p.layers[1].role == geo::Role::Enterprises);
    CHECK(p.layers[1].fields.at("employees") == "从业人员");
    CHECK(p.warnings.size() == 2);
    CHECK(contains(p.warnings[0], "style"));

    test::ScratchDir dir("project");
    const fs::path copy = dir.path / "copy.parkcap.json";
    // Saved beside the data, paths stay as written; saved elsewhere, they are rewritten to reach the same files.
    geo::write_project(p, copy);
    const geo::Project again = geo::read_project(copy);
    CHECK(geo::project_to_json(again, copy) == geo::project_to_json(p, copy));
    CHECK(again.extra["colour_scheme"] == "warm");
    CHECK(again.extra["analysis"]["density"]["radius_m"] == 1000);
    CHECK(again.layers[0].extra["style"]["fill"] == "#88aa00");
    CHECK(fs::equivalent(again.layers[0].source.path, test::data("parks.gpkg")));
    const geo::Json in_place = geo::project_to_json(p, test::data("small.parkcap.json"));
    CHECK(in_place["layers"][0]["path"] == "parks.gpkg");
}

TEST_CASE("saved into another folder, the tables named under analysis still name the same files")
{
    geo::Project p = geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"));
    p.extra["analysis"]["coverage"]["radii_table"] = "../standards/facility_service_radii.csv";
    p.extra["analysis"]["note"] = "../not/a/file.csv";  // names nothing: left as it is
    test::ScratchDir dir("project_save_as");
    const fs::path moved = dir.path / "deeper" / "moved.parkcap.json";
    fs::create_directories(moved.parent_path());
    geo::write_project(p, moved);
    const geo::Project again = geo::read_project(moved);
    const std::string table = again.extra["analysis"]["coverage"]["radii_table"].get<std::string>();
    CHECK(!fs::path(table).is_absolute());
    CHECK(fs::equivalent(moved.parent_path() / table, test::datasets("standards/facility_service_radii.csv")));
    CHECK(again.extra["analysis"]["note"] == "../not/a/file.csv");
    // Saved in place, the text is kept exactly.
    CHECK(geo::project_to_json(p, p.file)["analysis"]["coverage"]["radii_table"] == "../standards/facility_service_radii.csv");
}

TEST_CASE("project errors name the file and the place")
{
    CHECK(contains(error_of("{\"layers\": [\n  {\"role\": \"parks\", \"path\": \"a.gpkg\"}\n  {\"role\": \"x\"}]}"),
                   "p.parkcap.json: not valid JSON at line 3, column 3"));
    CHECK(contains(error_of("{\"layers\": [{\"role\": \"factories\", \"path\": \"a\"}]}"), "layers[0].role: unknown role 'factories'"));
    CHECK(contains(error_of("{\"layers\": [{\"role\": \"parks\"}]}"), "layers[0]: missing \"path\""));
    CHECK(contains(error_of("{\"name\": \"x\"}"), "missing \"layers\""));
    CHECK(contains(error_of("{\"layers\": [{\"role\": \"parks\", \"path\": \"a\", \"coordinates\": \"mars\"}]}"), "layers[0].coordinates"));
    CHECK(contains(error_of("{\"layers\": [{\"role\": \"parks\", \"path\": \"a\"}, {\"role\": \"parks\", \"path\": \"b\"}]}"),
                   "duplicate layer id 'parks'"));
    CHECK(contains(error_of("[1, 2]"), "must hold a JSON object"));
}

TEST_CASE("fields are guessed from Chinese and English names, and overrides win")
{
    auto map = geo::guess_fields(geo::Role::Enterprises, {"FID", "企业名称", "行业代码", "产业集群", "梯度", "从业人员数", "Floor_Area", "tax"});
    CHECK(*map.field_for("name") == "企业名称");
    CHECK(*map.field_for("industry_code") == "行业代码");
    CHECK(*map.field_for("cluster") == "产业集群");
    CHECK(*map.field_for("tier") == "梯度");
    CHECK(*map.field_for("employees") == "从业人员数");  // a Chinese synonym inside a longer name
    CHECK(*map.field_for("floor_area") == "Floor_Area");
    CHECK(*map.field_for("tax") == "tax");
    CHECK(map.field_for("output_value") == nullptr);

    auto over = geo::guess_fields(geo::Role::Enterprises, {"企业名称", "从业人员", "staff_2023"},
                                  {{"employees", "staff_2023"}, {"name", ""}});
    CHECK(*over.field_for("employees") == "staff_2023");
    CHECK(over.field_for("name") == nullptr);  // explicitly unbound
}

TEST_CASE("loading a project binds fields and rejects wrong geometry, missing files and bad bindings")
{
    const geo::LoadedProject loaded = geo::load_project(geo::read_project(test::data("small.parkcap.json")));
    CHECK(loaded.working.crs.code() == "EPSG:4545");
    REQUIRE(loaded.first(geo::Role::Parks));
    CHECK(loaded.first(geo::Role::Parks)->data->size() == 2);
    CHECK(*loaded.first(geo::Role::Parks)->fields.field_for("permitted_far") == "容积率");

    auto load_error = [](const std::string& file) {
        try {
            geo::load_project(geo::read_project(test::data(file)));
        } catch (const geo::Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    const std::string wrong = load_error("polygons_as_enterprises.parkcap.json");
    CHECK(contains(wrong, "layer 'firms'"));
    CHECK(contains(wrong, "cannot play the role 'enterprises'"));
    const std::string missing = load_error("missing_file.parkcap.json");
    CHECK(contains(missing, "missing_file.parkcap.json: layer 'firms'"));
    CHECK(contains(missing, "does_not_exist.gpkg: no such file"));

    geo::Project p = geo::read_project(test::data("small.parkcap.json"));
    p.layers[1].fields["employees"] = "企业名称";  // text, not numbers
    try {
        geo::load_project(p);
        FAIL("expected an error");
    } catch (const geo::Error& e) {
        CHECK(contains(e.what(), "field '企业名称'"));
        CHECK(contains(e.what(), "employees must be a number"));
    }
    p.layers[1].fields = {{"headcount", "从业人员"}};
    CHECK_THROWS_WITH_AS(geo::load_project(p), doctest::Contains("unknown meaning 'headcount'"), geo::Error);
    p.layers[1].fields = {{"employees", "nope"}};
    CHECK_THROWS_WITH_AS(geo::load_project(p), doctest::Contains("no field named 'nope'"), geo::Error);
    p.working_crs = "EPSG:4326";
    CHECK_THROWS_WITH_AS(geo::load_project(p), doctest::Contains("must be projected"), geo::Error);
}

TEST_CASE("meanings carry the unit their values read in")
{
    CHECK(geo::find_meaning(geo::Role::Enterprises, "floor_area")->unit == "m²");
    CHECK(geo::find_meaning(geo::Role::Enterprises, "output_value")->unit == "万元");
    CHECK(geo::find_meaning(geo::Role::Enterprises, "employees")->unit == "人");
    CHECK(geo::find_meaning(geo::Role::Sites, "land_area")->unit == "m²");
    CHECK(geo::find_meaning(geo::Role::Enterprises, "cluster")->unit.empty());
}

TEST_CASE("a command that needs some meanings reads only their fields, with the same values, and names the rest as unread")
{
    const geo::Project project = geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"));
    const geo::LoadedProject all = geo::load_project(project);
    const geo::LoadedProject some = geo::load_project(project, {}, {{geo::Role::Enterprises, {"employees", "tier", "建筑面积"}}});
    const geo::LoadedLayer& a = *all.first(geo::Role::Enterprises);
    const geo::LoadedLayer& s = *some.first(geo::Role::Enterprises);
    REQUIRE(s.data->size() == a.data->size());
    std::vector<std::string> names;
    for (const geo::Column& c : s.data->columns) names.push_back(c.name());
    CHECK(names == std::vector<std::string>{"梯度层级", "从业人员", "建筑面积"});  // in the source's order
    REQUIRE(s.fields.bindings.size() == 2);
    CHECK(*s.fields.field_for("employees") == "从业人员");
    CHECK(s.fields.field_for("name") == nullptr);
    bool name_unread = false;
    for (const geo::FieldBinding& b : s.unread) name_unread |= b.meaning == "name" && b.field == "企业名称";
    CHECK(name_unread);
    const geo::Column& ea = *a.data->column("从业人员");
    const geo::Column& es = *s.data->column("从业人员");
    for (size_t i = 0; i < ea.size(); ++i) {
        CHECK(ea.is_null(i) == es.is_null(i));
        if (!ea.is_null(i)) CHECK(ea.integer(i) == es.integer(i));
    }
    CHECK(s.data->memory_bytes() < a.data->memory_bytes() / 2);
    // Other roles read every field.
    CHECK(some.first(geo::Role::Parks)->data->columns.size() == all.first(geo::Role::Parks)->data->columns.size());
}
