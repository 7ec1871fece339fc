#!/usr/bin/env bash
# Builds the libFuzzer targets (a package of their own, so the main build never sees the sanitizer
# flags) and runs each for SECONDS (default 6: about 30 s for the five). A crash, a hang over 10 s or
# a memory blow-up stops the run with status 1 and leaves the input in Fuzz/Crashes/; turn it into a
# regression test (Tests/MTAuditTests/FuzzRegressionTests.swift) before fixing it.
#   bash Fuzz/run.sh          # the short run that .ci/run does
#   bash Fuzz/run.sh 600      # a longer one: ten minutes a target, corpus kept in Fuzz/.corpus
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-6}"
swift build -q
mkdir -p Crashes .corpus
status=0
for target in FuzzFeedLine FuzzDecoder FuzzNormalizer FuzzSegmenter FuzzMetrics; do
    mkdir -p ".corpus/$target"
    echo "== $target, ${seconds}s"
    if ! ASAN_OPTIONS=detect_leaks=0 ".build/debug/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=8192 -print_final_stats=0 -artifact_prefix="Crashes/$target-" ".corpus/$target" "Corpus/$target" \
        > ".corpus/$target.log" 2>&1; then
        tail -40 ".corpus/$target.log" >&2
        status=1
    else
        grep -E "^Done" ".corpus/$target.log" || true
    fi
done
exit "$status"
