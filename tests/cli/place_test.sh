#!/usr/bin/env bash
# parkcap place end to end on the demo: every applicant placed or given a reason, one tenant
# a site, the exact answer at least the heuristic's, reasons for a site too small and a park
# at capacity, the placed enterprises as growth that capacity evaluates, bad lists named.
set -u
parkcap=$1 demo_dir=$2
demo=$demo_dir/chongqing-demo.parkcap.json applicants=$demo_dir/incoming_applicants.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_fail() {
  local regex=$1; shift
  if "$@" >"$work/out" 2>"$work/err"; then fail "succeeded: $*"; return; fi
  grep -Eq "$regex" "$work/err" || fail "message for '$*': $(cat "$work/err")"
}
total=$(($(wc -l <"$applicants") - 1))

"$parkcap" place "$demo" --applicants "$applicants" --out "$work/h" >"$work/h_out" 2>&1 || fail "heuristic: $(cat "$work/h_out")"
"$parkcap" place "$demo" --applicants "$applicants" --out "$work/e" --exact --save-scenario placed --project-out "$work/copy.parkcap.json" \
  >"$work/e_out" 2>&1 || fail "exact: $(cat "$work/e_out")"
grep -q "; optimal" "$work/e_out" || fail "the exact run is not optimal: $(grep placed "$work/e_out")"
for run in h e; do
  placed=$(($(wc -l <"$work/${run}_placed.csv") - 1)) unplaced=$(($(wc -l <"$work/${run}_unplaced.csv") - 1))
  [ $((placed + unplaced)) = "$total" ] || fail "$run: $placed placed + $unplaced unplaced is not $total"
  # Every demo site is single-tenant: no site twice.
  dup=$(tail -n +2 "$work/${run}_placed.csv" | cut -d, -f5 | sort | uniq -d | head -1)
  [ -z "$dup" ] || fail "$run: site $dup holds two applicants"
  # Every unplaced applicant has a reason.
  tail -n +2 "$work/${run}_unplaced.csv" | awk -F, '$NF == "" { exit 1 }' || fail "$run: an unplaced applicant without a reason"
done
h=$(grep -Eo 'total score [0-9.]+' "$work/h_out" | grep -Eo '[0-9.]+$') e=$(grep -Eo 'total score [0-9.]+' "$work/e_out" | grep -Eo '[0-9.]+$')
awk -v h="$h" -v e="$e" 'BEGIN { exit !(e >= h - 1e-6) }' || fail "exact $e below the heuristic $h"
hb=$(grep -Eo 'bound [0-9.]+' "$work/h_out" | grep -Eo '[0-9.]+$')
awk -v b="$hb" -v e="$e" 'BEGIN { exit !(b >= e - 1e-6) }' || fail "the heuristic's bound $hb is below the optimum $e"
# The placed applicants are growth the capacity model evaluates.
(cd "$work" && "$parkcap" capacity copy.parkcap.json --scenario placed >"$work/cap" 2>&1) || fail "capacity of the placement: $(tail -3 "$work/cap")"
grep -q "Scenario 'placed'" "$work/cap" || fail "no scenario in the capacity run"

# A site too small and a park at capacity.
printf 'name,cluster,tier,floor_m2,jobs\n巨无霸,装备制造,,900000000,5000\n' >"$work/huge.csv"
"$parkcap" place "$demo" --applicants "$work/huge.csv" --out "$work/huge" >"$work/out" 2>&1 || fail "huge: $(cat "$work/out")"
grep -q "no vacant site is large enough: needs 900000000 m²" "$work/huge_unplaced.csv" || fail "no size reason: $(cat "$work/huge_unplaced.csv")"
python3 - "$demo" "$work/nopower.parkcap.json" <<'PY'
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
p = json.load(open(src))
folder = os.path.dirname(os.path.abspath(src))
for l in p["layers"]:
    l["path"] = os.path.join(folder, l["path"])
cap = p["analysis"]["capacity"]
for k in ("standards_dir", "infrastructure", "growth"):
    cap[k] = os.path.normpath(os.path.join(folder, cap[k]))
p["analysis"]["coverage"]["radii_table"] = os.path.normpath(os.path.join(folder, p["analysis"]["coverage"]["radii_table"]))
codes = ["CQ-" + c for c in "HTZ ETDZ LJ-ST LJ-YF BS CS FL YC JJ HC WZ RC DZ TL XY".split()]
p["scenarios"] = [{"name": "no power", "edits": [{"type": "upgrade_capacity", "park": c, "factor": "power_kw", "set": 0} for c in codes]}]
json.dump(p, open(dst, "w"), ensure_ascii=False)
PY
"$parkcap" place "$work/nopower.parkcap.json" --applicants "$applicants" --scenario "no power" --out "$work/np" >"$work/out" 2>&1 || fail "no power: $(tail -3 "$work/out")"
[ "$(($(wc -l <"$work/np_placed.csv") - 1))" = 0 ] || fail "applicants placed in parks without power"
grep -q "park at capacity: power_kw" "$work/np_unplaced.csv" || fail "no power reason: $(head -3 "$work/np_unplaced.csv")"

# Bad lists: named by file and line, nothing written.
printf 'name,cluster,jobs\na,装备制造,10\n' >"$work/noneed.csv"
expect_fail "noneed.csv: line 1: the applicants need a floor_m2 or a land_m2 column" "$parkcap" place "$demo" --applicants "$work/noneed.csv" --out "$work/b1"
printf 'name,cluster,floor_m2,jobs\na,装备制造,1000,-3\n' >"$work/negative.csv"
expect_fail "negative.csv: line 2: jobs: must not be negative" "$parkcap" place "$demo" --applicants "$work/negative.csv" --out "$work/b2"
printf 'name,cluster,floor_m2,jobs\na,装备制造,,10\n' >"$work/empty_need.csv"
expect_fail "empty_need.csv: line 2: applicant 'a' needs a floor_m2 or land_m2 above 0" "$parkcap" place "$demo" --applicants "$work/empty_need.csv" --out "$work/b3"
for f in b1 b2 b3; do ls "$work/$f"* >/dev/null 2>&1 && fail "a half-written output $f"; done

# synth scales the sites with the enterprises (three for every 800, two in three vacant), and
# on such a project the LP bound proves the heuristic's placement optimal (all single-tenant).
"$parkcap" synth "$work/s80k" --enterprises 80000 >"$work/out" 2>&1 || fail "synth 80k: $(cat "$work/out")"
grep -q ", 300 sites" "$work/out" || fail "synth 80k: not 300 sites: $(cat "$work/out")"
ln -s "$(cd "$demo_dir/../standards" && pwd)" "$work/standards"
(cd "$work/s80k" && "$parkcap" place chongqing-demo.parkcap.json --applicants incoming_applicants.csv --out "$work/s80k/p") >"$work/out" 2>&1 ||
  fail "place on synth 80k: $(tail -3 "$work/out")"
grep -Eq "^800 applicants, [0-9]+ vacant sites" "$work/out" || fail "synth 80k: $(head -3 "$work/out")"
vacant=$(grep -Eo '[0-9]+ vacant sites' "$work/out" | grep -Eo '^[0-9]+')
[ "${vacant:-0}" -ge 180 ] || fail "synth 80k: only ${vacant:-0} vacant sites"
grep -q "gap 0.000%; optimal" "$work/out" || fail "synth 80k: not proven optimal by the bound: $(grep placed "$work/out")"

[ "$failures" = 0 ] && echo "place: all checks passed"
exit $((failures > 0))
