#!/usr/bin/env bash
# A person chooses the project's rule for under-used plots in the Capacity panel: the
# combo's second entry (the lowest 亩均效益 class), then Ctrl+S. The saved project keeps
# analysis.capacity.parameters.underused_rule = performance_class, and parkcap capacity on it
# names that rule. Needs xvfb-run and xdotool.
#   underused_rule_test.sh GUI PARKCAP REPO
set -u
gui=$1 cli=$(readlink -f "$2") repo=$3
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"
cp -r "$repo/datasets/chongqing-demo" "$repo/datasets/standards" "$work/"
project="$work/chongqing-demo/chongqing-demo.parkcap.json"
cat > "$work/session.sh" <<EOS
"$gui" "$project" --size 1400x900 --lang en --panel capacity &
pid=\$!
for i in \$(seq 1 100); do wid=\$(xdotool search --name parkcap 2>/dev/null | head -1); [ -n "\$wid" ] && break; sleep 0.2; done
sleep 4
xdotool windowfocus --sync "\$wid"
for i in \$(seq 1 10); do
  xdotool mousemove 1080 120 click 1     # the rule's combo, below the park and scenario choosers
  sleep 0.5
  xdotool mousemove 1080 166 click 1     # its second entry: the lowest 亩均效益 class
  sleep 0.5
  xdotool mousemove 640 500 click 1      # the map
  xdotool key --clearmodifiers ctrl+s
  sleep 0.8
  grep -q '"underused_rule": "performance_class"' "$project" && break
done
kill \$pid
EOS
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/session.sh" > "$work/session.out" 2>&1
grep -q '"underused_rule": "performance_class"' "$project" || { echo "FAIL: the saved project does not keep the rule"; exit 1; }
out=$(cd "$work/chongqing-demo" && "$cli" capacity chongqing-demo.parkcap.json 2>&1) || { echo "FAIL: parkcap capacity: $out"; exit 1; }
grep -q "are flagged as under-used (亩均效益 class D" <<<"$out" || { echo "FAIL: capacity does not name the rule: $(tail -3 <<<"$out")"; exit 1; }
echo PASS
