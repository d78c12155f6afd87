#!/usr/bin/env bash
# A person's what-if: open a project with a saved coverage scenario (an add and a remove),
# choose "Add" in the Coverage panel, click on the map, press Ctrl+S; the saved scenario must
# gain an "add" and keep the remove (the old index-based edits come back as typed ones), and
# `parkcap coverage --scenario` must read it. Needs xvfb-run and xdotool.
#   what_if_click_test.sh GUI PARKCAP REPO
set -u
gui=$1 cli=$2 repo=$3
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"  # the layout and recent projects of this run only, not the user's
project="$work/whatif.parkcap.json"
sed "s#../../../datasets#$repo/datasets#g" "$repo/tests/data/coverage_project/coverage.parkcap.json" > "$project"
cat > "$work/session.sh" <<EOS
"$gui" "$project" --size 1400x900 --panel coverage &
pid=\$!
for i in \$(seq 1 100); do wid=\$(xdotool search --name parkcap 2>/dev/null | head -1); [ -n "\$wid" ] && break; sleep 0.2; done
sleep 4   # the coverage panel computes its base state on a worker
xdotool windowfocus --sync "\$wid"
# Until the saved scenario shows the new edit (the panel may still be computing at first):
for i in \$(seq 1 30); do
  xdotool mousemove 1003 558 click 1  # "Add" in the Coverage tab (the right column, at a fixed place)
  sleep 0.3
  xdotool mousemove 500 300 click 1   # on the map
  sleep 0.3
  xdotool key --clearmodifiers ctrl+s
  sleep 0.7
  [ "\$(grep -c '"type": "add_facility"' "$project")" -ge 2 ] && break
done
kill \$pid
EOS
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/session.sh"
adds=$(grep -c '"type": "add_facility"' "$project")
[ "$adds" -ge 2 ] || { echo "FAIL: expected the saved scenario to gain an add edit (found $adds adds)"; exit 1; }
grep -q '"type": "remove_facility"' "$project" || { echo "FAIL: the earlier remove edit was lost"; exit 1; }
grep -q '"op":' "$project" && { echo "FAIL: old index-based edits were saved again"; exit 1; }
"$cli" info "$project" >/dev/null || { echo "FAIL: the saved project does not load"; exit 1; }
out=$("$cli" coverage "$project" --scenario "coverage what-if" --out "$work/cov" 2>&1) || { echo "FAIL: parkcap coverage --scenario: $out"; exit 1; }
grep -q "scenario 'coverage what-if': 614 facilities after its edits (613 before)" <<<"$out" || { echo "FAIL: the command did not apply the what-if: $out"; exit 1; }
echo PASS
