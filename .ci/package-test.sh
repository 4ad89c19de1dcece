#!/usr/bin/env bash
# make package-test: what make package left in dist/, checked as far as this machine can.
#   The .deb: its control data (version, Depends on runtime libraries only, and enough of them
#   for every library the binary links; no maintainer scripts), its files (all under /usr, none
#   in a user's folder), the desktop entry and AppStream metadata through their validators.
#   Unpacked with dpkg -x into a throwaway root, the installed tandem prints its version, fills
#   a temporary database with the sample and opens its window on a virtual display, as at a
#   first start (the welcome screen): a screenshot. Then a real install (apt-get, as root),
#   removal and purge, with a user's data made by the installed Tandem, which must come out of
#   them unchanged and still open.
#   Windows: tandem.exe's and the installer's PE headers, version resources, the installer's
#   manifest (per user) and file list (7z), and what its script does (the NSIS listing).
set -euo pipefail
cd "$(dirname "$0")/.."
shot="${PACKAGE_SHOT:-docs/screenshots/installed-deb.png}"
fail() { echo "package-test: $*" >&2; exit 1; }
# The packages in dist/ must be of this commit (-dirty or not: this test's own screenshot, like
# the smoke test's, is a tracked file it rewrites).
shopt -s nullglob
debs=(dist/tandem_*_amd64.deb)
[ ${#debs[@]} = 1 ] || fail "dist/ holds ${#debs[@]} .deb files, not one: run make package"
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
head=$(git rev-parse --short=7 HEAD)
case "$version" in
  *-g"$head" | *-g"$head"-dirty) ;;
  *) [ "v${version%-dirty}" = "$(git describe --tags --exact-match --match 'v[0-9]*' 2>/dev/null)" ] ||
    fail "$deb is version $version, not of this commit ($head): run make package" ;;
esac
[ "$deb" = "dist/tandem_${version}_amd64.deb" ] || fail "$deb is named for another version than its $version"
winversion=$(build/version.sh --windows "$version")
installer="dist/Tandem-$version-amd64-installer.exe"
for f in dist/tandem.exe "$installer"; do
  [ -f "$f" ] || fail "no $f: run make package (dist/ has: $(ls dist 2>/dev/null | tr '\n' ' '))"
done
(cd dist && sha256sum --quiet -c SHA256SUMS) || fail "dist/SHA256SUMS does not match the files"

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo -n"
tmp=$(mktemp -d)
xvfb="" app="" installed=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  [ -n "$installed" ] && $sudo dpkg --purge tandem >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- The .deb's control data --------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = tandem ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Architecture)" = amd64 ] || fail "Architecture is '$(field Architecture)'"
depends=$(field Depends)
[ "$depends" = "libc6, libgtk-3-0, libwebkit2gtk-4.1-0" ] || fail "Depends is '$depends'"
dpkg-deb -e "$deb" "$tmp/control"
extra=$(ls "$tmp/control" | grep -vxE 'control|md5sums' || true)
[ -z "$extra" ] || fail "the package has maintainer scripts or conffiles, which could touch data: $extra"
echo "package-test: $deb: Version $version, Depends $depends, no maintainer scripts"

dpkg-deb -c "$deb" | awk '{print $NF}' >"$tmp/files"
outside=$(grep -vE '^\./usr/' "$tmp/files" | grep -vx './' || true)
[ -z "$outside" ] || fail "files outside /usr: $outside"
! grep -qE '/(home|root|etc/skel)/|\.config' "$tmp/files" || fail "a file in a user's folder: $(grep -E '/(home|root|etc/skel)/|\.config' "$tmp/files")"

root="$tmp/root"
dpkg -x "$deb" "$root"
bin="$root/usr/bin/tandem"

# Every library the binary links comes with Depends (their own dependencies included).
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances \
  libc6 libgtk-3-0 libwebkit2gtk-4.1-0 | grep -v '^ ' | sed 's/:.*//' | sort -u >"$tmp/closure"
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "readelf found no libraries linked by tandem"
for so in $needed; do
  owner=$(dpkg -S "*/$so" 2>/dev/null | head -1 | sed 's/[:,].*//') || true
  [ -n "$owner" ] || fail "no installed package holds $so"
  grep -qx "$owner" "$tmp/closure" || fail "$so comes from $owner, which Depends does not bring"
done
echo "package-test: the $(wc -w <<<"$needed") libraries tandem links all come with Depends"

