#!/usr/bin/env bash
# A replace into a chat server's own tables (SQLite, 100,000 sessions, 300,000 messages) where 1% of the sessions changed,
# two jars alternated, each run a whole CLI process on a fresh copy of the target: its time and "records written".
# Needs target/bench/chat/server.db, which bench/chat-search-ab.sh makes.
# Usage: bench/chat-replace-ab.sh BEFORE.jar AFTER.jar [PAIRS]
set -u
[ $# -ge 2 ] || { echo "usage: bench/chat-replace-ab.sh BEFORE.jar AFTER.jar [PAIRS]" >&2; exit 2; }
BEFORE=$(realpath "$1"); AFTER=$(realpath "$2"); PAIRS=${3:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$ROOT/target/bench/chat/server.db" ] || { echo "run bench/chat-search-ab.sh first: it makes target/bench/chat/server.db" >&2; exit 2; }
mkdir -p "$ROOT/target/bench/chat-replace"; cd "$ROOT/target/bench/chat-replace"
if [ ! -f src.db ]; then
  cp "$ROOT/target/bench/chat/server.db" base.db && cp base.db src.db
  sqlite3 src.db "UPDATE sessions SET user_id = 'edited' WHERE rowid % 100 = 0"
fi
for pair in $(seq 1 "$PAIRS"); do
  for jar in "$BEFORE" "$AFTER"; do
    rm -rf t.db t.db-* backups && cp base.db t.db
    start=$(date +%s.%N)
    java -jar "$jar" migrate "sqlite:src.db?layout=chat" "sqlite:t.db?layout=chat" --mode replace --backup-dir backups >out.txt 2>&1
    end=$(date +%s.%N)
    printf "%s\t%s\t%.2f s\t%s\n" "$pair" "$(basename "$jar")" "$(echo "$end - $start" | bc)" "$(grep -E 'records written:|failed' out.txt | tr -s ' ')"
  done
done
