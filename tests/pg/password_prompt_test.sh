#!/usr/bin/env bash
# The desktop planner opening a project whose database asks for a password, as a person does it:
# the prompt appears, the password is typed (masked) and Enter pressed, the project opens
# (the window's title names it), and the project file still holds no password. Needs the test
# PostgreSQL server (pg.start), xvfb-run and xdotool.
#   password_prompt_test.sh GUI SERVER_DIR
set -u
gui=$1 dir=$2
[ -S "$dir/.s.PGSQL.54329" ] || { echo "SKIP: no test PostgreSQL server (see pg.start)"; exit 77; }
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"
unset PGPASSWORD
conn="PG:host=$dir port=54329 user=locked dbname=demo"
cat > "$work/locked.parkcap.json" <<EOS
{"parkcap": 1, "name": "locked", "working_crs": "auto", "layers": [
  {"id": "parks", "role": "parks", "path": "$conn", "layer": "parks"},
  {"id": "enterprises", "role": "enterprises", "path": "$conn", "layer": "enterprises"}]}
EOS
cp "$work/locked.parkcap.json" "$work/before.json"
cat > "$work/session.sh" <<EOS
"$gui" "$work/locked.parkcap.json" --size 1400x900 > "$work/gui.log" 2>&1 &
pid=\$!
for i in \$(seq 1 100); do wid=\$(xdotool search --name parkcap 2>/dev/null | head -1); [ -n "\$wid" ] && break; sleep 0.2; done
sleep 3
xdotool windowfocus --sync "\$wid"
xwd -root -silent | convert xwd:- "$work/prompt.png" 2>/dev/null
for i in \$(seq 1 5); do
  xdotool type --delay 60 "right"; sleep 0.3
  xdotool keydown Return; sleep 0.15; xdotool keyup Return; sleep 3
  xdotool getwindowname "\$wid" > "$work/title"
  grep -q "locked.parkcap.json" "$work/title" && break
done
kill \$pid
EOS
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/session.sh"
grep -q "locked.parkcap.json" "$work/title" || { echo "FAIL: the project did not open after the password was typed (title: $(cat "$work/title"))"; tail -5 "$work/gui.log"; exit 1; }
cmp -s "$work/locked.parkcap.json" "$work/before.json" || { echo "FAIL: the project file changed"; exit 1; }
grep -q password "$work/locked.parkcap.json" && { echo "FAIL: a password is in the project file"; exit 1; }
echo PASS
