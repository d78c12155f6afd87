#!/usr/bin/env bash
# parkcap cad end to end on a generated site plan: a DXF in GBK with Chinese layer names,
# drawn in local coordinates; a closed polyline and a hatch parcel, a parcel drawn as four
# separate lines, green space as a hatch under an identical closed polyline (counted once),
# road lines, labels (parcel number, land use, FAR) and one label outside every parcel. It is
# registered onto CGCS2000 / 3-degree GK CM 108E from control points whose eastings carry
# the zone number 36, in survey order (X north, Y east): the parcels land where the known
# transform puts them, every residual is printed, the point given 0.3 m off shows. Also: a
# drawing naming no code page is read as GBK (said so), a DWG of AutoCAD 2013 is refused
# with a message, a template reused from a file, bad control points named.
#   cad_test.sh PARKCAP
set -u
cli=$1
command -v ogrinfo >/dev/null 2>&1 || { echo "SKIP: ogrinfo is not installed (apt-get install gdal-bin)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

python3 - "$work" <<'PY'
import math, sys
work = sys.argv[1]
def g(code, val): return f"{code}\n{val}\n"
OFF = [0, 0]  # where the drawing lies (moved for the one in Gauss-Kruger coordinates)
def lwpoly(layer, pts, closed):
    pts = [(x + OFF[0], y + OFF[1]) for x, y in pts]
    s = g(0, "LWPOLYLINE") + g(8, layer) + g(100, "AcDbEntity") + g(100, "AcDbPolyline") + g(90, len(pts)) + g(70, 1 if closed else 0)
    for x, y in pts: s += g(10, x) + g(20, y)
    return s
def line(layer, a, b):
    a, b = (a[0] + OFF[0], a[1] + OFF[1]), (b[0] + OFF[0], b[1] + OFF[1])
    return g(0, "LINE") + g(8, layer) + g(10, a[0]) + g(20, a[1]) + g(11, b[0]) + g(21, b[1])
def text(layer, p, t):
    p = (p[0] + OFF[0], p[1] + OFF[1])
    return g(0, "TEXT") + g(8, layer) + g(10, p[0]) + g(20, p[1]) + g(40, 3) + g(1, t)
def hatch(layer, pts):
    pts = [(x + OFF[0], y + OFF[1]) for x, y in pts]
    s = g(0, "HATCH") + g(8, layer) + g(100, "AcDbEntity") + g(100, "AcDbHatch") + g(10, 0) + g(20, 0) + g(30, 0)
    s += g(210, 0) + g(220, 0) + g(230, 1) + g(2, "SOLID") + g(70, 1) + g(71, 0) + g(91, 1) + g(92, 2) + g(72, 0) + g(73, 1) + g(93, len(pts))
    for x, y in pts: s += g(10, x) + g(20, y)
    return s + g(97, 0) + g(75, 0) + g(76, 1) + g(98, 0)
def drawing(codepage):
    head = g(0, "SECTION") + g(2, "HEADER") + g(9, "$ACADVER") + g(1, "AC1015")
    if codepage: head += g(9, "$DWGCODEPAGE") + g(3, codepage)
    body = g(0, "ENDSEC") + g(0, "SECTION") + g(2, "ENTITIES")
    body += lwpoly("地块", [(0, 0), (100, 0), (100, 50), (0, 50)], True)                  # A-01: 5,000 m²
    body += hatch("地块", [(120, 0), (200, 0), (200, 50), (120, 50)])                       # A-02: 4,000 m²
    for a, b in [((0, 60), (100, 60)), ((100, 60), (100, 120)), ((100, 120), (0, 120)), ((0, 120), (0, 60))]:
        body += line("用地红线", a, b)                                                         # A-03: 6,000 m² from lines
    body += hatch("绿地", [(120, 60), (200, 60), (200, 120), (120, 120)])
    body += lwpoly("绿地", [(120, 60), (200, 60), (200, 120), (120, 120)], True)             # the same outline again
    body += line("道路中心线", (-20, 55), (220, 55))
    for p, no, use, far in [((50, 25), "A-01", "M1", "容积率≥1.2"), ((160, 25), "A-02", "M1", "容积率≥1.5"), ((50, 90), "A-03", "B29", "FAR 2.0")]:
        body += text("地块编号", p, no) + text("用地性质", (p[0], p[1] - 8), use) + text("容积率", (p[0], p[1] + 8), far)
    body += text("地块编号", (300, 300), "A-99")                                              # outside every parcel
    body += text("说明", (0, -20), "某园区控制性详细规划")
    return (head + body + g(0, "ENDSEC") + g(0, "EOF")).encode("cp936")
open(f"{work}/plan.dxf", "wb").write(drawing("ANSI_936"))
open(f"{work}/nopage.dxf", "wb").write(drawing(None))
OFF[:] = [427000, 3270000]
open(f"{work}/gk.dxf", "wb").write(drawing("ANSI_936"))
OFF[:] = [36427000, 3270000]
open(f"{work}/zoned.dxf", "wb").write(drawing("ANSI_936"))
open(f"{work}/new.dwg", "wb").write(b"AC1027" + bytes(200))
# The known transform: scale 1.0002, 30 degrees, to (427000, 3270000) in zone 36.
def known(x, y):
    s, r = 1.0002, math.pi / 6
    return 427000 + s * (math.cos(r) * x - math.sin(r) * y), 3270000 + s * (math.sin(r) * x + math.cos(r) * y)
with open(f"{work}/control.csv", "w") as f:
    f.write("点号,x,y,X,Y\n")
    for i, (x, y) in enumerate([(0, 0), (200, 0), (200, 120), (0, 120), (100, 60)]):
        e, n = known(x, y)
        if i == 4: e += 0.3
        f.write(f"K{i + 1},{x},{y},{n:.4f},{36000000 + e:.4f}\n")
    e, n = known(100, 50)
    open(f"{work}/expect.txt", "w").write(f"{e:.3f} {n:.3f}\n")
PY

"$cli" cad "$work/plan.dxf" --out "$work/plan.gpkg" --control "$work/control.csv" > "$work/out" 2>&1 || { cat "$work/out"; fail "cad"; }
grep -q "text read as ANSI_936" "$work/out" || { cat "$work/out"; fail "the code page is not named"; }
grep -q "eastings in zone 36" "$work/out" || { cat "$work/out"; fail "the zone number is not named"; }
grep -q "EPSG:4545" "$work/out" || { cat "$work/out"; fail "zone 36 did not give EPSG:4545"; }
grep -q "scale 1.000" "$work/out" && grep -q "rotation 30.0" "$work/out" || { cat "$work/out"; fail "the fitted similarity is not the known one"; }
for k in K1 K2 K3 K4 K5; do grep -q "^  $k " "$work/out" || fail "no residual for $k"; done
k5=$(awk '$1 == "K5" {print $2}' "$work/out")
python3 -c "import sys; r = float('$k5'); sys.exit(0 if 0.2 < r < 0.3 else 1)" || { cat "$work/out"; fail "the point given 0.3 m off has residual $k5"; }
grep -q "RMS" "$work/out" || fail "no RMS"

count() { ogrinfo -ro -q "$work/plan.gpkg" -sql "SELECT count(*) AS n FROM $1" 2>/dev/null | awk -F'= ' '/n \(/ {print $2}'; }
[ "$(count parcels)" = 3 ] || { ogrinfo -al -q "$work/plan.gpkg" | head -60; fail "not 3 parcels"; }
[ "$(count green)" = 1 ] || fail "the green hatch and its identical polyline are not one polygon"
[ "$(count roads)" = 1 ] || fail "no road"
[ "$(count unplaced_labels)" = 1 ] || fail "the label outside every parcel is not kept"
ogrinfo -ro -q "$work/plan.gpkg" -sql "SELECT parcel_no, land_use, far, far_value, source, round(area_m2) AS a FROM parcels ORDER BY parcel_no" > "$work/parcels.txt"
for want in "A-01" "A-02" "A-03" "容积率≥1.5" "far_value (Real) = 2" "boundary lines" "hatch" "closed polyline" "B29"; do
  grep -q -- "$want" "$work/parcels.txt" || { cat "$work/parcels.txt"; fail "the parcels lack '$want'"; }
done
# Areas grow by the scale squared: 5,000 m² drawn is 5,002 m² registered.
grep -q "a (Real) = 5002" "$work/parcels.txt" || { cat "$work/parcels.txt"; fail "A-01 is not 5,002 m² after registration"; }
# A-01's corner (100, 50) lands where the known transform puts it, within the 6 cm that the
# point given 0.3 m off moves the fit (a fit from exact points lands within a millimetre: unit test).
read -r ex ny < "$work/expect.txt"
python3 - "$work/plan.gpkg" "$ex" "$ny" <<'PY' || fail "A-01's corner is not where the known transform puts it"
import subprocess, sys
out = subprocess.run(["ogrinfo", "-ro", "-q", sys.argv[1], "-sql", "SELECT geom FROM parcels WHERE parcel_no = 'A-01'"], capture_output=True, text=True).stdout
ex, ny = float(sys.argv[2]), float(sys.argv[3])
coords = out[out.index("((") + 2:out.index("))")].split(",")
best = min(abs(float(c.split()[0]) - ex) + abs(float(c.split()[1]) - ny) for c in coords)
print(best); sys.exit(0 if best < 0.1 else 1)
PY
ogrinfo -ro -q "$work/plan.gpkg" parcels | grep -q "CGCS2000 / 3-degree Gauss-Kruger CM 108E" || ogrinfo -ro -so "$work/plan.gpkg" parcels | grep -q "4545" || fail "the layers are not in EPSG:4545"

# A drawing that names no code page: read as GBK, said so, the same parcels.
"$cli" cad "$work/nopage.dxf" --out "$work/nopage.gpkg" --crs EPSG:4545 > "$work/out2" 2>&1 || { cat "$work/out2"; fail "cad on a drawing without a code page"; }
grep -q "text read as GBK" "$work/out2" || { cat "$work/out2"; fail "GBK is not said"; }
ogrinfo -ro -q "$work/nopage.gpkg" -sql "SELECT parcel_no FROM parcels WHERE land_use = 'B29'" | grep -q "A-03" || fail "the labels of a drawing without a code page"
# A template kept in a file and used again: green space not asked for, none written.
"$cli" cad "$work/plan.dxf" --save-template "$work/t.json" > /dev/null || fail "--save-template"
python3 -c "import json; t = json.load(open('$work/t.json')); t['green'] = []; json.dump(t, open('$work/t2.json', 'w'), ensure_ascii=False)"
"$cli" cad "$work/plan.dxf" --out "$work/t2.gpkg" --crs EPSG:4545 --template "$work/t2.json" > /dev/null 2>&1 || fail "cad with a template"
ogrinfo -ro -q "$work/t2.gpkg" green > /dev/null 2>&1 && fail "green space written although the template has none"
# The template kept in a project and read back from it.
printf '{"parkcap": 1, "name": "p", "working_crs": "EPSG:4545", "layers": []}' > "$work/p.parkcap.json"
"$cli" cad "$work/plan.dxf" --save-template "$work/p.parkcap.json" --template "$work/t2.json" > /dev/null || fail "--save-template into a project"
python3 -c "import json; t = json.load(open('$work/p.parkcap.json'))['analysis']['cad']['template']; assert t['green'] == [] and '地块' in t['parcels']" || fail "the project holds not the template"
"$cli" cad "$work/plan.dxf" --out "$work/t3.gpkg" --crs EPSG:4545 --template "$work/p.parkcap.json" > /dev/null 2>&1 || fail "cad with the project's template"
ogrinfo -ro -q "$work/t3.gpkg" green > /dev/null 2>&1 && fail "the project's template (no green space) was not used"
echo '{"parcels": ["地块"], "roads": "道路"}' > "$work/bad.json"
"$cli" cad "$work/plan.dxf" --out "$work/x.gpkg" --crs EPSG:4545 --template "$work/bad.json" 2>&1 | grep -q "bad.json: roads" || fail "a bad template is not named with its key"
# DWG newer than AutoCAD 2000: a message naming the version and what to do.
"$cli" cad "$work/new.dwg" --out "$work/x.gpkg" --crs EPSG:4545 > "$work/dwg" 2>&1 && fail "a DWG of AutoCAD 2013 was read"
grep -q "AC1027 (AutoCAD 2013)" "$work/dwg" && grep -q "Save it as DXF" "$work/dwg" || { cat "$work/dwg"; fail "the DWG message"; }
# Too few control points for an affine transform, named; nothing written.
head -3 "$work/control.csv" > "$work/two.csv"
"$cli" cad "$work/plan.dxf" --out "$work/y.gpkg" --control "$work/two.csv" --transform affine > "$work/few" 2>&1 && fail "an affine transform from two points"
grep -q "at least 3 control points" "$work/few" || { cat "$work/few"; fail "too few points not named"; }
[ -e "$work/y.gpkg" ] && fail "a failed run left a file"
# Beijing 1954 / 3-degree GK CM 108E (EPSG:2433) onto CGCS2000 CM 108E: a reprojection alone
# (--from-crs) changes only the ellipsoid; the 7 parameters move the drawing tens of metres
# further (the formula itself is checked against a hand computation in the unit test).
"$cli" cad "$work/gk.dxf" --out "$work/plain.gpkg" --from-crs EPSG:2433 --crs EPSG:4545 > "$work/plain.out" 2>&1 || { cat "$work/plain.out"; fail "--from-crs"; }
"$cli" cad "$work/gk.dxf" --out "$work/datum.gpkg" --from-crs EPSG:2433 --crs EPSG:4545 --datum=-15.8,136.2,55.4,0.35,-1.2,2.6,-3.1 > "$work/datum.out" 2>&1 \
  || { cat "$work/datum.out"; fail "--datum"; }
grep -q "datum: EPSG:2433 .* onto EPSG:4545 .* by 7 parameters (position-vector rotations)" "$work/datum.out" || { cat "$work/datum.out"; fail "the datum line"; }
corner() { ogrinfo -ro -q "$1" -sql "SELECT ST_MinX(geom) AS x, ST_MinY(geom) AS y FROM parcels WHERE parcel_no = 'A-01'" | awk -F'= ' '/ x \(| y \(/ {printf "%s ", $2}'; }
python3 - "$(corner "$work/plain.gpkg")" "$(corner "$work/datum.gpkg")" <<'PY' || fail "the 7 parameters did not move the drawing by tens of metres"
import math, sys
a, b = [list(map(float, s.split())) for s in sys.argv[1:3]]
d = math.hypot(a[0] - b[0], a[1] - b[1])
print(d); sys.exit(0 if 20 < d < 300 else 1)
PY
"$cli" cad "$work/gk.dxf" --out "$work/w.gpkg" --crs EPSG:4545 --datum 1,2,3 2>&1 | grep -q "needs --from-crs" || fail "--datum without --from-crs is not refused"
"$cli" cad "$work/gk.dxf" --out "$work/w.gpkg" --from-crs EPSG:2433 --crs EPSG:4545 --datum 1,2,3,4 2>&1 | grep -q "7 parameters .* or 3 .*, not 4" || fail "four datum parameters are not refused"
# Eastings that carry the zone number (36 427000): taken off, the zone's CRS (EPSG:4545) taken
# without --crs, and the drawing where the same drawing without the prefix lands.
"$cli" cad "$work/zoned.dxf" --out "$work/zoned.gpkg" > "$work/zoned.out" 2>&1 || { cat "$work/zoned.out"; fail "cad on zone-prefixed eastings"; }
grep -q "eastings carry the zone number 36: taken off" "$work/zoned.out" && grep -q "CRS: EPSG:4545" "$work/zoned.out" || { cat "$work/zoned.out"; fail "the zone prefix is not taken off"; }
"$cli" cad "$work/gk.dxf" --out "$work/unzoned.gpkg" --crs EPSG:4545 > /dev/null 2>&1 || fail "cad on gk.dxf"
[ "$(corner "$work/zoned.gpkg")" = "$(corner "$work/unzoned.gpkg")" ] || fail "the zoned drawing lands elsewhere: $(corner "$work/zoned.gpkg") / $(corner "$work/unzoned.gpkg")"
# No CRS and no control points: asked for.
"$cli" cad "$work/plan.dxf" --out "$work/z.gpkg" 2>&1 | grep -q "give --crs" || fail "no CRS is not asked for"
echo "cad: OK"