# --- Desktop entry, icons, AppStream -------------------------------------------------------
desktop="$root/usr/share/applications/io.github.tandem.Tandem.desktop"
metainfo="$root/usr/share/metainfo/io.github.tandem.Tandem.metainfo.xml"
desktop-file-validate "$desktop" || fail "desktop-file-validate refuses $desktop"
grep -qx 'Exec=tandem' "$desktop" || fail "the desktop entry does not start tandem"
grep -qx 'Categories=Office;ProjectManagement;' "$desktop" || fail "the desktop entry is not in Office"
for s in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
  f="$root/usr/share/icons/hicolor/$s/apps/tandem.png"
  [ "$(identify -format '%wx%h' "$f" 2>/dev/null)" = "$s" ] || fail "no $s icon (Icon=tandem)"
done
[ -f "$root/usr/share/icons/hicolor/scalable/apps/tandem.svg" ] || fail "no scalable icon"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate refuses $metainfo"
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo does not name release $version"
zcat "$root/usr/share/doc/tandem/changelog.Debian.gz" | head -1 | grep -qF "tandem ($version)" ||
  fail "the changelog does not start with $version"
echo "package-test: desktop entry, icons, AppStream metadata and changelog are valid"

# --- The installed binary ------------------------------------------------------------------
[ "$("$bin" version)" = "tandem $version" ] || fail "the installed tandem says '$("$bin" version)'"
mkdir -p "$tmp/sample"
"$bin" sample --db "$tmp/sample/tandem.db" | grep -q "Added the sample organisation" || fail "tandem sample failed"
"$bin" export-ics --db "$tmp/sample/tandem.db" --out "$tmp/sample/all.ics"
grep -q BEGIN:VEVENT "$tmp/sample/all.ics" || fail "the sample database has no sessions"
echo "package-test: the installed tandem is $version and fills a database with the sample"

# Its first start, in a new user's home: the window opens (the welcome screen), and the data
# is made in the user's config folder.
home="$tmp/first-home"
mkdir -p "$home"
for n in $(seq 171 199); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
Xvfb ":$n" -screen 0 1280x820x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
(cd "$tmp" && exec env -u XDG_CONFIG_HOME -u TANDEM_DB HOME="$home" DISPLAY=":$n" "$bin") >"$tmp/app.log" 2>&1 &
app=$!
colours=0
for i in $(seq 1 40); do
  sleep 1
  kill -0 "$app" 2>/dev/null || { cat "$tmp/app.log"; fail "the installed tandem exited early"; }
  DISPLAY=":$n" xwd -root -silent | convert xwd:- "$tmp/shot.png" 2>/dev/null || continue
  colours=$(convert "$tmp/shot.png" -format '%k' info:)
  [ "$colours" -gt 50 ] && break
done
[ "$colours" -gt 50 ] || { cat "$tmp/app.log"; fail "the installed tandem's window looks blank ($colours colours)"; }
sleep 2 # let fonts settle for the picture
DISPLAY=":$n" xwd -root -silent | convert xwd:- "$shot"
[ -f "$home/.config/Tandem/tandem.db" ] || fail "the first start made no $home/.config/Tandem/tandem.db"
kill "$app"; wait "$app" 2>/dev/null || true; app=""
kill "$xvfb"; wait "$xvfb" 2>/dev/null || true; xvfb=""
echo "package-test: the installed tandem's window ($colours colours) in $shot; its data in ~/.config/Tandem"

# --- Install, remove, purge: the user's data stays -----------------------------------------
if dpkg-query -W -f='${Status}' tandem 2>/dev/null | grep -q "ok installed"; then
  fail "tandem is installed on this machine already; this test installs and purges it: remove it first (apt-get purge tandem)"
fi
installed=yes
DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "./$deb" >"$tmp/apt.log" 2>&1 ||
  { cat "$tmp/apt.log"; fail "apt-get could not install $deb"; }
[ "$(dpkg-query -W -f='${Version}' tandem)" = "$version" ] || fail "dpkg does not list tandem $version as installed"
[ "$(/usr/bin/tandem version)" = "tandem $version" ] || fail "/usr/bin/tandem is not $version"
user="$tmp/user-home"
mkdir -p "$user"
env -u XDG_CONFIG_HOME -u TANDEM_DB HOME="$user" /usr/bin/tandem sample >/dev/null
data="$user/.config/Tandem"
[ -f "$data/tandem.db" ] || fail "the installed tandem made no $data/tandem.db"
(cd "$data" && find . -type f | sort | xargs sha256sum) >"$tmp/data.before"
DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 remove -y -q tandem >>"$tmp/apt.log" 2>&1 ||
  { cat "$tmp/apt.log"; fail "apt-get could not remove tandem"; }
