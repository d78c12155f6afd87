#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>

#include "geo/io/csv_text.h"
#include "gui/i18n.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;

// A C string literal's text, with the escapes the GUI's strings use.
std::string unescape(const std::string& s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char c = s[++i];
            out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Every tr("..."), N_("...") and tr_items({"...", ...}) literal of the GUI's sources, without an
// ImGui ID suffix, with the file it is first found in.
std::map<std::string, std::string> gui_strings()
{
    const std::regex literal(R"re(\b(?:tr|N_)\(\s*"((?:[^"\\]|\\.)*)")re");
    const std::regex items(R"re(\btr_items\(\{([^}]*)\}\))re");
    const std::regex item(R"re("((?:[^"\\]|\\.)*)")re");
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::directory_iterator(fs::path(test::datasets("")).parent_path().parent_path() / "app" / "gui")) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
        std::ifstream in(entry.path());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto add = [&](const std::string& raw) {
            std::string s = unescape(raw);
            s = s.substr(0, s.find("##"));
            if (!s.empty()) out.emplace(s, entry.path().filename().string());
        };
        for (std::sregex_iterator m(text.begin(), text.end(), literal), end; m != end; ++m) add((*m)[1]);
        for (std::sregex_iterator m(text.begin(), text.end(), items), end; m != end; ++m) {
            const std::string list = (*m)[1];
            for (std::sregex_iterator k(list.begin(), list.end(), item); k != end; ++k) add((*k)[1]);
        }
    }
    return out;
}

bool has_cjk(const std::string& s)
{
    // U+3000..U+9FFF and U+FF00..U+FFEF: CJK punctuation, ideographs and full-width forms
    // (their UTF-8 lead bytes are E3..E9 and EF).
    for (unsigned char c : s)
        if ((c >= 0xE3 && c <= 0xE9) || c == 0xEF) return true;
    return false;
}

std::vector<std::string> conversions(const std::string& format)
{
    static const std::regex spec(R"(%[-+ #0]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp%])");
    std::vector<std::string> out;
    for (std::sregex_iterator m(format.begin(), format.end(), spec), end; m != end; ++m) out.push_back(m->str());
    return out;
}

}  // namespace

TEST_CASE("interface strings: every string shown has an English key and a Chinese entry in CJK, with the same printf conversions")
{
    const auto rows = geo::read_csv_file(test::datasets("i18n/ui_strings.csv"));
    REQUIRE(rows.size() > 1);
    REQUIRE(rows[0] == std::vector<std::string>{"en", "zh"});
    std::map<std::string, std::string> table;
    for (size_t i = 1; i < rows.size(); ++i) {
        REQUIRE(rows[i].size() == 2);
        INFO("ui_strings.csv line " << i + 1 << ": " << rows[i][0]);
        CHECK_FALSE(rows[i][0].empty());
        CHECK(has_cjk(rows[i][1]));
        // A Chinese string that takes other arguments than the English would print garbage or crash.
        CHECK(conversions(rows[i][0]) == conversions(rows[i][1]));
        CHECK(table.emplace(rows[i][0], rows[i][1]).second);  // no key twice
    }
    const auto used = gui_strings();
    CHECK(used.size() > 250);
    for (const auto& [text, file] : used) {
        INFO(file << ": tr(\"" << text << "\") has no row in datasets/i18n/ui_strings.csv (scripts/ui_strings.py --missing)");
        CHECK(table.count(text) == 1);
    }
    for (const auto& [en, zh] : table) {
        INFO("ui_strings.csv: '" << en << "' is no longer used by the GUI");
        CHECK(used.count(en) == 1);
    }
}

TEST_CASE("tr: Chinese from the table, the ID suffix kept; English and unknown strings as they are")
{
    gui::set_language(geo::Language::Zh);
    CHECK(std::string(gui::tr("Layers")) == "图层");
    CHECK(std::string(gui::tr("Radius m##r")) == "半径 米##r");
    CHECK(std::string(gui::tr("no such string")) == "no such string");
    CHECK(gui::term("factor", "floor_area") == "建筑面积");
    CHECK(gui::category_name("gi_bin", "3") == "热点 99%");
    CHECK(gui::factor_names({"power_kw", "water_m3d"}) == "供电 = 供水");
    CHECK(gui::tr_items({"quantile", "equal interval"}) == std::string("分位数\0等间距\0", 20));
    gui::set_language(geo::Language::En);
    CHECK(std::string(gui::tr("Layers")) == "Layers");
    CHECK(gui::term("factor", "floor_area") == "Floor area");
    CHECK(gui::category_name("gi_bin", "-3") == "Cold spot 99%");
    CHECK(gui::category_name("产业集群", "化工") == "化工");  // not a term: as it is
}
