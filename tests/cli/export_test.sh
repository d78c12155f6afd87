#!/usr/bin/env bash
# parkcap export end to end: every format reopened by GDAL with its features and CRS, the QGIS
# style in a GeoPackage (layer_styles, f_table_schema '' not NULL, a categorised renderer
# with the map's categories and colours) and beside a Shapefile, a GBK Shapefile read back
# intact, GCJ-02 labelled and offset, CSV with a BOM, identical files from identical runs,
# no overwrite without --overwrite, never over an input.
#   export_test.sh PARKCAP DEMO_PROJECT
set -u
cli=$1 demo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ex() { "$cli" export "$demo" "$@" 2>"$work/err" || { cat "$work/err"; fail "parkcap export $*"; }; }
count() { ogrinfo -ro -so ${2:+} "$1" ${2:--al} 2>/dev/null | sed -n 's/^Feature Count: //p' | head -1; }

# GeoPackage: features, CRS, the style table.
ex --out "$work/e.gpkg" > "$work/out" || exit 1
[ "$(count "$work/e.gpkg" enterprises)" = 20000 ] || fail "the GeoPackage lost features"
ogrinfo -ro -so "$work/e.gpkg" enterprises | grep -q 'ID\["EPSG",4545\]' || fail "the GeoPackage is not in the working CRS EPSG:4545"
ogrinfo -ro -q "$work/e.gpkg" -sql "select count(*) as n from layer_styles where f_table_schema = '' and f_table_name = 'enterprises' and useAsDefault = 1" \
  | grep -q "n (Integer) = 1" || fail "no default QGIS style with an empty f_table_schema"
python3 - "$work/e.gpkg" <<'PY' || fail "the QML is not what the map draws"
import sqlite3, sys, xml.etree.ElementTree as ET
qml = sqlite3.connect(sys.argv[1]).execute("select styleQML from layer_styles").fetchone()[0]
r = ET.fromstring(qml).find('renderer-v2')
assert r.get('type') == 'categorizedSymbol', r.get('type')
assert r.get('attr') == '产业集群', r.get('attr')
cats = r.find('categories').findall('category')
syms = r.find('symbols').findall('symbol')
assert len(cats) == 8 and len(syms) == 8, (len(cats), len(syms))
assert cats[0].get('value') == '装备制造', cats[0].get('value')   # the largest cluster first, as the legend
colour = [o.get('value') for o in syms[0].iter('Option') if o.get('name') == 'color'][0]
assert colour == '78,121,167,255', colour                          # the industry palette's first (Tableau blue)
PY

# Shapefile (UTF-8): the .qml beside it, field names that do not fit mapped.
ex --out "$work/e.shp" > /dev/null
[ -f "$work/e.qml" ] || fail "no .qml beside the Shapefile"
grep -q '^企业名称,企业名$' "$work/e_fields.csv" || fail "the field-name map does not give 企业名称 -> 企业名"
grep -q 'attr="产业集"' "$work/e.qml" || fail "the Shapefile's style does not name the shortened field"
[ "$(count "$work/e.shp")" = 20000 ] || fail "the Shapefile lost features"

# Shapefile in GBK, in GCJ-02: labelled, a .cpg of 936, Chinese read back.
ex --out "$work/g.shp" --shp-encoding gbk --crs gcj02 > "$work/out"
grep -q "GCJ-02" "$work/out" || fail "no warning about GCJ-02"
[ -f "$work/g_gcj02.shp" ] || fail "the GCJ-02 file is not labelled _gcj02 in its name"
[ "$(cat "$work/g_gcj02.cpg")" = 936 ] || fail "the .cpg does not say 936"
ogrinfo -ro -al -fid 0 "$work/g_gcj02.shp" | grep -q "企业名称 (String) = 重庆创博化工实业有限公司" || fail "the GBK Shapefile does not read back"
# The same point in WGS 84 (GeoJSON) and in GCJ-02: a few hundred metres apart, as GCJ-02 is.
ex --out "$work/w.geojson" > "$work/out"
grep -q "WGS 84 (EPSG:4326) by definition" "$work/out" || fail "GeoJSON does not say it is WGS 84"
w=$(ogrinfo -ro -al -fid 0 "$work/w.geojson" | sed -n 's/.*POINT (\([0-9.]*\) \([0-9.]*\)).*/\1 \2/p')
g=$(ogrinfo -ro -al -fid 0 "$work/g_gcj02.shp" | sed -n 's/.*POINT (\([0-9.]*\) \([0-9.]*\)).*/\1 \2/p')
python3 -c "
import math,sys
a=list(map(float,'$w'.split())); b=list(map(float,'$g'.split()))
d=math.hypot((b[0]-a[0])*math.cos(math.radians(a[1]))*111320,(b[1]-a[1])*110540)
sys.exit(0 if 100 < d < 1000 else 1)" || fail "GCJ-02 is not a few hundred metres from WGS 84 ($w vs $g)"

