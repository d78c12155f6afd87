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
# The parks from a file, the enterprises in the database: pushed down all the same.
python3 -c 'import json, sys
p = json.load(open(sys.argv[1]))
for l in p["layers"]:
    if l["role"] == "parks": l.pop("layer"); l["path"] = sys.argv[2]
json.dump(p, open(sys.argv[3], "w"), ensure_ascii=False)' "$work/pg.parkcap.json" "$demo/parks.gpkg" "$work/mixed.parkcap.json"
grep -q "parks.gpkg" "$work/mixed.parkcap.json" || fail "could not make the mixed project"
"$cli" info "$work/mixed.parkcap.json" --push-down 2>&1 | sed -n '/Enterprises per park/,$p' > "$work/mixed.txt"
cmp -s <(tail -n +2 "$work/mixed.txt") <(tail -n +2 "$work/files.txt") || { diff "$work/mixed.txt" "$work/files.txt" | head; fail "parks from a file, enterprises pushed down: not the in-memory count"; }
# Chosen by itself above a row count (here 1,000), and not with --no-push-down.
"$cli" info "$work/pg.parkcap.json" --push-down-above 1000 > "$work/auto.txt" 2>&1
grep -q "has 20000 rows (more than 1000): counted in the database" "$work/auto.txt" && grep -q "counted by PostGIS" "$work/auto.txt" || fail "no push-down above the row count"
"$cli" info "$work/pg.parkcap.json" --push-down-above 1000 --no-push-down 2>&1 | grep -q "counted by PostGIS" && fail "--no-push-down pushed down"
"$cli" info "$work/files.parkcap.json" --push-down 2>&1 | grep -q "needs the enterprises as a PostGIS table" || fail "--push-down on files is not refused clearly"

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

# Coverage pushed down: PostGIS finds each enterprise's park and nearest facilities (KNN); the
# same tables by park, cluster and tier as in memory, with the facilities from the demo's files.
python3 - "$demo" "$conn" "$work/full.parkcap.json" <<'PY'
import json, sys
demo, conn, out = sys.argv[1:]
p = json.load(open(demo + "/chongqing-demo.parkcap.json"))
for l in p["layers"]:
    if l["role"] in ("parks", "enterprises"): l["path"], l["layer"] = conn, l["role"]
    elif not l["path"].startswith("/"): l["path"] = demo + "/" + l["path"]
def absolute(o):
    for k, v in (o.items() if isinstance(o, dict) else enumerate(o) if isinstance(o, list) else []):
        if isinstance(v, str) and (v.endswith(".csv") or k == "standards_dir") and not v.startswith("/"): o[k] = demo + "/" + v
        else: absolute(v)
absolute(p.get("analysis", {}))
json.dump(p, open(out, "w"), ensure_ascii=False)
PY
"$cli" coverage "$work/full.parkcap.json" --out "$work/down" --push-down > "$work/cov.out" 2>&1 || { cat "$work/cov.out"; fail "coverage --push-down"; }
grep -q "20000 enterprises (counted by PostGIS, not loaded)" "$work/cov.out" || { cat "$work/cov.out"; fail "coverage --push-down does not say PostGIS counted"; }
"$cli" coverage "$demo/chongqing-demo.parkcap.json" --out "$work/mem" > /dev/null 2>&1 || fail "coverage in memory"
for t in parks clusters tiers; do
  cmp -s "$work/mem_$t.csv" "$work/down_$t.csv" || { diff "$work/mem_$t.csv" "$work/down_$t.csv" | head; fail "coverage by $t: PostGIS and memory disagree"; }
done
"$cli" coverage "$work/full.parkcap.json" --out "$work/auto" --push-down-above 1000 2>&1 | grep -q "counted in the database" || fail "coverage: no push-down above the row count"
"$cli" coverage "$work/full.parkcap.json" --out "$work/net" --push-down --network 2>&1 | grep -q "give --no-push-down with it" || fail "--push-down --network is not refused"

