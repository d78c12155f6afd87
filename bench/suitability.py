#!/usr/bin/env python3
"""Land suitability over the demo at 50 m cells: parkcap suitability against the same analysis
done in QGIS (its processing tools and raster calculator) and as a GeoPandas/NumPy/SciPy script.

    /usr/bin/python3 bench/suitability.py BUILD [--cell 50] [--skip-qgis]

All three score the same four factors on the same grid (the parks' bounds snapped to the cell):
slope from a DEM (bilinear onto the grid grown by a cell, Horn's slope), distance to the roads,
distance to the nearest facility, same-cluster enterprises within 1 km; each through
suitability_classes.csv, combined by the AHP weights of the first four factors' matrix (written
by the script, given to parkcap with --ahp: parkcap's park-LQ and coverage factors have no
counterpart in the references); the constraint
areas veto (0); cells whose centre is in no park are left out. Setup, not timed: a synthetic
DEM over the parks (EPSG:4545, 100 m) and the demo's layers exported by parkcap in the working
CRS (the facilities are GCJ-02 in the demo; parkcap's export has them on true positions).
Each contender runs as its own process (wall time, peak RSS); the script then compares their
rasters cell by cell over the park cells.

QGIS is Debian's 3.22 (python3-qgis, qgis-providers), run headless in one Python process:
gdal:warpreproject, gdal:slope, gdal:rasterize, gdal:proximity (distances from the cell centres
to the nearest rasterised road or facility cell, as a QGIS user computes them),
qgis:heatmapkerneldensityestimation (uniform kernel, raw: the count within 1 km; warped onto the
grid and filled with 0 where it does not reach), native:reclassifybytable and qgis:rastercalculator."""
import argparse
import os
import subprocess
import sys
import tempfile

from benchlib import run

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEMO = os.path.join(REPO, "datasets", "chongqing-demo", "chongqing-demo.parkcap.json")
STANDARDS = os.path.join(REPO, "datasets", "standards")
CLUSTER = "电子信息"

# The grid, the class tables and the AHP weights, shared by both reference scripts.
COMMON = r'''
import csv, math, numpy as np
from osgeo import gdal, ogr, osr
gdal.UseExceptions()
def grid_of(bounds, cell):
    x0 = math.floor(bounds[0] / cell) * cell; y0 = math.floor(bounds[1] / cell) * cell
    x1 = math.ceil(bounds[2] / cell) * cell; y1 = math.ceil(bounds[3] / cell) * cell
    return x0, y1, int(round((x1 - x0) / cell)), int(round((y1 - y0) / cell))
def classes(path):
    t = {}
    with open(path, encoding="utf-8") as f: rows = list(csv.DictReader(f))
    for r in rows:
        t.setdefault(r["factor"], []).append((float(r["from"]), float(r["to"]), float(r["score"])))
    return t
def ahp(path):
    with open(path, encoding="utf-8") as f: rows = list(csv.reader(f))
    names = rows[0][1:]; n = len(names); a = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            v = rows[i + 1][j + 1]
            x = float(v.split("/")[0]) / float(v.split("/")[1]) if "/" in v else float(v)
            a[i, j], a[j, i] = x, 1 / x
    w, v = np.linalg.eig(a)
    p = np.abs(np.real(v[:, np.argmax(np.real(w))]))
    return dict(zip(names, p / p.sum()))
'''

