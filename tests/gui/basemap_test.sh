#!/usr/bin/env bash
# The basemap under the layers, from local XYZ tiles, in a screenshot (issue: "the basemap from
# local tiles in a screenshot test"):
#   basemap_test.sh GUI PNG_CHECK PARKCAP DEMO_DIR STANDARDS_DIR OUT_DIR
# 1. A Web Mercator image (lavender #b48cd2 with white lines) cut into XYZ tiles by gdal2tiles,
#    set as the demo's basemap with `parkcap basemap --project-out`: the screenshot shows the
#    lavender around the districts (reprojected to Gauss-Krüger), and the screen's plain
#    background is nearly gone. In both languages.
# 2. A server that does not answer (port 9): the map still draws, and the planner is told once.
# Debian's python3 (/usr/bin) has GDAL and numpy through gdal-bin; another python3 on PATH may not.
set -u
gui=$1 check=$2 parkcap=$3 demo=$4 standards=$5 out=$6
for tool in xvfb-run gdal2tiles.py; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d /tmp/parkcap-basemap-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/demo" && cp -r "$demo"/. "$work/demo/" && ln -s "$standards" "$work/standards"
project=$work/demo/chongqing-demo.parkcap.json
/usr/bin/python3 "$(dirname "$0")/make_basemap_tiles.py" "$work/land.tif" || exit 1
gdal2tiles.py --xyz -z 5-8 -q "$work/land.tif" "$work/demo/tiles" >/dev/null || { echo "FAIL: gdal2tiles"; exit 1; }

said=$("$parkcap" basemap "$project" --source 'tiles/{z}/{x}/{y}.png' --max-zoom 8 --project-out "$work/demo/tiles.parkcap.json" 2>&1)
echo "$said"
grep -q "covers 100.0% of the project's extent" <<<"$said" || { echo "FAIL: the tiles do not cover the demo"; exit 1; }

shoot() {  # shoot PROJECT OUT.png [gui args...]: runs the GUI for a screenshot; prints its output
  local p=$1 png=$2
  shift 2
  local rcfile
  rcfile=$(mktemp)
  xvfb-run -a -s "-screen 0 1920x1200x24" sh -c '"$@"; echo $? > "$0"' "$rcfile" "$gui" "$p" --size 1400x900 --screenshot "$png" "$@" 2>&1
  local rc
  rc=$(cat "$rcfile")
  rm -f "$rcfile"
  [ "$rc" = 0 ] || { echo "FAIL: parkcap-gui exited with $rc"; return 1; }
}
for lang in en zh; do
  shot=$(shoot "$work/demo/tiles.parkcap.json" "$out/basemap_tiles_$lang.png" --lang "$lang" --panel layers) || { echo "$shot"; exit 1; }
  echo "$shot"
  # Lavender in the map's margins (right of the Layers panel), the white lines too, and the
  # screen's plain background (#dee6ec) nearly gone.
  "$check" "$out/basemap_tiles_$lang.png" --colour-in b48cd2 8 0.10 300 0 1400 870 --colour-in ffffff 3 0.005 300 0 1400 870 \
    --max-colour dee6ec 2 0.02 || { echo "FAIL: pixel checks ($lang)"; exit 1; }
done

# A server that does not answer: said once, the map drawn without it.
"$parkcap" basemap "$project" --source 'http://127.0.0.1:9/{z}/{x}/{y}.png' --cache "$work/cache" \
  --project-out "$work/demo/down.parkcap.json" > "$work/down.txt" 2>&1
grep -q "cannot read the basemap XYZ tiles http://127.0.0.1:9/" "$work/down.txt" || { cat "$work/down.txt"; echo "FAIL: the CLI did not say the server is down"; exit 1; }
shot=$(shoot "$work/demo/down.parkcap.json" "$out/basemap_down.png") || { echo "$shot"; exit 1; }
echo "$shot"
n=$(grep -c "warning: basemap: cannot read the basemap" <<<"$shot")
[ "$n" = 1 ] || { echo "FAIL: the unreachable server was said $n times, not once"; exit 1; }
"$check" "$out/basemap_down.png" --colour f0eee6 2 0.15 --max-colour b48cd2 8 0.0001 || { echo "FAIL: pixel checks (server down)"; exit 1; }
echo "PASS"
