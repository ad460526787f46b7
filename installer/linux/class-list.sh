#!/usr/bin/env bash
# Writes the class list of the class-data archive both launchers start from: the classes that a
# few typical commands load (sample, migrate both ways, ls with a search, diff, validate, the usage), run on
# a small generated store in a throw-away home, those of a PostgreSQL store where a throw-away
# server can be started from the machine's PostgreSQL binaries, and those of the window's start. The archive
# itself is made from it where the jar is installed (class-archive.sh, run by resources/postinst):
# JDK 17 refuses an archive made for a jar at another path.
# Usage: installer/linux/class-list.sh JAVA JAR OUT   (build-linux.sh and bench/run.sh run it)
set -euo pipefail
# the commands run in a folder of their own: paths made absolute first (a bare java stays the PATH's)
case $1 in */*) java=$(realpath "$1") ;; *) java=$1 ;; esac
jar=$(realpath "$2"); out=$(realpath -m "$3")
work=$(mktemp -d /tmp/sessiondb-class-list.XXXXXX)
pg_data=""
cleanup() {
    [ -z "$pg_data" ] || as_pg_owner "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work" ${pg_data:+"$(dirname "$pg_data")"}
}
trap cleanup EXIT
mkdir -p "$work/home"
log="$work/home/state/sessiondb-admin/logs/sessiondb-admin.log"
# runs a command in the work folder, with the throw-away home as every home the app looks at
in_home() {
    (cd "$work" && env HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" \
        XDG_STATE_HOME="$work/home/state" "$@")
}
run=0
train() {
    run=$((run + 1))
    # validate exits 1 when it finds something, which the sample store makes it do
    in_home "$java" -XX:DumpLoadedClassList="$work/$run.classes" -Dsessiondb.launcher=cli \
        -XX:+UseSerialGC -cp "$jar" dev.sessiondb.Main "$@" >"$work/out" 2>&1 || {
        local rc=$?
        [ $rc -eq 1 ] || { echo "class-list: sessiondb $* failed ($rc):" >&2; tail -5 "$work/out" >&2; exit 1; }
    }
}
# PostgreSQL refuses to run as root: its commands then run as the postgres user
as_pg_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# Starts a throw-away server (password log-in, as users' servers ask for) on pg_port; fails when
# none can be started. Loading the driver's classes took about 65 ms of a PostgreSQL store's first open.
start_throwaway_postgresql() {
    pg_data=$(mktemp -d /tmp/sessiondb-class-list-pg.XXXXXX)/data
    echo train > "$(dirname "$pg_data")/password"
    [ "$(id -u)" != 0 ] || chown -R postgres "$(dirname "$pg_data")"
    as_pg_owner "$pg_bin/initdb" -D "$pg_data" -U train --pwfile="$(dirname "$pg_data")/password" \
        --auth=scram-sha-256 >"$work/initdb.out" 2>&1 || return 1
    for pg_port in $((55500 + $$ % 400)) $((56000 + $$ % 400)) $((56500 + $$ % 400)); do
        as_pg_owner "$pg_bin/pg_ctl" -D "$pg_data" -l "$(dirname "$pg_data")/server.log" -w \
            -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $(dirname "$pg_data")" start >/dev/null 2>&1 && return 0
    done
    return 1
}
train sample json:s.json --count 2000 --seed 1
train migrate json:s.json sqlite:s.db
train ls sqlite:s.db --search md#00 --limit 50
train diff json:s.json sqlite:s.db
train validate sqlite:s.db
train migrate sqlite:s.db json:t.json
# the usage reads every command's options (a command reads only its own)
train --help
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -n "$pg_bin" ] && start_throwaway_postgresql; then
    pg="postgresql://train:train@127.0.0.1:$pg_port/postgres"
    train migrate sqlite:s.db "$pg"
    train ls "$pg" --search md#00 --limit 50
    train diff sqlite:s.db "$pg"
    as_pg_owner "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null
else
    echo "class-list: no PostgreSQL server could be started here (Debian's postgresql package has one), so its driver's classes are left out" >&2
fi
# The window's start, where a virtual display can be had: the app runs on one until it has opened
# its first store (and 3 s more for the first layout), then is stopped. Without one the list holds
# the commands' classes only, and the window maps JavaFX's classes as before.
if command -v xvfb-run >/dev/null 2>&1; then
    run=$((run + 1))
    list="$work/$run.classes"
    in_home xvfb-run -a -s "-screen 0 1280x800x24" \
        "$java" -XX:DumpLoadedClassList="$list" -cp "$jar" dev.sessiondb.Main >"$work/window.out" 2>&1 &
    window=$!
    for _ in $(seq 1 120); do
        grep -qs 'Default store' "$log" && break
        kill -0 $window 2>/dev/null || break
        sleep 0.5
    done
    sleep 3
    # the JVM only: xvfb-run, whose arguments name the same list, stops its display once the JVM is gone
    for pid in $(pgrep -f -- "-XX:DumpLoadedClassList=$list"); do
        [ "$(cat /proc/$pid/comm 2>/dev/null)" = java ] && kill "$pid"
    done
    wait $window || true
    grep -qs 'Default store' "$log" \
        || { echo "class-list: the window did not open its first store; its classes are left out:" >&2; tail -5 "$work/window.out" >&2; rm -f "$list"; }
else
    echo "class-list: no xvfb-run, so the window's classes are left out" >&2
fi
# one line per class, in the order first loaded
cat "$work"/[0-9]*.classes | awk '!seen[$0]++' > "$out"
echo "class-list: $(wc -l < "$out") classes from $run runs in $out"
