#!/usr/bin/env bash
# Golden outputs of `parkcap density|clusters|coverage|capacity` on the demo.
#   tests/golden/golden.sh check  PARKCAP   compare fresh outputs with tests/golden/<case>/
#   tests/golden/golden.sh update PARKCAP   rewrite tests/golden/<case>/ after an intended change
# Each case is named after the flags that made it. Outputs are dumped as text: CSVs as they
# are, each GeoPackage layer as CSV with WKT geometry (rows sorted), each GeoTIFF as gdalinfo
# with checksums; numbers are cut to 3 decimals so the files stay readable and a diff shows
# what changed. `git diff tests/golden` after an update is the review.
set -u
mode=${1:-} parkcap=${2:-}
case "$mode" in check|update) ;; *) echo "usage: $0 check|update PARKCAP" >&2; exit 2 ;; esac
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
demo=$root/datasets/chongqing-demo/chongqing-demo.parkcap.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C

cases=(
  "density_demo|density DEMO --out OUT.tif"
  "density_demo_kernel-triweight_radius-1500_cell-200_weight-employees|density DEMO --kernel triweight --radius 1500 --cell 200 --weight employees --out OUT.tif"
  "clusters_demo|clusters DEMO --out OUT"
  "clusters_demo_grid-square_cell-1000_lq-measure-count|clusters DEMO --grid square --cell 1000 --lq-measure count --out OUT"
  "coverage_demo_network|coverage DEMO --network --out OUT"
  "capacity_demo_all-scenarios|capacity DEMO --all-scenarios --out OUT"
)

cut_numbers() { sed -E 's/([0-9]+\.[0-9]{3})[0-9]+/\1/g'; }

dump() {  # dump OUTPUT_FOLDER DUMP_FOLDER
  local out=$1 to=$2 f layer
  mkdir -p "$to"
  for f in "$out"/*; do
    case "$f" in
      *.csv) tr -d '\r' < "$f" | cut_numbers > "$to/$(basename "$f")" ;;
      *.gpkg)
        ogrinfo -q "$f" | sed -nE 's/^[0-9]+: ([^ ]+).*/\1/p' | while read -r layer; do
          ogr2ogr -f CSV /vsistdout/ "$f" "$layer" -lco GEOMETRY=AS_WKT > "$work/layer.csv"
          { head -n 1 "$work/layer.csv"; tail -n +2 "$work/layer.csv" | sort; } | cut_numbers > "$to/$(basename "$f" .gpkg).$layer.csv"
        done ;;
      *.tif) gdalinfo -checksum -nofl "$f" | grep -vE '^(Files|Driver):|^  /' | cut_numbers > "$to/$(basename "$f").txt" ;;
    esac
  done
}

failed=0 checked=0
for entry in "${cases[@]}"; do
  name=${entry%%|*} args=${entry#*|}
  out=$work/out/$name
  mkdir -p "$out"
  read -r -a argv <<< "${args//DEMO/$demo}"
  argv=("${argv[@]//OUT/$out/out}")
  if ! "$parkcap" "${argv[@]}" > "$work/log" 2>&1; then
    echo "FAIL $name: parkcap ${argv[*]} exited non-zero"; tail -5 "$work/log"; failed=$((failed+1)); continue
  fi
  dump "$out" "$work/dump/$name"
  if [ "$mode" = update ]; then
    rm -rf "${here:?}/$name"; cp -r "$work/dump/$name" "$here/$name"; echo "updated $name"
  elif diff -ru "$here/$name" "$work/dump/$name" > "$work/diff"; then
    echo "ok $name"; checked=$((checked+1))
  else
    echo "FAIL $name: outputs differ from tests/golden/$name (after an intended change: $0 update PARKCAP)"
    head -40 "$work/diff"; failed=$((failed+1))
  fi
done
[ "$mode" = check ] && echo "$checked passed, $failed failed"
[ "$failed" -eq 0 ]