# Hot spots pushed down: parkcap's own hexagon index in SQL gives the same cells, counts, sums and
# Gi* as in memory (by count, and by employees in one park).
cells() { ogr2ogr -f CSV /vsistdout/ "$1" hot_spots -sql "SELECT fid, count, sum, gi_z, gi_bin FROM hot_spots ORDER BY fid" 2>/dev/null; }
for opts in "" "--weight employees --park 西永微电子产业园 --grid square --cell 300"; do
  "$cli" clusters "$work/full.parkcap.json" --out "$work/hd" --push-down --overwrite $opts > "$work/hs.out" 2>&1 || { cat "$work/hs.out"; fail "clusters --push-down $opts"; }
  grep -q "counted by PostGIS" "$work/hs.out" || { cat "$work/hs.out"; fail "clusters --push-down does not say PostGIS counted"; }
  "$cli" clusters "$demo/chongqing-demo.parkcap.json" --out "$work/hm" --overwrite $opts > /dev/null 2>&1 || fail "clusters in memory $opts"
  [ "$(cells "$work/hd.gpkg" | wc -l)" -gt 100 ] || fail "too few hot-spot cells from PostGIS"
  cmp -s <(cells "$work/hd.gpkg") <(cells "$work/hm.gpkg") || { diff <(cells "$work/hd.gpkg") <(cells "$work/hm.gpkg") | head; fail "hot spots $opts: PostGIS and memory disagree"; }
  [ "$(grep "in the study area" "$work/hs.out")" = "$("$cli" clusters "$demo/chongqing-demo.parkcap.json" --out "$work/hm" --overwrite $opts 2>/dev/null | grep "in the study area")" ] \
    || fail "hot spots $opts: not the same enterprises counted"
done

# A view as a project layer: the same per-park table as the table it shows.
sql "CREATE VIEW firms_view AS SELECT * FROM enterprises"
sed 's/"layer": "enterprises"/"layer": "firms_view"/' "$work/pg.parkcap.json" > "$work/view.parkcap.json"
"$cli" info "$work/view.parkcap.json" 2>&1 | sed -n '/Enterprises per park/,$p' > "$work/view.txt"
cmp -s "$work/view.txt" "$work/files.txt" || { diff "$work/view.txt" "$work/files.txt" | head; fail "a view does not give the per-park table of its table"; }

# A query as a project layer: the rows it selects, with the CRS of its geometry column.
python3 - "$work/full.parkcap.json" "$work/query.parkcap.json" "$work/badquery.parkcap.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
for l in p["layers"]:
    if l["role"] == "enterprises":
        del l["layer"]; l["sql"] = 'SELECT fid, geom, "从业人员", "产业集群" FROM enterprises WHERE "产业集群" = \'电子信息\''
json.dump(p, open(sys.argv[2], "w"), ensure_ascii=False)
for l in p["layers"]:
    if l["role"] == "enterprises": l["sql"] = "SELECT * FROM no_such_table"
json.dump(p, open(sys.argv[3], "w"), ensure_ascii=False)
PY
n=$(sql "select count(*) from enterprises where \"产业集群\" = '电子信息'")
"$cli" info "$work/query.parkcap.json" 2>&1 | grep -q "$(python3 -c "print(f'{$n:,}')") point features; source CRS EPSG:4490" || fail "a query layer does not give its $n rows in EPSG:4490"
expect_error() {  # NAME PATTERN COMMAND...
  local name=$1 pattern=$2; shift 2
  "$@" > "$work/err" 2>&1 && { cat "$work/err"; fail "$name: succeeded"; }
  grep -q -- "$pattern" "$work/err" || { cat "$work/err"; fail "$name: the message does not say '$pattern'"; }
}
expect_error "a failing query" "sql: the query failed: .*no_such_table" "$cli" info "$work/badquery.parkcap.json"
# A query layer pushed down: its rows numbered in the order it returns them (the loader's order);
# the same per-park table, coverage tables and hot spots as the query loaded into memory.
"$cli" info "$work/query.parkcap.json" --push-down 2>&1 | sed -n '/Enterprises per park/,$p' > "$work/qd.txt"
"$cli" info "$work/query.parkcap.json" --no-push-down 2>&1 | sed -n '/Enterprises per park/,$p' > "$work/qm.txt"
[ "$(wc -l < "$work/qd.txt")" -gt 10 ] || fail "no per-park table from a query pushed down"
head -1 "$work/qd.txt" | grep -q "PostGIS" || { head -1 "$work/qd.txt"; fail "info --push-down on a query layer did not count in PostGIS"; }
cmp -s <(tail -n +2 "$work/qd.txt") <(tail -n +2 "$work/qm.txt") || { diff "$work/qd.txt" "$work/qm.txt" | head; fail "a query pushed down disagrees with it in memory"; }
"$cli" coverage "$work/query.parkcap.json" --out "$work/qcd" --push-down > "$work/qcov.out" 2>&1 || { cat "$work/qcov.out"; fail "coverage --push-down on a query"; }
grep -q "$n enterprises (counted by PostGIS, not loaded)" "$work/qcov.out" || { cat "$work/qcov.out"; fail "coverage --push-down on a query does not count its $n rows in PostGIS"; }
"$cli" coverage "$work/query.parkcap.json" --out "$work/qcm" --no-push-down > /dev/null 2>&1 || fail "coverage in memory on a query"
[ -s "$work/qcd_parks.csv" ] || fail "no coverage by park from a query pushed down"
for t in parks clusters tiers; do  # the query has no cluster or tier field: those tables are left out by both
  [ -e "$work/qcm_$t.csv" ] && [ ! -e "$work/qcd_$t.csv" ] && fail "coverage of a query by $t: written in memory, not pushed down"
  [ -e "$work/qcd_$t.csv" ] && [ ! -e "$work/qcm_$t.csv" ] && fail "coverage of a query by $t: written pushed down, not in memory"
  [ -e "$work/qcm_$t.csv" ] || continue
  cmp -s "$work/qcm_$t.csv" "$work/qcd_$t.csv" || { diff "$work/qcm_$t.csv" "$work/qcd_$t.csv" | head; fail "coverage of a query by $t: PostGIS and memory disagree"; }
