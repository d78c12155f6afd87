#!/usr/bin/env bash
# The unsaved-changes prompt, driven by xdotool: an edit (a placement saved as a scenario)
# marks the title; Ctrl+Q then asks instead of closing; Esc cancels; D discards (the file
# stays as it was); in a second session S saves and closes (the file holds the scenario).
# A project without changes closes at once. Needs xvfb-run and xdotool.
#   unsaved_prompt_test.sh GUI REPO
set -u
gui=$1 repo=$2
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"  # the layout and recent projects of this run only, not the user's
cp -r "$repo/datasets/chongqing-demo" "$repo/datasets/standards" "$work/"
project="$work/chongqing-demo/chongqing-demo.parkcap.json"
before=$(sha256sum "$project" | cut -d' ' -f1)
cat > "$work/session.sh" <<EOS
edit() {  # a placement saved as a scenario: an entry of the undo history
  for i in \$(seq 1 20); do
    xdotool mousemove 1050 66 click 1; sleep 0.3
    xdotool mousemove 922 222 click 1; sleep 1.2
    xdotool mousemove 1160 252 click 1; sleep 0.5
    case "\$(xdotool getwindowname \$wid)" in *" *") return 0 ;; esac
  done
  return 1
}
start() {
  "$gui" "$project" --size 1400x900 --panel allocation &
  pid=\$!
  for i in \$(seq 1 100); do wid=\$(xdotool search --name parkcap 2>/dev/null | head -1); [ -n "\$wid" ] && break; sleep 0.2; done
  sleep 3
  xdotool windowfocus --sync "\$wid"
}
# Session 1: a clean project closes at once.
start
xdotool key --clearmodifiers ctrl+q; sleep 1.5
kill -0 \$pid 2>/dev/null && { echo "FAIL: a project without changes did not close"; kill \$pid; exit 1; }
# Session 2: edit, Ctrl+Q asks, Esc cancels, D discards.
start
edit || { echo "FAIL: the edit did not mark the title"; kill \$pid; exit 1; }
xdotool key --clearmodifiers ctrl+q; sleep 1
kill -0 \$pid 2>/dev/null || { echo "FAIL: closed with unsaved changes, no prompt"; exit 1; }
xdotool key Escape; sleep 0.5
xdotool key --clearmodifiers ctrl+q; sleep 0.8
xdotool key d; sleep 1.5
kill -0 \$pid 2>/dev/null && { echo "FAIL: Discard did not close"; kill \$pid; exit 1; }
[ "\$(sha256sum "$project" | cut -d' ' -f1)" = "$before" ] || { echo "FAIL: Discard changed the project file"; exit 1; }
# Session 3: edit, Ctrl+Q, S saves and closes.
start
edit || { echo "FAIL: the edit did not mark the title (again)"; kill \$pid; exit 1; }
xdotool key --clearmodifiers ctrl+q; sleep 1
xdotool key s; sleep 1.5
kill -0 \$pid 2>/dev/null && { echo "FAIL: Save did not close"; kill \$pid; exit 1; }
echo SESSIONS-DONE
EOS
out=$(xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/session.sh" 2>&1)
grep -q "FAIL" <<<"$out" && { grep FAIL <<<"$out"; exit 1; }
grep -q "SESSIONS-DONE" <<<"$out" || { echo "FAIL: the sessions did not finish: $out"; exit 1; }
# Discard left the file alone until the save of session 3, which wrote the scenario.
grep -q '"name": "placement"' "$project" || { echo "FAIL: Save did not write the scenario"; exit 1; }
[ "$(sha256sum "$project" | cut -d' ' -f1)" != "$before" ] || { echo "FAIL: the project file did not change on Save"; exit 1; }
echo PASS
