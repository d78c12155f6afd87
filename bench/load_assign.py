#!/usr/bin/python3
"""Benchmark: load the synthetic enterprises and assign each to its park, side by side.

Each contender runs as its own process, so that its wall time and its peak memory (max RSS
from wait4) are its own:
  gdal-bare     a bare GDAL read of enterprises.gpkg: a plain loop over every feature
  parkcap-core  parkcap's reader (typed columns, UTF-8 checks, CRS transform) + park assignment
  parkcap-info  the whole `parkcap info` process on the project (all 7 layers, repairs, report)
  geopandas     GeoPandas read_file of parks and enterprises, to_crs, sjoin (Debian's packages)

Usage: bench/load_assign.py BUILD_DIR SYNTH_FOLDER [--runs 3] [--skip-geopandas]
Make SYNTH_FOLDER with: BUILD_DIR/app/cli/parkcap synth SYNTH_FOLDER --enterprises 1000000
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

from benchlib import run

GEOPANDAS = r"""
import sys, geopandas as gpd
parks = gpd.read_file(sys.argv[1]).to_crs(4545)
firms = gpd.read_file(sys.argv[2]).to_crs(4545)
joined = gpd.sjoin(firms, parks[["geometry"]], how="left", predicate="within")
joined = joined[~joined.index.duplicated()]
print("features", len(firms), "outside", int(joined["index_right"].isna().sum()))
"""




def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("folder")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-geopandas", action="store_true")
    a = ap.parse_args()
    parks = os.path.join(a.folder, "parks.gpkg")
    firms = os.path.join(a.folder, "enterprises.gpkg")
    project = os.path.join(a.folder, "chongqing-demo.parkcap.json")
    contenders = [
        ("gdal-bare", [os.path.join(a.build, "bench/bench_gdal_read"), firms], a.runs),
        ("parkcap-core", [os.path.join(a.build, "bench/bench_load_assign"), parks, firms], a.runs),
        ("parkcap-info", [os.path.join(a.build, "app/cli/parkcap"), "info", project, "--json"], a.runs),
    ]
    if not a.skip_geopandas:
        contenders.append(("geopandas", ["/usr/bin/python3", "-c", GEOPANDAS, parks, firms], 1))
    results = {}
    for name, cmd, runs in contenders:
        samples = [run(cmd) for _ in range(runs)]
        secs = statistics.median(s[0] for s in samples)
        mem = max(s[1] for s in samples)
        first_line = samples[0][2].strip().splitlines()[0] if samples[0][2].strip() else ""
        results[name] = (secs, mem, runs, first_line)
    base = results["gdal-bare"][0]
    print(f"{'contender':<14}{'runs':>5}{'median s':>10}{'x bare GDAL':>13}{'peak MB':>9}  output")
    for name, (secs, mem, runs, line) in results.items():
        print(f"{name:<14}{runs:>5}{secs:>10.2f}{secs / base:>13.2f}{mem:>9.0f}  {line[:70]}")
    if "geopandas" in results:
        print(f"parkcap-core is {results['geopandas'][0] / results['parkcap-core'][0]:.0f}x faster than geopandas")


if __name__ == "__main__":
    main()
