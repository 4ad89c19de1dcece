#!/usr/bin/env bash
# Prints Tandem's version, from git:
#   on the tag v0.3.0                  0.3.0
#   5 commits after it                 0.3.0-5-gabc1234
#   before any tag (N: all commits)    0.0.0-N-gabc1234
#   with changes to tracked files      ...-dirty
# The same string is the .deb's version (dpkg orders these builds by tag, then by commit count)
# and what `tandem version` and About show. Tags are plain vX.Y.Z.
# `version.sh --windows [VERSION]` prints the four numbers Windows' version resources take for
# VERSION (default: this checkout's): X.Y.Z.N, N being the commits since the tag (tandem.exe
# and the installer carry the full string as well). macOS takes the same numbers.
# core.fileMode=false: wails build rewrites frontend/wailsjs/runtime without its executable
# bits, which is no change to Tandem.
set -eu
cd "$(dirname "$0")/.."
g() { git -c core.fileMode=false "$@"; }
current() {
  local v h
  if v=$(g describe --tags --match 'v[0-9]*' --dirty --abbrev=7 2>/dev/null); then
    echo "${v#v}"
  elif h=$(g describe --always --dirty --abbrev=7 2>/dev/null); then
    echo "0.0.0-$(git rev-list --count HEAD)-g$h"
  else
    echo "0.0.0-unknown" # not a git checkout
  fi
}
if [ "${1:-}" = --windows ]; then
  v=${2:-$(current)}
  base=$(echo "$v" | sed -n 's/^\([0-9]*\.[0-9]*\.[0-9]*\).*/\1/p')
  n=$(echo "$v" | sed -n 's/^[0-9.]*-\([0-9]*\)-g.*/\1/p')
  echo "${base:-0.0.0}.${n:-0}"
else
  current
fi
