#!/usr/bin/env bash
# The server's instructions per request, counted by valgrind's callgrind
# on a release server over loopback, as signed-in people (the database and
# routes of bench.sh). A count is the same for the same binary, data and
# requests however busy the machine is, so a change of a few percent in a
# page's cost shows, where req/s drift 15-50 % between runs here. It is not
# time: cache misses, the kernel's work and, on PostgreSQL, the database's
# own processes are not in it; bench.sh measures those.
#
# WARMUP passes over each route's requests (every seeded person's, in
# turn, on one connection), uncounted; then for each route the counters
# are zeroed, ROUNDS passes are counted, and the count is dumped.
# CALLGRIND_KEEP=dir keeps each route's dump there for callgrind_annotate.
#
# Settings (environment): those of bench-serve.sh, and WARMUP (default 10),
# ROUNDS (default 10).
set -euo pipefail

command -v valgrind >/dev/null && command -v callgrind_control >/dev/null &&
  command -v callgrind_annotate >/dev/null ||
  { echo "bench-count: valgrind is missing (make valgrind installs it)" >&2; exit 1; }
# The pool hands its connections out in turn, and each prepares a statement
# the first time it runs it: ten passes reach every connection with every
# route's statements. After two, a home page still prepared 22 statements
# (170,000 instructions each) while counted, 1.2 % of its count.
WARMUP="${WARMUP:-10}"
ROUNDS="${ROUNDS:-10}"
OUT_DIR=$(mktemp -d "${TMPDIR:-/tmp}/polku-callgrind.XXXXXX")
# The server's start (migrations, key, pools) and the warm-up are not
# counted, and run faster: instrumentation is off until they are done.
# Large copies and fills: glibc's memcpy and memset do them with `rep movsb`
# and `rep stosb` from 2 KB on, which callgrind counts one instruction a
# byte. Clearing zstd's 64 KB table for each compressed page then counted
# 65,552 instructions for under 2 us of work, 10 % of a page that reads
# nothing. With the thresholds out of reach they run as vector loops,
# counted one instruction per 32 bytes or so, as their time goes.
NO_REP="glibc.cpu.x86_rep_stosb_threshold=0xffffffffffffffff:glibc.cpu.x86_rep_movsb_threshold=0xffffffffffffffff"
SERVER_PREFIX="env GLIBC_TUNABLES=$NO_REP valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=$OUT_DIR/out"
STARTUP_SECONDS="${STARTUP_SECONDS:-180}"
# shellcheck source=bench-serve.sh
. "$(dirname "$0")/bench-serve.sh"

# Sends each of a route's requests (lines of `rows`) PASSES times, on one
# kept-alive connection; fails on any answer but 2xx or 3xx.
send() {
  local kind="$1" passes="$2"
  rows "$kind" | python3 -c '
import http.client, sys
host, port = sys.argv[1].split(":")
passes, accept, origin = int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = [line.split() for line in sys.stdin if line.strip()]
conn = http.client.HTTPConnection(host, int(port), timeout=600)
for _ in range(passes):
    for path, token, body in rows:
        headers = {"Accept-Encoding": accept} if accept else {}
        if token != "-":
            headers["Cookie"] = "polku_session=" + token
        if body == "-":
            conn.request("GET", path, headers=headers)
        else:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = origin
            conn.request("POST", path, body=body, headers=headers)
        answer = conn.getresponse()
        answer.read()
        if answer.status >= 400:
            sys.exit(f"bench-count: {path} answered {answer.status}")
print(passes * len(rows))
' "127.0.0.1:$PORT" "$passes" "$ACCEPT_ENCODING" "$ORIGIN"
}

# One command to the callgrind running the server.
control() {
  callgrind_control "$1" "$SERVER_PID" >/dev/null 2>&1 ||
    { echo "bench-count: callgrind_control $1 failed" >&2; cat "$WORK/server.log" >&2; exit 1; }
}

# Every route is warmed up before any is counted, so that what a first
# request starts (statements prepared, connections opened, a log written
# after the answer) is done, whatever the order of the routes.
for kind in "${KINDS[@]}"; do
  echo "bench-count: ${LABEL[$kind]}, $WARMUP passes of warm-up"
  send "$kind" "$WARMUP" >/dev/null
done
sleep 1
control --instr=on

declare -A IR
dumps=0
for kind in "${KINDS[@]}"; do
  echo "bench-count: ${LABEL[$kind]}, $ROUNDS passes counted"
  control --zero
  requests=$(send "$kind" "$ROUNDS")
  control --dump="$kind"
  dumps=$((dumps + 1))
  # Instructions (Ir) in this route's dump, over its requests.
  total=$(awk '/^(summary|totals):/ {print $2; exit}' "$OUT_DIR/out.$dumps")
  IR[$kind]=$(( total / requests ))
  # SQLite statements prepared while counted are a cold server's cost, not
  # the page's: say how much of the count they were.
  prepared=$(callgrind_annotate --inclusive=yes --threshold=100 "$OUT_DIR/out.$dumps" |
    awk '/sqlite3_prepare_v3/ && !n { gsub(",", "", $1); n = $1 } END { print n + 0 }')
  if [ "$prepared" -gt 0 ]; then
    awk -v p="$prepared" -v t="$total" -v r="${LABEL[$kind]}" \
      'BEGIN { printf "bench-count: %s: %.2f %% of the count went to preparing statements\n", r, 100 * p / t }' >&2
  fi
  if [ -n "${CALLGRIND_KEEP:-}" ]; then
    mkdir -p "$CALLGRIND_KEEP"
    cp "$OUT_DIR/out.$dumps" "$CALLGRIND_KEEP/$kind.callgrind"
  fi
done

echo
echo "Polku instruction count: $PARTICIPANTS participants x $ITEMS_PER items, $GROUP_COUNT groups, on ${DATABASE_URL%%:*}; $ROUNDS passes after $WARMUP, Accept-Encoding: ${ACCEPT_ENCODING:-none}"
printf '%-40s %14s %10s\n' route "instr/request" "x healthz"
for kind in "${KINDS[@]}"; do
  times=$(awk -v a="${IR[$kind]}" -v b="${IR[healthz]:-0}" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')
  printf '%-40s %14s %10s\n' "${LABEL[$kind]}" "${IR[$kind]}" "$times"
done
