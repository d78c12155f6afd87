#!/usr/bin/python3
"""Benchmark: nearest facility and coverage within 500 m, 1M enterprises x 2,000 facilities.

Prepared once, not timed: 2,000 facilities drawn (seeded) from the enterprise locations, six
types in turn, all with a 500 m radius, in EPSG:4545 like the enterprises. Each contender is
its own process (wall time, peak RSS from wait4):
  parkcap        `parkcap coverage` on a project of the two layers (whole process, writes GPKG + CSV)
  parkcap-mem    the same computation in memory (median of 5), one nearest search per type
  ckdtree        SciPy cKDTree over all 2,000 facilities, query of 1M points (from .npy)
  shapely        shapely 1.8 STRtree.nearest over 100,000 enterprises (a Python loop; 1M would take
                 ten times as long), a lower bound for GeoPandas on Debian 12 (no sjoin_nearest)
  qgis           qgis_process.bin run native:joinbynearest (QGIS 3.22), 1M x 2,000
Note that parkcap computes the nearest facility of each of the six types, the others the
nearest facility of any type: parkcap does six searches where they do one.

Usage: bench/coverage.py BUILD_DIR SYNTH_FOLDER [--skip-qgis]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from benchlib import run

PREP = r"""
import sys, numpy as np
from osgeo import ogr, osr
ogr.UseExceptions()
src = ogr.Open(sys.argv[1]); lyr = src.GetLayer(0)
xs = np.empty(lyr.GetFeatureCount()); ys = np.empty_like(xs); n = 0
for f in lyr:
    g = f.GetGeometryRef(); xs[n] = g.GetX(); ys[n] = g.GetY(); n += 1
np.save(sys.argv[3], np.column_stack([xs[:n], ys[:n]]))
rng = np.random.default_rng(2026)
pick = rng.choice(n, 2000, replace=False)
types = ["公交站点", "食堂/便利店", "宿舍/人才公寓", "园区服务中心/邻里中心", "卫生服务站", "托育/幼儿园"]
srs = osr.SpatialReference(); srs.ImportFromEPSG(4545)
ds = ogr.GetDriverByName("GPKG").CreateDataSource(sys.argv[2])
out = ds.CreateLayer("facilities", srs, ogr.wkbPoint)
out.CreateField(ogr.FieldDefn("类型", ogr.OFTString))
out.StartTransaction()
for k, i in enumerate(pick):
    f = ogr.Feature(out.GetLayerDefn()); f.SetField("类型", types[k % 6])
    g = ogr.Geometry(ogr.wkbPoint); g.AddPoint_2D(float(xs[i]), float(ys[i])); f.SetGeometry(g); out.CreateFeature(f)
out.CommitTransaction(); ds = None
np.save(sys.argv[4], np.column_stack([xs[pick], ys[pick]]))
"""

CKDTREE = r"""
import sys, time, numpy as np
from scipy.spatial import cKDTree
e = np.load(sys.argv[1]); f = np.load(sys.argv[2])
t0 = time.perf_counter()
d, i = cKDTree(f).query(e)
covered = int((d <= 500).sum())
t1 = time.perf_counter()
types = np.arange(len(f)) % 6          # the six types, assigned in turn as in the facilities file
per_type = [cKDTree(f[types == t]).query(e)[0] for t in range(6)]
t2 = time.perf_counter()
print(f"any type {t1 - t0:.3f} s; each of 6 types {t2 - t1:.3f} s; within 500 m of any: {covered}")
"""

SHAPELY = r"""
import sys, time, numpy as np
from shapely.geometry import Point
from shapely.strtree import STRtree
e = np.load(sys.argv[1])[:100000]; f = np.load(sys.argv[2])
t0 = time.perf_counter()
fac = [Point(x, y) for x, y in f]
tree = STRtree(fac)
covered = 0
for x, y in e:
    p = Point(x, y)
    covered += tree.nearest(p).distance(p) <= 500
print(f"100k in-memory {time.perf_counter() - t0:.2f} s; within 500 m: {covered}")
"""




def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("folder")
    ap.add_argument("--skip-qgis", action="store_true")
    a = ap.parse_args()
    firms = os.path.join(a.folder, "enterprises_4545.gpkg")
    if not os.path.exists(firms):
        subprocess.run(["ogr2ogr", "-t_srs", "EPSG:4545", "-nln", "enterprises", firms, os.path.join(a.folder, "enterprises.gpkg")], check=True)
    fac = os.path.join(a.folder, "facilities_2000.gpkg")
    e_npy, f_npy = os.path.join(a.folder, "enterprises_xy.npy"), os.path.join(a.folder, "facilities_2000.npy")
    if not os.path.exists(fac):
        subprocess.run(["/usr/bin/python3", "-c", PREP, firms, fac, e_npy, f_npy], check=True)
    tmp = tempfile.mkdtemp(prefix="parkcap_coverage_")
    radii = os.path.join(tmp, "radii_500.csv")
    with open(radii, "w") as r:
        r.write("facility_type,facility_type_zh,service_radius_m\n")
        for code, zh in [("bus_stop", "公交站点"), ("canteen", "食堂/便利店"), ("dormitory", "宿舍/人才公寓"),
                         ("service_center", "园区服务中心/邻里中心"), ("clinic", "卫生服务站"), ("childcare", "托育/幼儿园")]:
            r.write(f"{code},{zh},500\n")
    project = os.path.join(tmp, "coverage.parkcap.json")
    with open(project, "w") as p:
        json.dump({"parkcap": 1, "name": "coverage bench", "working_crs": "EPSG:4545", "layers": [
            {"id": "enterprises", "role": "enterprises", "path": firms},
            {"id": "facilities", "role": "facilities", "path": fac}]}, p)
    rows = []
    secs, mem, out = run([os.path.join(a.build, "app/cli/parkcap"), "coverage", project, "--radii", radii,
                          "--out", os.path.join(tmp, "cov"), "--overwrite"])
    rows.append(("parkcap", secs, mem, out.strip().splitlines()[-1]))
    secs, mem, out = run([os.path.join(a.build, "bench/bench_coverage_inmemory"), firms, fac, "类型", radii])
    rows.append(("parkcap-mem", secs, mem, out.strip()))
    secs, mem, out = run(["/usr/bin/python3", "-c", CKDTREE, e_npy, f_npy])
    rows.append(("ckdtree", secs, mem, out.strip()))
    secs, mem, out = run(["/usr/bin/python3", "-c", SHAPELY, e_npy, f_npy])
    rows.append(("shapely-100k", secs, mem, out.strip()))
    if not a.skip_qgis:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=tmp)
        secs, mem, out = run(["/usr/bin/qgis_process.bin", "run", "native:joinbynearest", "--", f"INPUT={firms}",
                              f"INPUT_2={fac}", "NEIGHBORS=1", "MAX_DISTANCE=0", f"OUTPUT={os.path.join(tmp, 'nearest.gpkg')}"], env)
        rows.append(("qgis", secs, mem, "native:joinbynearest 1M x 2,000"))
    print(f"{'contender':<14}{'wall s':>9}{'peak MB':>9}  output")
    for name, secs, mem, line in rows:
        print(f"{name:<14}{secs:>9.2f}{mem:>9.0f}  {line[:110]}")


if __name__ == "__main__":
    main()
