"""Site allocation side by side: parkcap (exact and heuristic) against PuLP with CBC and with
GLPK (the approach PySAL spopt takes), each as its own process on the same cost table.

    /usr/bin/python3 bench/allocate.py BUILD_DIR [--quick | --scale-only]

Instances (seeded, clustered points in metres):
  MCLP 5,000 demand x 300 candidates, p = 10, radius 1 km: sparse (a 30 km square) and
  dense (a 3 km square: most candidates reach most demand);
  p-median 1,000 x 1,000 for p = 5, 10, 20 (every pair);
  at scale, on `parkcap synth --enterprises 50000` (50,000 enterprises, a 320 m lattice of
  2,034 candidates inside the parks), p = 20: p-median in a straight line and along the
  roads, MCLP within 1 km, p-center; parkcap's heuristic with its proven gap (PuLP cannot
  build these models in memory: 100 million pairs).
Prints each contender's objective, status and whole-process time and memory, and parkcap's
bound and gap. Every solve is limited to 600 s (parkcap's exact solve by --max-seconds, PuLP
by timeout); a limited parkcap run still prints its best answer and bound."""
import os
import random
import re
import subprocess
import sys
import tempfile
import time

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


def parkcap(build, problem, costs, weights, p, radius, solver, out, limit):
    cmd = [os.path.join(build, "app/cli/parkcap"), "allocate", "--matrix", costs, "--demand-weights", weights, "--problem", problem,
           "--p", str(p), "--solver", solver, "--out", out, "--overwrite", "--max-seconds", str(limit)]
    if problem == "mclp":
        cmd += ["--radius", str(radius)]
    secs, mb, text = run(cmd)
    answer = re.search(r"answer: (?:covered weight|weighted cost) ([0-9.e+]+)[^;]*; (\S+)", text)
    bound = re.search(r"bound: +(?:covered weight|weighted cost) ([0-9.e+]+)[^;]*; gap ([0-9.]+)%", text)
    return float(answer.group(1)), answer.group(2), float(bound.group(1)), float(bound.group(2)), secs, mb


def pulp_run(problem, costs, weights, p, radius, solver, limit):
    cmd = ["timeout", str(limit), PY, os.path.join(HERE, "allocate_pulp.py"), problem, costs, weights, str(p), str(radius), solver]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        return None, f"stopped at {limit} s", 0.0, 0.0, secs, usage.ru_maxrss / 1024
    value, st, build_s, solve_s = out.split()
    return float(value), st, float(build_s), float(solve_s), secs, usage.ru_maxrss / 1024


def compare(build, folder, label, problem, costs, weights, p, radius, with_glpk=True, limit=600):
    print(f"\n{label}")
    print(f"  {'contender':28} {'objective':>16} {'status':>12} {'bound':>16} {'gap':>8} {'time s':>8} {'MB':>6}")
    best = None
    for solver in ("exact", "heuristic"):
        v, st, b, gap, secs, mb = parkcap(build, problem, costs, weights, p, radius, solver, os.path.join(folder, "out"), limit)
        print(f"  {'parkcap ' + solver:28} {v:16.6g} {st:>12} {b:16.6g} {gap:7.3f}% {secs:8.2f} {mb:6.0f}")
        if solver == "exact":
            best = v
    for solver in ("cbc", "glpk") if with_glpk else ("cbc",):
        v, st, build_s, solve_s, secs, mb = pulp_run(problem, costs, weights, p, radius, solver, limit)
        if v is None:
            print(f"  {'PuLP + ' + solver.upper():28} {'-':>16} {st:>12} {'':16} {'':8} {secs:8.2f} {mb:6.0f}")
            continue
        same = "same" if abs(v - best) <= 1e-6 * max(1, abs(best)) else f"{100 * (v - best) / best:+.3f}%"
        print(f"  {'PuLP + ' + solver.upper() + f' ({same})':28} {v:16.6g} {st:>12} {'':16} {'':8} {secs:8.2f} {mb:6.0f}"
              f"   (model {build_s:.1f} s, solve {solve_s:.1f} s)")


def main():
    build = sys.argv[1]
    quick = "--quick" in sys.argv
    rng = random.Random(20261129)
    folder = tempfile.mkdtemp(prefix="parkcap_allocate_bench_")
    if "--scale-only" in sys.argv:
        return scale(build, folder)
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
        compare(build, folder, f"p-median {n} x {n}, p = {p}, every pair", "pmedian", costs, wpath, p, 0, with_glpk=False,
                limit=600 if p == 10 else 300)
    if not quick:
        scale(build, folder)


def scale(build, folder):
    """At scale, from a project."""
    parkcap_bin = os.path.join(build, "app/cli/parkcap")
    synth = os.path.join(folder, "s50k")
    run([parkcap_bin, "synth", synth, "--enterprises", "50000"])
    project = os.path.join(synth, "chongqing-demo.parkcap.json")
    print("\nAt scale: 50,000 enterprises x 2,034 lattice candidates, p = 20, heuristic (whole process: load, solve, write)")
    print(f"  {'problem':34} {'objective':>16} {'status':>10} {'bound':>16} {'gap':>8} {'time s':>8} {'MB':>6}")
    for label, extra in (("p-median, straight line", ["--problem", "pmedian"]),
                         ("p-median, along the roads", ["--problem", "pmedian", "--network"]),
                         ("MCLP within 1 km", ["--problem", "mclp", "--radius", "1000"]),
                         ("p-center", ["--problem", "pcenter"])):
        secs, mb, text = run([parkcap_bin, "allocate", project, "--out", os.path.join(folder, "scale"), "--overwrite", "--p", "20",
                              "--spacing", "320", "--required-type", "", "--solver", "heuristic"] + extra)
        answer = re.search(r"answer: [^0-9]*([0-9][0-9.e+]*)[^;]*; (\S+)", text)
        bound = re.search(r"bound: +[^0-9]*([0-9][0-9.e+]*).*gap ([0-9.]+)%", text)
        print(f"  {label:34} {float(answer.group(1)):16.6g} {answer.group(2):>10} {float(bound.group(1)):16.6g} "
              f"{float(bound.group(2)):7.3f}% {secs:8.2f} {mb:6.0f}")


main()
