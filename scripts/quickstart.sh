#!/usr/bin/env bash
# The README's two commands:
#   scripts/quickstart.sh demo   install what is missing, build (Release), run parkcap on the demo
#   scripts/quickstart.sh test   install what is missing, build (Release), run the whole test suite
# Run as root on Debian 12 (or with sudo available). Only Debian packages are installed;
# nothing is downloaded at build or run time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-}"
case "$mode" in demo|test) ;; *) echo "usage: $0 demo|test" >&2; exit 2 ;; esac

mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$here/scripts/debian-packages.txt")
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build="$here/build"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j"$(nproc)"

if [ "$mode" = demo ]; then
  "$build/app/cli/parkcap" info "$here/datasets/chongqing-demo/chongqing-demo.parkcap.json"
else
  ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
fi