GEOPANDAS = COMMON + r'''
import sys, geopandas as gpd
from scipy.spatial import cKDTree
from shapely.strtree import STRtree
from shapely.geometry import Point
prep, dem, standards, cell, cluster, ahp_file, out = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
parks = gpd.read_file(prep + "/parks.gpkg"); cons = gpd.read_file(prep + "/constraints.gpkg")
roads = gpd.read_file(prep + "/roads.gpkg"); fac = gpd.read_file(prep + "/facilities.gpkg")
firms = gpd.read_file(prep + "/enterprises.gpkg")
x0, ytop, cols, rows = grid_of(parks.total_bounds, cell)
srs = osr.SpatialReference(); srs.ImportFromEPSG(4545)
def burn(gdf):  # cells whose centre lies in a polygon (GDAL's default rasterisation)
    path = "/vsimem/burn.gpkg"
    gdf[["geometry"]].to_file(path, driver="GPKG")
    ds = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((x0, cell, 0, ytop, 0, -cell)); ds.SetProjection(srs.ExportToWkt())
    gdal.Rasterize(ds, path, burnValues=[1])
    return ds.ReadAsArray().astype(bool)
inpark = burn(parks); veto = burn(cons) & inpark
r, c = np.nonzero(inpark)
cx = x0 + (c + 0.5) * cell; cy = ytop - (r + 0.5) * cell
# Slope: the DEM bilinear onto the grid grown by one cell, Horn's kernel.
g = gdal.Warp("", dem, format="MEM", outputBounds=(x0 - cell, ytop - (rows + 1) * cell, x0 + (cols + 1) * cell, ytop + cell),
              xRes=cell, yRes=cell, dstSRS="EPSG:4545", resampleAlg="bilinear", dstNodata=-1e30)
z = g.ReadAsArray().astype(np.float64)
R, C = r + 1, c + 1
def at(dr, dc): return z[R + dr, C + dc]
dzdx = ((at(-1, 1) + 2 * at(0, 1) + at(1, 1)) - (at(-1, -1) + 2 * at(0, -1) + at(1, -1))) / (8 * cell)
dzdy = ((at(1, -1) + 2 * at(1, 0) + at(1, 1)) - (at(-1, -1) + 2 * at(-1, 0) + at(-1, 1))) / (8 * cell)
slope = np.degrees(np.arctan(np.hypot(dzdx, dzdy)))
# Distance to the nearest road line (exact, through an STRtree of the lines).
tree = STRtree(list(roads.geometry))
road = np.array([tree.nearest(Point(x, y)).distance(Point(x, y)) for x, y in zip(cx, cy)])
pts = np.column_stack([cx, cy])
facility = cKDTree(np.column_stack([fac.geometry.x, fac.geometry.y])).query(pts)[0]
same = firms[firms["产业集群"] == cluster]
density = cKDTree(np.column_stack([same.geometry.x, same.geometry.y])).query_ball_point(pts, 1000, return_length=True).astype(float)
t = classes(standards + "/suitability_classes.csv"); w = ahp(ahp_file)
def score(key, v):
    s = np.full(v.shape, np.nan)
    for lo, hi, sc in t[key]: s[(v >= lo) & (v < hi)] = sc
    return s
total = sum(w[k] * score(k, v) for k, v in (("slope_deg", slope), ("road_distance_m", road), ("facility_distance_m", facility), ("cluster_density", density)))
total = np.where(veto[r, c], 0, total)
grid = np.full((rows, cols), np.nan, dtype=np.float32); grid[r, c] = total
ds = gdal.GetDriverByName("GTiff").Create(out, cols, rows, 1, gdal.GDT_Float32, ["COMPRESS=DEFLATE"])
ds.SetGeoTransform((x0, cell, 0, ytop, 0, -cell)); ds.SetProjection(srs.ExportToWkt())
ds.GetRasterBand(1).SetNoDataValue(float("nan")); ds.GetRasterBand(1).WriteArray(grid); ds = None
print(f"{len(r)} cells in the parks, {int(veto.sum())} vetoed")
'''

