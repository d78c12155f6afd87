#!/usr/bin/env python3
"""parkcap with PostGIS at size, side by side with the tools a planner would otherwise use.

    python3 bench/postgis.py BUILD DIR

DIR is a project made by `parkcap synth DIR --enterprises N` (10M for the issue's figures).
A throwaway PostgreSQL + PostGIS server is started in /tmp (tests/pg/pg_server.sh) and
stopped at the end. Each contender runs as its own process (wall time, peak RSS of the client;
the server's own work is in the wall time, not in the RSS):

1. loading the enterprises into PostGIS: `parkcap export --format postgis` (COPY, the working
   CRS, GiST index, QGIS style) against `ogr2ogr -f PostgreSQL` with PG_USE_COPY=YES;
2. enterprises and employees per park: parkcap in memory from the GeoPackage, parkcap pushed
   down to PostGIS (`info --push-down`), and the same SQL typed by hand in psql;
3. the nearest canteen of every enterprise, summed by park, cluster and tier: parkcap in memory
   (`coverage`, which also writes the per-enterprise layer) against the KNN push-down
   (`coverage --push-down`, sums only)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from benchlib import run

PG_DIR = "/tmp/parkcap-bench-pg"
PORT = "54329"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build, folder = sys.argv[1], os.path.abspath(sys.argv[2])
    cli = os.path.join(build, "app/cli/parkcap")
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    server = os.path.join(root, "tests/pg/pg_server.sh")
    subprocess.run(["bash", server, "start", PG_DIR, os.path.join(root, "datasets/chongqing-demo")], check=True, stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="parkcap-pg-bench-")
    try:
        user = ["-h", PG_DIR, "-p", PORT, "-U", "parkcap"]
        subprocess.run(["createdb"] + user + ["big"], check=True)
        subprocess.run(["psql", "-X", "-q"] + user + ["-d", "big", "-c", "CREATE EXTENSION postgis"], check=True)
        conn = f"host={PG_DIR} port={PORT} user=parkcap dbname=big"
        project = os.path.join(folder, "chongqing-demo.parkcap.json")
        print(f"{'':52} {'s':>8} {'MB':>8}")

        def show(label, secs, mb):
            print(f"{label:52} {secs:8.1f} {mb:8.0f}", flush=True)

        # 1. Loading.
        env = dict(os.environ, PG_USE_COPY="YES")
        s, m, _ = run([cli, "export", project, "--format", "postgis", "--out", conn, "--table", "enterprises_parkcap"])
        show("load: parkcap export --format postgis", s, m)
        s, m, _ = run(["ogr2ogr", "-f", "PostgreSQL", "PG:" + conn, os.path.join(folder, "enterprises.gpkg"), "-nln", "enterprises",
                       "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid"], env=env)
        show("load: ogr2ogr -f PostgreSQL (PG_USE_COPY=YES)", s, m)
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", "PG:" + conn, os.path.join(folder, "parks.gpkg"), "-nln", "parks",
                        "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid"], check=True)
        subprocess.run(["psql", "-X", "-q"] + user + ["-d", "big", "-c", "VACUUM ANALYZE enterprises", "-c", "VACUUM ANALYZE parks"], check=True)

        # The project with its parks and enterprises in the database, the rest from the files.
        with open(project, encoding="utf-8") as f:
            p = json.load(f)
        for layer in p["layers"]:
            if layer["role"] in ("parks", "enterprises"):
                layer["path"], layer["layer"] = "PG:" + conn, layer["role"]
            elif not layer["path"].startswith("/"):
                layer["path"] = os.path.join(folder, layer["path"])

        def absolute(o):
            items = o.items() if isinstance(o, dict) else enumerate(o) if isinstance(o, list) else []
            for k, v in list(items):
                if isinstance(v, str) and (v.endswith(".csv") or k == "standards_dir") and not v.startswith("/"):
                    o[k] = os.path.normpath(os.path.join(folder, v))
                else:
                    absolute(v)

        absolute(p.get("analysis", {}))
        pg_project = os.path.join(work, "pg.parkcap.json")
        with open(pg_project, "w", encoding="utf-8") as f:
            json.dump(p, f, ensure_ascii=False)

        # 2. Enterprises and employees per park.
        s, m, _ = run([cli, "info", project, "--no-push-down"])
        show("per park: parkcap info, in memory from GeoPackage", s, m)
        s, m, _ = run([cli, "info", pg_project, "--push-down"])
        show("per park: parkcap info --push-down (PostGIS)", s, m)
        s, m, _ = run(["psql", "-X", "-q", "-A"] + user + ["-d", "big", "-c",
                       'SELECT p.fid, count(*), sum(e."从业人员") FROM parks p JOIN enterprises e ON ST_Intersects(e.geom, p.geom) GROUP BY 1'])
        show("per park: the same SQL typed by hand in psql", s, m)

        # 3. Nearest canteen.
        radii = os.path.join(work, "canteen.csv")
        with open(radii, "w", encoding="utf-8") as f:
            f.write("facility_type,facility_type_zh,service_radius_m,basis\ncanteen,食堂/便利店,500,bench\n")
        s, m, _ = run([cli, "coverage", project, "--radii", radii, "--out", os.path.join(work, "mem"), "--no-push-down"])
        show("nearest canteen: parkcap coverage, in memory", s, m)
        s, m, _ = run([cli, "coverage", pg_project, "--radii", radii, "--out", os.path.join(work, "knn"), "--push-down"])
        show("nearest canteen: parkcap coverage --push-down (KNN)", s, m)
        same = all(open(os.path.join(work, f"mem_{t}.csv"), encoding="utf-8").read() ==
                   open(os.path.join(work, f"knn_{t}.csv"), encoding="utf-8").read() for t in ("parks", "clusters", "tiers"))
        print("the in-memory and pushed-down tables are " + ("identical" if same else "DIFFERENT"))
    finally:
        subprocess.run(["bash", server, "stop", PG_DIR], stdout=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
