#!/usr/bin/env bash
# parkcap allocate end to end: the demo (layers that reopen, the chosen sites, metadata), the
# scenario round trip into `parkcap coverage`, an imported cost table worked by hand, and bad
# input named by file and line with nothing half written.
set -u
parkcap=$1 demo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_fail() {  # expect_fail REGEX CMD...: exit 1 and the message on stderr
  local regex=$1; shift
  if "$@" >"$work/out" 2>"$work/err"; then fail "succeeded: $*"; return; fi
  grep -Eq "$regex" "$work/err" || fail "message for '$*': $(cat "$work/err")"
}

# 1. The demo: 4 canteens where they cover the most employees, the existing canteens kept.
"$parkcap" allocate "$demo" --out "$work/mclp" --problem mclp --p 4 --radius 500 --required-type canteen --facility-type canteen --lines \
  --save-scenario "new canteens" --project-out "$work/copy.parkcap.json" >"$work/out" 2>"$work/err" || fail "demo run: $(cat "$work/err")"
grep -q "answer: covered weight" "$work/out" || fail "no answer line"
[ "$(ogrinfo -ro -q "$work/mclp.gpkg" -sql "SELECT COUNT(*) FROM chosen_sites" | grep -Eo '= [0-9]+' | tr -d '= ')" = 4 ] || fail "not 4 chosen sites"
ogrinfo -ro -q "$work/mclp.gpkg" -sql "SELECT COUNT(*) FROM candidates WHERE required = 1" | grep -q "= 148" || fail "the 148 canteens are not required"
gdalinfo "$work/mclp.gpkg" 2>/dev/null | grep -q "PARKCAP_ALLOCATION_PROBLEM=max_coverage" || ogrinfo -ro -so "$work/mclp.gpkg" chosen_sites | grep -q "PARKCAP_ALLOCATION_PROBLEM=max_coverage" || fail "no metadata"
[ "$(wc -l <"$work/mclp_gain.csv")" = 6 ] || fail "the gain curve has not 0..4 rows"
# One allocation line per served demand point (--lines).
served=$(ogrinfo -ro -q "$work/mclp.gpkg" -sql "SELECT COUNT(*) FROM demand_allocation WHERE served = 1" | grep -Eo '= [0-9]+' | tr -d '= ')
ogrinfo -ro -q "$work/mclp.gpkg" -sql "SELECT COUNT(*) FROM allocation_lines" | grep -q "= $served" || fail "allocation lines are not one per served demand point ($served)"
# The covered share the allocation printed is what coverage measures after the scenario.
share=$(grep -Eo 'covered weight [0-9.e+]+ of [0-9.e+]+ \(([0-9.]+)%\)' "$work/out" | head -1 | grep -Eo '\([0-9.]+' | tr -d '(')
(cd "$work" && "$parkcap" coverage copy.parkcap.json --scenario "new canteens" --out "$work/cov" >"$work/cov_out" 2>&1) || fail "coverage of the saved scenario: $(cat "$work/cov_out")"
grep -Eq "canteen +500m +152 +[0-9.]+% +${share}%" "$work/cov_out" || fail "coverage after the scenario is not ${share}%: $(grep canteen "$work/cov_out")"
# The input project was not touched; the copy exists only once unless --overwrite.
expect_fail "copy.parkcap.json: already exists" "$parkcap" allocate "$demo" --out "$work/again" --problem mclp --p 2 \
  --facility-type canteen --save-scenario x --project-out "$work/copy.parkcap.json"
[ ! -e "$work/again.gpkg" ] || fail "outputs written although the project copy was refused"
expect_fail "facility_type" "$parkcap" allocate "$demo" --out "$work/nt" --p 2 --facility-type "" --save-scenario x --project-out "$work/nt.parkcap.json"

# 2. An imported cost table worked by hand (pairs a-Z, b-Z, c-X missing: unreachable).
printf 'demand,candidate,cost\na,X,1\na,Y,4\nb,X,5\nb,Y,1\nc,Y,2\nc,Z,1\n' >"$work/m.csv"
printf 'demand,weight\na,1\nb,2\nc,3\n' >"$work/w.csv"
# p-median, p = 1: X costs 1 + 2x5 + 3x11 = 44 (11: twice the largest cost plus 1), Y 4 + 2 + 6 = 12, Z 11 + 22 + 3 = 36.
"$parkcap" allocate --matrix "$work/m.csv" --demand-weights "$work/w.csv" --problem pmedian --p 1 --out "$work/pm" >"$work/out" 2>&1 || fail "matrix p-median: $(cat "$work/out")"
grep -q "weighted cost 12 " "$work/out" || fail "p-median on the table is not 12: $(grep answer "$work/out")"
grep -q "^1,Y," "$work/pm_chosen.csv" || fail "p-median did not choose Y"
# Max coverage within 2, p = 1: Y covers b and c (5 of 6).
"$parkcap" allocate --matrix "$work/m.csv" --demand-weights "$work/w.csv" --problem mclp --radius 2 --p 1 --out "$work/mc" >"$work/out" 2>&1 || fail "matrix mclp"
grep -q "covered weight 5 of 6" "$work/out" || fail "mclp on the table is not 5 of 6: $(grep answer "$work/out")"
# Fewest sites within 1: a by X, b by Y, c by Z: all three.
"$parkcap" allocate --matrix "$work/m.csv" --problem lscp --radius 1 --out "$work/ls" >"$work/out" 2>&1 || fail "matrix lscp"
grep -q "answer: 3 new sites; optimal" "$work/out" || fail "lscp on the table: $(grep answer "$work/out")"

