#!/usr/bin/env bash
# Bytes of the wasm, JS and CSS a browser downloads on its first page load,
# raw and compressed as served (gzip -9 and brotli quality 11), and their
# totals. Where scripts/precompress.sh left copies (X.gz, X.br), these are
# the bytes counted, since they are what the server sends; a copy that does
# not hold its file is an error. The files counted: the site's pkg/ (wasm,
# its JS glue, the stylesheet) and the scripts at the site's root (the
# outbox scripts every page loads, the service worker it registers). The
# total is what a page with an island (the passkey pages) costs; the line
# after it, a page without one, which loads no wasm and none of its JS glue.
#   size.sh SITE_DIR              the report
#   size.sh SITE_DIR BUDGET       the report, and exit 1 when the brotli
#                                 total is over BUDGET bytes
set -euo pipefail
site="${1:?usage: size.sh SITE_DIR [BROTLI_BUDGET_BYTES]}"
budget="${2:-}"
[ -d "$site/pkg" ] || { echo "size: $site/pkg is missing; build first" >&2; exit 2; }
# Bytes of FILE as sent compressed by EXT: its copy FILE.EXT if there is
# one (checked with UNPACK), else FILE compressed now with PACK.
sent() {
  local f="$1" ext="$2" pack="$3" unpack="$4"
  if [ -f "$f.$ext" ]; then
    $unpack "$f.$ext" | cmp -s - "$f" || {
      echo "size: $f.$ext does not hold $f as it is now; run scripts/precompress.sh $site" >&2
      exit 2
    }
    stat -c %s "$f.$ext"
  else
    $pack "$f" | wc -c
  fi
}
printf '%-28s %10s %10s %10s\n' file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
plain_br=0
for f in "$site"/pkg/*.wasm "$site"/pkg/*.js "$site"/pkg/*.css "$site"/*.js; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(sent "$f" gz "gzip -9 -n -c" "gzip -d -c")
  br=$(sent "$f" br "brotli -q 11 -c" "brotli -d -c")
  printf '%-28s %10d %10d %10d\n' "${f#"$site"/}" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  case "$f" in "$site"/pkg/*.wasm|"$site"/pkg/*.js) ;; *) plain_br=$((plain_br + br)) ;; esac
done
printf '%-28s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
printf '%-28s %32d\n' "total without an island" "$plain_br"
[ -n "$budget" ] || exit 0
if [ "$total_br" -gt "$budget" ]; then
  echo "size: OVER BUDGET: a first page load transfers $total_br bytes brotli; the budget is $budget ($((total_br - budget)) too many)." >&2
  echo "size: see which file grew above; islands, not full hydration, keep the wasm small." >&2
  exit 1
fi
echo "size: within budget: $total_br of $budget bytes brotli ($((budget - total_br)) to spare)"
