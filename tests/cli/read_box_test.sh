#!/usr/bin/env bash
# Reading only the part of a registry an analysis needs: a density over an --extent (fixed
# bandwidth) reads the enterprises within the bandwidth's reach of it through the GeoPackage's
# R-tree, and gives the same raster, value for value, as reading them all; a --park reads only
# the park's box and says so.
#   read_box_test.sh PARKCAP DEMO_PROJECT
set -u
cli=$1 demo=$(dirname "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
extent=300000,3260000,330000,3290000
"$cli" density "$demo/chongqing-demo.parkcap.json" --extent $extent --out "$work/box.tif" > "$work/box.out" 2>&1 || { cat "$work/box.out"; fail "density --extent"; }
grep -q "read only the features within the box of the analysed area (1[0-9][0-9][0-9] of them)" "$work/box.out" || { cat "$work/box.out"; fail "the extent did not limit the read"; }
"$cli" density "$demo/enterprises.gpkg" --extent $extent --out "$work/all.tif" > "$work/all.out" 2>&1 || { cat "$work/all.out"; fail "density of the whole layer"; }
grep -q "read only" "$work/all.out" && fail "a layer file on its own was filtered"
grep -q "^20000 points" "$work/all.out" || { cat "$work/all.out"; fail "not every enterprise read"; }
cmp -s <(gdal_translate -q -of XYZ "$work/box.tif" /vsistdout/) <(gdal_translate -q -of XYZ "$work/all.tif" /vsistdout/) || fail "the box read gives another raster"
"$cli" density "$demo/chongqing-demo.parkcap.json" --park 西永微电子产业园 --out "$work/park.tif" > "$work/park.out" 2>&1 || { cat "$work/park.out"; fail "density --park"; }
grep -q "read only the features within the box" "$work/park.out" || { cat "$work/park.out"; fail "the park did not limit the read"; }
echo PASS
