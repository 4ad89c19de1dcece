#!/usr/bin/env bash
# macOS: dist/Tandem-VERSION-universal.dmg, holding Tandem.app for Apple silicon and Intel
# (a universal binary) and a link to Applications to drag it onto.
# It needs a Mac with Xcode's command-line tools, Go and Node.js 20+, and runs there only;
# .github/workflows/macos.yml runs it on a macOS runner. It has never run: Tandem's machines
# are Linux. The app is neither signed nor notarised, so its first start needs Control-click >
# Open. Its data: ~/Library/Application Support/Tandem.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "build/darwin/package.sh: macOS only (make package builds the Linux and Windows files)" >&2; exit 1; }
version=$(build/version.sh)
build=$(build/version.sh --windows "$version") # X.Y.Z.N
sed -e "s/@VERSION@/$version/" -e "s/@BUILD@/$build/" -e "s/@SHORT@/${build%.*}/" \
  build/darwin/Info.plist.in >build/darwin/Info.plist
# Wails installs and builds the frontend, generates the bindings and builds both architectures.
go tool wails build -clean -platform darwin/universal -ldflags "-X tandem/app.Version=$version"
app=$(ls -d build/bin/*.app)
exe="$app/Contents/MacOS/tandem"
lipo -archs "$exe" | grep -q arm64 && lipo -archs "$exe" | grep -q x86_64 || { echo "not universal: $(lipo -archs "$exe")" >&2; exit 1; }
[ "$("$exe" version)" = "tandem $version" ] || { echo "$exe says '$("$exe" version)', not $version" >&2; exit 1; }
stage=$(mktemp -d)
cp -R "$app" "$stage/Tandem.app"
ln -s /Applications "$stage/Applications"
mkdir -p dist
hdiutil create -volname Tandem -srcfolder "$stage" -ov -format UDZO "dist/Tandem-$version-universal.dmg"
rm -rf "$stage"
echo "dist/Tandem-$version-universal.dmg"
