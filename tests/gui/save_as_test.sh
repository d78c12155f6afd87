#!/usr/bin/env bash
# File > Save project as (Ctrl+Shift+S), as a person does it: the browser opens at the project's
# folder, Up, a new name, Save. The copy lands in the parent folder with its layer paths
# rewritten to reach the same files ("demo/...", "standards/..."), loads with the command line, and the
# original project file is untouched. Needs xvfb-run and xdotool.
#   save_as_test.sh GUI PARKCAP REPO
set -u
gui=$1 cli=$2 repo=$3
demo=$repo/datasets/chongqing-demo
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"  # the layout and recent projects of this run only, not the user's
mkdir -p "$work/demo"
cp -r "$demo"/. "$work/demo"/
cp -r "$repo/datasets/standards" "$work/standards"  # the demo names ../standards
project="$work/demo/chongqing-demo.parkcap.json"
before=$(sha256sum "$project")
cat > "$work/session.sh" <<EOS
"$gui" "$project" --size 1400x900 &
pid=\$!
for i in \$(seq 1 100); do wid=\$(xdotool search --name parkcap 2>/dev/null | head -1); [ -n "\$wid" ] && break; sleep 0.2; done
sleep 3
xdotool windowfocus --sync "\$wid"
for i in \$(seq 1 5); do
  xdotool key --clearmodifiers ctrl+shift+s; sleep 0.6
  xdotool mousemove 408 294 click 1; sleep 0.4       # Up (the dialog opens centred, 620 x 440)
  xdotool mousemove 699 619 click 1; sleep 0.2       # the name field
  # Select all with the keys held long enough for a frame to see them (ImGui 1.86 has no input queue).
  xdotool keydown ctrl; sleep 0.15; xdotool keydown a; sleep 0.15; xdotool keyup a; xdotool keyup ctrl; sleep 0.1
  xdotool type --delay 40 "elsewhere.parkcap.json"; sleep 0.2
  xdotool mousemove 414 646 click 1; sleep 1         # Save
  [ -f "$work/elsewhere.parkcap.json" ] && break
done
kill \$pid
EOS
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/session.sh"
saved="$work/elsewhere.parkcap.json"
[ -f "$saved" ] || { echo "FAIL: no project saved as $saved"; ls -R "$work" | head; exit 1; }
grep -q '"path": "demo/enterprises.gpkg"' "$saved" || { echo "FAIL: layer paths not rewritten for the new folder"; grep '"path"' "$saved"; exit 1; }
grep -q '"radii_table": "standards/facility_service_radii.csv"' "$saved" || { echo "FAIL: the radius table's path not rewritten"; grep radii_table "$saved"; exit 1; }
"$cli" info "$saved" >/dev/null || { echo "FAIL: the saved copy does not load"; "$cli" info "$saved" | tail -3; exit 1; }
[ "$(sha256sum "$project")" = "$before" ] || { echo "FAIL: Save As changed the original project"; exit 1; }
echo PASS
