#!/usr/bin/env bash
# Runs the benchmarks of swift-jwt-claims beside Foundation, jwt-kit and `openssl speed`, all in one run, and prints
# Markdown tables of p50 figures and ratios (Scripts/bench-report.py). Ratios measured side by side are what we
# report: this machine is shared and noisy, and single figures vary by up to 2x between runs.
#
# Usage: Scripts/bench.sh [--rounds N] [--openssl-seconds N] [--target REGEX] [--skip-openssl]
#   --rounds N            run everything N times and report medians, with the spread of the ratios (default 3)
#   --openssl-seconds N   seconds for each `openssl speed` run (default 3)
#   --target REGEX        only the benchmark targets matching REGEX (default: all of them)
#   --skip-openssl        leave out `openssl speed`
# The raw exports and the report stay in Benchmarks/.build/bench-results/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3
openssl_seconds=3
target_filter=""
run_openssl=1
while [ $# -gt 0 ]; do
    case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --openssl-seconds) openssl_seconds="$2"; shift 2 ;;
    --target) target_filter="$2"; shift 2 ;;
    --skip-openssl) run_openssl=0; shift ;;
    -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

results="$PWD/Benchmarks/.build/bench-results"
rm -rf "$results"
mkdir -p "$results"

echo "=== machine" >&2
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//') x $(nproc)"
    echo "memory: $(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "swift: $(swift --version 2>&1 | head -1)"
    echo "openssl: $(openssl version)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results/machine.txt" >&2

# Build first so that compiling never overlaps a measurement. The plugin builds the benchmark targets in release mode.
echo "=== build (release)" >&2
# The benchmark plugin leaves a release build plan behind that compiles the root package's trait-gated targets
# (JWTClaimsPostgres, ...) without their trait's dependencies, so a second run failed with "no such module
# 'PostgresNIO'"; drop the plan (not the compiled objects) to have it recomputed from Package.swift.
rm -f Benchmarks/.build/release.yaml Benchmarks/.build/build.db
swift build --package-path Benchmarks -c release >&2

target_arguments=()
if [ -n "$target_filter" ]; then
    target_arguments=(--target "$target_filter")
fi

report_arguments=()
for round in $(seq 1 "$rounds"); do
    echo "=== round $round of $rounds: benchmarks" >&2
    # --format influx writes every percentile of every metric, unrounded, for all targets into one CSV.
    swift package --package-path Benchmarks --allow-writing-to-directory "$results" \
        benchmark run "${target_arguments[@]}" --no-progress --format influx --path "$results" >&2
    mv "$results/Current_run.influx.csv" "$results/round-$round.influx.csv"
    report_arguments+=(--influx "$results/round-$round.influx.csv")

    if [ "$run_openssl" = 1 ]; then
        echo "=== round $round of $rounds: openssl speed -seconds $openssl_seconds ecdsap256, one process then two" >&2
        openssl speed -mr -seconds "$openssl_seconds" ecdsap256 >"$results/round-$round.openssl-1.txt" 2>&1
        openssl speed -mr -seconds "$openssl_seconds" -multi 2 ecdsap256 >"$results/round-$round.openssl-2.txt" 2>&1
        report_arguments+=(--openssl "$results/round-$round.openssl-1.txt")
        report_arguments+=(--openssl-multi "$results/round-$round.openssl-2.txt")
        # AlgorithmBenchmarks' references: the same primitive for every other algorithm (issue 14), only when that
        # target runs. `openssl speed hmac` would be HMAC-MD5; `-hmac DIGEST -bytes 566` MACs the reference
        # token's 566-byte signing input.
        if [ -z "$target_filter" ] || [[ AlgorithmBenchmarks =~ $target_filter ]]; then
            echo "=== round $round of $rounds: openssl speed rsa2048 ecdsap384 ecdsap521 ed25519, hmac sha256/384/512" >&2
            algorithms="$results/round-$round.openssl-algorithms.txt"
            openssl speed -mr -seconds "$openssl_seconds" rsa2048 ecdsap384 ecdsap521 ed25519 >"$algorithms" 2>&1
            for digest in sha256 sha384 sha512; do
                openssl speed -mr -seconds "$openssl_seconds" -hmac "$digest" -bytes 566 >>"$algorithms" 2>&1
            done
            report_arguments+=(--openssl-algorithms "$algorithms")
        fi
    fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.txt" >&2

{
    echo '```text'
    cat "$results/machine.txt"
    echo '```'
    echo
    python3 Scripts/bench-report.py "${report_arguments[@]}"
} | tee "$results/report.md"
echo >&2
echo "raw results and report: $results" >&2
