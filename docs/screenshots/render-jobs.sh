#!/usr/bin/env bash
# Renders the job screens (diff, migration, validation, consolidation) into docs/screenshots/*.png
# under a virtual X display. Usage: docs/screenshots/render-jobs.sh (needs Maven and JDK 17;
# installs Xvfb and GTK when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v xvfb-run >/dev/null || ! ldconfig -p | grep -q libgtk-3.so.0; then
    apt-get update -qq && apt-get install -y -qq xvfb libgtk-3-0 libxtst6 libgl1
fi

mvn -o -q -B test-compile || mvn -q -B test-compile
mvn -o -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/screenshot-classpath.txt

xvfb-run -a -s "-screen 0 1600x1000x24" \
    java -Dprism.order=sw -Djava.awt.headless=true \
    -cp "target/classes:target/test-classes:$(cat target/screenshot-classpath.txt)" \
    dev.sessiondb.ui.screenshots.JobScreenshots docs/screenshots