done
"$cli" clusters "$work/query.parkcap.json" --out "$work/qhd" --push-down --weight employees > "$work/qhs.out" 2>&1 || { cat "$work/qhs.out"; fail "clusters --push-down on a query"; }
"$cli" clusters "$work/query.parkcap.json" --out "$work/qhm" --no-push-down --weight employees > /dev/null 2>&1 || fail "clusters in memory on a query"
[ "$(cells "$work/qhd.gpkg" | wc -l)" -gt 10 ] && cmp -s <(cells "$work/qhd.gpkg") <(cells "$work/qhm.gpkg") || fail "hot spots of a query: PostGIS and memory disagree"

# Bad input, named: a missing table, a table without geometry, one with SRID 0, a wrong host.
sql "CREATE TABLE firms_srid0 AS SELECT fid, ST_SetSRID(geom, 0) AS geom, \"从业人员\" FROM enterprises; ALTER TABLE firms_srid0 ADD PRIMARY KEY (fid);
     CREATE TABLE firms_nogeom AS SELECT fid, \"从业人员\" FROM enterprises; ALTER TABLE firms_nogeom ADD PRIMARY KEY (fid)"
with_table() { sed "s/\"layer\": \"enterprises\"/\"layer\": \"$1\"/" "$work/full.parkcap.json" > "$work/t_$1.parkcap.json"; echo "$work/t_$1.parkcap.json"; }
expect_error "missing table" "no layer named 'nope'" "$cli" info "$(with_table nope)"
expect_error "missing table, pushed down" "no table or view named 'nope'" "$cli" coverage "$(with_table nope)" --out "$work/x" --push-down
expect_error "no geometry" "layer 'firms_nogeom': has no geometry column" "$cli" info "$(with_table firms_nogeom)"
expect_error "no geometry, pushed down" "the table has no geometry column" "$cli" coverage "$(with_table firms_nogeom)" --out "$work/x" --push-down
expect_error "SRID 0" "layer 'firms_srid0': has no coordinate reference system" "$cli" info "$(with_table firms_srid0)"
expect_error "SRID 0, pushed down" "has SRID 0 (no CRS)" "$cli" coverage "$(with_table firms_srid0)" --out "$work/x" --push-down
sed "s#host=$dir#host=$work/nowhere#g" "$work/pg.parkcap.json" > "$work/host.parkcap.json"
expect_error "wrong host" "host=$work/nowhere.*Is the server running" "$cli" info "$work/host.parkcap.json"

