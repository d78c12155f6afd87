#!/usr/bin/env bash
# parkcap place on more land and on suitable land: a suitability raster scores every place
# and leaves out those below a least score (each placed one read back from the raster with
# GDAL); under-used plots offered as land to free, under the project's rule (the 亩均 class D),
# each placed plot being one that capacity flags; a raster vetoing everything is refused by name.
#   place_land_test.sh PARKCAP DEMO_DIR
set -u
cli=$1 demo=$(cd "$2" && pwd)
command -v gdallocationinfo >/dev/null 2>&1 || { echo "SKIP: gdallocationinfo is not installed (apt-get install gdal-bin)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
project=$demo/chongqing-demo.parkcap.json applicants=$demo/incoming_applicants.csv

"$cli" suitability "$project" --out "$work/s" --cell 100 > /dev/null 2>&1 || fail "suitability"
"$cli" place "$project" --applicants "$applicants" --out "$work/a" --suitability "$work/s.tif" --min-suitability 60 > "$work/a.out" 2>&1 \
  || { cat "$work/a.out"; fail "place --suitability"; }
grep -Eq "note: [0-9]+ of [0-9]+ places left out by the suitability raster \(vetoed, off it, or below 60\); the rest scored by it at weight 0.2" "$work/a.out" \
  || { cat "$work/a.out"; fail "the suitability note"; }
# Every placed applicant's place scores at least 60 on the raster, and its suitability part is that score / 100.
ogr2ogr -f CSV "$work/a_points.csv" "$work/a.gpkg" placements -lco GEOMETRY=AS_XY > /dev/null 2>&1 || fail "reading the placements back"
n=0
while IFS=, read -r x y applicant rest; do
  [ "$x" = X ] && continue
  v=$(gdallocationinfo -valonly -geoloc "$work/s.tif" "$x" "$y")
  part=$(awk -F, -v a="$applicant" 'NR > 1 && $1 == a { print $(NF - 1) }' "$work/a_placed.csv")
  awk -v v="$v" -v p="$part" 'BEGIN { exit !(v >= 60 && (p - v / 100) < 1e-3 && (v / 100 - p) < 1e-3) }' \
    || fail "$applicant at $x,$y: the raster holds $v, the placement's suitability part is $part"
  n=$((n + 1))
done < <(tr -d '\r' < "$work/a_points.csv")
[ "$n" -ge 3 ] || fail "only $n placements checked"

# A raster that vetoes every place: refused, naming it.
gdal_translate -q -scale 0 100 0 0 "$work/s.tif" "$work/zero.tif" || fail "gdal_translate"
"$cli" place "$project" --applicants "$applicants" --out "$work/z" --suitability "$work/zero.tif" > "$work/z.out" 2>&1 && fail "a raster vetoing every place is accepted"
grep -q "zero.tif: no place is suitable enough (a score above 0 and at least 0)" "$work/z.out" || { cat "$work/z.out"; fail "the veto message"; }
"$cli" place "$project" --applicants "$applicants" --out "$work/m" --min-suitability 50 2>&1 | grep -q "min-suitability needs --suitability" \
  || fail "--min-suitability without a raster is not refused"

# Under the 亩均 rule: class-D plots as land to free.
/usr/bin/python3 - "$demo" "$work/d.parkcap.json" <<'PY' || fail "the project copy"
import json, os, sys
demo, out = sys.argv[1:3]
p = json.load(open(demo + "/chongqing-demo.parkcap.json"))
for l in p["layers"]:
    l["path"] = os.path.join(demo, l["path"])
def absolute(o):
    for k, v in (o.items() if isinstance(o, dict) else enumerate(o) if isinstance(o, list) else []):
        if isinstance(v, str) and (v.endswith(".csv") or k == "standards_dir") and not v.startswith("/"): o[k] = os.path.join(demo, v)
        else: absolute(v)
absolute(p["analysis"])
p["analysis"]["capacity"].setdefault("parameters", {})["underused_rule"] = "performance_class"
json.dump(p, open(out, "w"), ensure_ascii=False)
PY
"$cli" capacity "$work/d.parkcap.json" --out "$work/cap" > "$work/cap.out" 2>&1 || { tail -3 "$work/cap.out"; fail "capacity under the 亩均 rule"; }
"$cli" place "$work/d.parkcap.json" --applicants "$applicants" --out "$work/f" --free-underused --exact \
  --save-scenario freed --project-out "$work/f.parkcap.json" > "$work/f.out" 2>&1 || { cat "$work/f.out"; fail "place --free-underused"; }
"$cli" place "$work/d.parkcap.json" --applicants "$applicants" --out "$work/v" --exact > "$work/v.out" 2>&1 || fail "place on vacant sites"
grep -q "under-used plots offered as land to free (亩均效益 class D (mujun_huaian_2024))" "$work/f.out" || { cat "$work/f.out"; fail "the rule is not named"; }
/usr/bin/python3 - "$work" <<'PY' || fail "the plots to free"
import csv, re, subprocess, sys
work = sys.argv[1]
out = open(f"{work}/f.out", encoding="utf-8").read()
offered = int(re.search(r"note: (\d+) under-used plots offered", out).group(1))
q = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", f"{work}/cap.gpkg", "enterprises_compliance"], capture_output=True, text=True, check=True).stdout
flagged = [r for r in csv.DictReader(q.splitlines()) if r["underused"] == "1" and r["park"]]
assert offered == len(flagged) and offered > 0, (offered, len(flagged))
names = {r["name"] for r in flagged}
placed = list(csv.DictReader(open(f"{work}/f_placed.csv", encoding="utf-8-sig")))
on_plots = [r for r in placed if r["land"] == "plot to free"]
assert on_plots, "no applicant placed on a plot to free"
for r in on_plots:
    m = re.fullmatch(r"plot of (.*) \(enterprises fid \d+, to free\)", r["site"])
    assert m and m.group(1) in names, r["site"]
assert f"placed on plots to free: {len(on_plots)}" in out
assert f"note: the {len(on_plots)} placed on plots to free are not in the scenario" in out
v = open(f"{work}/v.out", encoding="utf-8").read()
score = lambda text: float(re.search(r"total score ([0-9.]+)", text).group(1))
assert score(out) >= score(v) - 1e-6, (score(out), score(v))  # more land never lowers the optimum
scenario = [s for s in __import__("json").load(open(f"{work}/f.parkcap.json"))["scenarios"] if s["name"] == "freed"][0]
assert len(scenario["edits"]) == len(placed) - len(on_plots)
print(f"{offered} plots offered, {len(on_plots)} placed on them")
PY
echo "place_land: OK ($n placements on the raster checked)"
