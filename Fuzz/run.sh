#!/bin/sh
# Runs every fuzzing target under libFuzzer with AddressSanitizer and LeakSanitizer, each for
# SECONDS (default 60), and prints a Markdown table of executions and findings.
# Usage: sh Fuzz/run.sh [SECONDS]      (make fuzz FUZZ_SECONDS=N)
# Findings land in .build-fuzz/crashes/; keep each as Fuzz/regressions/TARGET/WHAT-IT-FOUND and
# fix it: the tests replay that folder.
set -u
seconds=${1:-60}
ROUTEMAP_FUZZ=1 swift build -c release --product routemap-fuzz --scratch-path .build-fuzz >/dev/null || exit 1
mkdir -p .build-fuzz/crashes
failed=0
echo "| target | seconds | executions | exec/s | corpus | findings |"
echo "|---|---|---|---|---|---|"
for dir in Fuzz/seeds/*/; do
    target=$(basename "$dir")
    mkdir -p ".build-fuzz/corpus/$target"
    log=".build-fuzz/$target.log"
    ROUTEMAP_FUZZ_TARGET=$target .build-fuzz/release/routemap-fuzz -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix=".build-fuzz/crashes/$target-" ".build-fuzz/corpus/$target" "$dir" >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    corpus=$(ls ".build-fuzz/corpus/$target" | wc -l)
    if [ "$status" -eq 0 ]; then findings=none; else findings="exit $status: $(grep -m1 -E 'ERROR|Fatal error|invariant' "$log" | cut -c1-100) (see $log)"; failed=1; fi
    echo "| $target | $seconds | ${runs:-?} | ${rate:-?} | $corpus | $findings |"
done
exit $failed
