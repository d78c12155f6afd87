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
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARKCAP_WERROR=ON
cmake --build "$build" -j"$(nproc)"

demo="$here/datasets/chongqing-demo/chongqing-demo.parkcap.json"
if [ "$mode" = demo ]; then
  # The desktop planner where there is a display; the headless summary where there is none.
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    "$build/app/gui/parkcap-gui" "$demo" && exit 0
    status=$?
    [ "$status" -ne 3 ] && exit "$status"   # 3: no usable display after all
  fi
  echo "No display here, so parkcap-gui cannot open a window: running the headless summary instead."
  echo "(Under a virtual display: xvfb-run -a build/app/gui/parkcap-gui $demo --screenshot demo.png)"
  "$build/app/cli/parkcap" info "$demo"
else
  ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
fi
