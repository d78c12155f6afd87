#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "geo/core/category_list.h"
#include "geo/core/text_list.h"

TEST_CASE("TextList and CategoryList read back what was appended, empty texts and repeats included")
{
    const std::vector<std::string> texts = {"装备制造", "", "电子信息", "装备制造", "装备制造", "生物医药", "", "电子信息"};
    geo::TextList list;
    geo::CategoryList categories;
    for (const std::string& t : texts) {
        list.push_back(t);
        categories.push_back(t);
    }
    REQUIRE(list.size() == texts.size());
    REQUIRE(categories.size() == texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
        CHECK(list[i] == texts[i]);
        CHECK(categories[i] == texts[i]);
    }
    // Each distinct text once, in order of first appearance; rows share its code.
    REQUIRE(categories.values().size() == 4);
    CHECK(categories.values()[0] == "装备制造");
    CHECK(categories.values()[1] == "");
    CHECK(categories.values()[3] == "生物医药");
    CHECK(categories.code(0) == categories.code(4));
    CHECK(categories.code(2) == categories.code(7));
    CHECK(categories.code(1) != categories.code(2));
    const geo::CategoryList init = {"a", "b", "a"};
    CHECK(init.values().size() == 2);
    CHECK(init[2] == "a");
}
