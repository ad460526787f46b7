#!/usr/bin/env bash
# SessionDB Admin benchmark: every job through the real CLI (whole process, JVM start-up
# included) next to the tool a user would pick instead, measured in the same run,
# interleaved (ours, baseline, ours, baseline, ...). Figures are ratios of medians.
#
#   bench/run.sh [--scale 10k|100k|300k|1m] [--repeats N] [--only NAME[,NAME...]] [--shuffled]
#   NAMEs: json-sqlite sqlite-pg pg-json sqlite-json open open-files search inproc diff validate crud desktop
#   --shuffled: the same sessions in a shuffled order, as real stores keep them (the sample is in
#   key order); data under target/bench/SCALE-shuffled, results in results-SCALE-shuffled.md
#
# Needs root (or the tools already present) to apt-get install sqlite3, postgresql-15,
# pgloader, time and (for desktop) xvfb and libgtk-3-0. Starts its own PostgreSQL on 127.0.0.1:55434 (data under
# target/bench/pg) and stops it on exit. Results: target/bench/results-SCALE.md.
set -uo pipefail

SCALE=100k
REPEATS=3
ONLY=""
SHUFFLED=""
while [ $# -gt 0 ]; do
    case "$1" in
        --scale) SCALE=$2; shift 2 ;;
        --repeats) REPEATS=$2; shift 2 ;;
        --only) ONLY=$2; shift 2 ;;
        --shuffled) SHUFFLED=-shuffled; shift ;;
        -h|--help) sed -n 2,14p "$0"; exit 0 ;;
        *) echo "unknown option $1; see --help" >&2; exit 2 ;;
    esac
done
case "$SCALE" in
    10k) COUNT=10000 ;; 100k) COUNT=100000 ;; 300k) COUNT=300000 ;; 1m) COUNT=1000000 ;;
    *) echo "--scale must be 10k, 100k, 300k or 1m" >&2; exit 2 ;;
esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/target/sessiondb-admin.jar
# ours runs as the installed sessiondb command does: the console launcher's JVM options on the same jar
CLI_OPTIONS=$(sed -n 's/^java-options=//p' "$ROOT/installer/linux/sessiondb.properties")
# the window runs as the installed sessiondb-admin does: the window launcher's JVM options
# (the default collector and heap, and the class-data archive)
DESKTOP_OPTIONS=$(sed -n 's/^--java-options *//p' "$ROOT/installer/app.args" "$ROOT/installer/linux/app-image.args" | tr -d '"')
WORK=$ROOT/target/bench/$SCALE$SHUFFLED
PGDATA=$ROOT/target/bench/pg
PGPORT=55434
PGBIN=/usr/lib/postgresql/15/bin
RESULTS=$ROOT/target/bench/results-$SCALE$SHUFFLED.md
# the PostgreSQL source of each scale is a database of its own (one server serves every scale)
SRCDB=src_$SCALE${SHUFFLED:+_shuffled}
export PGHOST=127.0.0.1 PGPORT PGUSER=bench PGPASSWORD=bench
PG="postgresql://bench:bench@127.0.0.1:$PGPORT"
mkdir -p "$WORK"
cd "$WORK" || exit 2

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
wanted() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }

# ---- tools ---------------------------------------------------------------------------------
apt_install() { # package: when root can
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing $1"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1 \
            || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1; }
    fi
}
need_package() { # command package
    command -v "$1" >/dev/null 2>&1 && return 0
    apt_install "$2"
    command -v "$1" >/dev/null 2>&1
}
need_package sqlite3 sqlite3 || { echo "sqlite3 is required (apt-get install sqlite3)" >&2; exit 2; }
need_package /usr/bin/time time || { echo "/usr/bin/time is required (apt-get install time)" >&2; exit 2; }
[ -x $PGBIN/postgres ] || need_package $PGBIN/postgres postgresql-15
need_package psql postgresql-client-15
HAVE_PG=0; [ -x $PGBIN/postgres ] && command -v psql >/dev/null && HAVE_PG=1
HAVE_PGLOADER=0; need_package pgloader pgloader && HAVE_PGLOADER=1
# the window needs a display and GTK; installed before the class-data archive is made, so that the
# archive holds the window's classes as the package's does
HAVE_DESKTOP=0
if wanted desktop && need_package xvfb-run xvfb; then
    ldconfig -p | grep -q libgtk-3.so.0 || apt_install libgtk-3-0
    ldconfig -p | grep -q libgtk-3.so.0 && HAVE_DESKTOP=1
