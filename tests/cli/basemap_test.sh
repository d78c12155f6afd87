#!/usr/bin/env bash
# parkcap basemap against a real HTTP tile server on this machine (tests/cli/tile_server.py,
# started and stopped here; no network needed):
#   basemap_test.sh PARKCAP DEMO_DIR STANDARDS_DIR
# - XYZ tiles: Tianditu's key (tk, from --key-env) on every request; the tiles cached on disk;
#   with the server stopped, the same view drawn from the cache, pixel for pixel; a view the
#   cache does not hold: said, and the exit status says nothing was drawn.
# - WMTS: the capabilities and every tile requested with tk; the same picture as XYZ.
# - parkcap map prints the basemap under the layers and names it among the sources.
# - A file that is not a raster, a WMTS layer that does not exist: named.
set -u
parkcap=$1 demo=$2 standards=$3
command -v gdal2tiles.py >/dev/null 2>&1 || { echo "SKIP: gdal2tiles.py is not installed"; exit 77; }
work=$(mktemp -d /tmp/parkcap-basemap-cli-XXXXXX)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$work/demo" && cp -r "$demo"/. "$work/demo/" && ln -s "$standards" "$work/standards"
project=$work/demo/chongqing-demo.parkcap.json
/usr/bin/python3 "$(dirname "$0")/../gui/make_basemap_tiles.py" "$work/land.tif" || fail "making the image"
gdal2tiles.py --xyz -z 5-8 -q "$work/land.tif" "$work/www/tiles" >/dev/null || fail "gdal2tiles"

start_server() {
  rm -f "$work/port"
  /usr/bin/python3 "$(dirname "$0")/tile_server.py" "$work/www" "$work/port" "$work/requests.log" 8 &
  server=$!
  for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
  [ -s "$work/port" ] || fail "the tile server did not start"
  port=$(cat "$work/port")
}
start_server
export PARKCAP_TEST_TK=secret-key-42

# XYZ over HTTP, with the key and a cache.
out=$("$parkcap" basemap "$project" --source "http://127.0.0.1:$port/tiles/{z}/{x}/{y}.png" --max-zoom 8 --key-env PARKCAP_TEST_TK \
  --cache "$work/cache" --out "$work/online.tif" --project-out "$work/demo/web.parkcap.json" 2>&1) || { echo "$out"; fail "parkcap basemap (XYZ) failed"; }
echo "$out"
grep -q "covers 100.0% of the project's extent" <<<"$out" || fail "XYZ: not the whole extent"
grep -q "secret-key-42" <<<"$out" && fail "the key was printed"
grep -q "key from PARKCAP_TEST_TK" <<<"$out" || fail "the key's variable is not named"
n=$(grep -c "^/tiles/" "$work/requests.log")
[ "$n" -gt 4 ] || fail "only $n tile requests"
bad=$(grep "^/tiles/" "$work/requests.log" | grep -vc "tk=secret-key-42")
[ "$bad" = 0 ] || fail "$bad of $n tile requests without the key"
echo "XYZ: $n tile requests, each with tk"
[ -n "$(find "$work/cache" -type f | head -1)" ] || fail "nothing cached in $work/cache"

