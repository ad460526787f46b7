#!/usr/bin/env bash
# Two builds of sessiondb on one job, in pairs (A, B, A, B, ...): how the rounds judge a change
# where the host's drift between two runs of bench/run.sh would hide it.
#
#   bench/pair.sh [--pairs N] [--scale 300k] [--job sqlite-pg|json-sqlite|sqlite-json|validate|diff-sqlite|diff-json-sqlite|ls-json|desktop] A B
#
# A and B: each a jar, optionally with the console launcher's properties it runs with
# (JAR[,PROPERTIES]; by default the working tree's installer/linux/sessiondb.properties), or a
# commit, built in a worktree under target/bench/pair/ with its own properties. Each side runs as
# the installed command does: its launcher's JVM options and a class-data archive made for its
# jar (installer/linux/class-list.sh, class-archive.sh). Reads the data bench/run.sh made for the
# scale (run it once first); sqlite-pg starts bench/run.sh's PostgreSQL server and stops it after.
# desktop runs the window's benchmark (bench/desktop, under xvfb-run) with the window launcher's
# options (installer/app.args and linux/app-image.args beside the side's properties): its figure
# is the open of the store until its first rows show, in ms, and each run's whole output is kept
# in the pair folder (desktop-SIDE-PAIR.txt, with every stall). Needs xvfb-run (bench/run.sh
# --only desktop installs it).
# Prints each pair, then the medians and in how many pairs B was faster.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PAIRS=6 SCALE=300k JOB=sqlite-pg
while [ $# -gt 2 ]; do
    case $1 in
        --pairs) PAIRS=$2; shift 2 ;;
        --scale) SCALE=$2; shift 2 ;;
        --job) JOB=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ $# = 2 ] || { sed -n 2,13p "$0"; exit 2; }
WORK=$ROOT/target/bench/$SCALE
PAIRDIR=$ROOT/target/bench/pair
[ -f "$WORK/src.db" ] || { echo "no data for $SCALE: run bench/run.sh --scale $SCALE --only $JOB first" >&2; exit 2; }
[[ $JOB != diff-* ]] || [ -f "$WORK/changed.db" ] || { echo "no changed store for $SCALE: run bench/run.sh --scale $SCALE --only diff first" >&2; exit 2; }
mkdir -p "$PAIRDIR"

