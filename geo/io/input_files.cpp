#include "geo/io/input_files.h"

#include <sys/stat.h>

#include "geo/core/error.h"

namespace geo {

namespace fs = std::filesystem;

namespace {

const char* const kSidecars[] = {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd", ".csvt"};

fs::path resolved(const fs::path& p)
{
    std::error_code ec;
    fs::path r = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return ec ? fs::absolute(p).lexically_normal() : r;
}

}  // namespace

void InputFiles::add_one(const fs::path& path, const std::string& given)
{
    File f;
    f.given = given;
    f.resolved = resolved(path);
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        f.has_identity = true;
        f.device = static_cast<unsigned long long>(st.st_dev);
        f.inode = static_cast<unsigned long long>(st.st_ino);
    }
    m_files.push_back(std::move(f));
}

void InputFiles::add(const fs::path& path)
{
    const std::string text = path.string();
    if (text.empty() || text.rfind("PG:", 0) == 0 || text.rfind("pg:", 0) == 0) return;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        add_one(path, text);
        for (const auto& entry : fs::directory_iterator(path, ec))
            if (entry.is_regular_file(ec)) add_one(entry.path(), entry.path().string());
        return;
    }
    add_one(path, text);
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".shp" || ext == ".dbf" || ext == ".shx") {
        for (const char* side : kSidecars) {
            fs::path p = path;
            p.replace_extension(side);
            if (p != path) add_one(p, p.string());
        }
    } else if (ext == ".gpkg") {
        add_one(text + "-wal", text + "-wal");
        add_one(text + "-shm", text + "-shm");
    } else if (ext == ".csv") {
        fs::path p = path;
        add_one(p.replace_extension(".csvt"), p.string());
    }
}

void InputFiles::check_output(const fs::path& output) const
{
    const fs::path out = resolved(output);
    struct stat st {};
    const bool exists = ::stat(output.c_str(), &st) == 0;
    for (const File& f : m_files) {
        const bool same_path = f.resolved == out;
        const bool same_file = exists && f.has_identity && f.device == static_cast<unsigned long long>(st.st_dev) &&
                               f.inode == static_cast<unsigned long long>(st.st_ino);
        if (!same_path && !same_file) continue;
        const bool same_name = fs::absolute(output).lexically_normal() == fs::absolute(f.given).lexically_normal();
        const std::string how = same_name ? "" : " (the same file, through a link or another name)";
        throw Error("will not write over an input of this run: it is " + f.given + how +
                        "; choose another output name (--overwrite only replaces earlier outputs)",
                    {.file = output.string()});
    }
}

void InputFiles::check_outputs(const std::vector<fs::path>& outputs) const
{
    for (const fs::path& p : outputs) check_output(p);
}

}  // namespace geo