# Capacitated coverage within 2, p = 1, 4 a site: Y reaches b and c (5) but serves 4; Z serves c (3); X serves a (1).
"$parkcap" allocate --matrix "$work/m.csv" --demand-weights "$work/w.csv" --problem cmclp --radius 2 --capacity 4 --p 1 --out "$work/cm" >"$work/out" 2>&1 || fail "matrix cmclp: $(cat "$work/out")"
grep -q "covered weight 4 of 6" "$work/out" || fail "cmclp on the table is not 4 of 6: $(grep answer "$work/out")"
grep -q "^1,Y," "$work/cm_chosen.csv" || fail "cmclp did not choose Y"
# The demo: dormitories of 1,000 beds at 0.25 beds a job serve 4,000 jobs each.
"$parkcap" allocate "$demo" --out "$work/dorm" --problem cmclp --p 3 --radius 1000 --capacity 1000 --capacity-factor dormitory_beds \
  --required-type dormitory --facility-type dormitory >"$work/out" 2>&1 || fail "demo cmclp: $(cat "$work/out")"
grep -q "1000 dormitory_beds a new site = 4000 jobs" "$work/out" || fail "no capacity note: $(cat "$work/out")"
for w in $(tail -n +2 "$work/dorm_chosen.csv" | cut -d, -f7); do
  awk -v w="$w" 'BEGIN { exit !(w <= 4000.0001) }' || fail "a new dormitory serves $w jobs, more than its 4,000"
done
expect_fail "no per-job rate for 'seats'" "$parkcap" allocate "$demo" --out "$work/b9" --problem cmclp --capacity 10 --capacity-factor seats

# 3. Bad input.
# A weighted demand point without pairs: no candidate reaches it, said, listed and left out (p-median: 12).
printf 'demand,weight\na,1\nb,2\nc,3\nq,2\n' >"$work/w_q.csv"
"$parkcap" allocate --matrix "$work/m.csv" --demand-weights "$work/w_q.csv" --problem pmedian --p 1 --out "$work/q" >"$work/out" 2>&1 || fail "matrix with q"
grep -q "1 demand points of .*w_q.csv have no pair in .*m.csv (q)" "$work/out" || fail "q not noted: $(cat "$work/out")"
grep -q "weighted cost 12 " "$work/out" || fail "p-median with q is not 12: $(grep answer "$work/out")"
grep -q "1 demand points no candidate reaches are listed and left out" "$work/out" || fail "q not left out: $(cat "$work/out")"
printf 'demand,weight\na,1\na,2\n' >"$work/w_bad.csv"
expect_fail "w_bad.csv: line 3: the demand 'a' is given twice" "$parkcap" allocate --matrix "$work/m.csv" --demand-weights "$work/w_bad.csv" --p 1 --out "$work/b1"
printf 'demand,candidate,cost\na,X,1\na,Y,-4\n' >"$work/m_neg.csv"
expect_fail "m_neg.csv: line 3: a negative cost" "$parkcap" allocate --matrix "$work/m_neg.csv" --p 1 --out "$work/b2"
printf 'demand,candidate,cost\na,X,1\na,X,2\n' >"$work/m_twice.csv"
expect_fail "m_twice.csv: line 3: the pair demand 'a', candidate 'X' is given twice" "$parkcap" allocate --matrix "$work/m_twice.csv" --p 1 --out "$work/b3"
printf 'demand,site,cost\na,X,1\n' >"$work/m_cols.csv"
expect_fail "m_cols.csv: line 1: no column 'candidate'" "$parkcap" allocate --matrix "$work/m_cols.csv" --p 1 --out "$work/b4"
expect_fail "p = 4 is more than the 3 candidate sites" "$parkcap" allocate --matrix "$work/m.csv" --p 4 --out "$work/b5"
printf 'demand,weight\na,0\nb,0\nc,0\n' >"$work/w_zero.csv"
expect_fail "total weight is zero" "$parkcap" allocate --matrix "$work/m.csv" --demand-weights "$work/w_zero.csv" --p 1 --out "$work/b6"
expect_fail "no layer 'nope' for the candidates" "$parkcap" allocate "$demo" --candidates nope --out "$work/b7"
expect_fail "unknown problem 'tsp'" "$parkcap" allocate "$demo" --problem tsp --out "$work/b8"
for f in b1 b2 b3 b4 b5 b6 b7 b8 b9; do ls "$work/$f"* >/dev/null 2>&1 && fail "a half-written output $f"; done

[ "$failures" = 0 ] && echo "allocate: all checks passed"
exit $((failures > 0))
