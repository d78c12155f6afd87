#!/usr/bin/env bash
# parkcap performance (亩均效益) on the demo: the join report adds up to the table's rows; every
# enterprise in the layer with its class; scores recomputed by hand from the written indicator
# values and the printed benchmarks; the classes by rank (20/40/35/5%) of the scored; per park
# the classes add up and the lowest class's land is the sum of its plots; the other presets;
# bad presets and tables named.
#   performance_test.sh PARKCAP DEMO_FOLDER
set -u
cli=$1 demo=$2
command -v ogrinfo >/dev/null 2>&1 || { echo "SKIP: ogrinfo is not installed (apt-get install gdal-bin)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$cli" performance "$demo/chongqing-demo.parkcap.json" --out "$work/p" > "$work/out" 2>&1 || { cat "$work/out"; fail "performance"; }
grep -q "preset: mujun_huaian_2024" "$work/out" || fail "the project's preset is not used"
rows=$(($(wc -l < "$demo/enterprise_indicators.csv") - 1))
python3 - "$work" "$rows" <<'PY' || fail "the report"
import csv, re, subprocess, sys
work, rows = sys.argv[1], int(sys.argv[2])
out = open(f"{work}/out", encoding="utf-8").read()
m = re.search(r"(\d+) rows; matched by credit code (\d+), by name (\d+), by normalised name (\d+); no enterprise (\d+), several enterprises (\d+), enterprise already matched (\d+)", out)
n = list(map(int, m.groups()))
assert n[0] == rows == sum(n[1:]), ("the join report does not add up", n, rows)
# The demo: 90% of the firms carry their credit code; the rest join by name, some spelled
# differently, some names held by several firms.
assert n[1] > 0.85 * rows and n[2] > 1000 and n[3] > 20 and n[5] > 50, ("code, name, normalised and ambiguous joins expected in the demo", n)
matches = list(csv.DictReader(open(f"{work}/p_matches.csv", encoding="utf-8-sig")))
assert len(matches) == rows
assert sum(1 for r in matches if r["matched_by"] == "normalised name") == n[3]
bench = {k: float(v) for k, v in re.findall(r"  (\w+): benchmark ([0-9.e+-]+)", out)}
weights = {"tax_per_mu": 45, "sales_per_mu": 35, "tax_per_energy": 20}
assert set(bench) == set(weights), bench
# Every enterprise, its indicators and score, read back from the layer.
q = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", f"{work}/p.gpkg", "performance"], capture_output=True, text=True, check=True).stdout
layer = list(csv.DictReader(q.splitlines()))
assert len(layer) == 20000, len(layer)
scored = [r for r in layer if r["score"]]
checked = 0
for r in layer[:3000]:
    have = {k: float(r[k]) for k in weights if r[k]}
    if not r["score"]:
        continue
    total = sum(weights.values()); avail = sum(weights[k] for k in have)
    want = sum(weights[k] * v / bench[k] for k, v in have.items()) * total / avail   # a missing weight spread
    assert abs(float(r["score"]) - want) <= 1e-8 * max(1, want), (r["name"], r["score"], want)
    assert (r["missing"] or "") == ",".join(k for k in weights if k not in have), (r["missing"], have)
    checked += 1
assert checked > 2500
# Classes by rank among the scored: A top 20%, B to 60%, C to 95%, D the rest.
order = sorted(range(len(scored)), key=lambda i: -float(scored[i]["score"]))
counts = {c: sum(1 for r in scored if r["class"] == c) for c in "ABCD"}
N = len(scored)
assert counts == {"A": int(0.2 * N), "B": int(0.6 * N) - int(0.2 * N), "C": int(0.95 * N) - int(0.6 * N), "D": N - int(0.95 * N)}, counts
assert all(float(scored[order[i]]["score"]) >= float(scored[order[i + 1]]["score"]) for i in range(N - 1))
assert scored[order[0]]["class"] == "A" and scored[order[-1]]["class"] == "D"
# Per park: the classes add up; class D land equals the layer's land of the D plots.
parks = list(csv.DictReader(open(f"{work}/p_parks.csv", encoding="utf-8-sig")))
for p in parks:
    assert int(p["enterprises"]) == int(p["scored"]) + int(p["unscored"]), p
    assert int(p["scored"]) == sum(int(p["class_" + c]) for c in "ABCD"), p
    if p["park"].startswith("("):
        continue
    land = sum(float(r["land_m2"]) for r in layer if r["park"] == p["park"] and r["class"] == "D")
    assert abs(land - float(p["class_D_land_m2"])) < 1e-6 * max(1, land), (p["park"], land, p["class_D_land_m2"])
    assert abs(land / (10000 / 15) - float(p["class_D_land_mu"])) < 1e-3, p
total = [p for p in parks if p["park"] == "(all)"][0]
assert int(total["enterprises"]) == 20000 and int(total["class_D"]) == counts["D"]
PY
# Class D inside parks as a redevelopment scenario, evaluated by parkcap capacity: each park's
# redevelopment is the sum over its class-D plots of land × 2.0 − their counted floor area.
"$cli" performance "$demo/chongqing-demo.parkcap.json" --save-scenario "亩均D类" --project-out "$work/copy.parkcap.json" --far 2.0 > "$work/sout" 2>&1 \
  || { cat "$work/sout"; fail "--save-scenario"; }
grep -q "wrote the scenario '亩均D类' (class D of mujun_huaian_2024 (亩均效益), [0-9]* plots inside parks" "$work/sout" || { cat "$work/sout"; fail "the scenario line"; }
"$cli" capacity "$work/copy.parkcap.json" --scenario "亩均D类" --out "$work/cap" > /dev/null 2>&1 || fail "capacity on the scenario"
python3 - "$work" "$demo" <<'PY' || fail "the scenario's redevelopment is not the class-D plots' by hand"
import csv, subprocess, sys
work, demo = sys.argv[1:3]
def layer(path, name):
    q = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", path, name], capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(q.splitlines()))
firms = {}
q = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", f"{demo}/enterprises.gpkg", "-sql", "SELECT CAST(fid AS integer) AS efid, 建筑面积, 层高, 用地面积 FROM enterprises"], capture_output=True, text=True, check=True).stdout
for r in csv.DictReader(q.splitlines()):
    firms[int(r["efid"])] = r
want = {}
for r in layer(f"{work}/p.gpkg", "performance"):
    if r["class"] != "D" or not r["park"]:
        continue
    f = firms[int(r["enterprise_fid"])]
    floor = float(f["建筑面积"] or 0) * (2 if f["层高"] and float(f["层高"]) > 8 else 1)
    land = float(f["用地面积"] or 0)
    want[r["park"]] = want.get(r["park"], 0) + max(0.0, land * 2.0 - floor)
got = {r["park"]: float(r["redevelopment_m2"]) for r in csv.DictReader(open(f"{work}/cap_parks.csv", encoding="utf-8-sig")) if r["scenario"] == "亩均D类"}
assert len(want) > 5
for park, v in got.items():
    assert abs(v - want.get(park, 0)) <= 1e-6 * max(1, v), (park, v, want.get(park, 0))
PY
# One rule for under-used plots per project: the 亩均 class, or the sites' status. capacity then
# flags exactly the class-D plots inside parks (or the plots on 低效用地 sites) and names the rule.
for rule in performance_class site_status; do
  python3 - "$demo" "$work/rule_$rule.parkcap.json" "$rule" <<'PY'
import json, os, sys
demo, out, rule = sys.argv[1:4]
p = json.load(open(demo + "/chongqing-demo.parkcap.json"))
for l in p["layers"]:
    if not l["path"].startswith("/"): l["path"] = os.path.join(demo, l["path"])
def absolute(o):
    for k, v in (o.items() if isinstance(o, dict) else enumerate(o) if isinstance(o, list) else []):
        if isinstance(v, str) and (v.endswith(".csv") or k == "standards_dir") and not v.startswith("/"): o[k] = os.path.join(demo, v)
        else: absolute(v)
absolute(p["analysis"])
p["analysis"]["capacity"].setdefault("parameters", {})["underused_rule"] = rule
json.dump(p, open(out, "w"), ensure_ascii=False)
PY
  "$cli" capacity "$work/rule_$rule.parkcap.json" --out "$work/rule_$rule" > "$work/rule_$rule.out" 2>&1 || { cat "$work/rule_$rule.out"; fail "capacity with underused_rule $rule"; }
done
grep -q "are flagged as under-used (亩均效益 class D (mujun_huaian_2024))" "$work/rule_performance_class.out" || { tail -2 "$work/rule_performance_class.out"; fail "the 亩均 rule is not named"; }
grep -q "are flagged as under-used (on a site whose status is an under-used one" "$work/rule_site_status.out" || fail "the site rule is not named"
/usr/bin/python3 - "$work" "$demo" <<'PY' || fail "the plots flagged under each rule"
import csv, re, subprocess, sys
from shapely.geometry import shape, Point
import json
work, demo = sys.argv[1:3]
def rows(path, layer, *extra):
    q = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", path, layer, "-lco", "GEOMETRY=AS_XY", *extra], capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(q.splitlines()))
perf = rows(f"{work}/p.gpkg", "performance")
d_in_parks = sum(1 for r in perf if r["class"] == "D" and r["park"])
out = open(f"{work}/rule_performance_class.out", encoding="utf-8").read()
assert int(re.search(r"; (\d+) are flagged as under-used", out).group(1)) == d_in_parks, ("亩均", d_in_parks)
comp = rows(f"{work}/rule_performance_class.gpkg", "enterprises_compliance")
flagged = [r for r in comp if r["underused"] == "1"]
assert len(flagged) == d_in_parks and all(r["reasons"].startswith("under-used: 亩均效益 class D") for r in flagged)
# Site rule: plots inside a 低效用地 site (the sites in the working CRS), inside parks.
sites = json.loads(subprocess.run(["ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:4545", "/vsistdout/", f"{demo}/sites.gpkg"], capture_output=True, text=True, check=True).stdout)
low = [shape(f["geometry"]) for f in sites["features"] if any(v == "低效用地" for v in f["properties"].values())]
comp = rows(f"{work}/rule_site_status.gpkg", "enterprises_compliance")
want = sum(1 for r in comp if r["park"] and any(g.contains(Point(float(r["X"]), float(r["Y"]))) for g in low))
got = sum(1 for r in comp if r["underused"] == "1")
assert want > 10 and got == want, ("sites", got, want)
PY
"$cli" performance "$demo/chongqing-demo.parkcap.json" --preset jingde --out "$work/j" > "$work/jout" 2>&1 || { cat "$work/jout"; fail "jingde"; }
grep -q "tax_per_mu: from .* (20) to .* (100)" "$work/jout" || fail "jingde does not print its ranges"
"$cli" performance "$demo/chongqing-demo.parkcap.json" --preset huangyan > "$work/hout" 2>&1 || { cat "$work/hout"; fail "huangyan"; }
grep -q "tax_per_mu: benchmark 24.097" "$work/hout" || fail "huangyan's benchmark"
grep -Eq "unscored \(an indicator missing: the preset leaves them unscored\)" "$work/hout" || fail "huangyan leaves firms lacking an indicator unscored, and says so"
# Bad input, named.
"$cli" performance "$demo/chongqing-demo.parkcap.json" --preset nanjing 2>&1 | grep -q "no preset 'nanjing' in .*(there: huaian_2024, huangyan_2023, jingde_2022)" || fail "an unknown preset is not named with the known ones"
printf '企业名称,税收\n重庆甲,十\n' > "$work/bad.csv"
"$cli" performance "$demo/chongqing-demo.parkcap.json" --indicators "$work/bad.csv" 2>&1 | grep -q "bad.csv: line 2: the 税收 '十' is not a number" || fail "a bad table is not named"
"$cli" performance "$demo/chongqing-demo.parkcap.json" --out "$work/p" 2>&1 | grep -q "already exists" || fail "an output replaced without --overwrite"
echo "performance: OK"
