#!/usr/bin/env bash
# Lighthouse's default mobile profile (a mid-range phone, slow 4G,
# simulated) against the participant's home page, signed in, and the
# sign-in page, on a release server with a small seeded database. Prints
# the median of RUNS runs of each figure.
#
# Settings (environment):
#   BIN SITE     the release binary and site (from `make build`)
#   LIGHTHOUSE   the lighthouse command
#   RUNS         runs per page (default 3)
set -euo pipefail

BIN="${BIN:?BIN: the polku release binary}"
SITE="${SITE:?SITE: the built site folder}"
LIGHTHOUSE="${LIGHTHOUSE:-lighthouse}"
RUNS="${RUNS:-3}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/polku-lighthouse.XXXXXX")
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

DB="sqlite://$WORK/polku.db"
"$BIN" seed --database-url "$DB" --participants 30 --items-per-participant 50 \
  --groups 2 --sessions 1 > "$WORK/sessions" 2>/dev/null
read -r _ _ TOKEN _ _ < <(grep '^participant' "$WORK/sessions")

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# localhost, not 127.0.0.1: passkeys need a domain name.
BASE="http://localhost:$PORT"
RUST_LOG=warn "$BIN" serve --addr "127.0.0.1:$PORT" --database-url "$DB" --site-root "$SITE" \
  > "$WORK/server.out" 2> "$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 100); do
  curl -fs "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

# Chromium leaves a folder for its singleton socket in TMPDIR each time it
# runs, so Lighthouse gets the bench's own folder, removed at the end.
# Lighthouse now and then loses the trace of a page load in headless
# Chromium (NO_NAVSTART: in two benches of seven, 2026-12-06), and the
# bench stopped there. Such a run is made again, three tries in all; any other
# failure stops the bench.
audit() {
  local name="$1" path="$2" headers="$3" run try
  for run in $(seq "$RUNS"); do
    for try in 1 2 3; do
      TMPDIR="$WORK" "$LIGHTHOUSE" "$BASE$path" --quiet --output=json --output-path="$WORK/$name-$run.json" \
        --only-categories=performance,accessibility,best-practices \
        --chrome-flags="$FLAGS" --extra-headers="$headers" >/dev/null 2>"$WORK/$name-$run.log" && break
      if [ "$try" -lt 3 ] && grep -q NO_NAVSTART "$WORK/$name-$run.log"; then
        echo "bench-mobile: lighthouse lost the trace of $path; trying again" >&2
        continue
      fi
      echo "bench-mobile: lighthouse failed on $path" >&2; cat "$WORK/$name-$run.log" >&2; exit 1
    done
  done
}

echo "bench-mobile: $RUNS Lighthouse runs of each page (mobile profile)"
audit home / "{\"Cookie\": \"polku_session=$TOKEN\"}"
audit sign-in /sign-in "{}"

# The median of each figure over the runs, per page.
node - "$WORK" "$RUNS" <<'EOF'
const fs = require("fs");
const [dir, runs] = process.argv.slice(2);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const figures = [
  ["performance", (r) => r.categories.performance.score * 100, (v) => v.toFixed(0)],
  ["accessibility", (r) => r.categories.accessibility.score * 100, (v) => v.toFixed(0)],
  ["best-practices", (r) => r.categories["best-practices"].score * 100, (v) => v.toFixed(0)],
  ["LCP ms", (r) => r.audits["largest-contentful-paint"].numericValue, (v) => v.toFixed(0)],
  ["TBT ms", (r) => r.audits["total-blocking-time"].numericValue, (v) => v.toFixed(0)],
  ["CLS", (r) => r.audits["cumulative-layout-shift"].numericValue, (v) => v.toFixed(3)],
  ["total KB", (r) => r.audits["total-byte-weight"].numericValue / 1000, (v) => v.toFixed(1)],
];
console.log(["page".padEnd(10), ...figures.map(([n]) => n.padStart(15))].join(""));
for (const page of ["home", "sign-in"]) {
  const reports = [];
  for (let i = 1; i <= Number(runs); i++) reports.push(JSON.parse(fs.readFileSync(`${dir}/${page}-${i}.json`)));
  const url = reports[0].finalDisplayedUrl || reports[0].finalUrl;
  if (page === "home" && /sign-in/.test(url)) throw new Error("the home page was not signed in");
  console.log([page.padEnd(10), ...figures.map(([, get, show]) => show(median(reports.map(get))).padStart(15))].join(""));
}
EOF
