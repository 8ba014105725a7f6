# Sourced by .ci/run: a throwaway PostgreSQL server on 127.0.0.1 for the store tests.
# Installs PostgreSQL from Debian when initdb is missing, starts a cluster in a temp directory on a
# free port (as the postgres user when run as root), creates the database `recwatch`, exports
# RECWATCH_TEST_PG and stops the server on exit. Skipped when RECWATCH_TEST_PG is already set.
if [ -z "${RECWATCH_TEST_PG:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ -z "${APT_UPDATED:-}" ]; then apt-get update; APT_UPDATED=1; fi
    apt-get install -y --no-install-recommends postgresql
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/recwatch-pg.XXXXXX")
  PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$PG_DIR"
    as_pg() { runuser -u postgres -- "$@"; }
  else
    as_pg() { "$@"; }
  fi
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U recwatch --auth=trust --no-locale -E UTF8 >/dev/null
  trap 'as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"' EXIT
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U recwatch recwatch
  export RECWATCH_TEST_PG="postgresql+psycopg://recwatch@127.0.0.1:$PG_PORT/recwatch"
fi
