#!/usr/bin/env bash
# Builds the Linux installers from the shaded jar: a jlink runtime (the modules jdeps finds, plus
# TLS and charsets), the app-image (bin/sessiondb-admin and bin/sessiondb), a .deb where fakeroot
# and dpkg-deb exist, and an .rpm where rpmbuild exists. Everything lands in target/installer/.
# Usage: installer/build-linux.sh [JAR] [VERSION]   (mvn -Pinstaller package -DskipTests runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/sessiondb-admin.jar}
version=${2:-0.1.0}
out=target/installer

[ -f "$jar" ] || { echo "build-linux: $jar not found; run mvn -q package -DskipTests first" >&2; exit 2; }
rm -rf "$out"
mkdir -p "$out/input"
cp "$jar" "$out/input/sessiondb-admin.jar"
# sqlite-jdbc's native library for this machine, beside the jar: the launchers load it from there
# (org.sqlite.lib.path) instead of detecting the OS with a `uname -o` process and copying the
# library out of the jar into /tmp at every start (docs/decisions/0016)
native="org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so"
(cd "$out/input" && jar xf sessiondb-admin.jar "$native")
[ -f "$out/input/$native" ] || { echo "build-linux: $native is not in $jar" >&2; exit 2; }
mv "$out/input/$native" "$out/input/libsqlitejdbc.so"
rm -rf "$out/input/org"

# JavaFX stays on the class path inside the shaded jar, so jdeps sees its needs as the jar's own.
modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps "$out/input/sessiondb-admin.jar")
modules="$modules,jdk.crypto.ec,jdk.charsets"
echo "build-linux: runtime modules $modules"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

# The launchers' class-data archive is made at install (resources/postinst) from this list
# and the script beside it, both in lib/app
installer/linux/class-list.sh "$out/runtime/bin/java" "$out/input/sessiondb-admin.jar" "$out/input/sessiondb.classlist"
cp installer/linux/class-archive.sh "$out/input/"
# the shell completion script, written by the jar's own command line; resources/postinst installs it for bash
java -jar "$out/input/sessiondb-admin.jar" completion > "$out/input/sessiondb.bash-completion"

jpackage @installer/common.args @installer/app.args @installer/linux/app-image.args \
    --app-version "$version" --input "$out/input" --runtime-image "$out/runtime" --dest "$out"
echo "build-linux: app-image $out/sessiondb-admin ($(du -sh "$out/sessiondb-admin" | cut -f1))"

if command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null; then
    jpackage @installer/common.args @installer/linux/deb.args --app-version "$version" \
        --app-image "$out/sessiondb-admin" --dest "$out"
    echo "build-linux: $(ls "$out"/*.deb)"
else
    echo "build-linux: no .deb (install fakeroot and dpkg-dev)"
fi
if command -v rpmbuild >/dev/null; then
    jpackage @installer/common.args @installer/linux/rpm.args --app-version "$version" \
        --app-image "$out/sessiondb-admin" --dest "$out"
    echo "build-linux: $(ls "$out"/*.rpm)"
else
    echo "build-linux: no .rpm (rpmbuild not installed)"
fi
