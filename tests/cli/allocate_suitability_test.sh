#!/usr/bin/env bash
# Siting on suitable land: parkcap suitability's raster leaves out the candidates below a least
# score; every chosen site then lies on a cell of at least that score (read back with GDAL).
#   allocate_suitability_test.sh PARKCAP DEMO_PROJECT
set -u
cli=$1 demo=$2
command -v gdallocationinfo >/dev/null 2>&1 || { echo "SKIP: gdallocationinfo is not installed (apt-get install gdal-bin)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$cli" suitability "$demo" --out "$work/s" --cell 100 > /dev/null 2>&1 || fail "suitability"
"$cli" allocate "$demo" --out "$work/a" --suitability "$work/s.tif" --min-suitability 80 > "$work/out" 2>&1 || { cat "$work/out"; fail "allocate --suitability"; }
grep -Eq "note: [0-9]+ candidates left out by the suitability raster \(vetoed, off it, or below 80\): [0-9]+ stand" "$work/out" || { cat "$work/out"; fail "the note"; }
left=$(sed -n 's/.*note: \([0-9]*\) candidates left out by the suitability.*/\1/p' "$work/out")
[ "$left" -gt 100 ] || fail "too few candidates left out ($left) for a least score of 80"
n=0
while IFS=, read -r rank site kind x y points served mean max score; do
  [ "$rank" = rank ] || [ -z "$x" ] && continue
  v=$(gdallocationinfo -valonly -geoloc "$work/s.tif" "$x" "$y")
  python3 -c "import sys; sys.exit(0 if float('$v') >= 80 else 1)" || fail "site $site at $x,$y lies on a cell scored $v"
  # The chosen site's score as written: the raster's at its place (existing facilities have none).
  [ "$kind" = existing ] || python3 -c "import sys; sys.exit(0 if abs(float('$v') - float('$score')) < 1e-3 else 1)" || fail "site $site: suitability '$score', the raster $v"
  n=$((n + 1))
done < <(tr -d '\r' < "$work/a_chosen.csv" | sed '1s/^\xEF\xBB\xBF//')
[ "$n" -ge 1 ] || fail "no chosen site checked"
"$cli" allocate "$demo" --out "$work/b" --suitability "$work/s.tif" --min-suitability 101 2>&1 | grep -q "min-suitability is a score from 0 to 100" || fail "a score above 100 is not refused"
echo "allocate_suitability: OK ($n sites checked)"
