#!/usr/bin/env bash
# One GUI smoke test under a virtual display:
#   gui_test.sh GUI PNG_CHECK EXPECT_RC REGEX OUT.png [gui args...] [-- png_check args...]
# Runs GUI (with --screenshot OUT.png added) under xvfb-run, checks its exit status and that
# its output matches REGEX, then runs PNG_CHECK on the picture when checks are given.
# Skips (exit 77) only when xvfb-run is missing.
set -u
gui=$1 check=$2 expect=$3 regex=$4 out=$5
shift 5
gui_args=() check_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do gui_args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
check_args=("$@")
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed (apt-get install xvfb), so the GUI cannot be started here"
  exit 77
fi
rm -f "$out"
# The program's own exit status is recorded inside the virtual display: xvfb-run sometimes
# fails on its own ("problem while cleaning up temporary directory", status 5).
rcfile=$(mktemp)
output=$(xvfb-run -a -s "-screen 0 1920x1200x24" sh -c '"$@"; echo $? > "$0"' "$rcfile" "$gui" "${gui_args[@]}" --screenshot "$out" 2>&1)
rc=$(cat "$rcfile")
rm -f "$rcfile"
echo "$output"
if [ "$rc" != "$expect" ]; then echo "FAIL: exit status $rc, expected $expect"; exit 1; fi
if ! grep -qE "$regex" <<<"$output"; then echo "FAIL: output does not match: $regex"; exit 1; fi
if [ ${#check_args[@]} -gt 0 ]; then
  "$check" "$out" "${check_args[@]}" || { echo "FAIL: pixel checks"; exit 1; }
fi
echo PASS
