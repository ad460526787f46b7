#!/usr/bin/env bash
# Compatibility suite against real Minsky (opt-in; see docs/compatibility.md).
#
#   compat/run.sh MINSKY_CHECKOUT
#
# MINSKY_CHECKOUT is a Minsky source tree with `bun install` done. Its era is detected:
#   - with packages/domain/src/session/drizzle-session-repository.ts: current Minsky (PostgreSQL);
#   - with src/domain/storage/backends/json-file-storage.ts: a 2025 Minsky (JSON and SQLite).
# Environment:
#   BUN            the bun binary (default: bun on PATH)
#   SESSIONDB_JAR  this tool (default: target/sessiondb-admin.jar; build with mvn -q package -DskipTests)
#   COMPAT_PG      a PostgreSQL server with pgvector, as postgresql://user@host:port (default
#                  postgresql://postgres@127.0.0.1:55433); databases named compat_* are dropped and made
# Prints one PASS or FAIL line per check and exits 1 when any check fails. Copies two helper
# scripts into MINSKY_CHECKOUT/.sessiondb-compat/ (removed at the end) so that they resolve
# Minsky's own modules; nothing of Minsky's is changed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
minsky=$(cd "${1:?usage: compat/run.sh MINSKY_CHECKOUT}" && pwd)
bun=${BUN:-bun}
jar=${SESSIONDB_JAR:-$root/target/sessiondb-admin.jar}
pg=${COMPAT_PG:-postgresql://postgres@127.0.0.1:55433}
fixture=$root/src/test/resources/fixtures/minsky/session-db.json
work=$(mktemp -d /tmp/minsky-compat-XXXXXX)
failures=0

export HOME=$work/home XDG_CONFIG_HOME=$work/home/config XDG_STATE_HOME=$work/state
mkdir -p "$HOME" "$XDG_STATE_HOME/minsky" "$minsky/.sessiondb-compat"
trap 'rm -rf "$minsky/.sessiondb-compat"' EXIT

commit=$(git -C "$minsky" rev-parse HEAD 2>/dev/null || cat "$minsky/.minsky-commit" 2>/dev/null || echo unknown)
echo "Minsky checkout: $minsky (commit $commit); this tool: $jar; work: $work"

# Java's user.home is not $HOME: give it, so the tool's backups and reports stay in the work folder
export SESSIONDB="java -Duser.home=$HOME -jar $jar"
sessiondb() { $SESSIONDB "$@"; }
check() { # NAME COMMAND...: runs the command, logs its output, prints PASS or FAIL
    local name=$1; shift
    local log="$work/$(echo "$name" | tr -c 'a-zA-Z0-9' '_').log"
    if "$@" > "$log" 2>&1; then echo "PASS  $name"; else echo "FAIL  $name (log: $log)"; tail -5 "$log" | sed 's/^/      /'; failures=$((failures + 1)); fi
}

if [ -f "$minsky/packages/domain/src/session/drizzle-session-repository.ts" ]; then
    cp "$here/minsky-head-store.ts" "$minsky/.sessiondb-compat/store.ts"
    psql_() { psql "$pg/$1" -v ON_ERROR_STOP=1 -tAq -c "$2"; }
    fresh_db() { psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS $1" && psql "$pg/postgres" -qc "CREATE DATABASE $1"; }
    minsky_on() { (cd "$minsky" && MINSKY_PERSISTENCE_BACKEND=postgres MINSKY_PERSISTENCE_POSTGRES_URL="$pg/$1" "$bun" run src/cli.ts "${@:2}"); }
    ledger() { psql_ "$1" "SELECT count(*) FROM drizzle.__drizzle_migrations"; }

    fresh_db compat_refused
    check "a new Minsky-layout PostgreSQL target is refused up front with the guided path" bash -c "
        ! sessiondb_out=\$(\$SESSIONDB migrate json:'$fixture' '$pg/compat_refused' --layout minsky 2>&1) &&
        echo \"\$sessiondb_out\" && echo \"\$sessiondb_out\" | grep -q 'minsky persistence migrate' &&
        [ \"\$(psql '$pg/compat_refused' -tAc \"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'\")\" = 0 ]"

    fresh_db compat_written
    check "Minsky creates its database (persistence migrate --execute)" minsky_on compat_written persistence migrate --execute
    applied=$(ledger compat_written)
    echo "      Drizzle ledger: $applied migrations"
    check "this tool merges the 217-record fixture into Minsky's database" \
        sessiondb migrate json:"$fixture" "$pg/compat_written" --mode merge --allow-loss
    check "sessiondb info names the era and the ledger" bash -c "\$SESSIONDB info '$pg/compat_written' | tee /dev/stderr | grep -q 'Drizzle ledger with $applied migrations'"
    check "Minsky lists every record this tool wrote, every value as written" bash -c "
        cd '$minsky' && MINSKY_PERSISTENCE_POSTGRES_URL='$pg/compat_written' COMPAT_OUT='$work/written-list.json' '$bun' .sessiondb-compat/store.ts list >/dev/null &&
        python3 '$here/compare.py' '$work/written-list.json' '$fixture' --expect-count 217"
    check "Minsky's session list --json lists every record" bash -c "
        cd '$minsky' && MINSKY_PERSISTENCE_BACKEND=postgres MINSKY_PERSISTENCE_POSTGRES_URL='$pg/compat_written' '$bun' run src/cli.ts session list --json --limit 1000 --all-projects > '$work/cli-list.txt' 2>&1 &&
        python3 '$here/list-count.py' '$work/cli-list.txt' 217"
    check "Minsky adds a session and updates one of this tool's" bash -c "
        cd '$minsky' && MINSKY_PERSISTENCE_POSTGRES_URL='$pg/compat_written' COMPAT_OUT='$work/added.json' '$bun' .sessiondb-compat/store.ts add 5e551077-0000-4000-8000-00000000c0de >/dev/null &&
        MINSKY_PERSISTENCE_POSTGRES_URL='$pg/compat_written' COMPAT_OUT='$work/updated.json' '$bun' .sessiondb-compat/store.ts update task#002 >/dev/null &&
        python3 -c \"import json; d={r['sessionId']: r for r in json.load(open('$work/updated.json'))}; print(len(d), d['task#002'].get('status'));
exit(0 if len(d) == 218 and d['task#002'].get('status') == 'PR_OPEN' else 1)\""
    check "Minsky's migrator accepts this tool's output (persistence migrate --execute)" minsky_on compat_written persistence migrate --execute
    check "the ledger is unchanged" bash -c "[ \"\$(psql '$pg/compat_written' -tAc 'SELECT count(*) FROM drizzle.__drizzle_migrations')\" = '$applied' ]"
    check "this tool reads back every value after Minsky's writes" bash -c "
        \$SESSIONDB migrate '$pg/compat_written' json:'$work/written-back.json' && python3 '$here/compare.py' '$work/updated.json' '$work/written-back.json' --expect-count 218"

    fresh_db compat_built
    check "Minsky builds a store (its migrations and its own writes)" bash -c "
        cd '$minsky' && MINSKY_PERSISTENCE_BACKEND=postgres MINSKY_PERSISTENCE_POSTGRES_URL='$pg/compat_built' '$bun' run src/cli.ts persistence migrate --execute >/dev/null &&
        for id in 5e551077-0000-4000-8000-000000000001 5e551077-0000-4000-8000-000000000002; do
            MINSKY_PERSISTENCE_POSTGRES_URL='$pg/compat_built' COMPAT_OUT='$work/built.json' '$bun' .sessiondb-compat/store.ts add \$id >/dev/null || exit 1; done &&
        MINSKY_PERSISTENCE_POSTGRES_URL='$pg/compat_built' COMPAT_OUT='$work/built.json' '$bun' .sessiondb-compat/store.ts update 5e551077-0000-4000-8000-000000000002 >/dev/null"
    check "this tool reads every value of Minsky's store" bash -c "
        \$SESSIONDB migrate '$pg/compat_built' json:'$work/built-read.json' && python3 '$here/compare.py' '$work/built.json' '$work/built-read.json' --expect-count 2"
    fresh_db compat_copy
    check "a copy into another Minsky database is byte-for-byte Minsky's rows" bash -c "
        cd '$minsky' && MINSKY_PERSISTENCE_BACKEND=postgres MINSKY_PERSISTENCE_POSTGRES_URL='$pg/compat_copy' '$bun' run src/cli.ts persistence migrate --execute >/dev/null &&
        \$SESSIONDB migrate '$pg/compat_built' '$pg/compat_copy' --layout minsky --mode merge &&
        diff <(psql '$pg/compat_built' -tAc 'SELECT s::text FROM sessions s ORDER BY session') <(psql '$pg/compat_copy' -tAc 'SELECT s::text FROM sessions s ORDER BY session')"
elif [ -f "$minsky/src/domain/storage/backends/json-file-storage.ts" ]; then
    cp "$here/minsky-2025-store.ts" "$minsky/.sessiondb-compat/store.ts"
    state=$XDG_STATE_HOME/minsky

    check "this tool writes Minsky's JSON file" sessiondb migrate json:"$fixture" json:"$state/session-db.json"
    check "Minsky lists every record of it, every value as written" bash -c "
        cd '$minsky' && MINSKY_SESSIONDB_BACKEND=json COMPAT_OUT='$work/json-list.json' '$bun' .sessiondb-compat/store.ts list >/dev/null &&
        python3 '$here/compare.py' '$work/json-list.json' '$fixture' --expect-count 217"
    check "Minsky adds a session and updates one in it" bash -c "
        cd '$minsky' && MINSKY_SESSIONDB_BACKEND=json COMPAT_OUT='$work/json-added.json' '$bun' .sessiondb-compat/store.ts add compat-json-added >/dev/null &&
        MINSKY_SESSIONDB_BACKEND=json COMPAT_OUT='$work/json-updated.json' '$bun' .sessiondb-compat/store.ts update task#002 >/dev/null &&
        python3 -c \"import json; d={r['session']: r for r in json.load(open('$work/json-updated.json'))}; print(len(d), d['task#002'].get('prBranch'));
exit(0 if len(d) == 218 and d['task#002'].get('prBranch') == 'pr/updated-by-minsky' else 1)\""
    check "this tool reads every value after Minsky's writes (JSON)" bash -c "
        \$SESSIONDB migrate json:'$state/session-db.json' json:'$work/json-back.json' && python3 '$here/compare.py' '$work/json-updated.json' '$work/json-back.json' --expect-count 218"

    check "this tool writes Minsky's SQLite layout" sessiondb migrate json:"$fixture" sqlite:"$state/sessions.db" --layout minsky --allow-loss
    check "Minsky lists every record of it, every value as written" bash -c "
        cd '$minsky' && MINSKY_SESSIONDB_BACKEND=sqlite COMPAT_OUT='$work/sqlite-list.json' '$bun' .sessiondb-compat/store.ts list >/dev/null &&
        python3 '$here/compare.py' '$work/sqlite-list.json' '$fixture' --expect-count 217"
    check "Minsky's session list --json lists every record" bash -c "
        cd '$minsky' && MINSKY_SESSIONDB_BACKEND=sqlite '$bun' run src/cli.ts session list --json > '$work/cli-list.txt' 2>&1 &&
        python3 '$here/list-count.py' '$work/cli-list.txt' 217"
    check "Minsky adds a session and updates one in it" bash -c "
        cd '$minsky' && MINSKY_SESSIONDB_BACKEND=sqlite COMPAT_OUT='$work/sqlite-added.json' '$bun' .sessiondb-compat/store.ts add compat-sqlite-added >/dev/null &&
        MINSKY_SESSIONDB_BACKEND=sqlite COMPAT_OUT='$work/sqlite-updated.json' '$bun' .sessiondb-compat/store.ts update task#002 >/dev/null &&
        python3 -c \"import json; d={r['session']: r for r in json.load(open('$work/sqlite-updated.json'))}; print(len(d), d['task#002'].get('prBranch'));
exit(0 if len(d) == 218 and d['task#002'].get('prBranch') == 'pr/updated-by-minsky' else 1)\""
    check "this tool reads every value after Minsky's writes (SQLite)" bash -c "
        \$SESSIONDB migrate sqlite:'$state/sessions.db' json:'$work/sqlite-back.json' && python3 '$here/compare.py' '$work/sqlite-updated.json' '$work/sqlite-back.json' --expect-count 218"

    built=$work/built-state
    mkdir -p "$built/minsky"
    check "Minsky builds a SQLite store (its CREATE TABLE and its own writes)" bash -c "
        cd '$minsky' && export XDG_STATE_HOME='$built' MINSKY_SESSIONDB_BACKEND=sqlite &&
        COMPAT_OUT='$work/built.json' '$bun' .sessiondb-compat/store.ts add compat-built-1 >/dev/null &&
        COMPAT_OUT='$work/built.json' '$bun' .sessiondb-compat/store.ts add compat-built-2 >/dev/null &&
        COMPAT_OUT='$work/built.json' '$bun' .sessiondb-compat/store.ts update compat-built-2 >/dev/null"
    check "sessiondb info names the era" bash -c "\$SESSIONDB info sqlite:'$built/minsky/sessions.db' | tee /dev/stderr | grep -q 'minsky-sqlite-2025'"
    check "this tool reads every value of Minsky's store" bash -c "
        \$SESSIONDB migrate sqlite:'$built/minsky/sessions.db' json:'$work/built-read.json' && python3 '$here/compare.py' '$work/built.json' '$work/built-read.json' --expect-count 2"
else
    echo "$minsky: not a Minsky checkout this suite knows (no session repository of 2025 or 2026)"; exit 2
fi

echo "checks failed: $failures"
[ "$failures" = 0 ]
