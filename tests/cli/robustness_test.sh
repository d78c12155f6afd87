#!/usr/bin/env bash
# Bad input, end to end: every case must end with the stated exit status and a message naming
# the problem, never a crash, never a changed input, never a partial output.
#   robustness_test.sh PARKCAP DEMO_FOLDER TEST_DATA RADII_CSV
# Inputs are generated here (the deep JSON, the million-vertex polygon) or copied from the demo.
set -u
parkcap=$1 demo=$2 data=$3 radii=$4
work=$(mktemp -d)
trap 'umount "$work/full" 2>/dev/null; rm -rf "$work"' EXIT
failures=0 passed=0

# expect NAME RC REGEX -- COMMAND...: the exit status and a match in stdout+stderr.
expect() {
  local name=$1 want=$2 regex=$3; shift 4
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" != "$want" ]; then echo "FAIL $name: exit $rc, expected $want"; echo "$out" | tail -5; failures=$((failures+1)); return; fi
  if ! grep -qE -- "$regex" <<<"$out"; then echo "FAIL $name: no match for: $regex"; echo "$out" | tail -5; failures=$((failures+1)); return; fi
  echo "ok $name"; passed=$((passed+1))
}
check() {  # check NAME CONDITION-COMMAND...
  local name=$1; shift
  if "$@"; then echo "ok $name"; passed=$((passed+1)); else echo "FAIL $name"; failures=$((failures+1)); fi
}
sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
no_temporaries() { ! find "$1" -name '.*tmp*' | grep -q .; }

cp -r "$demo" "$work/d"
cp -r "$demo/../standards" "$work/standards"  # the demo's tables, at the same relative place
P=$work/d/chongqing-demo.parkcap.json
before=$(sums "$work/d")

# --- Crash: a project nested 90,000 levels deep.
{ printf '{"layers": '; head -c 90000 /dev/zero | tr '\0' '['; } > "$work/deep.parkcap.json"
expect deep_json 1 "deep.parkcap.json: nested more than 256 levels deep at line 1, column 267" -- "$parkcap" info "$work/deep.parkcap.json"
expect deep_json_density 1 "nested more than 256 levels" -- "$parkcap" density "$work/deep.parkcap.json" --out "$work/x.tif"

# --- Hang: a million-vertex self-crossing park is refused by the repair budget, not hung on.
awk 'BEGIN { n = 1000000; pi = atan2(0, -1);
  printf "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"zigzag\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[";
  for (i = 0; i < n; i++) { j = (i * 7919) % 11 - 5; a = 2 * pi * (i + j) / n; r = (i % 2 ? 0.009 : 0.001);
    printf "[%.7f,%.7f],", 106.5 + r * cos(a), 29.5 + r * sin(a) }
  printf "[%.7f,%.7f]]]}},", 106.5 + 0.001, 29.5;
  printf "{\"type\":\"Feature\",\"properties\":{\"name\":\"square\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[106.6,29.6],[106.61,29.6],[106.61,29.61],[106.6,29.61],[106.6,29.6]]]}}]}\n" }' > "$work/zigzag.geojson"
expect repair_budget 0 "fid 0: Self-intersection at .*not repaired: .*over the repair budget" -- timeout 120 "$parkcap" info "$work/zigzag.geojson" --role parks

# --- Inputs never overwritten, with or without --overwrite, by name or through a link.
expect out_is_project 1 "will not write over an input of this run" -- "$parkcap" density "$P" --out "$P" --overwrite
expect out_is_layer 1 "enterprises.gpkg: will not write over an input" -- "$parkcap" density "$P" --out "$work/d/enterprises.gpkg" --overwrite
ln -s "$work/d/parks.gpkg" "$work/link.tif"
expect out_through_link 1 "link.tif: will not write over an input.*through a link" -- "$parkcap" density "$P" --out "$work/link.tif" --overwrite
expect coverage_prefix_is_input 1 "enterprises.gpkg: will not write over an input" -- "$parkcap" coverage "$P" --out "$work/d/enterprises" --radii "$radii" --overwrite
expect clusters_prefix_is_input 1 "parks.gpkg: will not write over an input" -- "$parkcap" clusters "$P" --out "$work/d/parks" --overwrite
expect capacity_prefix_is_input 1 "sites.gpkg: will not write over an input" -- "$parkcap" capacity "$P" --out "$work/d/sites" --overwrite
check inputs_unchanged [ "$(sums "$work/d")" = "$before" ]

# --- A Shapefile without its .dbf.
cp "$data/noprj.shp" "$data/noprj.shx" "$work/"
expect shp_no_dbf_warns 0 "no .dbf beside the .shp" -- "$parkcap" info "$work/noprj.shp" --srs EPSG:4326
expect shp_no_dbf_refused 1 "no .dbf beside the .shp.*the role 'enterprises' needs" -- "$parkcap" info "$work/noprj.shp" --srs EPSG:4326 --role enterprises

