#!/usr/bin/env bash
# parkcap report end to end: the HTML holds every park with the capacity `parkcap capacity`
# gives, the overview map inline, print CSS with a page per park; one park with --park; in
# Chinese with --lang zh; loaded by headless Chromium, its rendered text holds the parks and
# figures and its screenshot is not blank; no overwrite without --overwrite.
#   report_test.sh PARKCAP DEMO_PROJECT
set -u
cli=$1 demo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$cli" report "$demo" --out "$work/r.html" --date 2026-11-30 > "$work/out" 2>&1 || { cat "$work/out"; fail "report"; }
grep -q "15 parks, 3 scenarios" "$work/out" || fail "the report does not say 15 parks and 3 scenarios"
# Each park's capacity as the capacity command prints it (grouped thousands, same engine).
"$cli" capacity "$demo" 2>/dev/null | awk '/^Baseline/{b=1;next} b && NF>=6 && $1!="park"{print $1, $5} /^$/{if(b)exit}' > "$work/caps"
[ "$(wc -l < "$work/caps")" = 15 ] || fail "could not read 15 capacities from parkcap capacity"
while read -r park cap; do
  grep -q "<td>$park</td><td class=\"n\">[0-9,]*</td><td class=\"n\">$cap</td>" "$work/r.html" || fail "the report's capacity of $park is not $cap"
done < "$work/caps"
grep -q 'src="data:image/svg+xml;base64,' "$work/r.html" || fail "no overview map inline"
grep -q "page-break-before:always" "$work/r.html" || fail "no print CSS page per park"
[ "$(grep -c '<section class="park">' "$work/r.html")" = 15 ] || fail "not one section per park"

"$cli" report "$demo" --out "$work/one.html" --park CQ-HTZ --lang zh --xlsx "$work/one.xlsx" --date 2026-11-30 > /dev/null 2>&1 || fail "--park"
# The workbook: Chinese sheet names, numbers as numbers, the same capacity.
ogrinfo -ro "$work/one.xlsx" 2>/dev/null | grep -q "园区概览" && ogrinfo -ro "$work/one.xlsx" 2>/dev/null | grep -q "承载因素" || fail "the workbook's sheets are not named in Chinese"
cap=$(awk '$1=="重庆高新区"{print $5}' "$work/caps" | tr -d ,)
ogr2ogr -f CSV /vsistdout/ "$work/one.xlsx" 园区概览 2>/dev/null | grep -q "^重庆高新区,CQ-HTZ,\"[0-9]*\",$cap" || fail "the workbook's capacity of 重庆高新区 is not $cap"
"$cli" report "$demo" --out "$work/one2.html" --park CQ-HTZ --lang zh --xlsx "$work/one2.xlsx" --date 2026-11-30 > /dev/null 2>&1
cmp -s "$work/one.xlsx" "$work/one2.xlsx" || fail "two identical workbooks differ"
# 亩均效益 and the life circles per park, as parkcap performance and parkcap lifecircles give them.
"$cli" performance "$demo" --out "$work/perf" > /dev/null 2>&1 || fail "parkcap performance"
"$cli" lifecircles "$demo" > "$work/lc.out" 2>&1 || fail "parkcap lifecircles"
python3 - "$work" <<'PY' || fail "the report's 亩均效益 or life circles differ from the commands'"
import csv, html, re, sys
work = sys.argv[1]
page = html.unescape(open(f"{work}/r.html", encoding="utf-8").read())
parks = {r["park"]: r for r in csv.DictReader(open(f"{work}/perf_parks.csv", encoding="utf-8-sig"))}
lc = dict(re.findall(r"^  (\S+)\s+([0-9.]+)%", open(f"{work}/lc.out", encoding="utf-8").read(), re.M))
checked = 0
for section in page.split('<section class="park"><h2>')[1:]:
    name = section.split(" ")[0].split("<")[0]
    p = parks[name]
    want = f"A {p['class_A']} · B {p['class_B']} · C {p['class_C']} · D {p['class_D']}; class D land <b>{float(p['class_D_land_mu']):.1f}</b> mu; mean score {float(p['mean_score']):.1f}"
    assert want in section, (name, want)
    m = re.search(r"15 min: (?:<b class=\"problem\">)?([0-9.]+)%", section)
    assert m and abs(float(m.group(1)) - float(lc[name])) < 0.051, (name, m and m.group(1), lc.get(name))
    checked += 1
assert checked == 15, checked
PY
[ "$(grep -c '<section class="park">' "$work/one.html")" = 1 ] || fail "--park gives more than one park"
ogrinfo -ro "$work/one.xlsx" 2>/dev/null | grep -q "亩均效益" && ogrinfo -ro "$work/one.xlsx" 2>/dev/null | grep -q "生活圈" || fail "the workbook has no 亩均效益 or 生活圈 sheet"
grep -q "制约因素" "$work/one.html" && grep -q "重庆高新区" "$work/one.html" && grep -q "宿舍床位" "$work/one.html" || fail "the Chinese report lacks its terms"
"$cli" report "$demo" --out "$work/x.html" --park Atlantis 2>&1 | grep -q "no park named 'Atlantis'" || fail "an unknown park is not named"
"$cli" report "$demo" --out "$work/r.html" 2>&1 | grep -q "already exists; not overwriting it" || fail "overwrote without --overwrite"

if command -v chromium >/dev/null 2>&1; then
  timeout 120 chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$work/r.html" 2>/dev/null > "$work/dom.html"
  for park in 重庆高新区 两江新区鱼复工业园 万州经济技术开发区; do grep -q "$park" "$work/dom.html" || fail "Chromium's DOM lacks $park"; done
  timeout 120 chromium --headless --no-sandbox --disable-gpu --window-size=1200,1600 --screenshot="$work/shot.png" "file://$work/one.html" >/dev/null 2>&1
  [ -f "$work/shot.png" ] && [ "$(stat -c %s "$work/shot.png")" -gt 50000 ] || fail "Chromium's screenshot of the report is missing or blank"
else
  echo "note: chromium is not installed; the browser checks were skipped"
fi
echo PASS