QGIS = COMMON + r'''
import sys, geopandas as gpd
from qgis.core import QgsApplication, QgsVectorLayer
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False); app.initQgis()
sys.path.append("/usr/share/qgis/python/plugins")
from processing.core.Processing import Processing
Processing.initialize()
import processing
prep, dem, standards, cell, cluster, ahp_file, out, tmp = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7], sys.argv[8]
# The grid: the parks' extent snapped to the cell, as the planner types it into each tool.
ext = QgsVectorLayer(prep + "/parks.gpkg", "parks", "ogr").extent()
x0, ytop, cols, rows = grid_of((ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()), cell)
extent = f"{x0},{x0 + cols * cell},{ytop - rows * cell},{ytop} [EPSG:4545]"
grown = f"{x0 - cell},{x0 + (cols + 1) * cell},{ytop - (rows + 1) * cell},{ytop + cell} [EPSG:4545]"
def run(alg, **p): return processing.run(alg, p)
def rasterize(name, path, extra={}):
    return run("gdal:rasterize", INPUT=path, BURN=1, UNITS=1, WIDTH=cell, HEIGHT=cell, EXTENT=extent, INIT=0, DATA_TYPE=0,
               OUTPUT=f"{tmp}/{name}.tif", **extra)["OUTPUT"]
dem_grid = run("gdal:warpreproject", INPUT=dem, TARGET_CRS="EPSG:4545", RESAMPLING=1, TARGET_RESOLUTION=cell, TARGET_EXTENT=grown,
               NODATA=-1e30, OUTPUT=f"{tmp}/dem.tif")["OUTPUT"]
slope = run("gdal:slope", INPUT=dem_grid, BAND=1, SCALE=1, AS_PERCENT=False, COMPUTE_EDGES=False, OUTPUT=f"{tmp}/slope.tif")["OUTPUT"]
park = rasterize("park", prep + "/parks.gpkg")
veto = rasterize("veto", prep + "/constraints.gpkg")
road = run("gdal:proximity", INPUT=rasterize("roads", prep + "/roads.gpkg"), BAND=1, VALUES="1", UNITS=0, DATA_TYPE=5,
           OUTPUT=f"{tmp}/road_d.tif")["OUTPUT"]
fac = run("gdal:proximity", INPUT=rasterize("fac", prep + "/facilities.gpkg"), BAND=1, VALUES="1", UNITS=0, DATA_TYPE=5,
          OUTPUT=f"{tmp}/fac_d.tif")["OUTPUT"]
dens = run("qgis:heatmapkerneldensityestimation", INPUT=f"{prep}/enterprises.gpkg|layername=enterprises|subset=\"产业集群\" = '{cluster}'",
           RADIUS=1000, PIXEL_SIZE=cell, KERNEL=2, OUTPUT_VALUE=0, OUTPUT=f"{tmp}/dens_raw.tif")["OUTPUT"]
# The heatmap covers the points' extent only: spread it onto the grid, no enterprise (0) beyond.
dens = run("gdal:warpreproject", INPUT=dens, TARGET_CRS="EPSG:4545", RESAMPLING=0, TARGET_RESOLUTION=cell, TARGET_EXTENT=extent,
           OUTPUT=f"{tmp}/dens_grid.tif")["OUTPUT"]
dens = run("native:fillnodata", INPUT=dens, BAND=1, FILL_VALUE=0, OUTPUT=f"{tmp}/dens.tif")["OUTPUT"]
t = classes(standards + "/suitability_classes.csv"); w = ahp(ahp_file)
scored = {}
for key, src in (("slope_deg", slope), ("road_distance_m", road), ("facility_distance_m", fac), ("cluster_density", dens)):
    table = []
    for lo, hi, sc in t[key]: table += [lo, min(hi, 1e12), sc]
    scored[key] = run("native:reclassifybytable", INPUT_RASTER=src, RASTER_BAND=1, TABLE=table, RANGE_BOUNDARIES=1, NODATA_FOR_MISSING=True,
                      NO_DATA=-9999, DATA_TYPE=5, OUTPUT=f"{tmp}/{key}_s.tif")["OUTPUT"]
layers = {"park": park, "veto": veto, **scored}
sumexpr = " + ".join(f"{w[k]!r} * \"{k}_s@1\"" for k in scored)  # the calculator names a layer by its file's stem
expr = f"(\"park@1\" = 1) * (\"veto@1\" = 0) * ({sumexpr}) + (\"park@1\" = 0) * -1"
res = run("qgis:rastercalculator", EXPRESSION=expr, LAYERS=list(layers.values()), CELLSIZE=cell,
          EXTENT=extent, CRS="EPSG:4545", OUTPUT=out)
print("qgis: done")
'''

# A synthetic DEM: hills of up to ~17° on a gentle tilt.
DEM = r'''
import sys, numpy as np
from osgeo import gdal, osr
x0, y0, x1, y1, out = [float(v) for v in sys.argv[1:5]] + [sys.argv[5]]
cell = 100.0
cols, rows = int((x1 - x0) / cell) + 1, int((y1 - y0) / cell) + 1
x = x0 + (np.arange(cols) + 0.5) * cell; y = y1 - (np.arange(rows) + 0.5) * cell
X, Y = np.meshgrid(x, y)
z = 400 + 600 * np.sin(X / 2000) * np.cos(Y / 3000) + 0.002 * (X - x0)
ds = gdal.GetDriverByName("GTiff").Create(out, cols, rows, 1, gdal.GDT_Float32, ["COMPRESS=DEFLATE", "TILED=YES"])
ds.SetGeoTransform((x0, cell, 0, y1, 0, -cell))
s = osr.SpatialReference(); s.ImportFromEPSG(4545); ds.SetProjection(s.ExportToWkt())
ds.GetRasterBand(1).WriteArray(z.astype(np.float32)); ds = None
'''