# --- Outliers do not move the working CRS; broken coordinates are skipped with the right reason.
{ echo "name,lon,lat,employees"; for i in $(seq 1 50); do echo "f$i,106.$((40 + i % 20)),29.$((50 + i % 30)),10"; done
  echo "zero,0,0,5"; echo "huge,1e308,29.5,5"; } > "$work/outliers.csv"
expect outliers_crs 0 "Working CRS: EPSG:4544 .*leaving out 1 more than 10 degrees" -- "$parkcap" info "$work/outliers.csv" --role enterprises --srs EPSG:4326
expect outlier_reason 0 "coordinates 1e\\+308, 29.5 are not a longitude/latitude" -- "$parkcap" info "$work/outliers.csv" --role enterprises --srs EPSG:4326
expect outlier_far_zone 0 "far outside the zone of the working CRS EPSG:4544.*: fid 51" -- "$parkcap" info "$work/outliers.csv" --role enterprises --srs EPSG:4326
out=$("$parkcap" info "$work/outliers.csv" --role enterprises --srs EPSG:4326 2>&1)
check no_raw_gdal_errors [ -z "$(grep -E '^ERROR [0-9]' <<<"$out")" ]

# --- KML MultiGeometry polygons are taken out for a parks layer.
{ echo '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
  for i in 1 2 3; do x=$((i * 2)); echo "<Placemark><name>p$i</name><MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>106.$x,29.5 106.$((x+1)),29.5 106.$((x+1)),29.6 106.$x,29.5</coordinates></LinearRing></outerBoundaryIs></Polygon><Point><coordinates>106.$x,29.5</coordinates></Point></MultiGeometry></Placemark>"; done
  echo '</Document></kml>'; } > "$work/multi.kml"
expect kml_multigeometry 0 "3 polygon features" -- "$parkcap" info "$work/multi.kml" --role parks

# --- OSM: layers GDAL reads are read (they used to fail with "no layer has any feature").
cat > "$work/small.osm" <<'OSM'
<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="29.50" lon="106.50" version="1"/><node id="2" lat="29.50" lon="106.52" version="1"/>
  <node id="3" lat="29.52" lon="106.52" version="1"/><node id="4" lat="29.52" lon="106.50" version="1"/>
  <node id="5" lat="29.51" lon="106.51" version="1"><tag k="amenity" v="canteen"/><tag k="name" v="食堂"/></node>
  <way id="10" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/><tag k="landuse" v="industrial"/><tag k="name" v="测试园区"/></way>
  <way id="11" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="primary"/></way>
</osm>
OSM
expect osm_parks 0 "1 polygon features" -- "$parkcap" info "$work/small.osm" --layer multipolygons --role parks
expect osm_points 0 "1 point features" -- "$parkcap" info "$work/small.osm" --layer points

# --- A GeoPackage of GeometryCollections: the polygons are taken out; one without any is named.
printf 'name,wkt\na,"GEOMETRYCOLLECTION(POLYGON((106.5 29.5,106.52 29.5,106.52 29.52,106.5 29.5)),POINT(106.5 29.5))"\nb,"GEOMETRYCOLLECTION(POINT(106.6 29.5))"\n' > "$work/gc.csv"
ogr2ogr -f GPKG "$work/gc.gpkg" "$work/gc.csv" -oo GEOM_POSSIBLE_NAMES=wkt -a_srs EPSG:4326 -nlt GEOMETRYCOLLECTION -nln gc
expect gpkg_collections 0 "fid 2: a GEOMETRYCOLLECTION with no polygon in it" -- "$parkcap" info "$work/gc.gpkg" --role parks

# --- A point on the other side of the globe: named as far outside the zone, no raw PROJ lines.
printf 'name,lon,lat\na,106.5,29.5\nb,106.51,29.51\nc,106.52,29.5\nd,-72,29.5\n' > "$work/far.csv"
expect far_point 0 "far outside the zone of the working CRS EPSG:4545.*: fid 4" -- "$parkcap" info "$work/far.csv" --role enterprises
out=$("$parkcap" info "$work/far.csv" --role enterprises 2>&1)
check far_point_no_raw_errors [ -z "$(grep -E '^ERROR [0-9]' <<<"$out")" ]

