#!/usr/bin/env bash
# Renders Tandem's icon, build/appicon.svg, into the files the packages take; the results are
# committed, so only run this after changing the SVG. Needs rsvg-convert (librsvg2-bin) and
# ImageMagick.
#   build/appicon.png                  1024 px: Wails' source for the Windows and macOS icons
#   build/linux/icons/NxN/tandem.png   the hicolor sizes of the .deb (with the SVG as scalable)
#   build/windows/icon.ico             16 to 256 px, in tandem.exe and the installer
set -euo pipefail
cd "$(dirname "$0")"
rsvg-convert -w 1024 -h 1024 appicon.svg -o appicon.png
for s in 16 24 32 48 64 128 256 512; do
  mkdir -p "linux/icons/${s}x${s}"
  rsvg-convert -w "$s" -h "$s" appicon.svg -o "linux/icons/${s}x${s}/tandem.png"
done
convert linux/icons/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}/tandem.png windows/icon.ico
