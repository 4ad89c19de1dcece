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
