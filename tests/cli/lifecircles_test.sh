#!/usr/bin/env bash
# parkcap lifecircles on the demo: each enterprise's distance to each daily facility equals
# parkcap coverage's (straight line, and along the roads within coverage's own radius); the
# table's shares per park and circle equal a count from the layer; a walking speed sets the
# circles; a bad table is named.
#   lifecircles_test.sh PARKCAP DEMO_FOLDER
set -u
cli=$1 demo=$2
command -v ogr2ogr >/dev/null 2>&1 || { echo "SKIP: ogr2ogr is not installed (apt-get install gdal-bin)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
p="$demo/chongqing-demo.parkcap.json"
for mode in straight network; do
  flag=$([ $mode = network ] && echo --network)
  "$cli" lifecircles "$p" $flag --out "$work/lc_$mode" > "$work/lc_$mode.out" 2>&1 || { cat "$work/lc_$mode.out"; fail "lifecircles $mode"; }
  "$cli" coverage "$p" $flag --out "$work/cov_$mode" > /dev/null 2>&1 || fail "coverage $mode"
done
grep -q "5 min = 300 m, 10 min = 500 m, 15 min = 1000 m (GB 50180-2018's reading), along the roads" "$work/lc_network.out" || { cat "$work/lc_network.out"; fail "the circles"; }
grep -q "employees reaching every daily facility within 15 minutes (target 99%" "$work/lc_network.out" || fail "the target line"
grep -q "has no service radius" "$work/lc_network.out" && fail "warnings about facilities that are not daily ones"
/usr/bin/python3 - "$work" <<'PY' || fail "life circles against coverage"
import csv, math, subprocess, sys
work = sys.argv[1]
def rows(path, sql):
    q = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", path, "-sql", sql], capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(q.splitlines()))
types = {"canteen": 500, "bus_stop": 500, "clinic": 1000, "service_center": 1000}  # coverage's own radius per type
for mode, prefix in (("straight", "d_"), ("network", "n_")):
    lc = {r["enterprise_fid"]: r for r in rows(f"{work}/lc_{mode}.gpkg", "SELECT * FROM life_circles")}
    cov = rows(f"{work}/cov_{mode}.gpkg", "SELECT CAST(fid AS integer) AS efid, " + ", ".join(prefix + t for t in types) + " FROM enterprises_coverage")
    assert len(lc) == len(cov) == 20000, (len(lc), len(cov))
    compared = 0
    for c in cov:
        l = lc[c["efid"]]
        for t, radius in types.items():
            theirs = float(c[prefix + t]) if c[prefix + t] else math.inf
            mine = float(l[t + "_m"]) if l[t + "_m"] else math.inf
            if mode == "network" and theirs > radius:   # coverage searches the roads no farther than its radius
                assert mine > radius - 0.05, (mode, t, c["efid"], mine, theirs)
                continue
            if mode == "network" and mine > 1000: mine = math.inf
            assert (math.isinf(mine) and math.isinf(theirs)) or abs(mine - theirs) <= 0.05 + 1e-6, (mode, t, c["efid"], mine, theirs)  # coverage writes 0.1 m
            compared += 1
    assert compared > (40000 if mode == "straight" else 5000), (mode, compared)
    # The table: per park and circle, the enterprises reaching every daily type, counted from the layer.
    table = list(csv.DictReader(open(f"{work}/lc_{mode}_life_circles.csv", encoding="utf-8-sig")))
    for row in table:
        if row["facility"] != "all daily" or row["park"].startswith("("):
            continue
        m = float(row["metres"])
        n = sum(1 for l in lc.values() if l["park"] == row["park"] and all(l[t + "_m"] and float(l[t + "_m"]) <= m for t in types))
        assert n == int(row["enterprises"]), (mode, row["park"], row["minutes"], n, row["enterprises"])
    # Each enterprise's class to style by: the smallest circle holding every daily type, else beyond the largest.
    for l in lc.values():
        want = f"<= {l['all_daily_within_min']} min" if l["all_daily_within_min"] else "> 15 min"
        assert l["reach"] == want, (mode, l["reach"], want)
PY
"$cli" lifecircles "$p" --walk-speed 80 2>&1 | grep -q "5 min = 400 m, 10 min = 800 m, 15 min = 1200 m (walking 80 m a minute)" || fail "--walk-speed"
mkdir -p "$work/std" && cp -r "$demo/../standards/." "$work/std/"
printf 'item,key,value,basis\ncircle,5,300,\ncircle,10,200,\ndaily,canteen,,\n' > "$work/std/life_circles.csv"
"$cli" lifecircles "$p" --standards "$work/std" 2>&1 | grep -q "life_circles.csv: line 3: a longer walk must reach farther" || fail "a bad table is not named"
echo "lifecircles: OK"
