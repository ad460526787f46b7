#!/usr/bin/env bash
# Search over the 1M stores in process, two jars alternated: p50/p95 of the ten search queries, and the opens and count
# beside them (bench/OpenSearchBench.java), per round: SQLite (target/bench/1m/src.db), then the bench server's src_1m.
# Usage: bench/search-ab.sh BEFORE.jar AFTER.jar [ROUNDS]   (after bench/run.sh --scale 1m has made both stores; as root)
set -u
[ $# -ge 2 ] || { echo "usage: bench/search-ab.sh BEFORE.jar AFTER.jar [ROUNDS]" >&2; exit 2; }
BEFORE=$(realpath "$1"); AFTER=$(realpath "$2"); ROUNDS=${3:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd); cd "$ROOT/target/bench/1m"
PGBIN=/usr/lib/postgresql/15/bin; PGDATA=$ROOT/target/bench/pg; PGPORT=55434
CLI_OPTIONS=$(sed -n 's/^java-options=//p' "$ROOT/installer/linux/sessiondb.properties")
runuser -u postgres -- $PGBIN/pg_ctl -D "$PGDATA" -l "$ROOT/target/bench/pg.log" -w -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k /tmp -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null
trap 'runuser -u postgres -- $PGBIN/pg_ctl -D "$PGDATA" -m fast stop >/dev/null' EXIT
PG="postgresql://bench:bench@127.0.0.1:$PGPORT/src_1m"
QUERIES=(minsky md#0001 task-md 42 feature local/mag "#0123" review pr/ edobry)
for round in $(seq 1 "$ROUNDS"); do
  for side in before after; do
    jar=$BEFORE; [ $side = after ] && jar=$AFTER
    for store in sqlite:src.db "$PG"; do
      echo "round $round $side $store"
      java $CLI_OPTIONS -cp "$jar" "$ROOT/bench/OpenSearchBench.java" "$store" "${QUERIES[@]}" 2>/dev/null | grep -i "search\|first page"
    done
  done
done
