// The baseline: a bare GDAL read of one layer, a plain loop over every feature that touches
// its geometry and every field, and nothing else.
#include <chrono>
#include <cstdio>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_gdal_read FILE [LAYER]\n");
        return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(argv[1], GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) return 1;
    OGRLayer* layer = argc > 2 ? ds->GetLayerByName(argv[2]) : ds->GetLayer(0);
    long long n = 0;
    double checksum = 0;
    const int fields = layer->GetLayerDefn()->GetFieldCount();
    for (auto& f : *layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (g && wkbFlatten(g->getGeometryType()) == wkbPoint) checksum += g->toPoint()->getX();
        for (int i = 0; i < fields; ++i) checksum += f->IsFieldSetAndNotNull(i) ? 1 : 0;
        ++n;
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("features %lld checksum %.3f seconds %.3f\n", n, checksum, s);
    return 0;
}
