"""One allocation MIP in PuLP, the way PySAL spopt builds it, solved by CBC or GLPK.

    /usr/bin/python3 bench/allocate_pulp.py mclp|pmedian COSTS.csv WEIGHTS.csv P RADIUS cbc|glpk

Reads the same cost table parkcap reads; prints "objective status build_s solve_s"."""
import csv
import sys
import time

import pulp


def main():
    problem, costs_path, weights_path, p, radius, solver = sys.argv[1:7]
    p, radius = int(p), float(radius)
    t0 = time.perf_counter()
    weight, rows = {}, {}
    with open(weights_path, newline="") as f:
        for r in csv.DictReader(f):
            weight[r["demand"]] = float(r["weight"])
    with open(costs_path, newline="") as f:
        for r in csv.DictReader(f):
            rows.setdefault(r["demand"], []).append((r["candidate"], float(r["cost"])))
    candidates = sorted({c for row in rows.values() for c, _ in row})
    y = {c: pulp.LpVariable(f"y_{c}", cat="Binary") for c in candidates}
    if problem == "mclp":
        m = pulp.LpProblem("mclp", pulp.LpMaximize)
        z = {}
        for d, row in rows.items():
            near = [c for c, cost in row if cost <= radius]
            if not near:
                continue
            z[d] = pulp.LpVariable(f"z_{d}", cat="Binary")
            m += z[d] <= pulp.lpSum(y[c] for c in near)
        m += pulp.lpSum(weight[d] * z[d] for d in z)
    else:
        m = pulp.LpProblem("pmedian", pulp.LpMinimize)
        x = {}
        for d, row in rows.items():
            for c, cost in row:
                x[d, c] = pulp.LpVariable(f"x_{d}_{c}", lowBound=0, upBound=1)
                m += x[d, c] <= y[c]
            m += pulp.lpSum(x[d, c] for c, _ in row) == 1
        m += pulp.lpSum(weight[d] * cost * x[d, c] for d, row in rows.items() for c, cost in row)
    m += pulp.lpSum(y.values()) == p
    t1 = time.perf_counter()
    s = pulp.COIN_CMD(msg=False) if solver == "cbc" else pulp.GLPK_CMD(msg=False)
    m.solve(s)
    t2 = time.perf_counter()
    print(f"{pulp.value(m.objective):.6f} {pulp.LpStatus[m.status]} {t1 - t0:.2f} {t2 - t1:.2f}")


main()
