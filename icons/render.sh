#!/usr/bin/env bash
# Renders the icon from its SVG source: PNGs 16..512 (rsvg-convert, Debian's librsvg2-bin),
# the Windows .ico (ImageMagick) and the macOS .icns (png2icns, Debian's icnsutils).
# Usage: icons/render.sh   (the outputs are committed; run again after editing the SVG)
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" sessiondb-admin.svg -o "sessiondb-admin-$size.png"
done
convert sessiondb-admin-16.png sessiondb-admin-24.png sessiondb-admin-32.png sessiondb-admin-48.png \
    sessiondb-admin-64.png sessiondb-admin-128.png sessiondb-admin-256.png sessiondb-admin.ico
png2icns sessiondb-admin.icns sessiondb-admin-16.png sessiondb-admin-32.png sessiondb-admin-48.png \
    sessiondb-admin-128.png sessiondb-admin-256.png sessiondb-admin-512.png >/dev/null
