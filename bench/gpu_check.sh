#!/usr/bin/env bash
# The GPU rendering check, run on a lent GPU machine (no display, no Debian packages, nothing
# to download). Prepare .gl/ here first (see bench/README.md): the glvnd loader debs, the
# bench_render_frames binary, libepoxy and libstb, and a scene from bench_scene_dump.
set -u
for f in .gl/*.deb; do dpkg -x "$f" /; done
ldconfig
export LD_LIBRARY_PATH="$PWD/.gl/lib"
vendor=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
[ -f "$vendor" ] && export __EGL_VENDOR_LIBRARY_FILENAMES="$vendor"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
out="${OUT:-/tmp}"
if ! .gl/bench_render_frames .gl/scene1m.bin --frames 200 --png "$out/gpu_city.png" 2>&1 | tee "$out/gpu_frames.txt"; then
  echo "--- diagnostics"
  ls /usr/local/nvidia/share/glvnd/egl_vendor.d/ /usr/share/glvnd/egl_vendor.d/ 2>&1
  ldconfig -p | grep -iE "egl|libGL" | head -20
fi
