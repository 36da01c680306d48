#!/usr/bin/env bash
# Records which classes the image's commands load, for the class-data archives (packaging/make-cds-archive.sh), into
# the image's app folder: goodput.classlist (the CLI: a `goodput report` on the clean-small sample and a `goodput
# profile` of each real Kineto trace given, one with communication and one recorded with shapes, so that the overlap
# and the FLOP count are covered; the report and the last profile also as JSON) and goodput-workbench.classlist (the
# window: one first start on the image's sample, drawn into a virtual display by xvfb-run and closed after its first
# frame with the figures, plus the CLI's list). Without xvfb-run (macOS, a build host without Xvfb) the window's list is the CLI's alone.
# The lists are plain class names, so an installed copy makes its archives from them without running anything.
# Usage: record-class-lists.sh APP_DIR JAVA TRACE...   (run from the project root by packaging/dist.sh)
set -euo pipefail
app_dir=$(cd "$1" && pwd -P)
java=$2
shift 2
traces=("$@")
class_path=$(sed -n 's/^app\.classpath=//p' "$app_dir/goodput.cfg" | sed "s|\$APPDIR|$app_dir|g" | paste -sd: -)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The launchers' own options (goodput-cli.properties, dist.sh), without the archive being made.
cli=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true -cp "$class_path")
lists=()
run() {
    local list="$work/cli-${#lists[@]}"
    "${cli[@]}" -XX:DumpLoadedClassList="$list" dev.goodput.cli.GoodputCli "$@" >/dev/null
    lists+=("$list")
}
run report "$app_dir/sample-runs/clean-small/run.jsonl"
run report --format json "$app_dir/sample-runs/clean-small/run.jsonl"
for trace in "${traces[@]}"; do
    run profile "$trace"
done
run profile --format json "${traces[${#traces[@]}-1]}"  # (bash 3.2 on macOS has no [-1])
# Each class once, in first-loaded order (the JVM's comments and lambda-proxy lines kept).
awk '!seen[$0]++' "${lists[@]}" >"$app_dir/goodput.classlist"

window_lists=("$app_dir/goodput.classlist")
if command -v xvfb-run >/dev/null; then
    # A first start as a new user would make it: its own home and preferences, so the builder's are untouched; at
    # most a minute, in case the window never draws its figures.
    mkdir -p "$work/home"
    if timeout 60 xvfb-run -a -s "-screen 0 1280x720x24" "$java" -XX:TieredStopAtLevel=1 \
        -Duser.home="$work/home" -Djava.util.prefs.userRoot="$work/home/prefs" \
        -Dgoodput.sampleHome="$app_dir" -Dgoodput.startupTrace.exit=true \
        -XX:DumpLoadedClassList="$work/window" -cp "$class_path" dev.goodput.app.WorkbenchLauncher \
        >"$work/window.log" 2>&1 && grep -q "first frame with the run's figures" "$work/window.log"; then
        window_lists=("$work/window" "$app_dir/goodput.classlist")
    else
        echo "record-class-lists: the window's start was not recorded (its archive has the CLI's classes only):" >&2
        tail -5 "$work/window.log" >&2
    fi
else
    echo "record-class-lists: no xvfb-run here, so the window's archive has the CLI's classes only" >&2
fi
awk '!seen[$0]++' "${window_lists[@]}" >"$app_dir/goodput-workbench.classlist"
echo "record-class-lists: $(grep -vc '^[#@]' "$app_dir/goodput.classlist") classes for the CLI," \
    "$(grep -vc '^[#@]' "$app_dir/goodput-workbench.classlist") for the window"
