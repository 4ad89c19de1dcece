#!/usr/bin/env bash
# `make run`: open Tandem in a window; without a display, run the same app on a virtual display
# in Wails' browser mode and say where to open it.
set -euo pipefail
cd "$(dirname "$0")/.."

has_display() {
  case "$(uname -s)" in
    Darwin|MINGW*|MSYS*|CYGWIN*) return 0 ;;
  esac
  [ -n "${WAYLAND_DISPLAY:-}" ] && return 0
  [ -n "${DISPLAY:-}" ] && command -v xdpyinfo >/dev/null && xdpyinfo >/dev/null 2>&1 && return 0
  [ -n "${DISPLAY:-}" ] && ! command -v xdpyinfo >/dev/null && return 0
  return 1
}

if has_display; then
  exec build/bin/tandem "$@"
fi

port="${TANDEM_PORT:-34115}"
echo "No display found: running Tandem on a virtual display (Xvfb); open http://localhost:${port} in a browser on this machine (Ctrl-C stops it)."
for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
DISPLAY=":$n" assetdir=frontend/dist devserver="127.0.0.1:${port}" loglevel=Warning build/bin/tandem-dev "$@" 2>&1 \
  | grep --line-buffered -v -e 'Overriding existing handler for signal 10' -e '^DEB ' || true
