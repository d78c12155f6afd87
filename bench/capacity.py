#!/usr/bin/python3
"""Capacity: parkcap against an independent GeoPandas computation of the same model.

For every park of a project (the demo, or a `parkcap synth` folder): gross area, constraint
area (overlay with the dissolved constraints, so overlaps count once), developable and vacant
land, floor capacity, the available floor area on vacant land, comprehensive FAR, the plots
failing a standard, the jobs each infrastructure factor allows and the binding factor, all
computed here from the files with GeoPandas/pandas and the standards tables, then compared
with `parkcap capacity --out`. Each side is its own process (wall time, peak RSS; median of --runs, default 3).

Usage: bench/capacity.py BUILD_DIR PROJECT.parkcap.json [--standards DIR] [--runs N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from benchlib import run

REFERENCE = r"""
import json, math, os, sys, time
import numpy as np, pandas as pd, geopandas as gpd
t0 = time.perf_counter()
project_file, standards, crs, out = sys.argv[1:5]
base = os.path.dirname(os.path.abspath(project_file))
p = json.load(open(project_file, encoding="utf-8"))
cap = p["analysis"]["capacity"]
def layer(role):
    for l in p["layers"]:
        if l["role"] == role:
            return os.path.join(base, l["path"])
parks = gpd.read_file(layer("parks")).to_crs(crs)
parks["geometry"] = parks.buffer(0)
cons = gpd.read_file(layer("constraints"), encoding="cp936").to_crs(crs)
firms = gpd.read_file(layer("enterprises")).to_crs(crs)
sites = gpd.read_file(layer("sites")).to_crs(crs)
general = pd.read_csv(os.path.join(standards, "industrial_land_general_2008.csv")).set_index("indicator")["value"]
min_far = pd.read_csv(os.path.join(standards, "industrial_land_min_far_2008.csv"), dtype={"gbt4754_code": str}).set_index("gbt4754_code")["min_far"]
params = pd.read_csv(os.path.join(standards, "capacity_parameters.csv")).set_index("parameter")["value"]
rates = pd.read_csv(os.path.join(standards, "infrastructure_demand_rates.csv"))
infra = pd.read_csv(os.path.join(base, cap["infrastructure"]))
road_share = float(params["road_utility_share"])
vacant_statuses = str(params["vacant_site_statuses"]).split(";")

# Land.
parks["gross"] = parks.area
merged = cons.unary_union.buffer(0)
parks["constrained"] = parks.geometry.intersection(merged).area
parks["developable"] = (parks["gross"] - parks["constrained"]) * (1 - road_share)

# Plots: counted floor, compliance, park.
firms = gpd.sjoin(firms, parks[["园区代码", "geometry"]], how="left", predicate="within")
firms = firms[~firms.index.duplicated(keep="first")]
storey = firms["层高"].fillna(0)
firms["counted"] = np.where(storey > general["storey_height_double_count_m"], 2, 1) * firms["建筑面积"]
land = firms["用地面积"]
far = firms["counted"] / land
mf = firms["行业代码"].astype(str).str[:2].map(min_far)
fail = ((far < mf) & mf.notna()) | (firms["建筑基底面积"] / land < general["building_coefficient"]) \
     | (firms["行政生活用地面积"] / land > general["admin_living_land_share"]) | (firms["绿地面积"] / land > general["green_ratio"])
firms["fails"] = fail
inside = firms[firms["园区代码"].notna()].copy()
g = inside.groupby("园区代码")
s = pd.DataFrame({"land": g["用地面积"].sum(), "floor": g["counted"].sum(), "jobs": g["从业人员"].sum(), "failing": g["fails"].sum()})
parks = parks.set_index("园区代码").join(s)
parks["vacant"] = (parks["developable"] - parks["land"]).clip(lower=0)
parks["floor_capacity"] = parks["developable"] * parks["容积率"]
# Vacant sites at their own FAR, the rest of the vacant land at the park's.
pts = sites.copy()
pts["geometry"] = sites.representative_point()
pts = gpd.sjoin(pts, parks.reset_index()[["园区代码", "geometry"]], how="inner", predicate="within")
pts = pts[pts["用地状态"].isin(vacant_statuses)]
pts["planned"] = pts["用地面积"] * pts["规划容积率"]
sg = pts.groupby("园区代码")
parks["site_land"] = sg["用地面积"].sum()
parks["site_floor"] = sg["planned"].sum()
parks[["site_land", "site_floor"]] = parks[["site_land", "site_floor"]].fillna(0)
used = np.minimum(parks["site_land"], parks["vacant"])
parks["available"] = np.where(parks["site_land"] > 0, parks["site_floor"] * used / parks["site_land"].where(parks["site_land"] > 0, 1), 0) \
                     + (parks["vacant"] - used) * parks["容积率"]
