// Seeded random-mutation fuzzing of the two readers that take the most hand-made input: the
// project parser and the CSV coordinate reader. A fixed count of mutants from fixed seeds, so
// that CI runs the same cases every time; each must either parse or throw geo::Error (a
// message for the user), never crash, hang or throw anything else. Run the suite under the
// sanitizers (docs/DEVELOPING.md) to catch memory errors too; PARKCAP_FUZZ_COUNT raises the
// count for a longer session.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "geo/core/error.h"
#include "geo/io/layer_reader.h"
#include "geo/project/project.h"
#include "test_support.h"

namespace {

size_t fuzz_count(size_t fallback)
{
    const char* env = std::getenv("PARKCAP_FUZZ_COUNT");
    return env && *env ? static_cast<size_t>(std::strtoull(env, nullptr, 10)) : fallback;
}

// One mutation: flip, insert, delete, duplicate a slice, or splice in a token that readers
// find awkward (deep brackets, huge numbers, NUL, invalid UTF-8, quotes, separators).
std::string mutate(std::string s, std::mt19937_64& rng)
{
    static const std::vector<std::string> tokens = {"[[[[[[[[", "{", "}", "\"", "\\u0000", std::string(1, '\0'), "\xff\xfe",
                                                    "1e308", "-inf", "NaN", ",,,", "\n", "\r\n", "经度", "\xe7\xbb", "null",
                                                    "9999999999999999999999", "\"layers\"", "\"role\":\"parks\"", ";"};
    auto pos = [&](size_t n) { return n == 0 ? size_t(0) : static_cast<size_t>(rng() % (n + 1)); };
    const int rounds = 1 + static_cast<int>(rng() % 4);
    for (int r = 0; r < rounds; ++r) {
        switch (rng() % 5) {
        case 0:
            if (!s.empty()) s[pos(s.size() - 1)] = static_cast<char>(rng());
            break;
        case 1: s.insert(pos(s.size()), tokens[rng() % tokens.size()]); break;
        case 2:
            if (!s.empty()) {
                const size_t at = pos(s.size() - 1);
                s.erase(at, 1 + rng() % 8);
            }
            break;
        case 3:
            if (s.size() > 2) {
                const size_t a = pos(s.size() - 1), len = 1 + rng() % 32;
                s.insert(pos(s.size()), s.substr(a, len));
            }
            break;
        default: s.insert(pos(s.size()), std::string(1 + rng() % 3, static_cast<char>(' ' + rng() % 95))); break;
        }
    }
    return s;
}

std::string read_all(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("fuzz: mutated project files parse or fail with a geo::Error")
{
    const std::vector<std::string> seeds = {read_all(test::data("small.parkcap.json")),
                                            read_all(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"))};
    std::mt19937_64 rng(20261129);
    size_t parsed = 0, refused = 0;
    const size_t n = fuzz_count(3000);
    for (size_t i = 0; i < n; ++i) {
        const std::string text = mutate(seeds[i % seeds.size()], rng);
        try {
            const geo::Project p = geo::parse_project(text, "fuzz.parkcap.json");
            (void)geo::project_to_json(p, "fuzz.parkcap.json").dump();
            ++parsed;
        } catch (const geo::Error&) {
            ++refused;
        }
    }
    CHECK(parsed + refused == n);
    CHECK(refused > 0);  // the mutations do break things
    CHECK(parsed > 0);   // and some still parse: the round trip is exercised
}

TEST_CASE("fuzz: mutated CSVs of coordinates read or fail with a geo::Error")
{
    test::ScratchDir dir("fuzz_csv");
    const std::vector<std::string> seeds = {
        "name,lon,lat,employees\n甲,106.5,29.5,10\n乙,106.51,29.52,\n丙,x,y,3\n",
        "\xEF\xBB\xBF企业名称,经度,纬度,从业人员\n甲,106.5,29.5,10\n乙,106.6,29.7,5\n",
        "id;x;y\n1;500000;3300000\n2;500100;3300100\n",
        "name,wkt\na,\"POLYGON((106 29,106.1 29,106.1 29.1,106 29))\"\n"};
    const geo::Crs working = geo::parse_crs("EPSG:4545");
    std::mt19937_64 rng(1129);
    size_t read = 0, refused = 0;
    const size_t n = fuzz_count(300);
    for (size_t i = 0; i < n; ++i) {
        const std::string path = (dir.path / ("m" + std::to_string(i % 7) + ".csv")).string();
        {
            std::ofstream out(path, std::ios::binary | std::ios::trunc);
            out << mutate(seeds[i % seeds.size()], rng);
        }
        if (std::getenv("PARKCAP_FUZZ_TRACE")) std::fprintf(stderr, "mutant %zu: %s\n", i, path.c_str());
        geo::LayerSource src;
        src.path = path;
        src.srs = i % seeds.size() == 2 ? "EPSG:4545" : "EPSG:4326";
        try {
            const geo::Layer l = geo::read_layer(src, working);
            CHECK(l.fids.size() == l.geometry.size());
            ++read;
        } catch (const geo::Error&) {
            ++refused;
        }
    }
    CHECK(read + refused == n);
    CHECK(read > 0);
}
