#!/usr/bin/env bash
# Builds the self-contained app image (and on Linux the .deb) from the jars `./mvnw -Pdist package` staged; the
# profile runs this after the jar is built. Steps: jlink a trimmed runtime from the JDK and the JavaFX jars (they
# are modules; the app and its other libraries are not and stay on the class path), jpackage the image with two
# launchers, record the classes a CLI run and a window start load and make their class-data archives, then package
# the image.
# Usage: packaging/dist.sh VERSION  (run from the project root; JAVA_HOME or the java on PATH picks the JDK)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

version=${1:?usage: packaging/dist.sh VERSION}
# jpackage wants 1 to 3 numbers: 0.1.0-SNAPSHOT is packaged as 0.1.0.
app_version=${version%%-*}
name=goodput-workbench
dist=target/dist
staged=$dist/staged
jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}

case "$(uname -s)" in
    Linux*) os=linux; icon=icons/$name-256.png; app_root=$name; app_dir=$name/lib/app; runtime_java=$name/lib/runtime/bin/java ;;
    Darwin*) os=mac; icon=packaging/icons/$name.icns; app_root="$name.app"; app_dir="$app_root/Contents/app"
             runtime_java="$app_root/Contents/runtime/Contents/Home/bin/java" ;;
    MINGW*|MSYS*|CYGWIN*) os=windows; icon=packaging/icons/$name.ico; app_root=$name; app_dir=$name/app; runtime_java=$name/runtime/bin/java.exe ;;
    *) echo "dist: unknown OS $(uname -s)" >&2; exit 2 ;;
esac

rm -rf "$dist/runtime" "$dist/input" "$dist/image" "$dist/packages" "$dist/archives"
mkdir -p "$dist/input" "$dist/image" "$dist/packages"

# 1. The runtime. Modules: what `jdeps --print-module-deps` finds in the app and its libraries (java.desktop,
# java.prefs, java.sql, jdk.management, javafx.controls), plus jdk.localedata (number and date formats of every
# locale), jdk.charsets (logs in legacy encodings) and jdk.unsupported (libraries' optional Unsafe use).
# --generate-cds-archive writes the JDK's default CDS archive, for the runtime's java used on its own (the launchers
# map the app's archives of step 3 instead).
# The JavaFX jars with the OS classifier (javafx-base-21.0.5-linux.jar) are the modules; the plain ones are empty.
fx_sep=:; [[ $os == windows ]] && fx_sep=';'
fx_path=$(ls "$staged"/javafx/javafx-*.jar | grep -Ev -- '-[0-9.]+\.jar$' | paste -sd "$fx_sep" -)
"${jdk_bin}jlink" --module-path "$fx_path" \
    --add-modules java.base,java.desktop,java.prefs,java.sql,jdk.management,jdk.localedata,jdk.charsets,jdk.unsupported,javafx.controls \
    --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
    --output "$dist/runtime"

