#!/usr/bin/env python3
"""Each parkcap command's wall time and peak memory at two sizes, side by side.

    python3 bench/scale.py BUILD DIR_SMALL DIR_LARGE [COMMAND...]

DIR_SMALL and DIR_LARGE are projects made by `parkcap synth DIR --enterprises N` (1M and 10M
for the issue's figures); a folder that does not exist yet is made first, and that synth run is
measured too. Each command runs as its own process on the project's own settings; outputs go
to a temporary folder. The last column is time(large) / time(small), to compare with the
ratio of the sizes (linear growth). Naming commands runs only those."""
import os
import sys
import tempfile

from benchlib import run


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    build, small, large = sys.argv[1:4]
    only = set(sys.argv[4:])
    cli = os.path.join(build, "app/cli/parkcap")
    sizes = {}
    synth = {}
    for folder in (small, large):
        n = 1_000_000 if folder == small else 10_000_000
        if not os.path.exists(os.path.join(folder, "chongqing-demo.parkcap.json")):
            synth[folder] = run([cli, "synth", folder, "--enterprises", str(n)])[:2]
        sizes[folder] = n
    # The synthetic projects name the standards tables as ../standards (beside datasets/).
    for folder in (small, large):
        link = os.path.join(os.path.dirname(os.path.abspath(folder)), "standards")
        if not os.path.exists(link):
            os.symlink(os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "datasets", "standards")), link)
    out = tempfile.mkdtemp(prefix="parkcap-scale-")
    commands = [
        ("info", []),
        ("density", ["--out", "{o}/d.tif"]),
        ("clusters", ["--out", "{o}/cl"]),
        ("coverage", ["--out", "{o}/cov"]),
        ("capacity", ["--out", "{o}/cap"]),
        ("allocate", ["--out", "{o}/al"]),
        ("place", ["--applicants", "{p}/incoming_applicants.csv", "--out", "{o}/pl"]),
        ("export", ["--out", "{o}/ex.gpkg"]),
        ("map", ["--out", "{o}/map.pdf"]),
        ("report", ["--out", "{o}/report.html"]),
    ]
    print(f"{'command':10} {'1M s':>9} {'1M MB':>8} {'10M s':>9} {'10M MB':>8} {'time x':>7}")
    for folder in (small, large):
        if folder in synth:
            print(f"(synth {sizes[folder]:,}: {synth[folder][0]:.1f} s, {synth[folder][1]:.0f} MB)")
    for name, extra in commands:
        if only and name not in only:
            continue
        figures = []
        for folder in (small, large):
            o = os.path.join(out, os.path.basename(folder.rstrip("/")))
            os.makedirs(o, exist_ok=True)
            args = [a.format(o=o, p=folder) for a in extra]
            secs, mb, _ = run([cli, name, os.path.join(folder, "chongqing-demo.parkcap.json")] + args + (["--overwrite"] if args else []))
            figures.append((secs, mb))
        (s1, m1), (s2, m2) = figures
        print(f"{name:10} {s1:9.1f} {m1:8.0f} {s2:9.1f} {m2:8.0f} {s2 / s1:7.1f}", flush=True)


if __name__ == "__main__":
    main()
