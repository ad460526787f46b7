#!/usr/bin/env bash
# Installs nothing: extracts the .deb with dpkg-deb -x, makes the launchers' class-data archive as
# postinst would and, with no java on the PATH and an empty home (HOME and the XDG dirs in a
# temporary folder), runs `sessiondb --version`, completes a command with the bash completion script
# the package installs, and starts the desktop app under Xvfb until a
# screenshot of it has more than a handful of colours.
# Usage: installer/smoke-test.sh [DEB] [SCREENSHOT.png]   (needs xvfb and imagemagick)
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls target/installer/*.deb | head -1)}
shot=${2:-target/installer/smoke-test.png}
work=$(mktemp -d /tmp/sessiondb-smoke.XXXXXX)
app_pid=
xvfb_pid=
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

dpkg-deb -x "$deb" "$work/root"
app="$work/root/opt/sessiondb-admin"
mkdir -p "$work/home" "$work/no-java"
# No JDK: a PATH of one empty folder, so neither java nor anything else can be found on it.
run() {
    env -i PATH="$work/no-java" HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
        XDG_DATA_HOME="$work/home/.local/share" XDG_STATE_HOME="$work/home/.local/state" ${DISPLAY:+DISPLAY=$DISPLAY} "$@"
}
if run sh -c 'command -v java' >/dev/null 2>&1; then echo "smoke: java is on the test PATH" >&2; exit 1; fi

# The class-data archive, made as postinst makes it, for this path; -Xshare:on fails unless it is
# usable with the jar as the launchers name it, and both launchers must name it.
lib="$app/lib/app"
"$lib/class-archive.sh" "$app/lib/runtime/bin/java" "$lib/sessiondb-admin.jar" "$lib/sessiondb.classlist" "$lib/sessiondb.jsa"
run "$app/lib/runtime/bin/java" -Xshare:on -XX:SharedArchiveFile="$lib/sessiondb.jsa" -cp "$lib/sessiondb-admin.jar" dev.sessiondb.Main --version >/dev/null \
    || { echo "smoke: the class-data archive is not usable" >&2; exit 1; }
for launcher in sessiondb sessiondb-admin; do
    grep -q 'SharedArchiveFile=$APPDIR/sessiondb.jsa' "$lib/$launcher.cfg" || { echo "smoke: the $launcher launcher does not name the class-data archive" >&2; exit 1; }
done
echo "smoke: class-data archive $(du -h "$lib/sessiondb.jsa" | cut -f1)"

version=$(run "$app/bin/sessiondb" --version)
echo "smoke: $version"
case "$version" in "sessiondb "*" (commit "*) ;; *) echo "smoke: unexpected --version output" >&2; exit 1 ;; esac

# SQLite's native library is loaded from lib/app, as both launchers say: a SQLite command copies
# nothing out of the jar into the temporary folder
[ -f "$lib/libsqlitejdbc.so" ] || { echo "smoke: no libsqlitejdbc.so in lib/app" >&2; exit 1; }
for launcher in sessiondb sessiondb-admin; do
    grep -q 'org.sqlite.lib.path=$APPDIR' "$lib/$launcher.cfg" || { echo "smoke: the $launcher launcher does not name lib/app's SQLite library" >&2; exit 1; }
done
mkdir -p "$work/tmp"
run /usr/bin/env JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$work/tmp" "$app/bin/sessiondb" sample --count 3 "sqlite:$work/sample.db" >/dev/null 2>&1 \
    || { echo "smoke: sessiondb sample into a SQLite file failed" >&2; exit 1; }
[ -s "$work/sample.db" ] || { echo "smoke: sessiondb sample wrote no SQLite file" >&2; exit 1; }
if ls "$work/tmp" | grep -q sqlite; then echo "smoke: the SQLite library was copied into the temporary folder" >&2; exit 1; fi
echo "smoke: SQLite library loaded from lib/app"

# the bash completion postinst installs: sourced, it completes a command's name
dpkg-deb -e "$deb" "$work/control"
completion="$lib/sessiondb.bash-completion"
offered=$(bash -c 'source "$1"; COMP_WORDS=(sessiondb mig); COMP_CWORD=1; COMP_LINE="sessiondb mig"; COMP_POINT=13; _complete_sessiondb sessiondb mig sessiondb; echo "${COMPREPLY[*]}"' _ "$completion")
[ "$offered" = migrate ] || { echo "smoke: the bash completion in lib/app offered '$offered' for 'sessiondb mig'" >&2; exit 1; }
grep -q 'sessiondb.bash-completion /usr/share/bash-completion/completions/sessiondb' "$work/control/postinst" \
    || { echo "smoke: postinst does not install the bash completion" >&2; exit 1; }
echo "smoke: bash completion completes 'sessiondb mig' to migrate"

# Xvfb picks a free display itself and names it once it serves (-displayfd): a display another
# server holds, or a socket one left behind, is never taken
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 3>"$work/display" &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.2; done
[ -s "$work/display" ] || { echo "smoke: Xvfb did not start:" >&2; cat "$work/xvfb.log" >&2; exit 1; }
display=:$(head -1 "$work/display")
DISPLAY=$display

run "$app/bin/sessiondb-admin" >"$work/app.log" 2>&1 &
app_pid=$!
colours=0
for _ in $(seq 1 60); do
    sleep 3
    kill -0 "$app_pid" 2>/dev/null || { echo "smoke: the app exited:" >&2; cat "$work/app.log" >&2; exit 1; }
    import -display "$display" -window root "$shot" 2>/dev/null || continue
    colours=$(identify -format %k "$shot")
    [ "$colours" -gt 64 ] && break
done
sleep 3   # let the first store finish opening before the picture that counts
import -display "$display" -window root "$shot"
colours=$(identify -format %k "$shot")
echo "smoke: desktop app screenshot $shot has $colours colours"
[ "$colours" -gt 64 ] || { echo "smoke: the screenshot is blank" >&2; cat "$work/app.log" >&2; exit 1; }
