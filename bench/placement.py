#!/usr/bin/env python3
"""Enterprise placement at the issue's sizes, each solve as its own process.

    python3 bench/placement.py BUILD [DIR_200K DIR_2M]

1. The planner's form: `parkcap synth --enterprises 200000` (2,000 applicants, about 500 vacant
   sites) and `--enterprises 2000000` (20,000 applicants, about 5,000 vacant sites), made when
   the folders do not exist; `parkcap place` with the heuristic and with `--exact
   --max-seconds 60`, and on the 200,000 project also against its standard-factory scenario
   (a multi-tenant site).
2. Random instances (`build/bench/bench_placement`, 15 parks, 10% of the sites multi-tenant
   standard factories, parks holding about 60% of the applicants' demand): 2,000 x 500 with
   the heuristic and exactly within 60 s, and 20,000 x 5,000 with the heuristic.
Prints wall time, peak memory, the value, the bound and the gap of each."""
import os
import re
import sys
import tempfile

from benchlib import run


def figures(text):
    """value, bound, gap (%) and status from a place or bench_placement summary line."""
    value = re.search(r"(?:total score|value) ([0-9.]+)", text)
    bound = re.search(r"bound ([0-9.]+)", text)
    gap = re.search(r"gap ([0-9.]+)%", text)
    status = re.search(r"gap [0-9.]+%;? ?([a-z ]+)", text) or re.search(r"pairs\): ([a-z ]+),", text)
    return (float(value.group(1)) if value else float("nan"), float(bound.group(1)) if bound else float("nan"),
            float(gap.group(1)) if gap else float("nan"), status.group(1).strip() if status else "?")


def report(label, secs, peak, text):
    value, bound, gap, status = figures(text)
    print(f"{label:58} {secs:8.1f} s {peak:8.0f} MB  value {value:10.4f}  bound {bound:10.4f}  gap {gap:6.3f}%  {status}", flush=True)


def main():
    if len(sys.argv) not in (2, 4):
        sys.exit(__doc__)
    build = sys.argv[1]
    small, large = (sys.argv[2], sys.argv[3]) if len(sys.argv) == 4 else ("/tmp/parkcap-place-200k", "/tmp/parkcap-place-2m")
    cli = os.path.join(build, "app/cli/parkcap")
    bench = os.path.join(build, "bench/bench_placement")
    for folder, n in ((small, 200_000), (large, 2_000_000)):
        if not os.path.exists(os.path.join(folder, "chongqing-demo.parkcap.json")):
            secs, peak, _ = run([cli, "synth", folder, "--enterprises", str(n)])
            print(f"synth {n:>9,}: {secs:.1f} s, {peak:.0f} MB", flush=True)
        # The synthetic projects name the standards tables as ../standards.
        link = os.path.join(os.path.dirname(os.path.abspath(folder)), "standards")
        if not os.path.exists(link):
            os.symlink(os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "datasets", "standards")), link)
    out = tempfile.mkdtemp(prefix="parkcap-place-")
    scenario = "标准厂房 (standard factory, Yongchuan)"
    runs = [
        ("synth 200k: 2,000 applicants, heuristic", small, []),
        ("synth 200k: exact, 60 s", small, ["--exact", "--max-seconds", "60"]),
        ("synth 200k + standard factory: exact, 60 s", small, ["--exact", "--max-seconds", "60", "--scenario", scenario]),
        ("synth 2M: 20,000 applicants, heuristic", large, []),
    ]
    for i, (label, folder, extra) in enumerate(runs):
        project = os.path.join(folder, "chongqing-demo.parkcap.json")
        cmd = [cli, "place", project, "--applicants", os.path.join(folder, "incoming_applicants.csv"), "--out", f"{out}/p{i}"] + extra
        secs, peak, text = run(cmd)
        sizes = re.search(r"([0-9]+) applicants, ([0-9]+) vacant sites \(([0-9]+) multi-tenant\), ([0-9]+) feasible pairs", text)
        report(f"{label} ({sizes.group(2)} sites, {sizes.group(3)} multi)" if sizes else label, secs, peak, text)
    for label, args in (
        ("random 2,000 x 500: heuristic", ["2000", "500"]),
        ("random 2,000 x 500: exact, 60 s", ["2000", "500", "--exact", "--max-seconds", "60"]),
        ("random 20,000 x 5,000: heuristic", ["20000", "5000"]),
    ):
        secs, peak, text = run([bench] + args)
        report(label, secs, peak, text)


if __name__ == "__main__":
    main()
