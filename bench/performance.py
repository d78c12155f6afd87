#!/usr/bin/env python3
"""亩均效益 at size: parkcap performance against the same evaluation as a GeoPandas script.

    python3 bench/performance.py BUILD [DIR]

DIR (default /tmp/parkcap-perf-1m) is a project made by `parkcap synth DIR --enterprises
1000000` (made first when missing). Both contenders run Huai'an's preset on the project's
enterprise_indicators.csv: join by credit code, then exact name (names held by several
enterprises are left out), then normalised name; tax and sales per mu, tax per energy; benchmarks at twice the
mean; a missing indicator's weight spread; classes by rank (20/60/95/100%); enterprises per
park and class, class-D land. Each runs as its own process (wall time, peak RSS); the script
then checks that both give the same class counts per park.
GeoPandas is Debian's (python3-geopandas, run by /usr/bin/python3)."""
import csv
import os
import subprocess
import sys
import tempfile

from benchlib import run

GEOPANDAS = r'''
import sys, re, numpy as np, pandas as pd, geopandas as gpd
folder, out = sys.argv[1], sys.argv[2]
firms = gpd.read_file(folder + "/enterprises.gpkg")
parks = gpd.read_file(folder + "/parks.gpkg")
table = pd.read_csv(folder + "/enterprise_indicators.csv", encoding="utf-8-sig")
def norm(s):
    s = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in str(s))
    s = re.sub(r"[\s()\u3000]", "", s).lower()
    return s.replace("有限责任公司", "有限公司")
firms["row"] = -1
free = table.copy()
for fcol, tcol, f in (("统一社会信用代码", "统一社会信用代码", lambda s: s), ("企业名称", "企业名称", lambda s: s), ("企业名称", "企业名称", norm)):
    fk = firms[fcol].map(lambda v: f(v) if isinstance(v, str) and v else None)
    tk = free[tcol].map(lambda v: f(v) if isinstance(v, str) and v else None)
    tmap = pd.Series(free.index, index=tk)
    tmap = tmap[tmap.index.notna() & ~tmap.index.duplicated(keep="first")]
    dup = fk.duplicated(keep=False)
    hit = fk[fk.notna() & ~dup & (firms["row"] < 0) & fk.isin(tmap.index)]
    firms.loc[hit.index, "row"] = tmap[hit.values].values
    used = set(tmap[fk[fk.notna() & fk.isin(tmap.index)].values].values)   # rows placed, or naming several firms
    free = free.loc[~free.index.isin(used)]
t = table.reindex(firms["row"].where(firms["row"] >= 0)).reset_index(drop=True)
mu = firms["用地面积"].values / (10000 / 15)
tax = np.where(t["税收"].notna(), t["税收"], firms["税收"])
sales = np.where(t["营业收入"].notna(), t["营业收入"], firms["工业产值"])
energy = t["综合能耗"].values
def ratio(a, b):
    a = np.asarray(a, float); b = np.asarray(b, float)
    return np.where((b > 0) & ~np.isnan(a), a / np.where(b > 0, b, 1), np.nan)
ind = {"tax_per_mu": (ratio(tax, mu), 45), "sales_per_mu": (ratio(sales, mu), 35), "tax_per_energy": (ratio(tax, energy), 20)}
num = np.zeros(len(firms)); wsum = np.zeros(len(firms))
for k, (v, w) in ind.items():
    ref = 2 * np.nanmean(v)
    ok = ~np.isnan(v)
    num += np.where(ok, w * v / ref, 0); wsum += np.where(ok, w, 0)
score = np.where(wsum > 0, num * 100 / np.where(wsum > 0, wsum, 1), np.nan)
order = np.argsort(-score, kind="stable")
scored = order[~np.isnan(score[order])]
n = len(scored)
share = (np.arange(n) + 1) / n
cls = np.full(len(firms), "", dtype=object)
cls[scored] = np.select([share <= 0.2 + 1e-12, share <= 0.6 + 1e-12, share <= 0.95 + 1e-12], ["A", "B", "C"], "D")
firms["class"] = cls
joined = gpd.sjoin(firms.to_crs(4545), parks.to_crs(4545)[["名称", "geometry"]], how="left", predicate="within")
joined = joined[~joined.index.duplicated(keep="first")]
joined["land_D"] = np.where(joined["class"] == "D", joined["用地面积"], 0)
g = joined.groupby("名称").agg(**{c: ("class", lambda s, c=c: int((s == c).sum())) for c in "ABCD"}, land_D=("land_D", "sum"))
g.to_csv(out)
'''


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build = sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else "/tmp/parkcap-perf-1m"
    cli = os.path.join(build, "app/cli/parkcap")
    if not os.path.exists(os.path.join(folder, "enterprise_indicators.csv")):
        secs, mb, _ = run([cli, "synth", folder, "--enterprises", "1000000", "--overwrite"])
        print(f"(synth 1,000,000: {secs:.1f} s, {mb:.0f} MB)")
    link = os.path.join(os.path.dirname(os.path.abspath(folder)), "standards")
    if not os.path.exists(link):
        os.symlink(os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "datasets", "standards")), link)
    out = tempfile.mkdtemp(prefix="parkcap-perf-")
    project = os.path.join(folder, "chongqing-demo.parkcap.json")
    secs, mb, text = run([cli, "performance", project, "--out", os.path.join(out, "p")])
    print(f"{'parkcap performance (load, join, score, write)':52} {secs:7.1f} s {mb:7.0f} MB")
    script = os.path.join(out, "gp.py")
    open(script, "w").write(GEOPANDAS)
    secs, mb, _ = run(["/usr/bin/python3", script, folder, os.path.join(out, "gp.csv")])
    print(f"{'GeoPandas script (read, merge, score, sjoin)':52} {secs:7.1f} s {mb:7.0f} MB")
    ours = {r["park"]: r for r in csv.DictReader(open(os.path.join(out, "p_parks.csv"), encoding="utf-8-sig"))}
    theirs = {r["名称"]: r for r in csv.DictReader(open(os.path.join(out, "gp.csv"), encoding="utf-8"))}
    same = all(all(int(ours[p]["class_" + c]) == int(theirs[p][c]) for c in "ABCD") for p in theirs)
    print("class counts per park: " + ("the same" if same else "DIFFERENT"))
    for line in text.splitlines():
        if line.startswith("table ") or line.startswith("classes:") or "enterprises scored" in line:
            print("  " + line)


if __name__ == "__main__":
    main()