fi
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q package -DskipTests) || { echo "cannot build $JAR" >&2; exit 2; }
# ...and with the class-data archive its package makes at install (installer/linux/class-archive.sh),
# made here for this jar and this java, again whenever the jar is newer
CDS=$ROOT/target/bench/cds
if [ ! -f "$CDS/sessiondb.jsa" ] || [ "$JAR" -nt "$CDS/sessiondb.jsa" ]; then
    log "making the class-data archive"
    mkdir -p "$CDS"
    "$ROOT/installer/linux/class-list.sh" java "$JAR" "$CDS/sessiondb.classlist" >/dev/null \
        && "$ROOT/installer/linux/class-archive.sh" java "$JAR" "$CDS/sessiondb.classlist" "$CDS/sessiondb.jsa" \
        || log "no class-data archive: ours starts without it"
fi
# ...and SQLite's native library beside it, as the package has it (installer/build-linux.sh)
NATIVE=org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so
if [ ! -f "$CDS/libsqlitejdbc.so" ] || [ "$JAR" -nt "$CDS/libsqlitejdbc.so" ]; then
    (cd "$CDS" && rm -rf org && jar xf "$JAR" "$NATIVE" && mv "$NATIVE" libsqlitejdbc.so && touch libsqlitejdbc.so && rm -rf org) \
        || log "no native library beside the archive: ours copies it out of the jar at each start"