# The print map has the basemap under its layers: lavender (#b48cd2) in the frame, and the
# PDF's sources line names it.
"$parkcap" map "$work/demo/web.parkcap.json" --out "$work/map.png" --date 2026-11-30 >/dev/null 2>&1 || fail "parkcap map with a basemap"
"$parkcap" map "$work/demo/web.parkcap.json" --out "$work/map.pdf" --date 2026-11-30 >/dev/null 2>&1 || fail "parkcap map (PDF) with a basemap"
share=$(/usr/bin/python3 -c "
from osgeo import gdal
import numpy as np
a = gdal.Open('$work/map.png').ReadAsArray().astype(int)
print(((abs(a[0] - 0xb4) < 9) & (abs(a[1] - 0x8c) < 9) & (abs(a[2] - 0xd2) < 9)).mean())")
/usr/bin/python3 -c "import sys; sys.exit(0 if float('$share') > 0.05 else 1)" || fail "the printed map shows the basemap in a share $share of pixels"
echo "print map: basemap in a share $share of the pixels"
if command -v pdftotext >/dev/null; then
  pdftotext "$work/map.pdf" - | grep -q "basemap: XYZ tiles" || fail "the PDF's sources do not name the basemap"
fi

# The server stopped: the same view from the cache, the same pixels.
kill "$server"; wait "$server" 2>/dev/null; server=
out=$("$parkcap" basemap "$project" --source "http://127.0.0.1:$port/tiles/{z}/{x}/{y}.png" --max-zoom 8 --key-env PARKCAP_TEST_TK \
  --cache "$work/cache" --out "$work/offline.tif" 2>&1) || { echo "$out"; fail "from the cache"; }
echo "$out"
grep -q "covers 100.0% of the project's extent" <<<"$out" || fail "from the cache: not the whole extent"
a=$(gdalinfo -checksum "$work/online.tif" | grep Checksum | tr '\n' ' ')
b=$(gdalinfo -checksum "$work/offline.tif" | grep Checksum | tr '\n' ' ')
[ "$a" = "$b" ] || fail "the cached picture differs: $a / $b"
# A view the cache does not hold (another zoom level): said; exit 1 (nothing drawn).
out=$("$parkcap" basemap "$project" --source "http://127.0.0.1:$port/tiles/{z}/{x}/{y}.png" --max-zoom 8 --key-env PARKCAP_TEST_TK \
  --cache "$work/cache" --width 300 2>&1)
rc=$?
echo "$out"
[ "$rc" = 1 ] || fail "exit status $rc with nothing drawn"
grep -q "warning: cannot read the basemap XYZ tiles http://127.0.0.1:$port/.*the disk cache holds none of this view" <<<"$out" || fail "the dead server is not said"

# WMTS with the key on the capabilities request and on every tile.
start_server
: > "$work/requests.log"
out=$("$parkcap" basemap "$project" --source "WMTS:http://127.0.0.1:$port/WMTSCapabilities.xml?service=WMTS&request=GetCapabilities" \
  --wmts-layer land --key-env PARKCAP_TEST_TK --cache "$work/cache-wmts" --out "$work/wmts.tif" 2>&1) || { echo "$out"; fail "parkcap basemap (WMTS) failed"; }
echo "$out"
grep -q "covers 100.0% of the project's extent" <<<"$out" || fail "WMTS: not the whole extent"
grep -q "^/WMTSCapabilities.xml?.*tk=secret-key-42" "$work/requests.log" || fail "the capabilities request without the key"
n=$(grep -c "^/tiles/" "$work/requests.log")
bad=$(grep "^/tiles/" "$work/requests.log" | grep -vc "tk=secret-key-42")
[ "$n" -gt 4 ] && [ "$bad" = 0 ] || fail "WMTS: $bad of $n tile requests without the key"
echo "WMTS: $n tile requests, each with tk"
# The same picture as XYZ, but for edge pixels (GDAL's XYZ window is the rounded +-20037508.34,
# the WMTS one its matrix's exact corner: a sub-pixel shift).
share=$(/usr/bin/python3 -c "
from osgeo import gdal
a = gdal.Open('$work/wmts.tif').ReadAsArray(); b = gdal.Open('$work/online.tif').ReadAsArray()
print(((a != b).any(axis=0)).mean())")
/usr/bin/python3 -c "import sys; sys.exit(0 if float('$share') < 0.001 else 1)" || fail "WMTS and XYZ pictures differ in a share $share of pixels"
echo "WMTS and XYZ differ in a share $share of pixels (edges)"

# Bad sources named.
out=$("$parkcap" basemap "$project" --source "WMTS:http://127.0.0.1:$port/WMTSCapabilities.xml" --wmts-layer nothing 2>&1)
[ $? = 1 ] && grep -q "nothing" <<<"$out" || { echo "$out"; fail "a missing WMTS layer is not named"; }
out=$("$parkcap" basemap "$project" --source "$work/demo/parks.gpkg" 2>&1)
[ $? = 1 ] && grep -q "parks.gpkg: cannot open the basemap" <<<"$out" || { echo "$out"; fail "a vector file as basemap is not named"; }
out=$("$parkcap" basemap "$project" --source "http://x/{z}/{x}/{y}.png" --key-env PARKCAP_NOT_SET_ANYWHERE 2>&1)
[ $? = 1 ] && grep -q "PARKCAP_NOT_SET_ANYWHERE is not set" <<<"$out" || { echo "$out"; fail "an unset key variable is not named"; }
echo PASS