parks["jobs_per_m2"] = parks["jobs"] / parks["floor"]
supported = {"floor_area": parks["jobs"] + parks["available"] * parks["jobs_per_m2"]}
# Infrastructure: demand per job at each park's cluster mix.
inside["jobs"] = inside["从业人员"].fillna(0)
by = inside.groupby(["园区代码", "产业集群"]).agg(jobs=("jobs", "sum"), floor=("counted", "sum")).reset_index()
for factor in rates["factor"].unique():
    fr = rates[rates["factor"] == factor]
    default = fr[fr["cluster"] == "*"].iloc[0]
    def unit(row):
        r = fr[fr["cluster"] == row["产业集群"]]
        r = r.iloc[0] if len(r) else default
        return r["rate"] if r["per"] == "job" else r["rate"] * row["floor"] / row["jobs"]
    by["unit"] = by.apply(unit, axis=1)
    by["demand"] = by["unit"] * by["jobs"]
    per_job = by.groupby("园区代码")["demand"].sum() / by.groupby("园区代码")["jobs"].sum()
    capacity = infra[infra["factor"] == factor].groupby("park_code")["capacity"].sum()
    if factor == "dormitory_beds":
        fac = pd.read_csv(layer("facilities"), encoding="utf-8-sig")
        fac = gpd.GeoDataFrame(fac, geometry=gpd.points_from_xy(fac["经度"], fac["纬度"]), crs="EPSG:4326")
        print("note: dormitory beds from facilities are left out here (GCJ-02 positions)", file=sys.stderr)
    if capacity.empty:
        continue
    supported[factor] = parks["jobs"] + (capacity - parks["jobs"] * per_job) / per_job
table = pd.DataFrame(supported)
given = table.drop(columns=[c for c in table.columns if c == "dormitory_beds"])
parks["capacity_jobs"] = given.min(axis=1)
parks["binding"] = given.idxmin(axis=1)
cols = ["gross", "constrained", "developable", "vacant", "floor_capacity", "available", "floor", "land", "jobs", "failing", "capacity_jobs", "binding"]
parks[cols].to_csv(out)
print(f"reference {len(parks)} parks, {len(firms)} enterprises in {time.perf_counter() - t0:.2f} s")
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("project")
    ap.add_argument("--standards", default=None)
    ap.add_argument("--runs", type=int, default=3, help="runs of each side; the median is shown")
    a = ap.parse_args()
    project = json.load(open(a.project, encoding="utf-8"))
    base = os.path.dirname(os.path.abspath(a.project))
    standards = a.standards or os.path.join(base, project["analysis"]["capacity"]["standards_dir"])
    tmp = tempfile.mkdtemp(prefix="parkcap_capacity_")
    # The reference leaves dormitory beds out (the facilities' GCJ-02 positions would need
    # their own conversion): parkcap runs on a copy of the standards without that factor.
    std_copy = os.path.join(tmp, "standards")
    os.makedirs(std_copy)
    for f in os.listdir(standards):
        with open(os.path.join(standards, f), encoding="utf-8") as src:
            lines = src.readlines()
        if f == "infrastructure_demand_rates.csv":
            lines = [l for l in lines if not l.startswith("dormitory_beds,")]
        with open(os.path.join(std_copy, f), "w", encoding="utf-8") as dst:
            dst.writelines(lines)
    crs = "EPSG:4545"
    cli = [os.path.join(a.build, "app/cli/parkcap"), "capacity", a.project, "--standards", std_copy, "--out", os.path.join(tmp, "cap")]
    def median_run(cmd):
        runs = sorted((run(cmd) for _ in range(a.runs)), key=lambda r: r[0])
        return runs[len(runs) // 2]
    p_secs, p_mem, p_out = median_run(cli + ["--overwrite"])
    r_secs, r_mem, r_out = median_run(["/usr/bin/python3", "-c", REFERENCE, a.project, std_copy, crs, os.path.join(tmp, "ref.csv")])
    import pandas as pd
    ours = pd.read_csv(os.path.join(tmp, "cap_parks.csv"), encoding="utf-8-sig").set_index("code")
    ref = pd.read_csv(os.path.join(tmp, "ref.csv")).set_index("园区代码")
    pairs = [("gross_m2", "gross"), ("constrained_m2", "constrained"), ("developable_m2", "developable"), ("vacant_m2", "vacant"),
             ("floor_capacity_m2", "floor_capacity"), ("available_floor_m2", "available"), ("existing_floor_m2", "floor"),
             ("occupied_m2", "land"), ("jobs", "jobs"), ("plots_failing", "failing"), ("capacity_jobs", "capacity_jobs")]
    print(f"{'quantity':22s} {'max relative difference':>24s}")
    worst = 0.0
    for o, r in pairs:
        diff = ((ours[o] - ref.loc[ours.index, r]).abs() / ref.loc[ours.index, r].abs().clip(lower=1)).max()
        worst = max(worst, diff)
        print(f"{o:22s} {diff:24.2e}")
    same_binding = (ours["binding"] == ref.loc[ours.index, "binding"]).sum()
    print(f"binding factor: the same in {same_binding} of {len(ours)} parks")
    print(f"\n{'contender':24s} {'wall s':>8s} {'peak MB':>8s}")
    print(f"{'parkcap capacity':24s} {p_secs:8.2f} {p_mem:8.0f}   {p_out.strip().splitlines()[-1]}")
    print(f"{'GeoPandas reference':24s} {r_secs:8.2f} {r_mem:8.0f}   {r_out.strip().splitlines()[-1]}")
    sys.exit(0 if worst < 1e-6 and same_binding == len(ours) else 1)


if __name__ == "__main__":
    main()
