#!/bin/sh
# Makes the class-data archive both launchers start from: the classes of class-list.sh's list,
# parsed and laid out once, which takes about 1 s off each command's start and about 2 s off the
# window's. JDK 17 uses an archive only with the jar at the path it was made for, so this runs
# where the jar is installed (resources/postinst, with the installed runtime). The archive appears
# whole or not at all; without it both start as before (the launchers name it, and JDK 17 skips a
# missing one).
# Usage: class-archive.sh JAVA JAR CLASS-LIST ARCHIVE
set -eu
java=$1; jar=$2; list=$3; archive=$4
rm -f "$archive.new"
if "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive.new" -cp "$jar" >"$archive.log" 2>&1; then
    mv -f "$archive.new" "$archive"
    rm -f "$archive.log"
else
    rm -f "$archive.new"
    echo "class-archive: no archive (see $archive.log); sessiondb starts without it" >&2
    exit 1
fi
