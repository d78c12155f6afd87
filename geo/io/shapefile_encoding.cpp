#include "geo/io/shapefile_encoding.h"

#include <filesystem>
#include <fstream>
#include <vector>

#include "geo/core/utf8.h"

namespace geo {

namespace fs = std::filesystem;

namespace {

// The sibling file with another extension, in either case (.dbf or .DBF).
fs::path sibling(const fs::path& p, const char* lower_ext)
{
    fs::path a = p;
    a.replace_extension(lower_ext);
    if (fs::exists(a)) return a;
    std::string upper = lower_ext;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    fs::path b = p;
    b.replace_extension(upper);
    return fs::exists(b) ? b : fs::path();
}

}  // namespace

ShapefileEncoding detect_shapefile_encoding(const std::string& path, const std::string& user_choice)
{
    if (!user_choice.empty()) return {user_choice + " (as given)", user_choice, ""};
    const fs::path cpg = sibling(path, ".cpg");
    if (!cpg.empty()) {
        std::ifstream in(cpg);
        std::string name;
        std::getline(in, name);
        return {name + " (from .cpg)", "", ""};
    }
    const fs::path dbf = sibling(path, ".dbf");
    if (dbf.empty()) return {"", "", ""};
    std::ifstream in(dbf, std::ios::binary);
    std::vector<char> header(32);
    in.read(header.data(), 32);
    if (in.gcount() < 32) return {"", "", ""};
    const unsigned char ldid = static_cast<unsigned char>(header[29]);
    if (ldid != 0) return {"from the .dbf language driver id " + std::to_string(ldid), "", ""};
    // No declaration at all: look at the text itself, i.e. the field names in the field
    // descriptors and the records (the header's binary lengths must not be judged).
    const size_t header_len = static_cast<unsigned char>(header[8]) |
                              (static_cast<size_t>(static_cast<unsigned char>(header[9])) << 8);
    if (header_len < 33) return {"", "", ""};
    const std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string_view view(rest);
    std::string names;
    for (size_t d = 0; d + 32 <= header_len - 32 && d + 32 <= rest.size(); d += 32) {
        if (rest[d] == '\x0D') break;
        const std::string_view name = view.substr(d, 11);
        names.append(name.substr(0, name.find('\0')));
    }
    const std::string_view records = view.substr(std::min(rest.size(), header_len - 32));
    if (is_valid_utf8(names) && is_valid_utf8(records)) return {"UTF-8", "UTF-8", ""};
    return {"CP936 (GBK, guessed)", "CP936",
            "no .cpg and text that is not UTF-8: read as GBK (CP936); give an encoding to "
            "override"};
}

}  // namespace geo