# --- Messages for broken files.
: > "$work/empty.gpkg"
expect empty_file 1 "empty.gpkg: the file is empty \\(0 bytes\\)" -- "$parkcap" info "$work/empty.gpkg"
ln -s "$work/loop2" "$work/loop1"; ln -s "$work/loop1" "$work/loop2"
expect symlink_loop 1 "loop1: a loop of symbolic links" -- "$parkcap" info "$work/loop1"
printf '{"layers": [{"role": "parks", "path": "parks\\u0000.gpkg"}]}' > "$work/nul.parkcap.json"
expect nul_in_path 1 "the path contains a NUL character" -- "$parkcap" info "$work/nul.parkcap.json"
expect geojson_position 1 "bad_syntax.geojson: cannot open: .*not valid JSON at line 1, column 153" -- "$parkcap" info "$data/bad_syntax.geojson"
printf 'name,lon,lat,employees\na,x,y,3\nb,foo,bar,4\n' > "$work/text_coords.csv"
expect nothing_to_analyse 1 "text_coords.csv.*0 features read, 2 skipped \\(fid 1: no coordinates" -- "$parkcap" coverage "$work/text_coords.csv" --out "$work/tc" --radii "$radii"
printf 'name,lon,lat,employees\na,106.5,29.5,3\nb,foo,bar,4\nc,106.51,29.51,5\n' > "$work/some_text.csv"
expect density_says_skipped 0 "note: layer 'enterprises': 1 of 3 features skipped: fid 2 \\(no coordinates" -- "$parkcap" density "$work/some_text.csv" --out "$work/some.tif"
printf 'name,lon,lat,经度,纬度\na,106.5,29.5,106.6,29.6\n' > "$work/dup.csv"
printf 'id;x;d;x;y\n1;500000;3300000\n2;500101;3300100;500200;3300200\n' > "$work/repeated.csv"
expect repeated_column_no_crash 0 "the column 'x' appears more than once.*|1 point features" -- "$parkcap" info "$work/repeated.csv" --srs EPSG:4545
expect duplicate_coords 0 "using 'lon', not '经度'" -- "$parkcap" info "$work/dup.csv"
expect gcj02_hint 0 "Amap.*GCJ-02.*--coords gcj02" -- "$parkcap" info "$work/dup.csv"
printf 'name,企业名称,employees,从业人员,lon,lat\na,b,3,4,106.5,29.5\n' > "$work/dupf.csv"
expect duplicate_fields 0 "fields 'employees' and '从业人员' look like employees; using 'employees'" -- "$parkcap" info "$work/dupf.csv" --role enterprises
expect utf8_on_gbk 0 "not valid UTF-8 although the encoding was given as UTF-8.*CP936" -- "$parkcap" info "$data/gbk_nocpg.shp" --encoding UTF-8

# --- Numbers: network distances never beyond the radius; hot spots count every enterprise.
expect network_cov 0 "wrote" -- "$parkcap" coverage "$P" --network --out "$work/n" --radii "$radii"
expect network_no_beyond 0 "over500 \\(Integer\\) = 0" -- ogrinfo -q -sql "select count(*) as over500 from enterprises_coverage where n_canteen > 500" "$work/n.gpkg"
expect hot_spot_counts 0 "20000 enterprises: [0-9]+ in the study area \\(the parks plus 1000 m\\) counted in hot spots, [0-9]+ outside it left out" -- "$parkcap" clusters "$P" --out "$work/cl"

# --- Reproducible GeoPackages.
"$parkcap" coverage "$P" --out "$work/r1" --radii "$radii" >/dev/null 2>&1
"$parkcap" coverage "$P" --out "$work/r2" --radii "$radii" >/dev/null 2>&1
check gpkg_byte_for_byte cmp -s "$work/r1.gpkg" "$work/r2.gpkg"

# --- A full disk: a clear message and nothing partial (needs root to mount a small tmpfs).
mkdir -p "$work/full"
if mount -t tmpfs -o size=300k tmpfs "$work/full" 2>/dev/null; then
  expect full_disk_synth 1 "the disk is full \\([0-9]+ KiB free" -- "$parkcap" synth "$work/full/demo" --enterprises 500
  check full_disk_nothing_left [ -z "$(ls -A "$work/full")" ]
  head -c 290000 /dev/zero > "$work/full/fill"
  expect full_disk_gpkg 1 "cl.gpkg: .*the disk is full" -- "$parkcap" clusters "$P" --out "$work/full/cl"
  expect full_disk_tif 1 "d.tif: the disk is full" -- "$parkcap" density "$P" --out "$work/full/d.tif"
  expect full_disk_export 1 "e.gpkg: .*the disk is full" -- "$parkcap" export "$P" --out "$work/full/e.gpkg"
  expect full_disk_map 1 "m.pdf: the disk is full" -- "$parkcap" map "$P" --out "$work/full/m.pdf"
  expect full_disk_report 1 "r.html: the disk is full" -- "$parkcap" report "$P" --out "$work/full/r.html"
  check full_disk_no_partial_outputs [ ! -e "$work/full/e.gpkg" ] && [ ! -e "$work/full/m.pdf" ] && [ ! -e "$work/full/r.html" ]
  check full_disk_no_temporaries no_temporaries "$work/full"
  umount "$work/full"
else
  echo "note: cannot mount a tmpfs here (not root?): the full-disk cases did not run"
fi

check inputs_unchanged_at_end [ "$(sums "$work/d")" = "$before" ]
echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
