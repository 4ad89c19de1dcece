#!/usr/bin/env bash
# Installs what Tandem needs to build, run and test, skipping whatever is already there:
# Debian/Ubuntu packages (as root or through sudo), the frontend's npm packages, Go modules.
# A step that fails for a passing network reason is retried.
set -euo pipefail
cd "$(dirname "$0")/.."

retry() { # retry CMD...: three tries, with a pause between them
  local n
  for n in 1 2 3; do
    if "$@"; then return 0; fi
    echo "setup: '$*' failed (try $n of 3)" >&2
    sleep $((n * 5))
  done
  return 1
}

need_tools() {
  command -v go >/dev/null || { echo "setup: Go 1.24 or newer is needed: https://go.dev/dl/" >&2; exit 1; }
  command -v npm >/dev/null || { echo "setup: Node.js 20 or newer (with npm) is needed: https://nodejs.org/" >&2; exit 1; }
}

apt_packages() {
  [ "$(uname -s)" = Linux ] && command -v apt-get >/dev/null || return 0
  # nsis, p7zip-full, appstream, desktop-file-utils: make package and its test.
  local pkgs=(libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config gcc xvfb xauth x11-apps imagemagick chromium python3-gi gir1.2-ical-3.0 python3-networkx python3-scipy nsis p7zip-full appstream desktop-file-utils)
  local missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "setup: please install these packages (as root): ${missing[*]}" >&2; exit 1
    fi
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  retry $sudo apt-get update -q >/dev/null
  # An install can fail once for a passing reason: mend with -f, then try again.
  retry bash -c "$sudo apt-get install -y -q ${missing[*]} >/dev/null || { $sudo apt-get install -f -y -q >/dev/null; false; }"
}

npm_packages() {
  local stamp=frontend/node_modules/.package-lock.json
  if [ -f "$stamp" ] && [ "$stamp" -nt frontend/package-lock.json ]; then return 0; fi
  echo "setup: installing the frontend's npm packages"
  # Playwright drives Debian's Chromium (/usr/bin/chromium): never download a browser.
  (cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 retry npm install --no-audit --no-fund --loglevel=error)
}

go_modules() {
  retry go mod download
}

need_tools
apt_packages
npm_packages
go_modules