# side NAME SPEC -> a folder with app.jar, options, the class-data archive and SQLite's library
side() {
    local dir=$PAIRDIR/$1 spec=$2 jar properties
    rm -rf "$dir"; mkdir -p "$dir"
    if [ -f "${spec%%,*}" ]; then
        jar=${spec%%,*}; properties=$ROOT/installer/linux/sessiondb.properties
        [ "$spec" = "$jar" ] || properties=${spec#*,}
    else
        git -C "$ROOT" worktree remove --force "$dir-src" 2>/dev/null || rm -rf "$dir-src"
        git -C "$ROOT" worktree add --detach -q "$dir-src" "$spec"
        (cd "$dir-src" && mvn -q package -DskipTests >/dev/null 2>&1)
        jar=$dir-src/target/sessiondb-admin.jar; properties=$dir-src/installer/linux/sessiondb.properties
    fi
    cp "$jar" "$dir/app.jar"
    if [ "$JOB" = desktop ]; then
        sed -n 's/^--java-options *//p' "${properties%/linux/*}/app.args" "${properties%/*}/app-image.args" | tr -d '"' > "$dir/options"
        mkdir -p "$dir/classes" && javac -cp "$dir/app.jar" -d "$dir/classes" "$ROOT"/bench/desktop/*.java
    else
        sed -n 's/^java-options=//p' "$properties" > "$dir/options"
    fi
    "$ROOT/installer/linux/class-list.sh" java "$dir/app.jar" "$dir/sessiondb.classlist" >/dev/null
    "$ROOT/installer/linux/class-archive.sh" java "$dir/app.jar" "$dir/sessiondb.classlist" "$dir/sessiondb.jsa" >/dev/null
    local native=org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so
    (cd "$dir" && jar xf app.jar "$native" && mv "$native" libsqlitejdbc.so && rm -rf org)
}
side a "$1"
side b "$2"

PGDATA=$ROOT/target/bench/pg PGBIN=/usr/lib/postgresql/15/bin
export PGHOST=127.0.0.1 PGPORT=55434 PGUSER=bench PGPASSWORD=bench
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$JOB" = sqlite-pg ]; then
    [ -f "$PGDATA/PG_VERSION" ] || { echo "no server: run bench/run.sh --scale $SCALE --only sqlite-pg first" >&2; exit 2; }
    as_pg $PGBIN/pg_ctl -D "$PGDATA" -l "$ROOT/target/bench/pg.log" -w \
        -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k /tmp -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null
    trap 'as_pg $PGBIN/pg_ctl -D "$PGDATA" -m fast stop >/dev/null' EXIT
fi

# run SIDE PAIR: one timed command of the job, after what it reads is in the page cache
run() {
    local dir=$PAIRDIR/$1 options
    options=$(cat "$dir/options"); options=${options//\$APPDIR/$dir}
    rm -rf "$PAIRDIR/backups" "$PAIRDIR"/out.*
    local args
    case $JOB in
        sqlite-pg) psql -X -q -d postgres -c "DROP DATABASE IF EXISTS pairdb" -c "CREATE DATABASE pairdb" >/dev/null 2>&1
                   args=(migrate sqlite:src.db "postgresql://bench:bench@127.0.0.1:$PGPORT/pairdb"); cat src.db > /dev/null ;;
        json-sqlite) args=(migrate json:src.json "sqlite:$PAIRDIR/out.db"); cat src.json > /dev/null ;;
        sqlite-json) args=(migrate sqlite:src.db "json:$PAIRDIR/out.json"); cat src.db > /dev/null ;;
        validate) args=(validate sqlite:src.db); cat src.db > /dev/null ;;
        # as bench/run.sh's diff figure: 1% changed, in 512 MB of heap
        diff-json-sqlite) args=(diff json:src.json sqlite:changed.db --format json); options="$options -Xmx512m"
                          cat src.json changed.db > /dev/null ;;
        diff-sqlite) args=(diff sqlite:src.db sqlite:changed.db --format json); options="$options -Xmx512m"
                     cat src.db changed.db > /dev/null ;;
        # a JSON store's first page in a fresh JVM: the file's whole check and key index
        ls-json) args=(ls json:src.json --sort session --limit 50); cat src.json > /dev/null ;;
        desktop) cat src.db > /dev/null
                 # shellcheck disable=SC2086 # the launcher's options are words
                 xvfb-run -a -s "-screen 0 1280x1024x24" java $options -cp "$dir/app.jar:$dir/classes" DesktopBench "$PWD/src.db" "$PAIRDIR/out.desktop" \
                     2> "$PAIRDIR/err" > "$PAIRDIR/desktop-$1-$2.txt" || { echo "side $1 failed:" >&2; tail -3 "$PAIRDIR/err" >&2; exit 1; }
                 awk -F'\t' '/^desktop open / {split($2, figure, " "); print figure[1]}' "$PAIRDIR/desktop-$1-$2.txt"
                 return ;;
        *) echo "unknown job $JOB" >&2; exit 2 ;;
    esac
    case $JOB in validate|diff-*|ls-*) ;; *) args+=(--backup-dir "$PAIRDIR/backups") ;; esac
    local rc=0
    # shellcheck disable=SC2086 # the launcher's options are words
    /usr/bin/time -f %e -o "$PAIRDIR/time" java $options -jar "$dir/app.jar" "${args[@]}" >/dev/null 2>"$PAIRDIR/err" || rc=$?
    # validate exits 1 when it finds something, which the sample makes it do; diff when the stores differ
    [ $rc = 0 ] || { [ $rc = 1 ] && [[ $JOB = validate || $JOB = diff-* ]]; } || { echo "side $1 failed ($rc):" >&2; tail -3 "$PAIRDIR/err" >&2; exit 1; }
    tail -1 "$PAIRDIR/time"
}

cd "$WORK"
: > "$PAIRDIR/pairs"
UNIT=s
[ "$JOB" != desktop ] || UNIT=ms
for i in $(seq "$PAIRS"); do
    a=$(run a "$i"); b=$(run b "$i")
    echo "$a $b" >> "$PAIRDIR/pairs"
    echo "pair $i: A $a $UNIT, B $b $UNIT"
done
awk '{a[NR]=$1; b[NR]=$2; if ($2 < $1) f++}
     function median(v, n,  s, i, j, t) { for (i = 1; i <= n; i++) s[i] = v[i]
         for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
         return n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2 }
     END {printf "%s at %s, %d pairs: A median %.2f %s, B median %.2f %s (B/A %.2f), B faster in %d\n", job, scale, NR, median(a, NR), unit, median(b, NR), unit, median(b, NR) / median(a, NR), f}' \
    job="$JOB" scale="$SCALE" unit="$UNIT" "$PAIRDIR/pairs"
