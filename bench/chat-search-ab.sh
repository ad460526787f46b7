#!/usr/bin/env bash
# Search of a chat server's own tables (100,000 sessions, 300,000 messages) in process, two jars alternated, one query a run
# (bench/OpenSearchBench.java's p50/p95): the SQLite file, then the same rows in the bench server's schema chatsrv.
# Makes both stores first when missing (target/bench/chat), with the chat server's DDL and AFTER.jar's migrate.
# Usage: bench/chat-search-ab.sh BEFORE.jar AFTER.jar [ROUNDS]   (after bench/run.sh has made the bench server; as root)
set -u
[ $# -ge 2 ] || { echo "usage: bench/chat-search-ab.sh BEFORE.jar AFTER.jar [ROUNDS]" >&2; exit 2; }
BEFORE=$(realpath "$1"); AFTER=$(realpath "$2"); ROUNDS=${3:-1}
ROOT=$(cd "$(dirname "$0")/.." && pwd); mkdir -p "$ROOT/target/bench/chat"; cd "$ROOT/target/bench/chat"
PGBIN=/usr/lib/postgresql/15/bin; PGDATA=$ROOT/target/bench/pg; PGPORT=55434
runuser -u postgres -- $PGBIN/pg_ctl -D "$PGDATA" -l "$ROOT/target/bench/pg.log" -w -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k /tmp -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null
trap 'runuser -u postgres -- $PGBIN/pg_ctl -D "$PGDATA" -m fast stop >/dev/null' EXIT
PG="postgresql://bench:bench@127.0.0.1:$PGPORT/src_1m?schema=chatsrv"
DDL="CREATE TABLE sessions (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, user_id TEXT, traits TEXT, created_at TEXT NOT NULL);
CREATE TABLE messages (id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, role TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX messages_session_id_idx ON messages (session_id);"
if [ ! -f server.db ]; then
  rm -f native.db && java -jar "$AFTER" sample --kind chat --count 100000 sqlite:native.db >/dev/null
  sqlite3 server.db "$DDL" && java -jar "$AFTER" migrate sqlite:native.db sqlite:server.db --mode merge --backup-dir backups >/dev/null
  PGPASSWORD=bench psql -q -h 127.0.0.1 -p $PGPORT -U bench src_1m -c "DROP SCHEMA IF EXISTS chatsrv CASCADE" -c "CREATE SCHEMA chatsrv" \
      -c "SET search_path TO chatsrv; $DDL"
  java -jar "$AFTER" migrate sqlite:server.db "$PG" --mode merge --backup-dir backups >/dev/null
  PGPASSWORD=bench psql -q -h 127.0.0.1 -p $PGPORT -U bench src_1m -c "VACUUM ANALYZE chatsrv.sessions" -c "VACUUM ANALYZE chatsrv.messages"
fi
for round in $(seq 1 "$ROUNDS"); do
  for store in sqlite:server.db "$PG"; do
    for query in refund zzz-none zzz/none café tenant-1 session; do
      for jar in "$BEFORE" "$AFTER"; do
        printf "%s\t%s\t%s\t%s\t" "$round" "${store%%:*}" "$query" "$(basename "$jar")"
        java -cp "$jar" "$ROOT/bench/OpenSearchBench.java" "$store" "$query" 2>/dev/null | grep "search p50" | cut -f2
      done
    done
  done
done
