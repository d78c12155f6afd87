#include "geo/io/atomic_file.h"

#include <atomic>
#include <fstream>
#include <unistd.h>

#include "geo/core/error.h"
#include "geo/io/disk_space.h"

namespace geo {

namespace fs = std::filesystem;

fs::path temporary_sibling(const fs::path& path)
{
    static std::atomic<int> counter{0};
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on a chain of string '+'.
    std::string name(".");
    name.append(path.stem().string());
    name.append(".tmp");
    name.append(std::to_string(::getpid()));
    name.append("_");
    name.append(std::to_string(counter++));
    name.append(path.extension().string());
    fs::path out = path;
    out.replace_filename(name);
    return out;
}

void rename_into_place(const fs::path& from, const fs::path& to)
{
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec) {
        fs::remove(from, ec);
        throw Error("cannot move the finished file into place: " + ec.message(), {.file = to.string()});
    }
}

void write_file_atomically(const fs::path& path, const std::string& content)
{
    const fs::path tmp = temporary_sibling(path);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error("cannot write here (does the folder exist, is it writable?)", {.file = path.string()});
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            out.close();
            std::error_code ec;
            fs::remove(tmp, ec);
            throw Error(explain_write_failure(path, "writing failed"), {.file = path.string()});
        }
    }
    rename_into_place(tmp, path);
}

}  // namespace geo
