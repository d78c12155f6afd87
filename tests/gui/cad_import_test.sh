#!/usr/bin/env bash
# A person's CAD import: open the demo, File > Import CAD drawing (DXF)..., type the drawing's
# path, Import, Ctrl+S. The saved project must hold the drawing's parcels (role sites) and
# buildings (role buildings) from plan_cad.gpkg beside the drawing, with each building's use
# from its label; parkcap capacity then reads the buildings. Needs xvfb-run and xdotool.
#   cad_import_test.sh GUI PARKCAP REPO
set -u
gui=$1 cli=$(readlink -f "$2") repo=$3
for tool in xvfb-run xdotool ogr2ogr; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"
cp -r "$repo/datasets/chongqing-demo" "$repo/datasets/standards" "$work/"
project="$work/chongqing-demo/chongqing-demo.parkcap.json"
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
def g(code, val): return f"{code}\n{val}\n"
E0, N0 = 36347700.0, 3266700.0  # zone 36 in front of the eastings: inside 重庆高新区
def lwpoly(layer, pts):
    s = g(0, "LWPOLYLINE") + g(8, layer) + g(100, "AcDbEntity") + g(100, "AcDbPolyline") + g(90, len(pts)) + g(70, 1)
    for x, y in pts: s += g(10, E0 + x) + g(20, N0 + y)
    return s
def text(layer, p, t): return g(0, "TEXT") + g(8, layer) + g(10, E0 + p[0]) + g(20, N0 + p[1]) + g(40, 3) + g(1, t)
sq = lambda x0, y0, x1, y1: [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
ents = lwpoly("地块", sq(0, 0, 200, 150)) + lwpoly("建筑", sq(20, 20, 60, 60)) + text("建筑", (40, 40), "倒班宿舍 6F")
dxf = g(0, "SECTION") + g(2, "HEADER") + g(9, "$ACADVER") + g(1, "AC1015") + g(9, "$DWGCODEPAGE") + g(3, "ANSI_936") + g(0, "ENDSEC")
dxf += g(0, "SECTION") + g(2, "ENTITIES") + ents + g(0, "ENDSEC") + g(0, "EOF")
open(f"{work}/plan.dxf", "wb").write(dxf.encode("gbk"))
PY
cat > "$work/session.sh" <<EOS
"$gui" "$project" --size 1400x900 --lang en --panel layers &
pid=\$!
for i in \$(seq 1 100); do wid=\$(xdotool search --name parkcap 2>/dev/null | head -1); [ -n "\$wid" ] && break; sleep 0.2; done
sleep 3
xdotool windowfocus --sync "\$wid"
for i in \$(seq 1 5); do
  xdotool mousemove 20 11 click 1        # File
  sleep 0.4
  xdotool mousemove 80 149 click 1       # Import CAD drawing (DXF)...
  sleep 0.6
  xdotool mousemove 630 370 click 1      # the drawing's path (the dialog opens centred)
  sleep 0.2
  xdotool key --clearmodifiers ctrl+a
  xdotool type --delay 5 "$work/plan.dxf"
  sleep 0.2
  xdotool mousemove 480 595 click 1      # Import
  sleep 3
  xdotool mousemove 900 700 click 1      # the map: the text field lets go of the keyboard
  xdotool key --clearmodifiers ctrl+s
  sleep 0.8
  grep -q 'plan_cad.gpkg' "$project" && break
done
kill \$pid
EOS
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/session.sh" > "$work/session.out" 2>&1
grep -q 'plan_cad.gpkg' "$project" || { echo "FAIL: the saved project has no layer of plan_cad.gpkg"; tail -5 "$work/session.out"; exit 1; }
python3 - "$project" <<'PY' || exit 1
import json, sys
layers = {l["id"]: l for l in json.load(open(sys.argv[1]))["layers"]}
for id, role, layer in (("plan parcels", "sites", "parcels"), ("plan buildings", "buildings", "buildings")):
    l = layers.get(id)
    if not l or l["role"] != role or l.get("layer") != layer or not l["path"].endswith("plan_cad.gpkg"):
        print(f"FAIL: layer '{id}': {l}"); sys.exit(1)
PY
use=$(ogr2ogr -f CSV /vsistdout/ "$work/plan_cad.gpkg" buildings -select use 2>/dev/null | tail -1)
[ "$use" = "倒班宿舍 6F" ] || { echo "FAIL: the building's use is '$use'"; exit 1; }
out=$(cd "$work/chongqing-demo" && "$cli" capacity chongqing-demo.parkcap.json 2>&1) || { echo "FAIL: parkcap capacity: $out"; exit 1; }
grep -q "layer 'plan buildings'\|from their 1 buildings" <<<"$out" || { echo "FAIL: capacity did not read the buildings: $out"; exit 1; }
echo PASS
