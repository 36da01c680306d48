#!/bin/sh
# Writes the AppCDS archive goodput.jsa into an app image's app directory: the classes a `goodput report` loads (JDK,
# picocli, Jackson, the core), recorded at the exit of one report on the bundled sample by the image's own java with
# the launchers' class path. The launchers map it (-XX:SharedArchiveFile=$APPDIR/goodput.jsa) instead of loading
# those classes. JDK 17 checks the jars' paths and times against the archive, so it is made where the image lives:
# by packaging/dist.sh for the image, by the .deb's postinst after installing. Without it the JVM loads classes the
# usual way, silently (the launchers turn the CDS log off).
# Usage: make-cds-archive.sh APP_DIR JAVA   (APP_DIR: the image's lib/app; JAVA: its runtime's bin/java)
set -e
app_dir=$(cd "$1" && pwd -P)
java=$2
class_path=$(sed -n 's/^app\.classpath=//p' "$app_dir/goodput.cfg" | sed "s|\$APPDIR|$app_dir|g" | paste -sd: -)
rm -f "$app_dir/goodput.jsa"
"$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$app_dir/goodput.jsa" \
    -Xlog:cds=off,cds+dynamic=off -cp "$class_path" \
    dev.goodput.cli.GoodputCli report "$app_dir/sample-runs/clean-small/run.jsonl" >/dev/null
