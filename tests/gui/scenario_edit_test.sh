#!/usr/bin/env bash
# A planner's scenario, made in the Capacity panel (opened alone with --panel): "New scenario", "Raise FAR", "Upgrade
# capacity by", "Add facility by clicking" and a click on the map, then Ctrl+S. The saved
# project must hold the scenario with those three edits, and `parkcap capacity --scenario`
# must evaluate it. Needs xvfb-run and xdotool.
#   scenario_edit_test.sh GUI PARKCAP REPO
set -u
gui=$1 cli=$2 repo=$3
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"  # the layout and recent projects of this run only, not the user's
project="$work/scenario.parkcap.json"
demo="$repo/datasets/chongqing-demo"
sed -e "s#\"path\": \"#\"path\": \"$demo/#" -e "s#\"standards_dir\": \"../standards\"#\"standards_dir\": \"$repo/datasets/standards\"#" \
    -e "s#\"infrastructure\": \"#\"infrastructure\": \"$demo/#" -e "s#\"growth\": \"#\"growth\": \"$demo/#" \
    "$demo/chongqing-demo.parkcap.json" > "$project"
cat > "$work/session.sh" <<EOS
"$gui" "$project" --size 1400x900 --panel capacity &
pid=\$!
for i in \$(seq 1 100); do wid=\$(xdotool search --name parkcap 2>/dev/null | head -1); [ -n "\$wid" ] && break; sleep 0.2; done
sleep 5   # the capacity panel evaluates on a worker
xdotool windowfocus --sync "\$wid"
# Until the saved project shows the new scenario (the panel may still be evaluating at first):
for i in \$(seq 1 10); do
  xdotool mousemove 1022 147 click 1     # the "Scenario editor" tab
  sleep 0.3
  xdotool mousemove 1192 175 click 1    # New scenario ("my scenario")
  sleep 0.3
  xdotool key --clearmodifiers ctrl+s
  sleep 0.7
  grep -q '"my scenario"' "$project" && break
done
for i in \$(seq 1 5); do
  xdotool mousemove 1055 228 click 1     # Raise FAR (2.5)
  sleep 0.3
  xdotool mousemove 1240 255 click 1    # Upgrade capacity by (power_kw, 10000)
  sleep 0.3
  xdotool mousemove 1210 308 click 1    # Add facility by clicking (bus_stop)
  sleep 0.3
  xdotool mousemove 500 300 click 1     # on the map
  sleep 0.3
  xdotool mousemove 1210 308 click 1    # put the tool down
  sleep 0.3
  xdotool key --clearmodifiers ctrl+s
  sleep 0.7
  grep -q '"add_facility"' "$project" && break
done
kill \$pid
EOS
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/session.sh"
for want in '"my scenario"' '"raise_far"' '"upgrade_capacity"' '"add_facility"'; do
  grep -q "$want" "$project" || { echo "FAIL: the saved project lacks $want"; cat "$project"; exit 1; }
done
out=$("$cli" capacity "$project" --scenario "my scenario" 2>&1) || { echo "FAIL: parkcap capacity: $out"; exit 1; }
grep -q "Scenario 'my scenario'" <<<"$out" || { echo "FAIL: the scenario was not evaluated: $out"; exit 1; }
echo PASS
