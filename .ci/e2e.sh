#!/usr/bin/env bash
# End-to-end: the app built with -tags dev runs on a virtual display (Xvfb) with a new, empty
# database; Wails then also serves the real UI with its real Go bindings on a loopback port,
# and Playwright drives Debian's Chromium through it (frontend/e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${E2E_PORT:-34115}"
tmp=$(mktemp -d)
for n in $(seq 110 139); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
Xvfb ":$n" -screen 0 1280x820x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
smtpd=""
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; [ -n "$smtpd" ] && kill "$smtpd" 2>/dev/null; kill "$xvfb" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
# A real SMTP server on loopback (STARTTLS, AUTH) that keeps what it receives as .eml files.
go build -o build/bin/smtpd ./app/mail/smtptest/smtpd
mkfifo "$tmp/smtpd.out"
build/bin/smtpd -dir "$tmp/mail" -cert "$tmp/smtp-ca.pem" >"$tmp/smtpd.out" 2>"$tmp/smtpd.log" &
smtpd=$!
read -r smtp_host smtp_port <"$tmp/smtpd.out"
echo "e2e: SMTP test server on $smtp_host:$smtp_port"
sleep 1
DISPLAY=":$n" assetdir=frontend/dist devserver="127.0.0.1:$port" loglevel=Warning TANDEM_DB="$tmp/e2e.db" \
  build/bin/tandem-dev >"$tmp/app.log" 2>&1 &
app=$!
for i in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  kill -0 "$app" 2>/dev/null || { echo "e2e: the app exited:"; cat "$tmp/app.log"; exit 1; }
  sleep 1
done
echo "e2e: app serving on http://127.0.0.1:$port (database $tmp/e2e.db)"
status=0
(cd frontend && TANDEM_URL="http://127.0.0.1:$port" E2E_DB="$tmp/e2e.db" SMTP_HOST="$smtp_host" SMTP_PORT="$smtp_port" \
  SMTP_CA="$tmp/smtp-ca.pem" MAIL_DIR="$tmp/mail" npx playwright test --config e2e/playwright.config.ts) || status=$?
if [ $status -ne 0 ]; then echo "e2e: app log:"; tail -50 "$tmp/app.log"; fi
exit $status