# The other formats.
for f in e.fgb e.kml e.csv e.xlsx; do ex --out "$work/$f" > /dev/null; done
[ "$(count "$work/e.fgb")" = 20000 ] || fail "FlatGeobuf lost features"
[ "$(count "$work/e.kml")" = 20000 ] || fail "KML lost features"
[ "$(head -c 3 "$work/e.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "the CSV has no UTF-8 BOM"
head -1 "$work/e.csv" | grep -q "X,Y,企业名称" || fail "the CSV has no X,Y columns"
ogrinfo -ro -so "$work/e.xlsx" enterprises | grep -q "Feature Count: 20000" || fail "the workbook lost rows"

# The density surface as a Cloud-Optimized GeoTIFF with overviews and its QGIS ramp beside it.
"$cli" density "$demo" --out "$work/d.tif" --cog --zero-as-nodata > /dev/null 2>&1 || fail "density --cog"
gdalinfo "$work/d.tif" > "$work/d.info"
grep -q "LAYOUT=COG" "$work/d.info" && grep -q "Overviews:" "$work/d.info" && grep -q "NoData Value=-9999" "$work/d.info" || fail "not a COG with overviews and nodata"
python3 - "$work/d.qml" <<'PY' || fail "the raster's QML is not a pseudocolour ramp"
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot().find('pipe/rasterrenderer')
assert r.get('type') == 'singlebandpseudocolor', r.get('type')
items = r.findall('.//item')
assert len(items) == 9 and items[0].get('alpha') == '0' and items[-1].get('color') == '#662506', [i.attrib for i in items[-1:]]
PY

# Identical runs, identical files; no overwrite without asking; never over an input.
ex --out "$work/r.gpkg" > /dev/null
cmp -s "$work/e.gpkg" "$work/r.gpkg" || fail "two identical exports differ"
ex --out "$work/r.shp" > /dev/null
cmp -s "$work/e.dbf" "$work/r.dbf" || fail "two identical Shapefile exports differ (the dBASE date?)"
"$cli" export "$demo" --out "$work/e.gpkg" 2>&1 | grep -q "already exists; not overwriting it" || fail "overwrote without --overwrite"
input=$(dirname "$demo")/enterprises.gpkg
before=$(sha256sum "$input")
"$cli" export "$demo" --out "$input" --overwrite 2>&1 | grep -q "will not write over an input" || fail "wrote over an input"
[ "$(sha256sum "$input")" = "$before" ] || fail "the input changed"
"$cli" export "$demo" --out "$work/x.gpkg" --layer-id nope 2>&1 | grep -q "the project has no layer 'nope' (districts, parks" || fail "an unknown layer is not named"
# An export is for sharing: an R-tree by default; --spatial-index no leaves it out.
rtree() { ogrinfo -ro -q "$1" -sql "select count(*) as n from sqlite_master where name = 'rtree_enterprises_geom'" | sed -n 's/.*n (Integer) = //p'; }
[ "$(rtree "$work/e.gpkg")" = 1 ] || fail "the exported GeoPackage has no spatial index"
ex --out "$work/noidx.gpkg" --spatial-index no > /dev/null || exit 1
[ "$(rtree "$work/noidx.gpkg")" = 0 ] || fail "--spatial-index no wrote a spatial index"
[ "$(count "$work/noidx.gpkg" enterprises)" = 20000 ] || fail "the GeoPackage without an index lost features"
echo PASS
