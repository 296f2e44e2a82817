# Sourced by bench.sh and bench-count.sh: seeds the bench database (kept
# for the next run of the same size), starts `polku serve` on it (behind
# SERVER_PREFIX, e.g. valgrind), checks that each route answers as a
# signed-in person's page, and lists each route's requests (`rows`).
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
#   ACCEPT_ENCODING     what each request accepts (default what Chromium
#                       sends, so pages are compressed as a phone gets
#                       them; empty for none, as in runs before 2026-12-05)
#   ROUTES              which of healthz floor home journal group shared
#                       toggle to run, in that order (default: all);
#                       healthz first for the ratios. `floor` is the
#                       sign-in page, signed out: a page rendered in the
#                       same layout with no database read, the least any
#                       page costs

BIN="${BIN:?BIN: the polku release binary}"
SITE="${SITE:?SITE: the built site folder}"
ITEMS="${ITEMS:-50000}"
ITEMS_PER="${ITEMS_PER:-50}"
ACCEPT_ENCODING="${ACCEPT_ENCODING-gzip, deflate, br, zstd}"
PARTICIPANTS=$(( (ITEMS + ITEMS_PER - 1) / ITEMS_PER ))
GROUP_COUNT="${BENCH_GROUPS:-$(( PARTICIPANTS / 15 > 0 ? PARTICIPANTS / 15 : 1 ))}"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/polku-bench}"
mkdir -p "$BENCH_DIR"
NAME="p${PARTICIPANTS}-i${ITEMS_PER}-g${GROUP_COUNT}"
DATABASE_URL="${BENCH_DATABASE_URL:-sqlite://$BENCH_DIR/$NAME.db}"
# Per backend: a PostgreSQL run must not overwrite a kept SQLite run's people.
SESSIONS="$BENCH_DIR/$NAME.${DATABASE_URL%%:*}.sessions"
# A SQLite database's key is kept beside it. A PostgreSQL one's would
# otherwise go to ./data/polku.key, the key of `make run`'s database.
case "$DATABASE_URL" in
  sqlite:*) ;;
  *) export POLKU_KEY_FILE="${POLKU_KEY_FILE:-$BENCH_DIR/$NAME.${DATABASE_URL%%:*}.key}" ;;
esac
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polku-bench-run.XXXXXX")
SERVER_PID=
# Also removes the caller's OUT_DIR (bench-count.sh's callgrind dumps), so
# that a failed seeding or start leaves nothing behind.
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK" ${OUT_DIR:+"$OUT_DIR"}
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
read -r -a SERVER_PREFIX <<<"${SERVER_PREFIX:-}"
RUST_LOG=warn "${SERVER_PREFIX[@]}" "$BIN" serve --addr "127.0.0.1:$PORT" \
  --database-url "$DATABASE_URL" --site-root "$SITE" > "$WORK/server.out" 2> "$WORK/server.log" &
SERVER_PID=$!
# STARTUP_SECONDS: how long to wait for it to answer (bench-count.sh waits
# longer, as valgrind slows the start).
for _ in $(seq $(( ${STARTUP_SECONDS:-20} * 5 ))); do
  curl -fs "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$BASE/healthz" >/dev/null || { echo "bench: the server did not start" >&2; cat "$WORK/server.log" >&2; exit 1; }

# One line per request of a route: path, session token, form body ("-" for
# none). Every request of a route is a different seeded person's.
rows() {
  local kind="$1"
  grep -v '^#' "$SESSIONS" | while read -r role _user token group other; do
    case "$kind:$role" in
      home:participant) echo "/ $token -" ;;
      journal:participant) echo "/journal/reflections $token -" ;;
      group:facilitator) echo "/groups/$group $token -" ;;
      shared:facilitator) echo "/groups/$group/people/$other $token -" ;;
      toggle:participant)
        echo "/api/share_set $token id=$other&choice=facilitators"
        echo "/api/share_set $token id=$other&choice=nobody" ;;
      healthz:participant) echo "/healthz - -" ;;
      floor:participant) echo "/sign-in - -" ;;
    esac
  done
}

# A page that is not what its route stands for (a signed-in person's page,
# or for the floor the sign-in page) is no benchmark. No token: no cookie.
check() {
  local path="$1" token="$2" want="$3"
  local body cookie=()
  [ "$token" = - ] || cookie=(-H "Cookie: polku_session=$token")
  body=$(curl -fs --compressed "${cookie[@]}" "$BASE$path") || {
    echo "bench: GET $path failed" >&2; exit 1; }
  grep -q "$want" <<<"$body" || { echo "bench: GET $path lacks '$want'" >&2; exit 1; }
}
read -r _ p_user p_token _ p_item < <(grep '^participant' "$SESSIONS" | head -1)
read -r _ _ f_token f_group f_person < <(grep '^facilitator' "$SESSIONS" | head -1)
check /sign-in - "SignInButton"
check / "$p_token" "$p_user"
check /journal/reflections "$p_token" "/journal/reflections/"
check "/groups/$f_group" "$f_token" "/groups/$f_group/people/"
check "/groups/$f_group/people/$f_person" "$f_token" "item-"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: polku_session=$p_token" \
  -H "Origin: $ORIGIN" --data "id=$p_item&choice=facilitators" "$BASE/api/share_set")
case "$status" in 2??|3??) ;; *) echo "bench: share_set answered $status" >&2; exit 1 ;; esac

read -r -a KINDS <<<"${ROUTES:-healthz floor home journal group shared toggle}"
declare -A LABEL=(
  [healthz]="GET /healthz (ceiling)"
  [floor]="GET /sign-in (signed out, no database)"
  [home]="GET / (participant home)"
  [journal]="GET /journal/reflections"
  [group]="GET /groups/G (facilitator's group)"
  [shared]="GET /groups/G/people/P (facilitator)"
  [toggle]="POST /api/share_set (share/revoke)"
)