# 2. The image: the app jar, its libraries (class path) and the sample runs, with the window's launcher and the CLI's.
cp "$staged"/lib/*.jar "$dist/input/"
cp -R sample-runs "$dist/input/"
cp packaging/make-cds-archive.sh "$dist/input/"
common_options=(--name "$name" --app-version "$app_version" --vendor "Goodput Workbench"
    --description "Desktop workbench and CLI for ML training goodput post-mortems"
    --copyright "Apache-2.0")
"${jdk_bin}jpackage" --type app-image --dest "$dist/image" "${common_options[@]}" \
    --runtime-image "$dist/runtime" --input "$dist/input" --main-jar "$(basename "$staged"/lib/goodput-workbench-*.jar)" \
    --main-class dev.goodput.app.WorkbenchLauncher \
    --icon "$icon" \
    --java-options '-XX:TieredStopAtLevel=1' --java-options '-Dgoodput.sampleHome=$APPDIR' \
    --java-options '-XX:SharedArchiveFile=$APPDIR/goodput-workbench.jsa' --java-options '-Xlog:cds=off,cds+dynamic=off' \
    --add-launcher goodput=packaging/goodput-cli.properties

# On Linux both launchers become a script that reads the launcher's cfg and starts java itself: JDK 17's launcher asks
# rpm and dpkg who owns it on every start (0.1-0.5 s; packaging/linux/launcher).
if [[ $os == linux ]]; then
    cp packaging/linux/launcher "$dist/image/$name/bin/goodput"
    cp packaging/linux/launcher "$dist/image/$name/bin/$name"
fi

# The CLI's class path: the main jar, then the jars a command still reads at run time (picocli's few classes the
# archive cannot hold, Jackson, the CSV reader), then the rest as jpackage listed them (alphabetically). The JVM opens
# every jar before the one holding a class: with picocli 22nd, each command read 21 jars' directories first (~12 ms).
# The window's class path is left as jpackage made it.
cli_cfg="$dist/image/$app_dir/goodput.cfg"
awk 'NR == FNR { if ($0 ~ /^app\.classpath=.*(picocli|jackson-core|commons-csv)-[^\/]*\.jar$/) early = early $0 "\n"; next }
     /^app\.classpath=.*(picocli|jackson-core|commons-csv)-[^\/]*\.jar$/ { next }
     { print }
     /^app\.classpath=/ && !done { printf "%s", early; done = 1 }' "$cli_cfg" "$cli_cfg" >"$cli_cfg.new"
mv "$cli_cfg.new" "$cli_cfg"

# 3. The class-data archives: the classes a report, a profile and a window start load (packaging/record-class-lists.sh;
# the window's under xvfb-run where there is one), then an archive of each list (packaging/make-cds-archive.sh). Not
# on Windows, where the scripts' class path would need Windows paths: there the launchers start without them.
if [[ $os != windows ]]; then
    bash packaging/record-class-lists.sh "$dist/image/$app_dir" "$dist/image/$runtime_java" \
        src/test/resources/traces/hta/nccl_parser_config__nccl_data.json.gz \
        src/test/resources/traces/tracelens/h100__gaunernst_bert-small-uncased__1016001.json.gz
    sh packaging/make-cds-archive.sh "$dist/image/$app_dir" "$dist/image/$runtime_java"
fi

# 4. The installer package(s) for this OS, from the finished image.
case $os in
    linux)
        # The archives made here name this image's paths: the package's postinst makes its own where it installs.
        mkdir -p "$dist/archives" && mv "$dist/image/$app_dir"/*.jsa "$dist/archives/"
        types=(deb)
        if command -v rpmbuild >/dev/null; then
            types+=(rpm)
        else
            echo "dist: no rpmbuild here, so no .rpm (apt-get install rpm builds one)"
        fi
        for type in "${types[@]}"; do
            "${jdk_bin}jpackage" --type "$type" --dest "$dist/packages" "${common_options[@]}" \
                --app-image "$dist/image/$app_root" --resource-dir packaging/linux \
                --file-associations packaging/goodput-workspace.properties \
                --linux-package-name "$name" --linux-shortcut --linux-menu-group "Development" \
                --linux-app-category devel --license-file LICENSE
        done
        mv "$dist/archives"/*.jsa "$dist/image/$app_dir/" && rmdir "$dist/archives" ;;
    mac)
        "${jdk_bin}jpackage" --type dmg --dest "$dist/packages" "${common_options[@]}" \
            --app-image "$dist/image/$app_root" --file-associations packaging/goodput-workspace.properties \
            --license-file LICENSE ;;
    windows)
        "${jdk_bin}jpackage" --type msi --dest "$dist/packages" "${common_options[@]}" \
            --app-image "$dist/image/$app_root" --file-associations packaging/goodput-workspace.properties \
            --license-file LICENSE --win-menu --win-shortcut --win-dir-chooser ;;
esac
echo "dist: image $dist/image/$app_root; packages: $(ls "$dist/packages" | paste -sd ' ' -)"
