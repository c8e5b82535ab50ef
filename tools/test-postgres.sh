#!/usr/bin/env bash
# Starts (or finds) the PostgreSQL server the *IT tests use on PostgreSQL (ADR 0013, CONTRIBUTING.md):
# a throw-away cluster on 127.0.0.1:${SIALI_TEST_POSTGRES_PORT:-54329}, trust authentication on loopback only,
# no fsync (test data), ICU collation "en-US" by default so that collation-dependent SQL shows up in tests.
# Usage: tools/test-postgres.sh start|stop|status. Idempotent: "start" with a server already answering on that
# port does nothing. Needs Debian's postgresql package (apt-get install postgresql); as root it runs the server
# as the postgres user.
set -euo pipefail
port="${SIALI_TEST_POSTGRES_PORT:-54329}"
dir="${SIALI_TEST_POSTGRES_DIR:-/tmp/siali-test-postgres-$port}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "test-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(runuser -u postgres --)
fi

case "${1:-start}" in
  start)
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      if ! "$bin/psql" -w -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "SELECT 1" >/dev/null 2>&1; then
        echo "test-postgres: the server on 127.0.0.1:$port refuses postgres without a password: set SIALI_TEST_POSTGRES_PORT to a free port (or SIALI_TEST_POSTGRES_URL and SIALI_TEST_POSTGRES_PASSWORD)" >&2
        exit 1
      fi
      echo "test-postgres: a server already answers on 127.0.0.1:$port"
      exit 0
    fi
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "${#as_owner[@]}" -eq 0 ] || chown postgres: "$dir"
      chmod 700 "$dir"
      "${as_owner[@]}" "$bin/initdb" -D "$dir" -U postgres -A trust --encoding=UTF8 \
        --locale=C.UTF-8 --locale-provider=icu --icu-locale=en-US >"$dir.initdb.log" 2>&1 ||
        { cat "$dir.initdb.log" >&2; exit 1; }
      # Loopback only, and only trust there (initdb -A trust also trusts the Unix socket, which lives in $dir).
      cat >"$dir/pg_hba.conf" <<HBA
local all all trust
host all all 127.0.0.1/32 trust
host all all ::1/128 trust
HBA
    fi
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 30 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null 2>&1 ||
      { echo "test-postgres: the server did not start:" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
    echo "test-postgres: started on 127.0.0.1:$port (data in $dir)"
    ;;
  stop)
    if [ -f "$dir/postmaster.pid" ]; then
      "${as_owner[@]}" "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
      echo "test-postgres: stopped"
    fi
    ;;
  status)
    "$bin/pg_isready" -h 127.0.0.1 -p "$port"
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
