// Asserts on a screenshot's pixels, for the GUI smoke tests.
//   png_check FILE.png [--min-colours N] [--colour RRGGBB TOL MIN_SHARE]
//                      [--colour-in RRGGBB TOL MIN_SHARE X0 Y0 X1 Y1] [--max-colour RRGGBB TOL MAX_SHARE]...
// Regions are in pixels; negative coordinates (and 0 for X1/Y1) count from the right or
// bottom edge.
// Exits 0 when every check holds, 1 (saying which failed) otherwise.
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include <stb_image.h>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: png_check FILE.png [checks]\n");
        return 2;
    }
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 3);
    if (!px) {
        std::fprintf(stderr, "png_check: cannot read %s\n", argv[1]);
        return 1;
    }
    int failures = 0;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--min-colours" && i + 1 < argc) {
            const int want = std::atoi(argv[++i]);
            std::set<int> colours;
            for (int k = 0; k < w * h; ++k) colours.insert(px[3 * k] << 16 | px[3 * k + 1] << 8 | px[3 * k + 2]);
            std::printf("distinct colours: %zu (want >= %d)\n", colours.size(), want);
            failures += static_cast<int>(colours.size()) < want;
        } else if ((a == "--colour" && i + 3 < argc) || (a == "--colour-in" && i + 7 < argc) || (a == "--max-colour" && i + 3 < argc)) {
            const long rgb = std::strtol(argv[++i], nullptr, 16);
            const int tol = std::atoi(argv[++i]);
            const double share = std::atof(argv[++i]);
            int x0 = 0, y0 = 0, x1 = w, y1 = h;
            if (a == "--colour-in") {
                x0 = std::atoi(argv[++i]);
                y0 = std::atoi(argv[++i]);
                x1 = std::atoi(argv[++i]);
                y1 = std::atoi(argv[++i]);
                if (x0 < 0) x0 += w;
                if (y0 < 0) y0 += h;
                if (x1 <= 0) x1 += w;
                if (y1 <= 0) y1 += h;
            }
            const int r = static_cast<int>(rgb >> 16 & 255), g = static_cast<int>(rgb >> 8 & 255), b = static_cast<int>(rgb & 255);
            long hits = 0, total = 0;
            for (int y = y0; y < y1 && y < h; ++y)
                for (int x = x0; x < x1 && x < w; ++x) {
                    const unsigned char* p = px + 3 * (y * w + x);
                    ++total;
                    hits += std::abs(p[0] - r) <= tol && std::abs(p[1] - g) <= tol && std::abs(p[2] - b) <= tol;
                }
            const double got = total ? static_cast<double>(hits) / static_cast<double>(total) : 0;
            const bool at_most = a == "--max-colour";  // a colour that must (nearly) not be there
            std::printf("colour %06lx +-%d in [%d,%d)-[%d,%d): %.5f of pixels (want %s %.5f)\n", rgb, tol, x0, y0, x1, y1, got, at_most ? "<=" : ">=",
                        share);
            failures += at_most ? got > share : got < share;
        } else {
            std::fprintf(stderr, "png_check: bad argument %s\n", a.c_str());
            return 2;
        }
    }
    stbi_image_free(px);
    if (failures) std::printf("%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
