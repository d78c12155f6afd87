#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "geo/core/error.h"
#include "geo/io/csv_text.h"
#include "test_support.h"

TEST_CASE("CSV: quotes, commas and line ends inside quotes, CRLF, a BOM, blank lines; records across the reader's 1 MB blocks")
{
    const auto rows = geo::parse_csv("\xEF\xBB\xBF" "a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\n,\n", "t.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == std::vector<std::string>{"a", "b"});
    CHECK(rows[1] == std::vector<std::string>{"x, \"y\"", "two\nlines"});
    CHECK(rows[2] == std::vector<std::string>{"", ""});
    CHECK_THROWS_WITH_AS(geo::parse_csv("a\n\"open,b\n", "t.csv"), doctest::Contains("a quote opened on line 2 is never closed"), geo::Error);

    // A doubled quote and a CRLF split by the block boundary at 1 MiB, and the line numbers after.
    const test::ScratchDir dir("csv");
    const size_t block = 1 << 20;
    std::string text = "h1,h2\n";
    text += "\"" + std::string(block - text.size() - 2, 'p') + "\"\"q\",z\r\n";  // the "" at bytes block-1, block
    text += "last,\"row\"\r";                                                     // a CR at the end of a row
    std::string tail = "\nafter,1\n";
    {
        std::ofstream o(dir.path / "big.csv", std::ios::binary);
        o << text << tail;
    }
    std::vector<std::vector<std::string>> got;
    std::vector<size_t> lines;
    geo::read_csv_rows(dir.path / "big.csv", [&](std::vector<std::string>& row, size_t line) {
        got.push_back(row);
        lines.push_back(line);
    });
    REQUIRE(got.size() == 4);
    CHECK(got[1][0] == std::string(block - 8, 'p') + "\"q");
    CHECK(got[1][1] == "z");
    CHECK(got[2] == std::vector<std::string>{"last", "row"});
    CHECK(got[3] == std::vector<std::string>{"after", "1"});
    CHECK(lines == std::vector<size_t>{1, 2, 3, 4});
    CHECK(geo::read_csv_file(dir.path / "big.csv") == got);
}
