#!/usr/bin/env bash
# make package: Tandem's installers, in dist/, from the binary make build left in build/bin.
#   dist/tandem_VERSION_amd64.deb              Debian/Ubuntu (nfpm: build/linux/nfpm.yaml)
#   dist/tandem.exe                            Windows amd64: Wails, WebView2, no cgo
#   dist/Tandem-VERSION-amd64-installer.exe    its per-user installer (NSIS, from Wails' template)
#   dist/SHA256SUMS
# VERSION is build/version.sh's. build/stage/ keeps what was made on the way: the metainfo and
# changelog of the .deb, Wails' log and the NSIS listing that make package-test reads.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${VERSION:-$(build/version.sh)}
winversion=$(build/version.sh --windows "$version")
stage=build/stage
rm -rf "$stage" && mkdir -p "$stage" dist
rm -f dist/tandem_*.deb dist/tandem.exe dist/Tandem-*-installer.exe dist/SHA256SUMS

for tool in makensis dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "package: $tool is missing: make setup installs it" >&2; exit 1; }
done
have=$(build/bin/tandem version)
[ "$have" = "tandem $version" ] || { echo "package: build/bin/tandem says '$have', not $version: run make build" >&2; exit 1; }

# A build on a tag vX.Y.Z is a release: it needs its notes in build/linux/changelog.yml. Any
# other build is a development snapshot, with an entry of its own.
date=$(git log -1 --format=%cI 2>/dev/null || date -u +%FT%TZ)
if [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  type=stable
  grep -q "^- semver: $version\$" build/linux/changelog.yml || {
    echo "package: $version is a release: add its notes to build/linux/changelog.yml" >&2; exit 1; }
  cp build/linux/changelog.yml "$stage/changelog.yml"
else
  type=development
  { printf -- '- semver: %s\n  date: %s\n  packager: Tandem <tandem@example.org>\n  changes:\n' "$version" "$date"
    printf -- '    - note: Development build %s, not a release.\n' "$version"
    cat build/linux/changelog.yml; } >"$stage/changelog.yml"
fi
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/${date%%T*}/" -e "s/@TYPE@/$type/" \
  build/linux/io.github.tandem.Tandem.metainfo.xml.in >"$stage/io.github.tandem.Tandem.metainfo.xml"

deb="dist/tandem_${version}_amd64.deb"
TANDEM_VERSION=$version go tool nfpm package --config build/linux/nfpm.yaml --packager deb --target "$deb" >"$stage/nfpm.log" 2>&1 ||
  { cat "$stage/nfpm.log"; exit 1; }
echo "package: $deb"

# Windows. Wails reads build/windows/info.json (the version resource) and the NSIS script
# includes version.nsh; both are made here from the version, as Wails' own templates only
# know wails.json's.
sed -e "s/@VERSION@/$version/g" -e "s/@WINVERSION@/$winversion/g" build/windows/info.json.in >build/windows/info.json
printf '!define TANDEM_VERSION "%s"\n!define TANDEM_WINVERSION "%s"\n' "$version" "$winversion" >build/windows/installer/version.nsh
rm -f build/bin/tandem.exe build/bin/Tandem-*-installer.exe
go tool wails build -platform windows/amd64 -nsis -installscope user -s -skipbindings \
  -ldflags "-X tandem/app.Version=$version" >"$stage/wails-windows.log" 2>&1 ||
  { cat "$stage/wails-windows.log"; exit 1; }
installer="Tandem-$version-amd64-installer.exe"
cp build/bin/tandem.exe dist/tandem.exe
cp "build/bin/$installer" "dist/$installer"
# The same script compiled once more at full verbosity, into build/stage: its listing shows
# what the installer and the uninstaller do (make package-test reads it).
(cd build/windows/installer && makensis -V4 -DARG_WAILS_AMD64_BINARY="$PWD/../../bin/tandem.exe" \
  -DWAILS_INSTALL_SCOPE=user -DREQUEST_EXECUTION_LEVEL=user project.nsi "-XOutFile $PWD/../../stage/listing.exe") \
  >"$stage/nsis-listing.txt" 2>&1 || { cat "$stage/nsis-listing.txt"; exit 1; }
rm -f "$stage/listing.exe"
echo "package: dist/tandem.exe, dist/$installer"

(cd dist && sha256sum "${deb#dist/}" tandem.exe "$installer" >SHA256SUMS)