COMPARE = r'''
import sys, numpy as np
from osgeo import gdal
def read(path):
    ds = gdal.Open(path)  # held: a band outlives no dataset
    b = ds.GetRasterBand(1)
    v = b.ReadAsArray().astype(float)
    if b.GetNoDataValue() is not None and not np.isnan(b.GetNoDataValue()): v[v == b.GetNoDataValue()] = np.nan
    return v
p = read(sys.argv[1])
cells = ~np.isnan(p)
for name, path in zip(sys.argv[2::2], sys.argv[3::2]):
    o = read(path)[:p.shape[0], :p.shape[1]]
    d = np.abs(p[cells] - o[cells])
    vetoed = p[cells] == 0
    print(f"{name}: {cells.sum()} park cells, {np.isnan(d).sum()} without a value there; equal within 0.01: {100 * np.mean(d < 0.01):.2f}%, "
          f"within 5 points: {100 * np.mean(d < 5):.2f}%; mean |difference| {np.nanmean(d):.3f}, largest {np.nanmax(d):.2f}; "
          f"vetoed cells agree: {100 * np.mean((o[cells] == 0) == vetoed):.2f}%")
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--cell", type=float, default=50)
    ap.add_argument("--skip-qgis", action="store_true")
    a = ap.parse_args()
    parkcap = os.path.join(a.build, "app/cli/parkcap")
    tmp = tempfile.mkdtemp(prefix="parkcap_suitability_")
    prep = os.path.join(tmp, "prep")
    os.makedirs(prep)
    for layer in ("parks", "constraints", "roads", "facilities", "enterprises"):
        subprocess.run([parkcap, "export", DEMO, "--layer-id", layer, "--out", os.path.join(prep, layer + ".gpkg"), "--no-style"],
                       check=True, capture_output=True)
    b = subprocess.run(["ogrinfo", "-so", "-al", os.path.join(prep, "parks.gpkg")], check=True, capture_output=True, text=True).stdout
    ext = b.split("Extent: (")[1].split("\n")[0].replace(") - (", ", ").rstrip(")").split(", ")
    x0, y0, x1, y1 = float(ext[0]) - 2000, float(ext[1]) - 2000, float(ext[2]) + 2000, float(ext[3]) + 2000
    # The four factors both references compute (the park's LQ and coverage are parkcap's own): a
    # 4 x 4 matrix, given to parkcap with --ahp and read by the references.
    ahp = os.path.join(tmp, "ahp4.csv")
    with open(ahp, "w", encoding="utf-8") as f:
        f.write("factor,slope_deg,road_distance_m,facility_distance_m,cluster_density\nslope_deg,1,2,3,2\nroad_distance_m,,1,2,1\n"
                "facility_distance_m,,,1,1/2\ncluster_density,,,,1\n")
    dem = os.path.join(tmp, "dem.tif")
    subprocess.run(["/usr/bin/python3", "-c", DEM, str(x0), str(y0), str(x1), str(y1), dem], check=True)

    rows = []

    def contender(name, cmd, env=None):
        secs, mb, out = run(cmd, env)
        rows.append((name, secs, mb, out.strip().splitlines()[-1] if out.strip() else ""))

    cell = str(int(a.cell)) if a.cell == int(a.cell) else str(a.cell)
    contender("parkcap", [parkcap, "suitability", DEMO, "--cell", cell, "--dem", dem, "--cluster", CLUSTER, "--ahp", ahp,
                          "--out", os.path.join(tmp, "parkcap"), "--overwrite"])
    args = [prep, dem, STANDARDS, cell, CLUSTER, ahp]
    contender("geopandas", ["/usr/bin/python3", "-c", GEOPANDAS, *args, os.path.join(tmp, "geopandas.tif")])
    outputs = ["geopandas", os.path.join(tmp, "geopandas.tif")]
    if not a.skip_qgis:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=tmp)
        qdir = os.path.join(tmp, "q")
        os.makedirs(qdir)
        contender("qgis", ["/usr/bin/python3", "-c", QGIS, *args, os.path.join(tmp, "qgis.tif"), qdir], env)
        outputs += ["qgis", os.path.join(tmp, "qgis.tif")]

    print(f"suitability over the demo's parks at {cell} m cells, four factors (slope, roads, facilities, {CLUSTER} density), AHP weights, veto")
    print(f"{'contender':<11}{'seconds':>9}{'peak MB':>9}  last line")
    for name, secs, mb, line in rows:
        print(f"{name:<11}{secs:>9.2f}{mb:>9.0f}  {line[:100]}")
    for name, secs, _, _ in rows[1:]:
        print(f"{name} / parkcap: {secs / rows[0][1]:.1f}x")
    print(run(["/usr/bin/python3", "-c", COMPARE, os.path.join(tmp, "parkcap.tif"), *outputs])[2].strip())


if __name__ == "__main__":
    main()
