#!/usr/bin/env bash
# File > Export layer..., as a person does it: the dialog, "Choose the file and export...",
# Save in the browser (which starts at the project's folder with <layer>_export.gpkg). The
# GeoPackage holds the enterprises and their QGIS style. Then File > Export map...: a PDF of
# the map as shown, whose text has the legend; and File > Export report...: the HTML report. Needs xvfb-run, xdotool and pdftotext.
#   export_layer_test.sh GUI DEMO_FOLDER
set -u
gui=$1 demo=$2
for tool in xvfb-run xdotool ogrinfo; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"
cp -r "$demo" "$work/demo"
cp -r "$demo/../standards" "$work/standards"  # the demo names ../standards (capacity, for the report)
project="$work/demo/chongqing-demo.parkcap.json"
out="$work/demo/enterprises_export.gpkg"
cat > "$work/session.sh" <<EOS
"$gui" "$project" --size 1400x900 &
pid=\$!
for i in \$(seq 1 100); do wid=\$(xdotool search --name parkcap 2>/dev/null | head -1); [ -n "\$wid" ] && break; sleep 0.2; done
sleep 3
xdotool windowfocus --sync "\$wid"
for i in \$(seq 1 5); do
  xdotool mousemove 20 12 click 1; sleep 0.4; xdotool mousemove 22 14; sleep 0.2   # File
  xdotool mousemove 60 171; sleep 0.2; xdotool click 1; sleep 0.6                   # Export layer...
  xdotool mousemove 570 526; sleep 0.2; xdotool click 1; sleep 0.8                  # Choose the file and export...
  xdotool mousemove 414 646; sleep 0.2; xdotool click 1; sleep 2                    # Save (the browser, centred)
  [ -f "$out" ] && break
done
for i in \$(seq 1 5); do
  xdotool mousemove 20 12 click 1; sleep 0.4; xdotool mousemove 22 14; sleep 0.2   # File
  xdotool mousemove 60 192; sleep 0.2; xdotool click 1; sleep 0.8                   # Export map...
  xdotool mousemove 414 646; sleep 0.2; xdotool click 1; sleep 2                    # Save (map.pdf)
  [ -f "$work/demo/map.pdf" ] && break
done
for i in \$(seq 1 5); do
  xdotool mousemove 20 12 click 1; sleep 0.4; xdotool mousemove 22 14; sleep 0.2   # File
  xdotool mousemove 60 213; sleep 0.2; xdotool click 1; sleep 0.8                   # Export report...
  xdotool mousemove 414 646; sleep 0.2; xdotool click 1; sleep 2                    # Save (report.html)
  [ -f "$work/demo/report.html" ] && break
done
kill \$pid
EOS
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/session.sh"
[ -f "$out" ] || { echo "FAIL: nothing exported to $out"; ls "$work/demo"; exit 1; }
ogrinfo -ro -so "$out" enterprises | grep -q "Feature Count: 20000" || { echo "FAIL: the export lost features"; exit 1; }
ogrinfo -ro -q "$out" -sql "select count(*) as n from layer_styles where f_table_name = 'enterprises' and useAsDefault = 1" | grep -q "n (Integer) = 1" \
  || { echo "FAIL: no QGIS style in the export"; exit 1; }
[ -f "$work/demo/map.pdf" ] || { echo "FAIL: no map exported"; exit 1; }
if command -v pdftotext >/dev/null 2>&1; then
  pdftotext "$work/demo/map.pdf" - | grep -q "Legend" || { echo "FAIL: the exported map has no legend"; exit 1; }
fi
grep -q "重庆高新区" "$work/demo/report.html" 2>/dev/null || { echo "FAIL: no report exported, or without the parks"; exit 1; }
echo PASS
