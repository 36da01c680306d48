#!/bin/sh
# Makes the image's class-data sharing archives in its app folder from the class lists recorded when the image was
# built (packaging/record-class-lists.sh): goodput.jsa for the `goodput` command, goodput-workbench.jsa for the
# window. Each is a static archive (JDK and app classes, parsed and verified ahead) that its launcher maps with
# -XX:SharedArchiveFile instead of loading those classes: a short command starts ~0.05 s sooner and a window start
# saves ~0.4 s of CPU (docs/performance.md). JDK 17 checks the class path's jars (paths, sizes, times) against the
# archive, so it is made where the image lives: by packaging/dist.sh for the image, by the .deb's postinst after
# installing; dumping needs no display and runs nothing of the app. A missing or stale archive only means classes
# load the usual way (the launchers turn the CDS log off).
# Usage: make-cds-archive.sh APP_DIR JAVA   (APP_DIR: the image's lib/app; JAVA: its runtime's bin/java)
set -e
app_dir=$(cd "$1" && pwd -P)
java=$2
for name in goodput goodput-workbench; do
    # Each archive with its own launcher's class path, in its order: JDK 17 maps an archive only for the class path
    # it was dumped with (the CLI's starts with the jars it reads at run time; packaging/dist.sh).
    class_path=$(sed -n 's/^app\.classpath=//p' "$app_dir/$name.cfg" | sed "s|\$APPDIR|$app_dir|g" | paste -sd: -)
    rm -f "$app_dir/$name.jsa"
    # The dump lists every class it leaves out (old class files such as picocli's, JFR events): not errors.
    "$java" -Xshare:dump -XX:SharedClassListFile="$app_dir/$name.classlist" -XX:SharedArchiveFile="$app_dir/$name.jsa" \
        -cp "$class_path" >/dev/null 2>&1 || { echo "make-cds-archive: could not make $name.jsa" >&2; exit 1; }
done
