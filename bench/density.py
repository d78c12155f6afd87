#!/usr/bin/python3
"""Benchmark: kernel density of 1M weighted enterprises, 1 km quartic radius, 50 m cells.

Side by side, on the same points (the synthetic enterprises reprojected once to EPSG:4545,
not timed), each as its own process (wall time, peak RSS from wait4):
  parkcap     `parkcap density` as a whole process (read, estimate, write a GeoTIFF)
  qgis        qgis_process.bin run qgis:heatmapkerneldensityestimation (QGIS 3.22, headless)
  scipy       NumPy bincount + SciPy fftconvolve with the sampled quartic kernel: the same grid;
              its in-memory time is printed too (points read from a .npy written beforehand)
and the in-memory recompute time of parkcap's estimator (what a live preview waits for) at
100k and 1M points. Also the largest difference between parkcap's default and its exact
method, as a share of the peak.

Usage: bench/density.py BUILD_DIR SYNTH_FOLDER [--runs 3] [--skip-qgis]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import run

SCIPY = r"""
import sys, time, numpy as np
from scipy.signal import fftconvolve
t0 = time.perf_counter()
d = np.load(sys.argv[1]); x, y, w = d[:, 0], d[:, 1], d[:, 2]
r, cell = 1000.0, 50.0
x0 = np.floor((x.min() - r) / cell) * cell; x1 = np.ceil((x.max() + r) / cell) * cell
y0 = np.floor((y.min() - r) / cell) * cell; y1 = np.ceil((y.max() + r) / cell) * cell
cols, rows = int(round((x1 - x0) / cell)), int(round((y1 - y0) / cell))
t1 = time.perf_counter()
ci = np.clip(((x - x0) / cell).astype(np.int64), 0, cols - 1)
ri = np.clip(((y1 - y) / cell).astype(np.int64), 0, rows - 1)
grid = np.bincount(ri * cols + ci, weights=w, minlength=rows * cols).reshape(rows, cols)
k = int(np.ceil(r / cell))
dy, dx = np.mgrid[-k:k + 1, -k:k + 1] * cell
u2 = (dx * dx + dy * dy) / (r * r)
kern = np.where(u2 < 1, (1 - u2) ** 2, 0.0)
out = fftconvolve(grid, kern, mode="same").astype(np.float32)
t2 = time.perf_counter()
print(f"grid {cols}x{rows} in-memory {t2 - t1:.3f} s (load {t1 - t0:.3f} s) peak {out.max():.1f}")
"""

PREP = r"""
import sys, numpy as np
from osgeo import ogr
ogr.UseExceptions()
ds = ogr.Open(sys.argv[1]); lyr = ds.GetLayer(0)
xs, ys, ws = [], [], []
for f in lyr:
    g = f.GetGeometryRef()
    v = f.GetField(sys.argv[2])
    xs.append(g.GetX()); ys.append(g.GetY()); ws.append(0.0 if v is None else float(v))
np.save(sys.argv[3], np.column_stack([xs, ys, ws]))
"""




def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("folder")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-qgis", action="store_true")
    a = ap.parse_args()
    src = os.path.join(a.folder, "enterprises.gpkg")
    pts = os.path.join(a.folder, "enterprises_4545.gpkg")
    npy = os.path.join(a.folder, "enterprises_4545.npy")
    field = "从业人员"
    if not os.path.exists(pts):
        subprocess.run(["ogr2ogr", "-t_srs", "EPSG:4545", "-nln", "enterprises", pts, src], check=True)
    if not os.path.exists(npy):
        subprocess.run(["/usr/bin/python3", "-c", PREP, pts, field, npy], check=True)
    parkcap = os.path.join(a.build, "app/cli/parkcap")
    tmp = tempfile.mkdtemp(prefix="parkcap_density_")
    rows = []

    def contender(name, cmd, runs, env=None):
        samples = [run(cmd, env) for _ in range(runs)]
        rows.append((name, runs, statistics.median(s[0] for s in samples), max(s[1] for s in samples),
                     samples[0][2].strip().splitlines()[-1] if samples[0][2].strip() else ""))

    contender("parkcap", [parkcap, "density", pts, "--weight", field, "--radius", "1000", "--cell", "50",
                          "--out", os.path.join(tmp, "parkcap.tif"), "--overwrite"], a.runs)
    if not a.skip_qgis:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=tmp)
        contender("qgis", ["/usr/bin/qgis_process.bin", "run", "qgis:heatmapkerneldensityestimation", "--",
                           f"INPUT={pts}", "RADIUS=1000", "PIXEL_SIZE=50", f"WEIGHT_FIELD={field}", "KERNEL=0",
                           "OUTPUT_VALUE=0", f"OUTPUT={os.path.join(tmp, 'qgis.tif')}"], 1, env)
    contender("scipy", ["/usr/bin/python3", "-c", SCIPY, npy], a.runs)

    print(f"{'contender':<10}{'runs':>5}{'median s':>10}{'peak MB':>9}  last line")
    for name, runs, secs, mem, line in rows:
        print(f"{name:<10}{runs:>5}{secs:>10.2f}{mem:>9.0f}  {line[:90]}")
    base = rows[0][2]
    for name, _, secs, _, _ in rows[1:]:
        print(f"{name} / parkcap (whole process): {secs / base:.1f}x")
    for limit in ("100000", "0"):
        print(run([os.path.join(a.build, "bench/bench_kde_recompute"), pts, field, "1000", "50", "--limit", limit])[2].strip())
    # Accuracy of the default method against the exact one on the same data.
    run([parkcap, "density", pts, "--weight", field, "--method", "exact", "--out", os.path.join(tmp, "exact.tif"), "--overwrite"])
    from osgeo import gdal
    import numpy as np
    fast = gdal.Open(os.path.join(tmp, "parkcap.tif")).ReadAsArray().astype(np.float64)
    exact = gdal.Open(os.path.join(tmp, "exact.tif")).ReadAsArray().astype(np.float64)
    print(f"default vs exact: max |difference| = {np.abs(fast - exact).max() / exact.max() * 100:.4f}% of the peak")


if __name__ == "__main__":
    main()
