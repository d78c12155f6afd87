#!/usr/bin/env bash
# A person's placement: open the demo with the Allocation panel, choose the "Incoming
# enterprises" tab, press Place, then "Save as scenario", then Ctrl+S; the saved project must
# hold the scenario "placement" of add_enterprise edits, and `parkcap capacity` must
# evaluate it. Needs xvfb-run and xdotool.
#   placement_click_test.sh GUI PARKCAP REPO
set -u
gui=$1 cli=$2 repo=$3
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"  # the layout and recent projects of this run only, not the user's
cp -r "$repo/datasets/chongqing-demo" "$repo/datasets/standards" "$work/"
project="$work/chongqing-demo/chongqing-demo.parkcap.json"
cat > "$work/session.sh" <<EOS
"$gui" "$project" --size 1400x900 --panel allocation &
pid=\$!
for i in \$(seq 1 100); do wid=\$(xdotool search --name parkcap 2>/dev/null | head -1); [ -n "\$wid" ] && break; sleep 0.2; done
sleep 3
xdotool windowfocus --sync "\$wid"
for i in \$(seq 1 30); do
  xdotool mousemove 1050 66 click 1    # the "Incoming enterprises" tab (the right column, at a fixed place)
  sleep 0.3
  xdotool mousemove 922 222 click 1    # Place
  sleep 1.5
  xdotool mousemove 1160 252 click 1   # Save as scenario (just below Place)
  sleep 0.3
  xdotool key --clearmodifiers ctrl+s
  sleep 0.7
  grep -q '"name": "placement"' "$project" && break
done
kill \$pid
EOS
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/session.sh"
grep -q '"name": "placement"' "$project" || { echo "FAIL: the saved project has no scenario 'placement'"; exit 1; }
edits=$(grep -c '"type": "add_enterprise"' "$project")
[ "$edits" -ge 10 ] || { echo "FAIL: expected the placed applicants as add_enterprise edits (found $edits)"; exit 1; }
out=$(cd "$work/chongqing-demo" && "$cli" capacity chongqing-demo.parkcap.json --scenario placement 2>&1) || { echo "FAIL: parkcap capacity: $out"; exit 1; }
grep -q "Scenario 'placement'" <<<"$out" || { echo "FAIL: capacity did not evaluate the scenario: $out"; exit 1; }
echo PASS
