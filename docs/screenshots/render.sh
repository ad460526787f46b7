#!/usr/bin/env bash
# Renders the desktop app's main screens and its job screens (diff, wizards) into docs/screenshots/*.png
# under a virtual X display.
# Usage: docs/screenshots/render.sh   (from anywhere; installs Xvfb and GTK when missing; needs Maven and JDK 17)
set -euo pipefail
cd "$(dirname "$0")/../.."

# Xvfb for the display, GTK and GL for JavaFX's glass and prism on Linux.
if ! command -v xvfb-run >/dev/null || ! ldconfig -p | grep -q libgtk-3.so.0; then
    apt-get update -qq && apt-get install -y -qq xvfb libgtk-3-0 libxtst6 libgl1
fi

mvn -q -B test-compile
mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/screenshot-classpath.txt

xvfb-run -a -s "-screen 0 1600x1000x24" \
    java -Dprism.order=sw -Djava.awt.headless=true \
    -cp "target/classes:target/test-classes:$(cat target/screenshot-classpath.txt)" \
    dev.sessiondb.ui.screenshots.ScreenshotRenderer docs/screenshots
xvfb-run -a -s "-screen 0 1600x1000x24" \
    java -Dprism.order=sw -Djava.awt.headless=true \
    -cp "target/classes:target/test-classes:$(cat target/screenshot-classpath.txt)" \
    dev.sessiondb.ui.screenshots.JobScreenshots docs/screenshots
