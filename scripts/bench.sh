#!/usr/bin/env bash
# Load on a release server over loopback, as signed-in people: seeds a
# database (kept for the next run of the same size), starts `polku serve`
# on it, and drives each route with wrk for DURATION seconds, rotating
# through the seeded people's session cookies. Prints requests/s, p50 and
# p99 latency per route, each page's throughput as a share of /healthz
# (the ceiling: one database round trip), the server's CPU time per request
# (steadier than requests/s when something else shares the machine), on
# PostgreSQL its database processes' CPU time per request too, and the
# server's peak RSS (after each route, as the routes run in turn).
#
# Settings (environment): those of bench-serve.sh, and
#   DURATION CONNECTIONS THREADS   wrk's -d (seconds), -c and -t
set -euo pipefail

command -v wrk >/dev/null || { echo "bench: wrk is missing (make wrk installs it)" >&2; exit 1; }
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
# shellcheck source=bench-serve.sh
. "$(dirname "$0")/bench-serve.sh"

# One Lua table row per request: path, cookie, body. Each wrk thread walks
# through the rows, so every request is a different person's.
lua_rows() {
  rows "$1" | while read -r path token body; do
    [ "$token" = - ] && token=nil || token="\"$token\""
    [ "$body" = - ] && body=nil || body="\"$body\""
    echo "{\"$path\", $token, $body},"
  done
}

script() {
  local kind="$1"
  cat > "$WORK/$kind.lua" <<EOF
local rows = {
$(lua_rows "$kind")
}
local n = 0
request = function()
  n = n % #rows + 1
  local row = rows[n]
  local headers = {}
  if "$ACCEPT_ENCODING" ~= "" then headers["Accept-Encoding"] = "$ACCEPT_ENCODING" end
  if row[2] then headers["Cookie"] = "polku_session=" .. row[2] end
  if row[3] then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    headers["Origin"] = "$ORIGIN"
    return wrk.format("POST", row[1], headers, row[3])
  end
  return wrk.format("GET", row[1], headers)
end
EOF
}

# wrk prints latencies as 812.00us, 1.20ms or 1.05s: in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

# The server's CPU time so far (user and system), in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

# SQLite does a page's database work in the server's own threads, inside
# its CPU time; PostgreSQL does it in processes of its own. On a
# PostgreSQL on this machine (and with psql), each process serving this
# database, as "pid ticks", so a route's cost can be told in full; the
# bench's own psql is left out. Nothing where that cannot be read.
db_ticks() {
  case "$DATABASE_URL" in postgres*) ;; *) return 0 ;; esac
  command -v psql >/dev/null || return 0
  psql "$DATABASE_URL" -XAtc "SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()" 2>/dev/null |
    while read -r pid; do
      grep -qs postgres "/proc/$pid/cmdline" &&
        awk -v pid="$pid" '{print pid, $14 + $15}' "/proc/$pid/stat" 2>/dev/null
    done || true
}

# Database CPU µs per request between two db_ticks: a process that started
# during the run counts whole. "-" without both readings.
db_cpu_us() {
  local before="$1" after="$2" requests="$3"
  [ -n "$after" ] || { echo -; return; }
  awk -v hz="$(getconf CLK_TCK)" -v n="$requests" '
    FNR == NR { start[$1] = $2; next }
    { t += $2 - ($1 in start ? start[$1] : 0) }
    END { printf "%.0f", (n > 0 ? (t / hz) * 1e6 / n : 0) }' <(echo "$before") <(echo "$after")
}

declare -A RPS P50 P99 ERRORS HWM CPU DB_CPU
run() {
  local kind="$1" before db_before
  script "$kind"
  db_before=$(db_ticks)
  before=$(cpu_ticks)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/$kind.lua" "$BASE" \
    > "$WORK/$kind.out" 2>&1
  CPU[$kind]=$(awk -v t="$(( $(cpu_ticks) - before ))" -v hz="$(getconf CLK_TCK)" \
    '/ requests in / { printf "%.0f", (t / hz) * 1e6 / $1 }' "$WORK/$kind.out")
  DB_CPU[$kind]=$(db_cpu_us "$db_before" "$(db_ticks)" \
    "$(awk '/ requests in / {print $1}' "$WORK/$kind.out")")
  RPS[$kind]=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/$kind.out")
  P50[$kind]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$WORK/$kind.out")")
  P99[$kind]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$WORK/$kind.out")")
  HWM[$kind]=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")
  ERRORS[$kind]=$(awk '/Non-2xx or 3xx/ {print $5} /Socket errors/ {print "socket:" $0}' "$WORK/$kind.out" | tr '\n' ' ')
}

for kind in "${KINDS[@]}"; do
  echo "bench: ${LABEL[$kind]} for ${DURATION}s, $CONNECTIONS connections"
  run "$kind"
done

echo
echo "Polku bench: $PARTICIPANTS participants x $ITEMS_PER items ($(( PARTICIPANTS * ITEMS_PER )) items), $GROUP_COUNT groups, on ${DATABASE_URL%%:*}; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, Accept-Encoding: ${ACCEPT_ENCODING:-none}, $(nproc) cores"
printf '%-40s %10s %10s %10s %10s %8s %8s %8s %s\n' route "req/s" "p50 ms" "p99 ms" "vs healthz" "CPU us" "DB us" "peak MB" errors
for kind in "${KINDS[@]}"; do
  ratio=$(awk -v a="${RPS[$kind]}" -v b="${RPS[healthz]:-0}" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
  printf '%-40s %10s %10s %10s %10s %8s %8s %8s %s\n' "${LABEL[$kind]}" "${RPS[$kind]}" "${P50[$kind]}" "${P99[$kind]}" "$ratio" "${CPU[$kind]}" "${DB_CPU[$kind]:--}" "${HWM[$kind]}" "${ERRORS[$kind]}"
done
echo "server peak RSS (VmHWM): $(awk '/VmHWM/ {print $2, $3}' "/proc/$SERVER_PID/status")"
# wrk drops its connections mid-request when it stops, as phones do; a
# panic then (or any other) is a defect, not noise.
panics=$(grep -c 'panicked' "$WORK/server.log" || true)
if [ "$panics" -gt 0 ]; then
  echo "bench: the server panicked $panics times:" >&2
  grep -m3 -A1 'panicked' "$WORK/server.log" >&2
  exit 1
fi
