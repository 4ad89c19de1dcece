#!/usr/bin/env bash
# Desktop smoke test: the production binary opens a real window on a virtual display (Xvfb),
# showing the sample organisation; a screenshot of the screen must not be blank.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${SMOKE_SHOT:-docs/screenshots/desktop-window.png}"
tmp=$(mktemp -d)
for n in $(seq 140 170); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
Xvfb ":$n" -screen 0 1280x820x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
build/bin/tandem sample --db "$tmp/smoke.db" >/dev/null
DISPLAY=":$n" build/bin/tandem --db "$tmp/smoke.db" >"$tmp/app.log" 2>&1 &
app=$!
# Wait until the window shows more than the empty background, up to 40 s.
for i in $(seq 1 40); do
  sleep 1
  if ! kill -0 "$app" 2>/dev/null; then echo "smoke: the app exited early:"; cat "$tmp/app.log"; exit 1; fi
  DISPLAY=":$n" xwd -root -silent | convert xwd:- "$tmp/shot.png" 2>/dev/null || continue
  colours=$(convert "$tmp/shot.png" -format '%k' info:)
  if [ "$colours" -gt 50 ]; then break; fi
done
colours=$(convert "$tmp/shot.png" -format '%k' info:)
echo "smoke: window screenshot has $colours colours"
if [ "$colours" -le 50 ]; then echo "smoke: the window looks blank"; cat "$tmp/app.log"; exit 1; fi
sleep 2 # let fonts and data settle for the picture
DISPLAY=":$n" xwd -root -silent | convert xwd:- "$out"
echo "smoke: screenshot in $out"

# One Tandem per database. While the window is open, a command that writes is refused, saying
# so, with exit code 1; a read-only one runs; a second window shows "already open", nothing else.
set +e
msg=$(build/bin/tandem sample --db "$tmp/smoke.db" 2>&1)
code=$?
set -e
if [ $code -ne 1 ] || ! grep -q "already open with this data" <<<"$msg"; then
  echo "smoke: a second writer was not refused (exit $code): $msg"; exit 1
fi
build/bin/tandem export-ics --db "$tmp/smoke.db" --out "$tmp/all.ics"
grep -q "BEGIN:VEVENT" "$tmp/all.ics" || { echo "smoke: export-ics beside the open app wrote no events"; exit 1; }
echo "smoke: with the app open, a writing command is refused and export-ics runs"

# problem_window DB SHOT WANT: start a window on DB, wait until it logs that it could not open
# its data as WANT, and screenshot it into SHOT; the window must stay up until closed.
problem_window() {
  DISPLAY=":$n" build/bin/tandem --db "$1" >"$tmp/problem.log" 2>&1 &
  local pid=$!
  for i in $(seq 1 30); do
    sleep 1
    kill -0 "$pid" 2>/dev/null || { echo "smoke: the problem window exited:"; cat "$tmp/problem.log"; exit 1; }
    grep -q "kind=$3" "$(dirname "$1")/tandem.log" 2>/dev/null && break
  done
  grep -q "kind=$3" "$(dirname "$1")/tandem.log" || { echo "smoke: no '$3' problem logged"; cat "$tmp/problem.log"; exit 1; }
  for i in $(seq 1 30); do # until the window shows more than the loader
    sleep 1
    DISPLAY=":$n" xwd -root -silent | convert xwd:- "$2" 2>/dev/null || continue
    [ "$(convert "$2" -format '%k' info:)" -gt 100 ] && break
  done
  [ "$(convert "$2" -format '%k' info:)" -gt 100 ] || { echo "smoke: the '$3' window shows nothing"; cat "$tmp/problem.log"; exit 1; }
  kill -0 "$pid" 2>/dev/null || { echo "smoke: the problem window closed by itself"; exit 1; }
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "smoke: '$3' window in $2"
}
problem_window "$tmp/smoke.db" "${SMOKE_LOCKED_SHOT:-docs/screenshots/start-already-open.png}" locked
kill "$app"; wait "$app" 2>/dev/null || true; app=""

# A damaged file opens a window that offers the newest good backup; the file is left as it was.
mkdir -p "$tmp/damaged"
cp "$tmp/smoke.db" "$tmp/damaged/tandem.db"
build/bin/tandem export-ics --db "$tmp/damaged/tandem.db" --out /dev/null # a start: one backup
head -c 20000 /dev/urandom >"$tmp/damaged/tandem.db"
sum=$(sha256sum <"$tmp/damaged/tandem.db")
problem_window "$tmp/damaged/tandem.db" "${SMOKE_DAMAGED_SHOT:-docs/screenshots/start-damaged.png}" damaged
[ "$(sha256sum <"$tmp/damaged/tandem.db")" = "$sum" ] || { echo "smoke: the damaged file was changed"; exit 1; }
