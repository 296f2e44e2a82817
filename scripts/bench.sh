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
# Settings (environment):
#   BIN SITE            the release binary and site (from `make build`)
#   ITEMS               journal items in all (default 50000)
#   ITEMS_PER           items per participant (default 50)
#   BENCH_GROUPS        peer groups (default: one per 15 participants)
#   BENCH_DATABASE_URL  where to seed and serve (default: a SQLite file
#                       under BENCH_DIR, reused while it exists); a
#                       postgres:// database must be empty of seed data,
#                       unless BENCH_REUSE=yes
#   BENCH_REUSE=yes     serve a PostgreSQL database an earlier run of the
#                       same size seeded (its sessions file is kept)
#   DURATION CONNECTIONS THREADS   wrk's -d (seconds), -c and -t
#   ACCEPT_ENCODING     what each request accepts (default what Chromium
#                       sends, so pages are compressed as a phone gets
#                       them; empty for none, as in runs before 2026-12-05)
#   ROUTES              which of healthz home journal group shared toggle
#                       to run, in that order (default: all); healthz
#                       first for the ratios
set -euo pipefail

command -v wrk >/dev/null || { echo "bench: wrk is missing (make wrk installs it)" >&2; exit 1; }
BIN="${BIN:?BIN: the polku release binary}"
SITE="${SITE:?SITE: the built site folder}"
ITEMS="${ITEMS:-50000}"
ITEMS_PER="${ITEMS_PER:-50}"
ACCEPT_ENCODING="${ACCEPT_ENCODING-gzip, deflate, br, zstd}"
PARTICIPANTS=$(( (ITEMS + ITEMS_PER - 1) / ITEMS_PER ))
GROUP_COUNT="${BENCH_GROUPS:-$(( PARTICIPANTS / 15 > 0 ? PARTICIPANTS / 15 : 1 ))}"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/polku-bench}"
mkdir -p "$BENCH_DIR"
NAME="p${PARTICIPANTS}-i${ITEMS_PER}-g${GROUP_COUNT}"
DATABASE_URL="${BENCH_DATABASE_URL:-sqlite://$BENCH_DIR/$NAME.db}"
# Per backend: a PostgreSQL run must not overwrite a kept SQLite run's people.
SESSIONS="$BENCH_DIR/$NAME.${DATABASE_URL%%:*}.sessions"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polku-bench-run.XXXXXX")
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

case "$DATABASE_URL" in
  sqlite:*) fresh=$([ -s "$SESSIONS" ] && [ -f "${DATABASE_URL#sqlite://}" ] && echo no || echo yes) ;;
  # Only when asked: whether the database still holds the people of the
  # kept sessions file cannot be told from here (`check` below fails if not).
  *) fresh=$([ "${BENCH_REUSE:-}" = yes ] && [ -s "$SESSIONS" ] && echo no || echo yes) ;;
esac
if [ "$fresh" = yes ]; then
  case "$DATABASE_URL" in sqlite:*) rm -f "${DATABASE_URL#sqlite://}"{,-wal,-shm} ;; esac
  echo "bench: seeding $PARTICIPANTS participants x $ITEMS_PER items in $GROUP_COUNT groups"
  started=$SECONDS
  "$BIN" seed --database-url "$DATABASE_URL" --participants "$PARTICIPANTS" \
    --items-per-participant "$ITEMS_PER" --groups "$GROUP_COUNT" --sessions 10 > "$SESSIONS.new"
  mv "$SESSIONS.new" "$SESSIONS"
  echo "bench: seeding took $((SECONDS - started)) s"
else
  echo "bench: reusing the seeded database $DATABASE_URL"
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
ORIGIN="http://localhost:$PORT"
RUST_LOG=warn "$BIN" serve --addr "127.0.0.1:$PORT" --database-url "$DATABASE_URL" \
  --site-root "$SITE" > "$WORK/server.out" 2> "$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 100); do
  curl -fs "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$BASE/healthz" >/dev/null || { echo "bench: the server did not start" >&2; cat "$WORK/server.log" >&2; exit 1; }

# One Lua table row per request kind: path, cookie, body. Each wrk thread
# walks through the rows, so every request is a different person's.
lua_rows() {
  local kind="$1"
  grep -v '^#' "$SESSIONS" | while read -r role user token group other; do
    case "$kind:$role" in
      home:participant) echo "{\"/\", \"$token\", nil}," ;;
      journal:participant) echo "{\"/journal/reflections\", \"$token\", nil}," ;;
      group:facilitator) echo "{\"/groups/$group\", \"$token\", nil}," ;;
      shared:facilitator) echo "{\"/groups/$group/people/$other\", \"$token\", nil}," ;;
      toggle:participant)
        echo "{\"/api/share_set\", \"$token\", \"id=$other&choice=facilitators\"},"
        echo "{\"/api/share_set\", \"$token\", \"id=$other&choice=nobody\"}," ;;
      healthz:participant) echo "{\"/healthz\", nil, nil}," ;;
    esac
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

# A page that is not what a signed-in person gets is no benchmark.
check() {
  local path="$1" token="$2" want="$3"
  local body
  body=$(curl -fs --compressed -H "Cookie: polku_session=$token" "$BASE$path") || {
    echo "bench: GET $path failed" >&2; exit 1; }
  grep -q "$want" <<<"$body" || { echo "bench: GET $path lacks '$want'" >&2; exit 1; }
}
read -r _ p_user p_token _ p_item < <(grep '^participant' "$SESSIONS" | head -1)
read -r _ _ f_token f_group f_person < <(grep '^facilitator' "$SESSIONS" | head -1)
check / "$p_token" "$p_user"
check /journal/reflections "$p_token" "/journal/reflections/"
check "/groups/$f_group" "$f_token" "/groups/$f_group/people/"
check "/groups/$f_group/people/$f_person" "$f_token" "item-"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: polku_session=$p_token" \
  -H "Origin: $ORIGIN" --data "id=$p_item&choice=facilitators" "$BASE/api/share_set")
case "$status" in 2??|3??) ;; *) echo "bench: share_set answered $status" >&2; exit 1 ;; esac

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

# ROUTES picks some, e.g. "healthz shared" to see one page's memory alone.
read -r -a KINDS <<<"${ROUTES:-healthz home journal group shared toggle}"
declare -A LABEL=(
  [healthz]="GET /healthz (ceiling)"
  [home]="GET / (participant home)"
  [journal]="GET /journal/reflections"
  [group]="GET /groups/G (facilitator's group)"
  [shared]="GET /groups/G/people/P (facilitator)"
  [toggle]="POST /api/share_set (share/revoke)"
)
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
