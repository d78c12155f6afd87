#!/usr/bin/env bash
# parkcap suitability on a small hand-made project in EPSG:4545: a 1 km square park, a road
# along its south edge, two facilities, a constraint area in its north-east corner, a DEM that
# rises 1 m in 10 (slope 5.71°: class 2-8°, 80), a site. Every cell's score is recomputed here
# from the class tables and the AHP weights; vetoed cells are 0, cells outside the park no data;
# the site's score is the mean of its cells; the weights' CR is printed.
#   suitability_test.sh PARKCAP STANDARDS_DIR
set -u
cli=$1 std=$2
command -v ogr2ogr >/dev/null 2>&1 && [ -x /usr/bin/python3 ] || { echo "SKIP: needs gdal-bin and python3-gdal"; exit 77; }
/usr/bin/python3 -c "from osgeo import gdal" 2>/dev/null || { echo "SKIP: python3-gdal is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
X=427000 Y=3270000
/usr/bin/python3 - "$work" "$X" "$Y" <<'PY'
import sys
from osgeo import gdal, ogr, osr
work, X, Y = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
srs = osr.SpatialReference(); srs.ImportFromEPSG(4545)
def layer(name, kind, wkts, fields=()):
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(f"{work}/{name}.gpkg")
    l = ds.CreateLayer(name, srs, kind)
    for f, t in fields: l.CreateField(ogr.FieldDefn(f, t))
    for w, attrs in wkts:
        feat = ogr.Feature(l.GetLayerDefn()); feat.SetGeometry(ogr.CreateGeometryFromWkt(w))
        for k, v in attrs.items(): feat.SetField(k, v)
        l.CreateFeature(feat)
    ds = None
sq = lambda x0, y0, x1, y1: f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"
layer("parks", ogr.wkbPolygon, [(sq(X, Y, X + 1000, Y + 1000), {"name": "测试园区"})], [("name", ogr.OFTString)])
layer("roads", ogr.wkbLineString, [(f"LINESTRING({X - 500} {Y - 10},{X + 1500} {Y - 10})", {})])
layer("facilities", ogr.wkbPoint, [(f"POINT({X + 200} {Y + 300})", {"type": "canteen"}), (f"POINT({X + 900} {Y + 100})", {"type": "clinic"})], [("type", ogr.OFTString)])
layer("constraints", ogr.wkbPolygon, [(sq(X + 800, Y + 800, X + 1200, Y + 1200), {})])
layer("sites", ogr.wkbPolygon, [(sq(X + 100, Y + 100, X + 300, Y + 300), {"name": "S1", "status": "空地"})], [("name", ogr.OFTString), ("status", ogr.OFTString)])
layer("enterprises", ogr.wkbPoint, [(f"POINT({X + 500} {Y + 500})", {"name": "甲", "cluster": "电子信息"})], [("name", ogr.OFTString), ("cluster", ogr.OFTString)])
dem = gdal.GetDriverByName("GTiff").Create(f"{work}/dem.tif", 80, 80, 1, gdal.GDT_Float32)
dem.SetGeoTransform((X - 1000, 50, 0, Y + 3000, 0, -50)); dem.SetProjection(srs.ExportToWkt())
import struct
row = [100 + 0.1 * (X - 1000 + (c + 0.5) * 50 - X) for c in range(80)]
band = dem.GetRasterBand(1)
for r in range(80): band.WriteRaster(0, r, 80, 1, struct.pack("80f", *row))
dem = None
PY
cat > "$work/t.parkcap.json" <<EOS
{"parkcap": 1, "name": "t", "working_crs": "EPSG:4545", "layers": [
  {"id": "parks", "role": "parks", "path": "parks.gpkg"}, {"id": "roads", "role": "roads", "path": "roads.gpkg"},
  {"id": "facilities", "role": "facilities", "path": "facilities.gpkg"}, {"id": "constraints", "role": "constraints", "path": "constraints.gpkg"},
  {"id": "sites", "role": "sites", "path": "sites.gpkg"}, {"id": "enterprises", "role": "enterprises", "path": "enterprises.gpkg"}],
 "analysis": {"capacity": {"standards_dir": "$std"}}}
EOS
"$cli" suitability "$work/t.parkcap.json" --out "$work/s" --cell 50 --dem "$work/dem.tif" --cluster 电子信息 > "$work/out" 2>&1 || { cat "$work/out"; fail "suitability"; }
grep -q "AHP weights (suitability_ahp.csv): slope_deg .*CR 0.0" "$work/out" || { cat "$work/out"; fail "the AHP line"; }
grep -q "400 cells of 50 m in the parks, 16 vetoed" "$work/out" || { cat "$work/out"; fail "cells in the park and vetoed"; }
/usr/bin/python3 - "$work" "$X" "$Y" "$std" <<'PY' || fail "the scores by hand"
import csv, math, re, sys
from osgeo import gdal
work, X, Y, std = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
ds = gdal.Open(f"{work}/s.tif")
w = dict((k, float(v)) for k, v in (p.split("=") for p in ds.GetMetadataItem("PARKCAP_SUITABILITY_FACTORS").split(",")))  # the weights, 6 digits
classes = {}
for r in csv.DictReader(open(f"{std}/suitability_classes.csv", encoding="utf-8")):
    classes.setdefault(r["factor"], []).append((float(r["from"]), float(r["to"]), float(r["score"])))
def score(f, v):
    return next(s for a, b, s in classes[f] if a <= v < b)
radius = {r["facility_type"]: float(r["service_radius_m"]) for r in csv.DictReader(open(f"{std}/facility_service_radii.csv", encoding="utf-8"))}
assert set(w) == {"slope_deg", "road_distance_m", "facility_distance_m", "cluster_density", "park_lq", "coverage_pct"}, w
gt = ds.GetGeoTransform(); a = ds.ReadAsArray()
assert ds.GetRasterBand(1).GetNoDataValue() == -9999
checked = 0
for r in range(a.shape[0]):
    for c in range(a.shape[1]):
        x, y = gt[0] + (c + 0.5) * gt[1], gt[3] + (r + 0.5) * gt[5]
        inside = X <= x < X + 1000 and Y <= y < Y + 1000
        if not inside:
            assert a[r, c] == -9999, (x, y, a[r, c]); continue
        if x >= X + 800 and y >= Y + 800:
            assert a[r, c] == 0, ("veto", x, y, a[r, c]); continue
        road = y - (Y - 10)
        fac = min(math.hypot(x - X - 200, y - Y - 300), math.hypot(x - X - 900, y - Y - 100))
        n = 1 if math.hypot(x - X - 500, y - Y - 500) <= 1000 else 0
        # Coverage: the share of the radius table's types with one of theirs within its radius (canteen 500 m, clinic 1,000 m here).
        cov = 100 * ((math.hypot(x - X - 200, y - Y - 300) <= radius["canteen"]) + (math.hypot(x - X - 900, y - Y - 100) <= radius["clinic"])) / len(radius)
        want = w["slope_deg"] * score("slope_deg", math.degrees(math.atan(0.1))) + w["road_distance_m"] * score("road_distance_m", road) \
             + w["facility_distance_m"] * score("facility_distance_m", fac) + w["cluster_density"] * score("cluster_density", n) \
             + w["park_lq"] * score("park_lq", 1.0) + w["coverage_pct"] * score("coverage_pct", cov)  # one park, one enterprise: LQ 1
        want /= sum(w.values())
        assert abs(a[r, c] - want) < 1e-3, (x, y, a[r, c], want)
        checked += 1
assert checked == 384, checked
site = list(csv.DictReader(open(f"{work}/s_sites.csv", encoding="utf-8-sig")))[0]
cells = [a[r, c] for r in range(a.shape[0]) for c in range(a.shape[1])
         if X + 100 <= gt[0] + (c + 0.5) * gt[1] < X + 300 and Y + 100 <= gt[3] + (r + 0.5) * gt[5] < Y + 300]
assert int(site["cells"]) == len(cells) == 16 and abs(float(site["mean_score"]) - sum(cells) / 16) < 1e-3, (site, len(cells))
PY
# Without a DEM the slope is left out and said so; a matrix naming an unknown factor is named.
"$cli" suitability "$work/t.parkcap.json" --out "$work/n" 2>&1 | grep -q "slope_deg left out: no DEM" || fail "no DEM is not said"
printf 'factor,slope_deg,views\nslope_deg,1,3\nviews,,1\n' > "$work/bad.csv"
"$cli" suitability "$work/t.parkcap.json" --out "$work/b" --ahp "$work/bad.csv" 2>&1 | grep -q "names the factor 'views', which the class table does not have" || fail "an unknown factor"
# The choices the planner's panel saves (analysis.suitability): its cell, DEM, cluster and typed
# weights drive the command; only roads weigh, so each cell outside the veto scores the road
# class of its distance.
/usr/bin/python3 - "$work" <<'PY' || fail "the saved choices"
import json, sys
work = sys.argv[1]
p = json.load(open(f"{work}/t.parkcap.json"))
p["analysis"]["suitability"] = {"cell_m": 100, "dem": "dem.tif", "cluster": "电子信息", "weights": {"road_distance_m": 1}}
json.dump(p, open(f"{work}/saved.parkcap.json", "w"), ensure_ascii=False)
PY
"$cli" suitability "$work/saved.parkcap.json" --out "$work/v" > "$work/v.out" 2>&1 || { cat "$work/v.out"; fail "suitability with saved choices"; }
grep -q "typed weights (analysis.suitability.weights) used in their place" "$work/v.out" || fail "the typed weights are not said"
grep -q "factors scored: road_distance_m 1.000$" "$work/v.out" || { cat "$work/v.out"; fail "only the road factor should weigh"; }
grep -q "100 cells of 100 m in the parks, 4 vetoed" "$work/v.out" || { cat "$work/v.out"; fail "the saved cell size"; }
/usr/bin/python3 - "$work" "$X" "$Y" <<'PY' || fail "the road-only scores"
import sys
from osgeo import gdal
work, X, Y = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
ds = gdal.Open(f"{work}/v.tif"); gt = ds.GetGeoTransform(); a = ds.ReadAsArray()
for r in range(a.shape[0]):
    for c in range(a.shape[1]):
        x, y = gt[0] + (c + 0.5) * gt[1], gt[3] + (r + 0.5) * gt[5]
        if not (X <= x < X + 1000 and Y <= y < Y + 1000) or (x >= X + 800 and y >= Y + 800): continue
        d = y - (Y - 10)
        want = 100 if d < 200 else 80 if d < 500 else 60 if d < 1000 else 30
        assert abs(a[r, c] - want) < 1e-3, (x, y, a[r, c], want)
PY
echo "suitability: OK"
