#pragma once
// The files a run reads, so that no output is ever written over one of them: not by name,
// not through a symbolic link or a hard link, not with --overwrite. (With --overwrite,
// `density --out p.parkcap.json` once replaced the project file it had just read.)
#include <filesystem>
#include <string>
#include <vector>

namespace geo {

class InputFiles {
public:
    // Adds a file that is read. A Shapefile brings its sidecars (.shx, .dbf, .prj, .cpg, ...),
    // a GeoPackage its -wal and -shm; a folder brings the files directly in it; a "PG:"
    // connection is not a file and is ignored. Paths that do not exist are kept by name.
    void add(const std::filesystem::path& path);

    // Throws geo::Error naming `output` and the input it would replace, when `output` is one of
    // the inputs by resolved path or by file identity (device and inode, through links).
    void check_output(const std::filesystem::path& output) const;
    // check_output for each of `outputs`.
    void check_outputs(const std::vector<std::filesystem::path>& outputs) const;

    size_t size() const { return m_files.size(); }

private:
    struct File {
        std::string given;                // as the user named it
        std::filesystem::path resolved;   // weakly canonical: links and ".." resolved
        bool has_identity = false;
        unsigned long long device = 0, inode = 0;
    };
    void add_one(const std::filesystem::path& path, const std::string& given);
    std::vector<File> m_files;
};

}  // namespace geo
