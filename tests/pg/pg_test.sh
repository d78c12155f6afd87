#!/usr/bin/env bash
# parkcap with a real PostGIS server (started by pg_server.sh as a CTest fixture):
# a project whose parks and enterprises are PostGIS tables gives the same per-park table as
# the files; a layer exported into the database arrives whole (COPY, SRID, GiST index) with
# its QGIS style in layer_styles, which QGIS itself loads as the default; no overwrite without
# --overwrite; a failed write leaves nothing; a wrong database is named without a password.
#   pg_test.sh PARKCAP SERVER_DIR DEMO_FOLDER
set -u
cli=$1 dir=$2 demo=$(cd "$3" && pwd)
[ -S "$dir/.s.PGSQL.54329" ] || { echo "SKIP: no test PostgreSQL server (see pg.start: apt-get install postgresql-15-postgis-3)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
conn="PG:host=$dir port=54329 user=parkcap dbname=demo"
sql() { psql -X -A -t -q -h "$dir" -p 54329 -U parkcap -d demo -c "$1"; }

# Reading: the same per-park table from PostGIS as from the files.
cat > "$work/pg.parkcap.json" <<EOS
{"parkcap": 1, "name": "pg", "working_crs": "auto", "layers": [
  {"id": "parks", "role": "parks", "path": "$conn", "layer": "parks"},
  {"id": "enterprises", "role": "enterprises", "path": "$conn", "layer": "enterprises"}]}
EOS
cat > "$work/files.parkcap.json" <<EOS
{"parkcap": 1, "name": "files", "working_crs": "auto", "layers": [
  {"id": "parks", "role": "parks", "path": "$demo/parks.gpkg"},
  {"id": "enterprises", "role": "enterprises", "path": "$demo/enterprises.gpkg"}]}
EOS
"$cli" info "$work/pg.parkcap.json" 2>&1 | sed -n '/Enterprises per park/,$p' > "$work/pg.txt"
"$cli" info "$work/files.parkcap.json" 2>&1 | sed -n '/Enterprises per park/,$p' > "$work/files.txt"
[ "$(wc -l < "$work/pg.txt")" -gt 10 ] || fail "no per-park table from PostGIS"
cmp -s "$work/pg.txt" "$work/files.txt" || { diff "$work/pg.txt" "$work/files.txt" | head; fail "PostGIS and the files disagree"; }
# Pushed down: PostGIS counts per park without the enterprises being loaded; the same numbers.
"$cli" info "$work/pg.parkcap.json" --push-down 2>&1 | sed -n '/Enterprises per park/,$p' > "$work/down.txt"
head -1 "$work/down.txt" | grep -q "counted by PostGIS" || fail "the pushed-down table does not say PostGIS counted it"
cmp -s <(tail -n +2 "$work/down.txt") <(tail -n +2 "$work/files.txt") || { diff "$work/down.txt" "$work/files.txt" | head; fail "the push-down disagrees with the in-memory count"; }
# Chosen by itself above a row count (here 1,000), and not with --no-push-down.
"$cli" info "$work/pg.parkcap.json" --push-down-above 1000 > "$work/auto.txt" 2>&1
grep -q "has 20000 rows (more than 1000): counted in the database" "$work/auto.txt" && grep -q "counted by PostGIS" "$work/auto.txt" || fail "no push-down above the row count"
"$cli" info "$work/pg.parkcap.json" --push-down-above 1000 --no-push-down 2>&1 | grep -q "counted by PostGIS" && fail "--no-push-down pushed down"
"$cli" info "$work/files.parkcap.json" --push-down 2>&1 | grep -q "needs the parks and the enterprises as tables of one PostGIS database" || fail "--push-down on files is not refused clearly"

# Writing: COPY in one transaction, SRID, index, the QGIS style.
"$cli" export "$demo/chongqing-demo.parkcap.json" --out "$conn" --table firms > "$work/out" 2>&1 || { cat "$work/out"; fail "export into PostGIS"; }
[ "$(sql "select count(*) from public.firms")" = 20000 ] || fail "not 20000 rows in public.firms"
[ "$(sql "select distinct ST_SRID(geom) from public.firms")" = 4545 ] || fail "the table is not in the working CRS (EPSG:4545)"
sql "select indexdef from pg_indexes where tablename = 'firms'" | grep -q "USING gist (geom)" || fail "no GiST index"
[ "$(sql "select count(*) from public.layer_styles where f_table_catalog = 'demo' and f_table_schema = 'public' and f_table_name = 'firms' and useasdefault")" = 1 ] \
  || fail "no default QGIS style for public.firms"
"$cli" export "$demo/chongqing-demo.parkcap.json" --out "$conn" --table firms 2>&1 | grep -q "already exists; not overwriting it" || fail "overwrote without --overwrite"
"$cli" export "$demo/chongqing-demo.parkcap.json" --out "$conn" --table firms --overwrite > /dev/null 2>&1 || fail "--overwrite"
[ "$(sql "select count(*) from public.firms")" = 20000 ] || fail "--overwrite did not replace the table"
[ "$(sql "select count(*) from public.layer_styles where f_table_name = 'firms'")" = 1 ] || fail "--overwrite left two styles"

# A failed write leaves nothing: a schema that does not exist.
"$cli" export "$demo/chongqing-demo.parkcap.json" --out "$conn" --schema nowhere --table firms2 2>&1 | grep -q "nowhere" || fail "the missing schema is not named"
[ "$(sql "select count(*) from pg_tables where tablename = 'firms2'")" = 0 ] || fail "a failed write left a table"
# A wrong database, named, with no password in the message.
"$cli" export "$demo/chongqing-demo.parkcap.json" --out "PG:host=$dir port=54329 user=parkcap dbname=nope password=secret" > "$work/bad" 2>&1
grep -q "dbname=nope" "$work/bad" && ! grep -q secret "$work/bad" || { cat "$work/bad"; fail "a wrong database is not named, or its password is shown"; }

# QGIS opens the table with its default style from the database.
if /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
  QT_QPA_PLATFORM=offscreen /usr/bin/python3 - "$dir" <<'PY' 2>/dev/null || fail "QGIS does not load the table's style"
import os, sys
from qgis.core import QgsApplication, QgsVectorLayer, QgsDataSourceUri
app = QgsApplication([], False); app.initQgis()
uri = QgsDataSourceUri(); uri.setConnection(sys.argv[1], "54329", "demo", "parkcap", ""); uri.setDataSource("public", "firms", "geom", "", "fid")
v = QgsVectorLayer(uri.uri(), "firms", "postgres")
_, ok = v.loadDefaultStyle()
os._exit(0 if v.isValid() and v.featureCount() == 20000 and ok and v.renderer().type() == "categorizedSymbol" and v.renderer().classAttribute() == "产业集群" else 1)
PY
else
  echo "note: python3-qgis is not installed; QGIS's reading of the style was not checked"
fi
echo PASS
