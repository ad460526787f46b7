#!/usr/bin/env bash
# Writes the class list of the console command's class-data archive: the classes that a few
# typical commands load (sample, migrate both ways, ls with a search, diff, validate), run on a
# small generated store in a throw-away home. The archive itself is made from it where the jar
# is installed (class-archive.sh, run by resources/postinst): JDK 17 refuses an archive made for
# a jar at another path.
# Usage: installer/linux/class-list.sh JAVA JAR OUT   (build-linux.sh and bench/run.sh run it)
set -euo pipefail
# the commands run in a folder of their own: paths made absolute first (a bare java stays the PATH's)
case $1 in */*) java=$(realpath "$1") ;; *) java=$1 ;; esac
jar=$(realpath "$2"); out=$(realpath -m "$3")
work=$(mktemp -d /tmp/sessiondb-class-list.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
run=0
train() {
    run=$((run + 1))
    # validate exits 1 when it finds something, which the sample store makes it do
    (cd "$work" && env HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" \
        XDG_STATE_HOME="$work/home/state" "$java" -XX:DumpLoadedClassList="$work/$run.classes" -Dsessiondb.launcher=cli \
        -XX:+UseSerialGC -cp "$jar" dev.sessiondb.Main "$@" >"$work/out" 2>&1) || {
        local rc=$?
        [ $rc -eq 1 ] || { echo "class-list: sessiondb $* failed ($rc):" >&2; tail -5 "$work/out" >&2; exit 1; }
    }
}
train sample json:s.json --count 2000 --seed 1
train migrate json:s.json sqlite:s.db
train ls sqlite:s.db --search md#00 --limit 50
train diff json:s.json sqlite:s.db
train validate sqlite:s.db
train migrate sqlite:s.db json:t.json
# one line per class, in the order first loaded
cat "$work"/[0-9]*.classes | awk '!seen[$0]++' > "$out"
echo "class-list: $(wc -l < "$out") classes from $run commands in $out"
