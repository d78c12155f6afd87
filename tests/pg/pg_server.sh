#!/usr/bin/env bash
# A throwaway PostgreSQL + PostGIS server for the tests, on a Unix socket in DIR (no TCP port
# is opened), with the demo loaded into database "demo":
#   pg_server.sh start DIR DEMO_FOLDER   (exit 77 with a message when the packages are missing)
#   pg_server.sh stop DIR
#   pg_server.sh crash DIR    (stops it at once, as a failing server would: clients lose their connection)
#   pg_server.sh resume DIR   (starts the same cluster again)
# As root (as CI runs) the server runs as the "postgres" user through runuser; otherwise as
# the user. The connection: PG:host=DIR port=54329 user=parkcap dbname=demo
set -u
cmd=$1 dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
start)
  demo=$3
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then echo "SKIP: PostgreSQL is not installed (apt-get install postgresql-15-postgis-3)"; exit 77; fi
  if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then echo "SKIP: PostGIS is not installed (apt-get install postgresql-15-postgis-3)"; exit 77; fi
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  run "$bin/initdb" -D "$dir/data" -A trust -U parkcap -E UTF8 --no-locale > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; exit 1; }
  # One role that needs its password ("locked", password "right"), for the password tests.
  run sed -i '1i local all locked scram-sha-256' "$dir/data/pg_hba.conf"
  run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-k $dir -c listen_addresses='' -p 54329" start > /dev/null || { cat "$dir/server.log"; exit 1; }
  run "$bin/createdb" -h "$dir" -p 54329 -U parkcap demo || exit 1
  run "$bin/psql" -q -h "$dir" -p 54329 -U parkcap -d demo -c "CREATE EXTENSION postgis" || exit 1
  run "$bin/psql" -q -h "$dir" -p 54329 -U parkcap -d demo -c "CREATE ROLE locked LOGIN PASSWORD 'right'" || exit 1
  conn="PG:host=$dir port=54329 user=parkcap dbname=demo"
  for f in parks.gpkg enterprises.gpkg; do
    ogr2ogr -f PostgreSQL "$conn" "$demo/$f" -lco GEOMETRY_NAME=geom -lco FID=fid > /dev/null || exit 1
  done
  run "$bin/psql" -q -h "$dir" -p 54329 -U parkcap -d demo -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO locked" || exit 1
  echo "PostgreSQL started in $dir with the demo's parks and enterprises"
  ;;
crash)
  run "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null
  ;;
resume)
  run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-k $dir -c listen_addresses='' -p 54329" start > /dev/null || { cat "$dir/server.log"; exit 1; }
  ;;
stop)
  [ -d "$dir/data" ] && run "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null
  rm -rf "$dir"
  echo "PostgreSQL stopped"
  ;;
esac
