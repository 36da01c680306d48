#!/usr/bin/env bash
# Runs goodput and the tools users would otherwise run on the same files, alternately, whole processes, and prints
# the median wall time and peak RSS of each and their ratios (issue 15; the table goes in docs/performance.md).
#
#   HTA_SRC=<folder holding hta/> GOODPUT_LIB_SRC=<folder holding ml_goodput_measurement/> bench/peers.sh [RUNS]
#
# Peers (see ../shared/tools/peers/README.md for their sources and Python packages):
#   profile: Holistic Trace Analysis on each real trace (load, temporal breakdown, overlap, kernel types, idle time)
#   report:  Google's ml-goodput-measurement GoodputCalculator on 200,000 steps of its own log entries
# Ours: GOODPUT (default "java -jar target/goodput-workbench.jar"; give the app image's bin/goodput to measure it).
# Needs /usr/bin/time and Debian's /usr/bin/python3 with the peers' packages. RUNS defaults to 5.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=${1:-5}
peers=${PEERS:-../shared/tools/peers}
goodput=${GOODPUT:-java -jar target/goodput-workbench.jar}
python=${PYTHON:-/usr/bin/python3}
: "${HTA_SRC:?give HTA_SRC, the folder holding the hta/ package of HTA}"
: "${GOODPUT_LIB_SRC:?give GOODPUT_LIB_SRC, the folder holding ml_goodput_measurement/}"
[[ -f target/goodput-workbench.jar || -n "${GOODPUT:-}" ]] || ./mvnw -B -q -DskipTests package

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# "wall_seconds peak_kib" of one run of a command (its output discarded); a failed run stops the script.
measure() {
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
        echo "peers: failed: $*" >&2; cat "$work/err" >&2; exit 1; }
    cat "$work/time"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# compare NAME -- OURS... -- THEIRS...: RUNS alternating runs of each; one Markdown table row.
compare() {
    local name=$1; shift; shift
    local ours=() theirs=()
    while [[ $1 != -- ]]; do ours+=("$1"); shift; done; shift
    theirs=("$@")
    : >"$work/ours"; : >"$work/theirs"
    for ((i = 0; i < runs; i++)); do
        measure "${ours[@]}" >>"$work/ours"
        measure "${theirs[@]}" >>"$work/theirs"
    done
    local ow om tw tm
    ow=$(cut -d' ' -f1 "$work/ours" | median); om=$(cut -d' ' -f2 "$work/ours" | median)
    tw=$(cut -d' ' -f1 "$work/theirs" | median); tm=$(cut -d' ' -f2 "$work/theirs" | median)
    awk -v n="$name" -v ow="$ow" -v om="$om" -v tw="$tw" -v tm="$tm" 'BEGIN {
        printf "| %s | %.2f s | %.0f MB | %.2f s | %.0f MB | %.1f× | %.2f |\n", n, ow, om / 1024, tw, tm / 1024,
            tw / ow, om / tm }'
}

memory=$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)
today=$(date -u +%F)
echo "Machine: $(nproc) cores, $memory; $today; runs: $runs, median of each"
echo "Ours: $goodput"
echo
echo "| input | goodput | peak RSS | peer | peer peak RSS | peer time ÷ ours | our RSS ÷ peer's |"
echo "|---|---|---|---|---|---|---|"

# profile: real Kineto traces, one folder each for HTA (it reads a folder of per-rank traces).
for trace in src/test/resources/traces/hta/ns_resolution_trace__rank-0.Apr_03_18_51_38.1102.pt.trace.json.gz \
             src/test/resources/traces/tracelens/mi300__resnet_act_checkpoint.json.gz \
             src/test/resources/traces/hta/nccl_parser_config__nccl_data.json.gz; do
    dir="$work/$(basename "$trace" .json.gz)"
    mkdir -p "$dir" && cp "$trace" "$dir/rank-0.json.gz"
    size=$(du -k "$trace" | cut -f1)
    # shellcheck disable=SC2086
    compare "profile $(basename "$trace") (${size} KB gz) vs HTA" -- $goodput profile "$trace" -- \
        env HTA_SRC="$HTA_SRC" "$python" "$peers/hta_breakdown.py" "$dir"
done

# report: 200,000 steps of ml-goodput-measurement entries (a job start, then one entry per step, 1.5 s apart).
entries="$work/entries-200k.json"
"$python" - "$entries" <<'PY'
import json, sys
t0 = 1717000000.0
entries = [{"job_name": "bench", "job_start_time": t0}]
entries += [{"job_name": "bench", "step_count": i, "step_start_time": t0 + 60 + 1.5 * i} for i in range(200000)]
json.dump({"job_name": "bench", "query_time": t0 + 60 + 1.5 * 200000, "entries": entries}, open(sys.argv[1], "w"))
PY
size=$(du -k "$entries" | cut -f1)
# shellcheck disable=SC2086
compare "report 200,000 ml-goodput steps (${size} KB) vs GoodputCalculator" -- $goodput report "$entries" -- \
    env GOODPUT_LIB_SRC="$GOODPUT_LIB_SRC" "$python" "$peers/google/run_google.py" "$entries"
