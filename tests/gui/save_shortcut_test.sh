#!/usr/bin/env bash
# A person's round trip: open a copy of the demo, press Ctrl+S, close; the project file must
# now hold each layer's style and the view, and still load. Needs xvfb-run and xdotool.
#   save_shortcut_test.sh GUI PARKCAP DEMO_FOLDER
set -u
gui=$1 cli=$2 demo=$3
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"  # the layout and recent projects of this run only, not the user's
cp -r "$demo"/. "$work"/
project="$work/chongqing-demo.parkcap.json"
cat > "$work/session.sh" <<EOS
"$gui" "$project" &
pid=\$!
for i in \$(seq 1 100); do wid=\$(xdotool search --name parkcap 2>/dev/null | head -1); [ -n "\$wid" ] && break; sleep 0.2; done
sleep 2   # the demo loads in well under a second; give the first frames time
xdotool windowfocus --sync "\$wid"
# Press Ctrl+S until the file shows the save (a slow machine may still be loading the first time).
for i in \$(seq 1 20); do
  xdotool key --clearmodifiers ctrl+s
  sleep 0.5
  grep -q metres_per_pixel "$project" && break
done
kill \$pid
EOS
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/session.sh"
grep -q '"metres_per_pixel"' "$project" || { echo "FAIL: no view saved"; exit 1; }
[ "$(grep -c '"style"' "$project")" -eq 7 ] || { echo "FAIL: expected 7 layer styles"; grep -c '"style"' "$project"; exit 1; }
grep -q '"field": "产业集群"' "$project" || { echo "FAIL: the enterprises style lost its field"; exit 1; }
"$cli" info "$project" >/dev/null || { echo "FAIL: the saved project does not load"; exit 1; }
echo PASS