fi
CLI_OPTIONS=${CLI_OPTIONS//\$APPDIR/$CDS}
DESKTOP_OPTIONS=${DESKTOP_OPTIONS//\$APPDIR/$CDS}

# ---- results -------------------------------------------------------------------------------
printf '| figure | ours min / median (s) | baseline | baseline min / median (s) | ratio (median) | target | met | peak RSS ours / baseline (MB) |\n|---|---|---|---|---|---|---|---|\n' > "$RESULTS"
not_measured() { # figure why
    printf '%-44s not measured: %s\n' "$1" "$2"
    printf '| %s | - | - | - | - | - | not measured: %s | - |\n' "$1" "$2" >> "$RESULTS"
}

# timed LABEL CMD...: appends "seconds maxrss_kb" to $WORK/t.LABEL; output to $WORK/out.LABEL
timed() {
    local label=$1; shift
    if declare -F "$1" >/dev/null; then
        # a function of this script: run in a child shell that knows it (and the variables it reads)
        export -f $(compgen -A function)
        export JAR CLI_OPTIONS WORK PG SRCDB COLUMNS_SQL TABLE_SQL PG_TABLE_SQL PG_BINARY_TABLE_SQL MID COUNT
        set -- bash -c "$1"' "$@"' bash "${@:2}"
    fi
    /usr/bin/time -f '%e %M' -o "$WORK/time.tmp" "$@" >"$WORK/out.$label" 2>"$WORK/err.$label"
    local rc=$?
    # ours exits 1 for findings (validate) and differences (diff); a baseline's 1 is psql's or sqlite3's error
    if [ $rc -ne 0 ] && { [ $rc -ne 1 ] || [ "$label" != ours ]; }; then
        log "FAILED ($rc): $*"; tail -3 "$WORK/err.$label" >&2; return $rc
    fi
    tail -1 "$WORK/time.tmp" >> "$WORK/t.$label"
}

stats() { # file -> "min median maxrss_mb"
    sort -n "$1" | awk '{t[NR]=$1; if ($2>m) m=$2} END {med = NR%2 ? t[(NR+1)/2] : (t[NR/2]+t[NR/2+1])/2; printf "%.2f %.2f %.0f", t[1], med, m/1024}'
}

# warm FILE...: reads the files into the page cache. Before each timed command, so that it finds
# its inputs as a command run right after another on them does: otherwise ours, timed first,
# pays the disk for both (a 1M diff: 4.6 s cold against 2.1-3.1 s warm).
warm() { [ $# = 0 ] || cat "$@" > /dev/null; }

# [INPUTS="FILE..."] measure FIGURE TARGET(ratio, or "-") BASELINE-NAME PREP-FUNCTION OURS-FUNCTION BASE-FUNCTION [FURTHER-BASE-FUNCTION...]
# Runs prep, ours, prep, baseline (, prep, each further baseline), REPEATS times, interleaved,
# each timed command after the files both sides read are warmed (INPUTS; a server's data is not);
# the further baselines' timings are left in t.base2, t.base3, ... for report.
measure() {
    local figure=$1 target=$2 basename=$3 prep=$4 ours=$5 base=$6
    local further=("${@:7}") n
    rm -f "$WORK"/t.ours "$WORK"/t.base*
    for ((i = 1; i <= REPEATS; i++)); do
        $prep; warm ${INPUTS:-}; timed ours $ours || { not_measured "$figure" "our command failed (see $WORK/err.ours)"; return; }
        $prep; warm ${INPUTS:-}; timed base $base || { not_measured "$figure" "baseline failed (see $WORK/err.base)"; return; }
        for n in "${!further[@]}"; do
            [ -n "${further[$n]}" ] || continue
            $prep; warm ${INPUTS:-}; timed base$((n + 2)) ${further[$n]} || { log "baseline ${further[$n]} failed (see $WORK/err.base$((n + 2)))"; further[$n]=""; rm -f "$WORK/t.base$((n + 2))"; }
        done
    done
    report "$figure" "$target" "$basename" "$WORK/t.base"
}

# report FIGURE TARGET BASELINE-NAME BASELINE-TIMINGS: ours from t.ours. TARGET is the
# highest ratio that meets it ("1.5"), or "<" and a ratio to stay below ("<1.0": faster than
# the baseline), or "-"; it is judged on the medians themselves, not on the ratio as printed
report() {
    local figure=$1 target=$2 basename=$3
    read -r omin omed orss <<<"$(stats "$WORK/t.ours")"
    read -r bmin bmed brss <<<"$(stats "$4")"
    local ratio met bound=${target#<} compare="<="
    [ "$target" = "$bound" ] || compare="<"
    ratio=$(awk -v a="$omed" -v b="$bmed" 'BEGIN {printf "%.2f", a / b}')
    met="-"
    if [ "$target" != "-" ]; then
        met=$(awk -v a="$omed" -v b="$bmed" -v t="$bound" -v c="$compare" 'BEGIN {r = a / b; print (c == "<" ? r < t : r <= t) ? "yes" : "no"}')
    fi
    printf '%-44s ours %6s / %6s s   %-34s %6s / %6s s   ratio %5s  (target %s %s: %s)\n' \
        "$figure" "$omin" "$omed" "$basename" "$bmin" "$bmed" "$ratio" "$compare" "$bound" "$met"
    [ "$compare" = "<=" ] || bound="< $bound"
    printf '| %s | %s / %s | %s | %s / %s | %s | %s | %s | %s / %s |\n' "$figure" "$omin" "$omed" "$basename" "$bmin" "$bmed" \
        "$ratio" "${bound/-/none}" "$met" "$orss" "$brss" >> "$RESULTS"
}

# ---- PostgreSQL of our own -----------------------------------------------------------------
pg_start() {
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        mkdir -p "$PGDATA"; chown -R postgres "$PGDATA" 2>/dev/null
        echo bench > "$ROOT/target/bench/pwfile"; chmod 644 "$ROOT/target/bench/pwfile"
        as_pg $PGBIN/initdb -D "$PGDATA" -U bench --pwfile="$ROOT/target/bench/pwfile" -A md5 >/dev/null || return 1
    fi
    touch "$ROOT/target/bench/pg.log"; chown postgres "$ROOT/target/bench/pg.log" 2>/dev/null; as_pg $PGBIN/pg_ctl -D "$PGDATA" -l "$ROOT/target/bench/pg.log" -w -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k /tmp -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null
}
pg_stop() { [ -f "$PGDATA/postmaster.pid" ] && as_pg $PGBIN/pg_ctl -D "$PGDATA" -m fast stop >/dev/null; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_q() { psql -X -q -v ON_ERROR_STOP=1 -d "${DB:-postgres}" "$@"; }
fresh_db() { psql_q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null; }

if [ $HAVE_PG = 1 ]; then
    pg_start || { log "cannot start PostgreSQL on $PGPORT (see target/bench/pg.log)"; HAVE_PG=0; }
    trap pg_stop EXIT
fi

# ---- data (deterministic: seed 1; built once per scale) ------------------------------------
if [ ! -f src.json ]; then
    log "generating $COUNT sample sessions"
    java $CLI_OPTIONS -jar "$JAR" sample json:src.json --count "$COUNT" --seed 1 >/dev/null || exit 2
    if [ -n "$SHUFFLED" ]; then
        log "shuffling them (python3, seed 7)"
        python3 -c 'import json, random
records = json.load(open("src.json"))
random.Random(7).shuffle(records)
json.dump(records, open("shuffled.json", "w"), indent=2)' && mv shuffled.json src.json || exit 2
    fi
fi
if [ ! -f src.db ]; then
    log "building the SQLite source"
    java $CLI_OPTIONS -jar "$JAR" migrate json:src.json sqlite:src.db --backup-dir "$WORK/backups" >/dev/null || exit 2
fi
COLUMNS_SQL="session_key, task_id, repo_name, branch, status, created_at, last_activity_at, record"
# in the JSON file's order (the SQLite source's rows were written in it), as ours reads it
[ -f rows.csv ] || sqlite3 -csv src.db "SELECT $COLUMNS_SQL FROM sessions ORDER BY id" > rows.csv
if wanted diff && [ ! -f changed.db ]; then
    cp src.db changed.db
    sqlite3 changed.db "UPDATE sessions SET record = json_set(record, '\$.branch', 'changed-' || id), branch = 'changed-' || id WHERE id % 100 = 0" || exit 2
fi
needs_pg_source() { wanted pg-json || wanted open || wanted search || wanted inproc; }
if [ $HAVE_PG = 1 ] && needs_pg_source && ! psql_q -d $SRCDB -c "SELECT 1" >/dev/null 2>&1; then
    log "building the PostgreSQL source"
    fresh_db $SRCDB
    java $CLI_OPTIONS -jar "$JAR" migrate sqlite:src.db "$PG/$SRCDB" --backup-dir "$WORK/backups" >/dev/null || exit 2
fi
log "data ready: $COUNT sessions ($(du -h src.json | cut -f1) JSON, $(du -h src.db | cut -f1) SQLite)"

# ---- figures -------------------------------------------------------------------------------
TABLE_SQL="CREATE TABLE sessions (session_key TEXT NOT NULL, task_id TEXT, repo_name TEXT, branch TEXT, status TEXT, created_at TEXT, last_activity_at TEXT, record TEXT NOT NULL);"
PG_TABLE_SQL="CREATE TABLE sessions (session_key TEXT NOT NULL, task_id TEXT, repo_name TEXT, branch TEXT, status TEXT, created_at TEXT, last_activity_at TEXT, record TEXT NOT NULL);"
# our schema's columns (V5) compare as bytes
PG_BINARY_TABLE_SQL="CREATE TABLE sessions (session_key TEXT COLLATE \"C\" NOT NULL, task_id TEXT COLLATE \"C\", repo_name TEXT COLLATE \"C\", branch TEXT COLLATE \"C\", status TEXT COLLATE \"C\", created_at TEXT COLLATE \"C\", last_activity_at TEXT COLLATE \"C\", record TEXT NOT NULL);"

prep_sqlite_target() { rm -rf out.db out.db-* .out.db.* "$WORK/backups"; }
ours_json_to_sqlite() { java $CLI_OPTIONS -jar "$JAR" migrate json:src.json sqlite:out.db --backup-dir "$WORK/backups"; }
base_sqlite_import() {
    sqlite3 out.db "$TABLE_SQL" ".import --csv rows.csv sessions" \
        "CREATE UNIQUE INDEX sessions_key ON sessions (session_key); CREATE INDEX sessions_created_at ON sessions (created_at);"
}
# like for like: the key, the three sort indexes and the trigram search index our store has, built after the import
base_sqlite_import_same_indexes() {
    sqlite3 out.db "$TABLE_SQL" ".import --csv rows.csv sessions" \
        "CREATE UNIQUE INDEX sessions_key ON sessions (session_key);
         CREATE INDEX sessions_task_order ON sessions ((CASE WHEN (task_id GLOB '[0-9]*' AND task_id NOT GLOB '*[^0-9]*' OR task_id GLOB '*#[0-9]*' AND task_id NOT GLOB '*#*[^0-9]*' AND task_id NOT GLOB '*[^A-Za-z]*#*' AND instr(task_id, '#') <= 9) THEN CAST(substr(task_id, instr(task_id, '#') + 1) AS INTEGER) ELSE task_id END), task_id);
         CREATE INDEX sessions_repo_name ON sessions (repo_name); CREATE INDEX sessions_created_at ON sessions (created_at);
         CREATE VIEW sessions_search_text AS SELECT rowid AS id, session_key || char(31) || coalesce(task_id, '') || char(31)
             || coalesce(repo_name, '') || char(31) || CASE WHEN branch = session_key THEN '' ELSE coalesce(branch, '') END AS text FROM sessions;
         CREATE VIRTUAL TABLE sessions_search USING fts5(text, content = 'sessions_search_text', content_rowid = 'id', tokenize = 'trigram', detail = none);
         INSERT INTO sessions_search (sessions_search) VALUES ('rebuild');"
}
if wanted json-sqlite; then
    INPUTS="src.json rows.csv" measure "migrate JSON -> SQLite" 1.5 "sqlite3 .import CSV + 2 indexes" prep_sqlite_target ours_json_to_sqlite base_sqlite_import \
        base_sqlite_import_same_indexes
    if [ -f "$WORK/t.base2" ]; then
        report "migrate JSON -> SQLite (vs the same indexes)" - "sqlite3 .import + our indexes + FTS5" "$WORK/t.base2"
    else not_measured "migrate JSON -> SQLite (vs the same indexes)" "the baseline failed (see $WORK/err.base2)"; fi
fi

prep_pg_target() { fresh_db outdb; rm -rf "$WORK/backups"; }
ours_sqlite_to_pg() { java $CLI_OPTIONS -jar "$JAR" migrate sqlite:src.db "$PG/outdb" --backup-dir "$WORK/backups"; }
base_psql_copy() {
    DB=outdb psql_q -c "$PG_TABLE_SQL" -c "\\copy sessions FROM 'rows.csv' WITH (FORMAT csv)" \
        -c "ALTER TABLE sessions ADD PRIMARY KEY (session_key)" -c "CREATE INDEX sessions_created_at ON sessions (created_at)"
}
cat > pgloader.load <<LOAD
LOAD DATABASE FROM sqlite://$WORK/src.db INTO postgresql://bench:bench@127.0.0.1:$PGPORT/outdb
 WITH include drop, create tables, create indexes, reset sequences
 INCLUDING ONLY TABLE NAMES LIKE 'sessions';
LOAD
# like for like: the key (in binary order), the three sort indexes and the two halves of the
# trigram search index our store has, built two at a time on two connections, as ours builds them
base_psql_copy_same_indexes() {
    DB=outdb psql_q -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" -c "$PG_BINARY_TABLE_SQL" -c "\\copy sessions FROM 'rows.csv' WITH (FORMAT csv)" \
        -c "ALTER TABLE sessions ADD PRIMARY KEY (session_key)" || return
    DB=outdb psql_q -c "SET maintenance_work_mem = '256MB'" -c "CREATE INDEX sessions_search_key ON sessions USING gin (lower((session_key
        || chr(31) || CASE WHEN strpos(session_key, task_id) > 0 THEN '' ELSE coalesce(task_id, '') END) COLLATE \"default\") gin_trgm_ops)" \
        -c "CREATE INDEX sessions_task_order ON sessions ((CASE WHEN task_id IS NULL THEN NULL WHEN task_id ~ '^([A-Za-z]{0,8}#){0,1}[0-9]+$' THEN least(CAST(substr(task_id, strpos(task_id, '#') + 1) AS numeric), 9223372036854775807) ELSE 9223372036854775808 END), task_id)" \
        -c "CREATE INDEX sessions_created_at ON sessions (created_at)" & local first=$!
    DB=outdb psql_q -c "SET maintenance_work_mem = '256MB'" -c "CREATE INDEX sessions_search_place ON sessions USING gin (lower((coalesce(repo_name, '')
        || chr(31) || CASE WHEN branch = session_key THEN '' ELSE coalesce(branch, '') END) COLLATE \"default\") gin_trgm_ops)" \
        -c "CREATE INDEX sessions_repo_name ON sessions (repo_name)" && wait $first
}
# pgloader (SBCL) can exhaust its heap and still exit 0 (its default 1 GB heap did at 300k):
# it gets 4 GB, and only a load that copied every row counts
base_pgloader() { pgloader --dynamic-space-size 4096 --quiet pgloader.load && [ "$(DB=outdb psql_q -At -c 'SELECT count(*) FROM sessions')" = "$COUNT" ]; }
# issue #9's targets against pgloader: twice as fast at 1M, faster at 300k (its done-when) and below
PGLOADER_TARGET="<1.0"; [ "$SCALE" != 1m ] || PGLOADER_TARGET=0.5
if wanted sqlite-pg; then
    if [ $HAVE_PG = 1 ]; then
        second=""; [ $HAVE_PGLOADER = 1 ] && second=base_pgloader
        INPUTS="src.db rows.csv" measure "migrate SQLite -> PostgreSQL" 1.2 "psql \\copy CSV + index build" prep_pg_target ours_sqlite_to_pg base_psql_copy "$second" \
            base_psql_copy_same_indexes
        if [ -f "$WORK/t.base2" ]; then
            report "migrate SQLite -> PostgreSQL (vs pgloader)" "$PGLOADER_TARGET" "pgloader 3.6 (same SQLite file)" "$WORK/t.base2"
        else not_measured "migrate SQLite -> PostgreSQL (vs pgloader)" "pgloader not installed or failed"; fi
        if [ -f "$WORK/t.base3" ]; then
            report "migrate SQLite -> PostgreSQL (vs the same indexes)" - "psql \\copy + our indexes + trigram" "$WORK/t.base3"
        else not_measured "migrate SQLite -> PostgreSQL (vs the same indexes)" "the baseline failed (see $WORK/err.base3)"; fi
    else not_measured "migrate SQLite -> PostgreSQL" "no PostgreSQL 15 server"; fi
fi
if wanted sqlite-pgloader && ! wanted sqlite-pg; then
    if [ $HAVE_PG = 1 ] && [ $HAVE_PGLOADER = 1 ]; then
        INPUTS="src.db" measure "migrate SQLite -> PostgreSQL (vs pgloader)" "$PGLOADER_TARGET" "pgloader 3.6 (same SQLite file)" prep_pg_target ours_sqlite_to_pg base_pgloader
    else not_measured "migrate SQLite -> PostgreSQL (vs pgloader)" "pgloader or PostgreSQL not installed"; fi
fi

prep_json_target() { rm -rf out.json out.jsonl .out.json.* "$WORK/backups"; }
ours_pg_to_json() { java $CLI_OPTIONS -jar "$JAR" migrate "$PG/$SRCDB" json:out.json --backup-dir "$WORK/backups"; }
base_pg_stream() { DB=$SRCDB psql_q -At -c "\\copy (SELECT record FROM sessions ORDER BY session_key) TO 'out.jsonl'"; }
ours_sqlite_to_json() { java $CLI_OPTIONS -jar "$JAR" migrate sqlite:src.db json:out.json --backup-dir "$WORK/backups"; }
base_sqlite_stream() { sqlite3 src.db "SELECT record FROM sessions ORDER BY session_key" > out.jsonl; }
if wanted pg-json; then
    if [ $HAVE_PG = 1 ]; then
        measure "migrate PostgreSQL -> JSON" - "psql \\copy of the record column" prep_json_target ours_pg_to_json base_pg_stream
    else not_measured "migrate PostgreSQL -> JSON" "no PostgreSQL 15 server"; fi
fi
wanted sqlite-json && INPUTS="src.db" measure "migrate SQLite -> JSON" - "sqlite3 SELECT of the record column" prep_json_target ours_sqlite_to_json base_sqlite_stream

noop() { :; }
jvm_floor() { java $CLI_OPTIONS -jar "$JAR" --version; }
MID=$((COUNT / 2))
ours_first_page_sqlite() { java $CLI_OPTIONS -jar "$JAR" ls sqlite:src.db --sort session --limit 50; }
ours_first_page_pg() { java $CLI_OPTIONS -jar "$JAR" ls "$PG/$SRCDB" --sort session --limit 50; }
ours_first_page_json() { java $CLI_OPTIONS -jar "$JAR" ls json:src.json --sort session --limit 50; }
ours_later_page_json() { java $CLI_OPTIONS -jar "$JAR" ls json:src.json --sort session --limit 50 --offset $MID; }
base_python_parse() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' src.json; }
if wanted open || wanted open-files; then
    INPUTS="src.db" measure "open + first page, SQLite" - "JVM start (sessiondb --version)" noop ours_first_page_sqlite jvm_floor
    [ $HAVE_PG = 1 ] && wanted open && measure "open + first page, PostgreSQL" - "JVM start (sessiondb --version)" noop ours_first_page_pg jvm_floor
    INPUTS="src.json" measure "open + first page, JSON" 1.5 "a bare full parse (python3 json.load)" noop ours_first_page_json base_python_parse
    INPUTS="src.json" measure "open + page at offset N/2, JSON" 1.5 "a bare full parse (python3 json.load)" noop ours_later_page_json base_python_parse
fi

QUERIES=(minsky md#0001 task-md 42 feature local/mag "#0123" review pr/ edobry)
search_percentiles() { # store label base-function-prefix
    local store=$1 label=$2 q ours=() base=()
    rm -f "$WORK/t.ours" "$WORK/t.base"
    for q in "${QUERIES[@]}"; do
        timed ours java $CLI_OPTIONS -jar "$JAR" ls "$store" --search "$q" --limit 50 || return
        timed base $3 "$q" || return
    done
    pct() { sort -n "$1" | awk -v p="$2" '{t[NR]=$1} END {i=int((NR-1)*p+0.5)+1; printf "%.2f", t[i]}'; }
    local o50 o95 b50 b95
    o50=$(pct "$WORK/t.ours" 0.5); o95=$(pct "$WORK/t.ours" 0.95); b50=$(pct "$WORK/t.base" 0.5); b95=$(pct "$WORK/t.base" 0.95)
    printf '%-44s ours p50 %s p95 %s s   baseline p50 %s p95 %s s   ratio(p95) %s\n' "search, $label (${#QUERIES[@]} queries)" "$o50" "$o95" "$b50" "$b95" \
        "$(awk -v a="$o95" -v b="$b95" 'BEGIN {printf "%.2f", a / b}')"
    printf '| search p50/p95, %s (%d queries, whole process) | %s / %s | %s | %s / %s | %s | none (p95 <= 50 ms in process) | - | - |\n' "$label" "${#QUERIES[@]}" \
        "$o50" "$o95" "$4" "$b50" "$b95" "$(awk -v a="$o95" -v b="$b95" 'BEGIN {printf "%.2f", a / b}')" >> "$RESULTS"
}
base_sqlite_search() { sqlite3 src.db "SELECT record FROM sessions WHERE id IN (SELECT rowid FROM sessions_search WHERE text LIKE '%$1%') ORDER BY session_key LIMIT 50"; }
base_pg_search() { DB=$SRCDB psql_q -At -c "SELECT record FROM sessions WHERE lower(session_key) LIKE lower('%$1%') OR lower(task_id) LIKE lower('%$1%') OR lower(repo_name) LIKE lower('%$1%') OR lower(branch) LIKE lower('%$1%') ORDER BY session_key LIMIT 50"; }
if wanted search; then
    search_percentiles sqlite:src.db SQLite base_sqlite_search "sqlite3 FTS5 query"
    [ $HAVE_PG = 1 ] && search_percentiles "$PG/$SRCDB" PostgreSQL base_pg_search "psql ILIKE query"
fi

# in_process STORE LABEL: open + first page, a JSON store's later page and bare parse, search p50/p95,
# timed inside one JVM (bench/OpenSearchBench.java), one JVM per store so each first open is a fresh JVM's
in_process() {
    log "in process: $2"
    java $CLI_OPTIONS -cp "$JAR" "$ROOT/bench/OpenSearchBench.java" "$1" "${QUERIES[@]}" 2>"$WORK/err.inproc" | tee "$WORK/inproc.txt"
    local rc=$?
    awk -F'\t' 'NF==3 {printf "| %s | %s | - | - | - | %s | - | - |\n", $1, $2, $3}' "$WORK/inproc.txt" >> "$RESULTS"
    [ $rc = 0 ] || not_measured "in process, $2" "failed (see $WORK/err.inproc)"
}
if wanted inproc; then
    in_process sqlite:src.db SQLite
    if [ $HAVE_PG = 1 ]; then in_process "$PG/$SRCDB" PostgreSQL
    else not_measured "in process, PostgreSQL" "no PostgreSQL 15 server"; fi
    in_process json:src.json JSON
fi

ours_diff_sqlite() { java $CLI_OPTIONS -Xmx512m -jar "$JAR" diff sqlite:src.db sqlite:changed.db --format json; }
ours_diff_json_sqlite() { java $CLI_OPTIONS -Xmx512m -jar "$JAR" diff json:src.json sqlite:changed.db --format json; }
base_sql_join() {
    sqlite3 src.db "ATTACH 'changed.db' AS b;" "SELECT count(*) FROM (SELECT a.session_key FROM main.sessions a FULL OUTER JOIN b.sessions c ON a.session_key = c.session_key WHERE a.record IS NOT c.record);"
}
if wanted diff; then
    INPUTS="src.db changed.db" measure "diff SQLite vs SQLite, 1% changed (-Xmx512m)" 1.5 "sqlite3 FULL OUTER JOIN on the record" noop ours_diff_sqlite base_sql_join
    INPUTS="src.json src.db changed.db" measure "diff JSON vs SQLite, 1% changed (-Xmx512m)" 1.5 "sqlite3 FULL OUTER JOIN on the record" noop ours_diff_json_sqlite base_sql_join
fi

ours_validate() { java $CLI_OPTIONS -jar "$JAR" validate sqlite:src.db --format json; }
full_read() { java $CLI_OPTIONS -jar "$JAR" ls sqlite:src.db --format csv; }
wanted validate && INPUTS="src.db" measure "validate SQLite" 2.0 "one full read (sessiondb ls, every record)" noop ours_validate full_read

if wanted crud; then
    PGURL=""; [ $HAVE_PG = 1 ] && { fresh_db cruddb; PGURL="$PG/cruddb"; }
    rm -rf crud; mkdir -p crud
    log "CRUD: 10k operations per backend, then 16 clients on PostgreSQL"
    java -cp "$JAR" "$ROOT/bench/CrudBench.java" "$WORK/crud" "$PGURL" | tee "$WORK/crud.txt"
    awk -F'\t' 'NF==3 {printf "| %s | %s | - | - | - | %s | - | - |\n", $1, $2, $3}' "$WORK/crud.txt" >> "$RESULTS"
fi

if wanted desktop; then
    if [ "$HAVE_DESKTOP" = 1 ]; then
        log "desktop: the window on src.db under Xvfb: open, scroll the table, migrate to a new SQLite file"
        rm -rf desktop desktop-classes
        # the bench and its instruments (the pulse timer, the scripted dialogs) compiled against the jar it drives
        javac -cp "$JAR" -d "$WORK/desktop-classes" "$ROOT"/bench/desktop/*.java
        xvfb-run -a -s "-screen 0 1280x1024x24" java $DESKTOP_OPTIONS -cp "$JAR:$WORK/desktop-classes" DesktopBench "$WORK/src.db" "$WORK/desktop" \
            2> "$WORK/desktop.err" | tee "$WORK/desktop.txt"
        desktop_status=${PIPESTATUS[0]}
        awk -F'\t' 'NF==3 {printf "| %s | %s | - | - | - | %s | - | - |\n", $1, $2, $3}' "$WORK/desktop.txt" >> "$RESULTS"
        [ "$desktop_status" = 0 ] || not_measured "desktop figures" "the window bench stopped (see $WORK/desktop.err)"
    else not_measured "desktop figures" "xvfb-run or GTK 3 not installed (apt-get install xvfb libgtk-3-0)"; fi
fi

log "table written to $RESULTS"
