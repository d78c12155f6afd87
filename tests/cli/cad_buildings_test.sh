#!/usr/bin/env bash
# A design institute's site plan to the admin/living rule: a DXF (GBK, eastings with the zone
# number 36) with a parcel and three buildings labelled on the buildings layer ("办公楼 4F",
# "厂房 2F", "专家楼"). parkcap cad attaches each label to its building as its use; a project
# with those buildings (role buildings) and an enterprise on the parcel then gets, from
# capacity, the enterprise's admin/living share by hand: offices 40 x 40 m x 4 storeys =
# 6,400 m² of 6,400 + 16,000 + 400 (the expert building, one storey: said) = 22,800 m², the
# plot fails the 7% rule and is named for its expert building (prohibited on industrial land).
#   cad_buildings_test.sh PARKCAP STANDARDS_DIR
set -u
cli=$1 std=$2
command -v ogr2ogr >/dev/null 2>&1 || { echo "SKIP: ogr2ogr is not installed (apt-get install gdal-bin)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
def g(code, val): return f"{code}\n{val}\n"
E0, N0 = 36347700.0, 3266700.0
def lwpoly(layer, pts):
    s = g(0, "LWPOLYLINE") + g(8, layer) + g(100, "AcDbEntity") + g(100, "AcDbPolyline") + g(90, len(pts)) + g(70, 1)
    for x, y in pts: s += g(10, E0 + x) + g(20, N0 + y)
    return s
def text(layer, p, t): return g(0, "TEXT") + g(8, layer) + g(10, E0 + p[0]) + g(20, N0 + p[1]) + g(40, 3) + g(1, t)
sq = lambda x0, y0, x1, y1: [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
ents = lwpoly("地块", sq(0, 0, 200, 150)) + text("地块编号", (10, 140), "A-01")
ents += lwpoly("建筑", sq(20, 20, 60, 60)) + text("建筑", (40, 40), "办公楼 4F")
ents += lwpoly("建筑", sq(80, 20, 180, 100)) + text("建筑", (130, 60), "厂房 2F")
ents += lwpoly("建筑", sq(20, 80, 40, 100)) + text("建筑", (30, 90), "专家楼")
dxf = g(0, "SECTION") + g(2, "HEADER") + g(9, "$ACADVER") + g(1, "AC1015") + g(9, "$DWGCODEPAGE") + g(3, "ANSI_936") + g(0, "ENDSEC")
dxf += g(0, "SECTION") + g(2, "ENTITIES") + ents + g(0, "ENDSEC") + g(0, "EOF")
open(f"{work}/plan.dxf", "wb").write(dxf.encode("gbk"))
open(f"{work}/parks.csv", "w").write('WKT,名称\n"POLYGON((347000 3266000,349000 3266000,349000 3268000,347000 3268000,347000 3266000))",测试园\n')
open(f"{work}/firms.csv", "w").write("WKT,企业名称,行业代码,用地面积,建筑面积\nPOINT(347800 3266770),甲公司,3411,30000,22800\n")
PY
"$cli" cad "$work/plan.dxf" --out "$work/plan.gpkg" > "$work/cad.out" 2>&1 || { cat "$work/cad.out"; fail "parkcap cad"; }
grep -q "3 building labels (their use) attached to buildings" "$work/cad.out" || { cat "$work/cad.out"; fail "the building labels"; }
uses=$(ogr2ogr -f CSV /vsistdout/ "$work/plan.gpkg" buildings -select use 2>/dev/null | tail -n +2 | sort | tr '\n' '|')
[ "$uses" = "专家楼|办公楼 4F|厂房 2F|" ] || fail "the buildings' uses: $uses"
cat > "$work/p.parkcap.json" <<EOS
{"parkcap": 1, "working_crs": "EPSG:4545", "layers": [
  {"id": "parks", "role": "parks", "path": "parks.csv", "srs": "EPSG:4545"},
  {"id": "firms", "role": "enterprises", "path": "firms.csv", "srs": "EPSG:4545"},
  {"id": "sites", "role": "sites", "path": "plan.gpkg", "layer": "parcels"},
  {"id": "buildings", "role": "buildings", "path": "plan.gpkg", "layer": "buildings"}],
 "analysis": {"capacity": {"standards_dir": "$std"}}}
EOS
"$cli" capacity "$work/p.parkcap.json" --out "$work/c" > "$work/cap.out" 2>&1 || { cat "$work/cap.out"; fail "parkcap capacity"; }
grep -q "admin/living land of 1 plots from their 3 buildings (land x admin/living floor area share; 0 by credit code, 0 by enterprise name, 3 by site)" "$work/cap.out" \
  || { cat "$work/cap.out"; fail "the buildings' note"; }
grep -q "1 buildings without a floor area or storeys: the footprint counted as one storey" "$work/cap.out" || fail "the one-storey note"
ogr2ogr -f CSV "$work/compliance.csv" "$work/c.gpkg" enterprises_compliance 2>/dev/null || fail "reading the compliance layer"
python3 - "$work/compliance.csv" <<'PY' || fail "the compliance row: $(cat "$work/compliance.csv")"
import csv, sys
r = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))[0]
assert abs(float(r["admin_living_share"]) - 6400 / 22800) < 1e-4, r
assert r["admin_check"] == "fail", r
assert "admin/living share 0.281 > 0.070" in r["reasons"] and "prohibited on industrial land: 专家楼 (buildings fid 3)" in r["reasons"], r["reasons"]
PY
echo "cad_buildings: OK"
