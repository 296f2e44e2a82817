#!/usr/bin/env bash
# Gives the test suite a PostgreSQL server: the one at TEST_DATABASE_URL when
# it answers, otherwise a throwaway one of its own (initdb into a temporary
# folder, a free port), stopped again by `stop`.
#   test-postgres.sh start   prints the URL to use
#   test-postgres.sh stop    stops the throwaway server, if one was started
set -euo pipefail

URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
STATE="${POLKU_PG_STATE:-${TMPDIR:-/tmp}/polku-test-postgres}"

answers() { psql "$1" -qAtc 'SELECT 1' >/dev/null 2>&1; }

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] || return 1
  echo "$dir"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Each test makes a schema of its own, named <prefix>_<pid>_<nanoseconds>,
# and drops it at its end; one that panics first leaves it behind. Drop
# those whose process has ended, if over two hours old: the database may
# serve other machines' test runs, whose processes are not seen here. Best
# effort: a schema that cannot be dropped is left and named.
sweep() {
  local schema pid made now
  now=$(date +%s%N)
  psql "$1" -qAtc "SELECT nspname FROM pg_namespace
                   WHERE nspname ~ '^(t|srv|seal)_[0-9]+_[0-9]{1,19}$'" |
    while read -r schema; do
      pid=${schema#*_}
      pid=${pid%%_*}
      made=${schema##*_}
      [ -d "/proc/$pid" ] && continue
      (( now - made > 2 * 3600 * 1000000000 )) || continue
      if psql "$1" -qAtc "SET client_min_messages = warning; DROP SCHEMA $schema CASCADE" >/dev/null; then
        echo "test-postgres: dropped $schema, left by a test that ended" >&2
      else
        echo "test-postgres: could not drop $schema, left by a test that ended" >&2
      fi
    done || true
}

start() {
  if command -v psql >/dev/null && answers "$URL"; then
    sweep "$URL"
    echo "$URL"
    return
  fi
  echo "test-postgres: nothing answers at $URL; starting a throwaway server" >&2
  if ! pg_bin >/dev/null; then
    if [ "$(id -u)" != 0 ]; then
      echo "test-postgres: PostgreSQL is not installed and I am not root to install it" >&2
      exit 1
    fi
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
  local bin dir port
  bin=$(pg_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/polku-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
  as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres test
  echo "$dir" > "$STATE"
  echo "postgres://postgres@127.0.0.1:$port/test"
}

stop() {
  [ -f "$STATE" ] || return 0
  local dir
  dir=$(cat "$STATE")
  as_postgres "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir" "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
