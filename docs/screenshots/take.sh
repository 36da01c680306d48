#!/usr/bin/env bash
# Takes the window's screenshots kept in docs/screenshots/: the BLOOM sample at 1280×720 and 1920×1080, light and
# dark. Run from the project root on a machine with Xvfb and ImageMagick (see ../shared/tools/screenshot-window.sh).
# It uses a throw-away Java preferences folder, so the user's own layout and theme are not touched.
set -eu
shot=${SCREENSHOT_TOOL:-../shared/tools/screenshot-window.sh}
[ -x "$shot" ] || shot=/work/shared/tools/screenshot-window.sh
run=sample-runs/bloom-176b/run.jsonl
prefs=$(mktemp -d)
trap 'rm -rf "$prefs"' EXIT
node="$prefs/.java/.userPrefs/dev/goodput/workbench"
for theme in light dark; do
  for size in 1280x720 1920x1080; do
    rm -rf "$prefs/.java"
    mkdir -p "$node"
    cat >"$node/prefs.xml" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
<map MAP_XML_VERSION="1.0">
  <entry key="theme" value="${theme^^}"/>
</map>
XML
    SIZE=$size ARGS="$run" JAVA_TOOL_OPTIONS="-Djava.util.prefs.userRoot=$prefs" \
      "$shot" "docs/screenshots/bloom-$size-$theme.png" "${WAIT:-50}"
  done
done