[ ! -e /usr/bin/tandem ] || fail "/usr/bin/tandem is still there after removal"
# Purge too (apt has forgotten a package with no conffiles once removed: dpkg itself, retried
# while another apt or dpkg holds the lock).
for i in $(seq 1 30); do
  if $sudo dpkg --purge tandem >>"$tmp/apt.log" 2>&1; then installed=""; break; fi
  sleep 10
done
[ -z "$installed" ] || { cat "$tmp/apt.log"; fail "dpkg could not purge tandem"; }
! dpkg-query -W -f='${Status}' tandem 2>/dev/null | grep -q "ok installed" || fail "tandem is still installed"
(cd "$data" && find . -type f | sort | xargs sha256sum) >"$tmp/data.after"
diff "$tmp/data.before" "$tmp/data.after" || fail "removing the package changed the user's data"
"$bin" export-ics --db "$data/tandem.db" --out "$tmp/after.ics"
grep -q BEGIN:VEVENT "$tmp/after.ics" || fail "the data kept after removal does not open"
echo "package-test: installed, removed and purged with apt/dpkg; the user's $(wc -l <"$tmp/data.after") data files are unchanged and open"

# --- Windows -------------------------------------------------------------------------------
go run ./build/pecheck -machine amd64 -version "$version" -winversion "$winversion" -go dist/tandem.exe
go run ./build/pecheck -machine 386 -version "$version" -winversion "$winversion" -level asInvoker "$installer"
7z l -slt "$installer" | sed -n 's/^Path = //p' | tail -n +2 | sort >"$tmp/nsis-files"
want='$PLUGINSDIR/webview2bootstrapper/MicrosoftEdgeWebview2Setup.exe
tandem.exe
uninstall.exe'
got=$(grep -v '^\$PLUGINSDIR/[^/]*$' "$tmp/nsis-files")
[ "$got" = "$want" ] || fail "the installer holds $(tr '\n' ' ' <"$tmp/nsis-files"), not tandem.exe, uninstall.exe and the WebView2 bootstrapper"
7z e -so "$installer" tandem.exe 2>/dev/null | cmp -s - dist/tandem.exe || fail "the installer's tandem.exe is not dist/tandem.exe"
echo "package-test: the installer holds dist/tandem.exe, its uninstaller and the WebView2 bootstrapper"

# What the installer's script does, from makensis' listing of it (build/package.sh made it).
listing=build/stage/nsis-listing.txt
[ -f "$listing" ] || fail "no $listing: run make package"
grep -qF "OutFile: \"..\\..\\bin\\Tandem-$version-amd64-installer.exe\"" "$listing" || fail "$listing is not of $version"
has() { grep -qF -- "$1" "$listing" || fail "the installer's script lacks: $1"; }
has 'InstallDir: "$LOCALAPPDATA\Programs\Tandem"'
has 'CreateShortcut: "$SMPROGRAMS\Tandem.lnk"->"$INSTDIR\tandem.exe"'
has 'WriteUninstaller: "$INSTDIR\uninstall.exe"'
has 'WriteRegStr: HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Tandem\UninstallString='
! grep -q 'WriteRegStr: HKLM' "$listing" || fail "the installer writes to HKLM: not per user"
# The uninstaller deletes what the installer wrote and WebView2's cache, nothing else.
sed -n '/^Section: "uninstall"/,/^SectionEnd/p' "$listing" | grep -E '^(Delete|RMDir):' >"$tmp/uninstall"
[ -s "$tmp/uninstall" ] || fail "no uninstall section in $listing"
want='Delete: "$INSTDIR\tandem.exe"
Delete: "$SMPROGRAMS\Tandem.lnk"
RMDir: /r "$APPDATA\tandem.exe"
Delete: "$INSTDIR\uninstall.exe"
RMDir: "$INSTDIR"'
[ "$(cat "$tmp/uninstall")" = "$want" ] || fail "the uninstaller removes $(tr '\n' ' ' <"$tmp/uninstall")"
echo "package-test: the installer is per user (HKCU, %LOCALAPPDATA%\\Programs\\Tandem, asInvoker), adds a Start menu entry; the uninstaller leaves %APPDATA%\\Tandem alone"
echo "package-test: all checks passed"
