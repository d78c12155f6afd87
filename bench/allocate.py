"""Site allocation side by side: parkcap (exact and heuristic) against PuLP with CBC and with
GLPK (the approach PySAL spopt takes), each as its own process on the same cost table.

    /usr/bin/python3 bench/allocate.py BUILD_DIR [--quick]

Instances (seeded, clustered points in metres):
  MCLP 5,000 demand x 300 candidates, p = 10, radius 1 km: sparse (a 30 km square) and
  dense (a 3 km square: most candidates reach most demand);
  p-median 1,000 x 1,000 for p = 5, 10, 20 (every pair).
Prints each contender's objective, status and whole-process time and memory, and parkcap's
bound and gap."""
import os
import random
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from benchlib import run  # noqa: E402

PY = "/usr/bin/python3"
HERE = os.path.dirname(os.path.abspath(__file__))


def points(rng, n, side, clusters=12):
    centres = [(rng.uniform(0, side), rng.uniform(0, side)) for _ in range(clusters)]
    out = []
    for _ in range(n):
        cx, cy = rng.choice(centres)
        out.append((min(side, max(0, rng.gauss(cx, side / 10))), min(side, max(0, rng.gauss(cy, side / 10)))))
    return out


def write_instance(folder, name, demand, sites, weights, reach):
    costs, wpath = os.path.join(folder, name + "_costs.csv"), os.path.join(folder, name + "_weights.csv")
    with open(costs, "w") as f:
        f.write("demand,candidate,cost\n")
        for i, (x, y) in enumerate(demand):
            for j, (u, v) in enumerate(sites):
                d = ((x - u) ** 2 + (y - v) ** 2) ** 0.5
                if d <= reach:
                    f.write(f"d{i},c{j},{d:.3f}\n")
    with open(wpath, "w") as f:
        f.write("demand,weight\n")
        for i, w in enumerate(weights):
            f.write(f"d{i},{w}\n")
    return costs, wpath


def parkcap(build, problem, costs, weights, p, radius, solver, out):
    cmd = [os.path.join(build, "app/cli/parkcap"), "allocate", "--matrix", costs, "--demand-weights", weights, "--problem", problem,
           "--p", str(p), "--solver", solver, "--out", out, "--overwrite"]
    if problem == "mclp":
        cmd += ["--radius", str(radius)]
    secs, mb, text = run(cmd)
    answer = re.search(r"answer: (?:covered weight|weighted cost) ([0-9.e+]+)[^;]*; (\S+)", text)
    bound = re.search(r"bound: +(?:covered weight|weighted cost) ([0-9.e+]+)[^;]*; gap ([0-9.]+)%", text)
    return float(answer.group(1)), answer.group(2), float(bound.group(1)), float(bound.group(2)), secs, mb


def pulp_run(problem, costs, weights, p, radius, solver):
    secs, mb, text = run([PY, os.path.join(HERE, "allocate_pulp.py"), problem, costs, weights, str(p), str(radius), solver])
    value, status, build_s, solve_s = text.split()
    return float(value), status, float(build_s), float(solve_s), secs, mb


def compare(build, folder, label, problem, costs, weights, p, radius, with_glpk=True):
    print(f"\n{label}")
    print(f"  {'contender':28} {'objective':>16} {'status':>12} {'bound':>16} {'gap':>8} {'time s':>8} {'MB':>6}")
    best = None
    for solver in ("exact", "heuristic"):
        v, st, b, gap, secs, mb = parkcap(build, problem, costs, weights, p, radius, solver, os.path.join(folder, "out"))
        print(f"  {'parkcap ' + solver:28} {v:16.6g} {st:>12} {b:16.6g} {gap:7.3f}% {secs:8.2f} {mb:6.0f}")
        if solver == "exact":
            best = v
    for solver in ("cbc", "glpk") if with_glpk else ("cbc",):
        v, st, build_s, solve_s, secs, mb = pulp_run(problem, costs, weights, p, radius, solver)
        same = "same" if abs(v - best) <= 1e-6 * max(1, abs(best)) else f"{100 * (v - best) / best:+.3f}%"
        print(f"  {'PuLP + ' + solver.upper() + f' ({same})':28} {v:16.6g} {st:>12} {'':16} {'':8} {secs:8.2f} {mb:6.0f}"
              f"   (model {build_s:.1f} s, solve {solve_s:.1f} s)")


def main():
    build = sys.argv[1]
    quick = "--quick" in sys.argv
    rng = random.Random(20261129)
    folder = tempfile.mkdtemp(prefix="parkcap_allocate_bench_")
    n, m = (5000, 300) if not quick else (1000, 100)
    for label, side in (("sparse", 30000), ("dense", 3000)):
        demand, sites = points(rng, n, side), points(rng, m, side)
        weights = [rng.randint(1, 200) for _ in demand]
        costs, wpath = write_instance(folder, f"mclp_{label}", demand, sites, weights, 1000)
        compare(build, folder, f"MCLP {n} x {m}, p = 10, radius 1 km, {label} ({side / 1000:g} km square)", "mclp", costs, wpath, 10, 1000)
    n = 1000 if not quick else 300
    demand, sites = points(rng, n, 20000), points(rng, n, 20000)
    weights = [rng.randint(1, 200) for _ in demand]
    costs, wpath = write_instance(folder, "pmedian", demand, sites, weights, float("inf"))
    for p in (5, 10, 20):
        compare(build, folder, f"p-median {n} x {n}, p = {p}, every pair", "pmedian", costs, wpath, p, 0, with_glpk=False)


main()