# Passwords: never stored; taken from PGPASSWORD; a wrong one is named without showing it.
sed "s#user=parkcap#user=locked#g" "$work/pg.parkcap.json" > "$work/locked.parkcap.json"
PGPASSWORD=right "$cli" info "$work/locked.parkcap.json" 2>&1 | grep -q "outside every park" || fail "PGPASSWORD is not used"
PGPASSWORD=wrongsecret "$cli" info "$work/locked.parkcap.json" > "$work/err" 2>&1
grep -q "password authentication failed" "$work/err" && ! grep -q wrongsecret "$work/err" || { cat "$work/err"; fail "a wrong password is not named, or is shown"; }
sed "s#user=locked#user=locked password=right#g" "$work/locked.parkcap.json" > "$work/withpw.parkcap.json"
"$cli" info "$work/withpw.parkcap.json" 2>&1 | grep -q "the connection holds a password; parkcap saves the project without it" || fail "a password in the project is not warned about"

# A connection dropped in the middle of a read (the server ends it): an error, never a short table.
sql "CREATE TABLE big AS SELECT g AS fid, ST_SetSRID(ST_MakePoint(106.4 + (g % 1000) * 0.0005, 29.5 + (g / 1000) * 0.0002), 4490)::geometry(Point, 4490) AS geom,
     (g % 50)::int AS \"从业人员\" FROM generate_series(1, 2000000) g; ALTER TABLE big ADD PRIMARY KEY (fid)"
big=$(with_table big)
# The server ends the connection once the enterprises are being fetched (three polls running, so
# not the parks' short read); a read that finished first proves nothing and is tried again.
fetching() { [ "$(sql "select count(*) from pg_stat_activity where datname = 'demo' and query like 'FETCH%' and pid <> pg_backend_pid()")" -gt 0 ]; }
dropped=no
for attempt in 1 2 3; do
  "$cli" info "$big" --no-push-down > "$work/drop" 2>&1 & reader=$!
  seen=0
  for i in $(seq 100); do sleep 0.2; if fetching; then seen=$((seen + 1)); else seen=0; fi; [ $seen -ge 3 ] && break; done
  sql "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = 'demo' and pid <> pg_backend_pid()" > /dev/null
  if wait $reader; then echo "note: the read finished before the connection was ended (attempt $attempt)"; else dropped=yes; break; fi
done
[ $dropped = yes ] || fail "the connection could not be ended during a read"
grep -q "layer 'big': reading stopped after [0-9]* features: .*connection" "$work/drop" || { cat "$work/drop"; fail "a dropped connection is not named"; }
grep -q "outside every park" "$work/drop" && fail "a dropped read printed a table"

# The server itself going down in the middle of a read: an error naming the lost connection,
# then the same cluster started again for what follows.
server=$(dirname "$0")/pg_server.sh
"$cli" info "$big" --no-push-down > "$work/crash" 2>&1 & reader=$!
seen=0
for i in $(seq 100); do sleep 0.2; if fetching; then seen=$((seen + 1)); else seen=0; fi; [ $seen -ge 3 ] && break; done
bash "$server" crash "$dir"
wait $reader && { cat "$work/crash"; bash "$server" resume "$dir"; fail "a server that went down was not noticed"; }
bash "$server" resume "$dir" || fail "the server did not start again"
grep -q "layer 'big': .*\(connection\|terminat\|server closed\)" "$work/crash" || { cat "$work/crash"; fail "a server that went down is not named"; }
grep -q "outside every park" "$work/crash" && fail "a read cut by the server's end printed a table"

# A write killed part-way (in the middle of COPY): the table is whole or absent, never partial.
"$cli" export "$big" --format postgis --out "host=$dir port=54329 user=parkcap dbname=demo" --table bigcopy > /dev/null 2>&1 & writer=$!
for i in $(seq 300); do sleep 0.1; [ "$(sql "select count(*) from pg_stat_activity where datname = 'demo' and query like 'COPY%bigcopy%'")" -gt 0 ] && break; done
sleep 1
kill -9 $writer; wait $writer 2>/dev/null
for i in $(seq 50); do [ "$(sql "select count(*) from pg_stat_activity where datname = 'demo' and query like 'COPY%bigcopy%'")" = 0 ] && break; sleep 0.1; done
n=$(sql "select count(*) from pg_tables where tablename = 'bigcopy'")
[ "$n" = 0 ] || [ "$(sql "select count(*) from bigcopy")" = 2000000 ] || fail "a killed write left a partial table"
[ "$n" = 0 ] || echo "note: the write finished before it was killed"

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
