#!/usr/bin/env bash
# parkcap map end to end: the PDF's text (pdftotext) holds the title, park names, legend
# entries and the scale; fonts are embedded subsets; pdftoppm renders a page that is not
# blank; the atlas has one page per park; a PNG has the size asked for; identical runs give
# identical files; no overwrite without --overwrite; a bad extension is named.
#   map_test.sh PARKCAP DEMO_PROJECT
set -u
cli=$1 demo=$2
for tool in pdftotext pdfinfo pdffonts pdftoppm; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed (apt-get install poppler-utils)"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$cli" map "$demo" --out "$work/city.pdf" --lang zh --title "重庆市产业园区" --date 2026-11-30 > "$work/out" 2>&1 || { cat "$work/out"; fail "map"; }
pdftotext "$work/city.pdf" "$work/city.txt"
for want in 重庆市产业园区 图例 万州经济技术开发区 合川高新区 公交站点 "每格点数" "坐标系" "2026-11-30" "100 km"; do
  grep -q "$want" "$work/city.txt" || fail "the PDF's text lacks '$want'"
done
pdffonts "$work/city.pdf" | grep -q "NotoSansCJK.*yes yes" || fail "the CJK font is not embedded as a subset"
pdftoppm -r 30 -png "$work/city.pdf" "$work/page" || fail "pdftoppm cannot render the PDF"
[ "$(stat -c %s "$work/page-1.png")" -gt 20000 ] || fail "the rendered page looks blank"

"$cli" map "$demo" --out "$work/atlas.pdf" --atlas parks --date 2026-11-30 > /dev/null 2>&1 || fail "atlas"
[ "$(pdfinfo "$work/atlas.pdf" | sed -n 's/^Pages: *//p')" = 15 ] || fail "the atlas does not have one page per park (15)"
pdftotext -f 3 -l 3 "$work/atlas.pdf" - | grep -q "Legend" || fail "an atlas page has no legend"
pdftotext "$work/atlas.pdf" - > "$work/atlas.txt"
for park in 重庆高新区 两江新区鱼复工业园 万州经济技术开发区; do grep -q "$park" "$work/atlas.txt" || fail "the atlas has no page for $park"; done

"$cli" map "$demo" --out "$work/p.png" --size 800x600 > /dev/null 2>&1 || fail "png"
file "$work/p.png" 2>/dev/null | grep -q "800 x 600" || [ "$(od -An -tu1 -j16 -N8 "$work/p.png" | tr -s ' ')" = " 0 0 3 32 0 0 2 88" ] || fail "the PNG is not 800 x 600"

"$cli" map "$demo" --out "$work/again.pdf" --lang zh --title "重庆市产业园区" --date 2026-11-30 > /dev/null 2>&1
cmp -s "$work/city.pdf" "$work/again.pdf" || fail "two identical map runs differ"
"$cli" map "$demo" --out "$work/city.pdf" 2>&1 | grep -q "already exists; not overwriting it" || fail "overwrote without --overwrite"
"$cli" map "$demo" --out "$work/city.bmp" 2>&1 | grep -q "a map is written as .pdf, .svg or .png, not '.bmp'" || fail "a bad extension is not named"
[ ! -e "$work/city.bmp" ] || fail "a file was left for a bad extension"
echo PASS
