#!/usr/bin/env bash
# Runs goodput and the tools users would otherwise run on the same files, alternately, whole processes, and prints
# the median wall time and peak RSS of each and their ratios (issue 15; the table goes in docs/performance.md).
#
#   HTA_SRC=<folder holding hta/> GOODPUT_LIB_SRC=<folder holding ml_goodput_measurement/> bench/peers.sh [RUNS]
#
# Sections (SECTIONS, default "traces synthetic mlgoodput runlog"):
#   traces     goodput profile vs HTA on real Kineto traces of 1-3 MB gzip: the repository's own, plus TRACES
#              (more files, e.g. from HTA's tests/data: negative_queue_length_values_check/rank0.json.gz and
#              mtia_trace_single_rank/mtia_rank_0.json.gz; not trace_diff, on which HTA's idle-time breakdown fails)
#   synthetic  goodput profile vs HTA on a ~20 MB-gzip synthetic trace (450,000 kernels, ~325 MB of JSON); HTA takes
#              minutes and GBs on it, so SYNTHETIC_RUNS (default 1) runs of each
#   mlgoodput  goodput report vs GoodputCalculator on 200,000 steps of ml-goodput entries
#   runlog     goodput report on a canonical run log of 10^6 steps vs a plain Jackson token scan of the same bytes
#              (test code dev.goodput.bench.JsonTokenScan: no objects built), both whole JVM processes
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
sections=${SECTIONS:-traces synthetic mlgoodput runlog}
[[ -f target/goodput-workbench.jar || -n "${GOODPUT:-}" ]] || ./mvnw -B -q -DskipTests package
# The synthetic inputs and the token scan are test code (dev.goodput.cli.BenchInputs, dev.goodput.bench.JsonTokenScan).
[[ -f target/test-classes/dev/goodput/cli/BenchInputs.class ]] || ./mvnw -B -q test-compile
[[ -f target/bench-cp.txt ]] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt
test_cp=target/test-classes:target/classes:$(cat target/bench-cp.txt)

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
    local runs=${COMPARE_RUNS:-$runs}
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

has() { [[ " $sections " == *" $1 "* ]]; }

# profile: real Kineto traces of 1-3 MB gzip, one folder each for HTA (it reads a folder of per-rank traces).
if has traces; then
    # shellcheck disable=SC2206
    traces=(src/test/resources/traces/hta/ns_resolution_trace__rank-0.Apr_03_18_51_38.1102.pt.trace.json.gz
            src/test/resources/traces/tracelens/mi300__resnet_act_checkpoint.json.gz ${TRACES:-})
    for trace in "${traces[@]}"; do
        dir="$work/$(basename "$trace" .json.gz)"
        mkdir -p "$dir" && cp "$trace" "$dir/rank-0.json.gz"
        size=$(du -k "$trace" | cut -f1)
        # shellcheck disable=SC2086
        compare "profile $(basename "$trace") (${size} KB gz) vs HTA" -- $goodput profile "$trace" -- \
            env HTA_SRC="$HTA_SRC" "$python" "$peers/hta_breakdown.py" "$dir"
    done
fi

# profile: the synthetic trace `goodput bench` uses, at ~20 MB of gzip.
if has synthetic; then
    mkdir -p "$work/synthetic"
    java -cp "$test_cp" dev.goodput.cli.BenchInputs trace 450000 "$work/synthetic/rank-0.json.gz"
    size=$(du -k "$work/synthetic/rank-0.json.gz" | cut -f1)
    # shellcheck disable=SC2086
    COMPARE_RUNS=${SYNTHETIC_RUNS:-1} compare "profile synthetic 450,000 kernels (${size} KB gz) vs HTA" -- \
        $goodput profile "$work/synthetic/rank-0.json.gz" -- \
        env HTA_SRC="$HTA_SRC" "$python" "$peers/hta_breakdown.py" "$work/synthetic"
fi

# report: 200,000 steps of ml-goodput-measurement entries (a job start, then one entry per step, 1.5 s apart).
if has mlgoodput; then
    entries="$work/entries-200k.json"
    java -cp "$test_cp" dev.goodput.cli.BenchInputs mlgoodput 200000 "$entries"
    size=$(du -k "$entries" | cut -f1)
    # shellcheck disable=SC2086
    compare "report 200,000 ml-goodput steps (${size} KB) vs GoodputCalculator" -- $goodput report "$entries" -- \
        env GOODPUT_LIB_SRC="$GOODPUT_LIB_SRC" "$python" "$peers/google/run_google.py" "$entries"
fi

# report: a canonical run log of 10^6 steps against the plain token scan (the "peer" columns are the scan's).
if has runlog; then
    log="$work/run-1m.jsonl"
    java -cp "$test_cp" dev.goodput.cli.BenchInputs runlog 1000000 "$log"
    size=$(du -k "$log" | cut -f1)
    jackson=$(tr ':' '\n' <target/bench-cp.txt | grep -m1 '/jackson-core-')
    # shellcheck disable=SC2086
    compare "report 10^6-step run log (${size} KB) vs a Jackson token scan" -- $goodput report "$log" -- \
        java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:Tier3BackEdgeThreshold=2000 -XX:+UseSerialGC -cp "target/test-classes:$jackson" \
        dev.goodput.bench.JsonTokenScan "$log"
fi
