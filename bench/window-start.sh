#!/usr/bin/env bash
# Times the window's first start from the app image (issue 15, goal 4): from just before its launcher is started to
# the first frame drawn with the sample run's figures, as a new user's first start (own home and preferences, so the
# image's sample opens), in a virtual display. The app prints that frame's epoch time (-Dgoodput.startupTrace.exit,
# which also closes it). Prints each start and the median.
#   bench/window-start.sh [RUNS] [WxH]   (after ./mvnw -Pdist package; needs Xvfb)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-5}
size=${2:-1280x720}
launcher=${LAUNCHER:-target/dist/image/goodput-workbench/bin/goodput-workbench}
[[ -x $launcher ]] || { echo "window-start: no $launcher (./mvnw -Pdist package)" >&2; exit 2; }
work=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
times=()
for ((i = 0; i < runs; i++)); do
    rm -rf "$work/home" && mkdir -p "$work/home"
    start=$(date +%s%3N)
    DISPLAY=$display JAVA_TOOL_OPTIONS="-Duser.home=$work/home -Djava.util.prefs.userRoot=$work/home/prefs -Dgoodput.startupTrace.exit=true" \
        timeout 60 "$launcher" >"$work/log" 2>&1 || true
    at=$(sed -n "s/.*at \([0-9]*\)).*first frame with the run's figures.*/\1/p" "$work/log")
    [[ -n $at ]] || { cat "$work/log" >&2; echo "window-start: no frame with the figures" >&2; exit 1; }
    ms=$((at - start))
    times+=("$ms")
    echo "start $((i + 1)): figures on screen at $ms ms"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms of " NR " starts"}'
