#!/usr/bin/env bash
# Runs one libFuzzer target of the Fuzz/ package for SECONDS, then prints its executions and exec/s.
#
# Usage: Scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#   TARGET   FuzzJSON | FuzzBase64URL | FuzzToken | FuzzKeyImport | FuzzKeyRecognition | FuzzAugment (or "all",
#            SECONDS each)
#   SECONDS  how long to fuzz; extra options go to libFuzzer as given (e.g. -runs=10000000 -max_len=8192)
# Environment:
#   FUZZ_SCRATCH  the build and work directory (default .build-fuzz): the binaries, the working corpus
#                 ($FUZZ_SCRATCH/corpus/TARGET, seeded from Fuzz/Corpus/TARGET, which is never written), the
#                 findings ($FUZZ_SCRATCH/findings/) and the log ($FUZZ_SCRATCH/logs/TARGET.log).
#
# The fuzzers are built in release mode (optimized, overflow checks kept) with -sanitize=fuzzer,address, which
# reaches the library too: its code is coverage-guided and checked by AddressSanitizer and LeakSanitizer.
# Exits non-zero on a finding (crash, invariant failure, leak, timeout, out-of-memory) and names the input file;
# reproduce with: $FUZZ_SCRATCH/<bin>/TARGET FINDING_FILE
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(FuzzJSON FuzzBase64URL FuzzToken FuzzKeyImport FuzzKeyRecognition FuzzAugment)
if [ $# -lt 2 ]; then
    echo "usage: $0 TARGET SECONDS [libFuzzer options...]; TARGET is one of ${targets[*]} or all" >&2
    exit 2
fi
target="$1"
seconds="$2"
shift 2
if [ "$target" = all ]; then
    for each in "${targets[@]}"; do "$0" "$each" "$seconds" "$@"; done
    exit 0
fi
if [[ ! " ${targets[*]} " =~ " $target " ]]; then
    echo "error: unknown target '$target'; expected one of ${targets[*]}" >&2
    exit 2
fi

scratch="${FUZZ_SCRATCH:-.build-fuzz}"
build=(swift build -c release --package-path Fuzz --scratch-path "$scratch"
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
# Build only when a source changed (SwiftPM is incremental); show errors only. SwiftPM does not notice files added
# to a path dependency in an existing build plan, so drop the plan (not the compiled objects) to have it recomputed.
rm -f "$scratch/release.yaml" "$scratch/build.db"
if ! "${build[@]}" --product "$target" >"$scratch.build.log" 2>&1; then
    grep -E "error" "$scratch.build.log" >&2 || tail -30 "$scratch.build.log" >&2
    exit 1
fi
binary="$("${build[@]}" --show-bin-path)/$target"

corpus="$scratch/corpus/$target"
findings="$scratch/findings"
logs="$scratch/logs"
mkdir -p "$corpus" "$findings" "$logs"
# The committed seeds join the working corpus; libFuzzer writes new inputs only to the first directory.
cp -n Fuzz/Corpus/"$target"/* "$corpus"/ 2>/dev/null || true
log="$logs/$target.log"

# Swift's crash backtracer runs inside the sanitized process and trips AddressSanitizer; libFuzzer and ASan print
# the stack instead.
export SWIFT_BACKTRACE=enable=no
status=0
"$binary" "$corpus" \
    -dict=Fuzz/jose.dict \
    -max_total_time="$seconds" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -artifact_prefix="$findings/$target-" \
    "$@" >"$log" 2>&1 || status=$?

stat() { grep -E "^stat::$1:" "$log" | awk '{print $2}' | tail -1; }
last=$(grep -E "^#[0-9]+" "$log" | tail -1 || true)
coverage=$(sed -nE 's/.* cov: ([0-9]+) ft: ([0-9]+) .*/cov \1, features \2/p' <<<"$last")
echo "$target: $(stat number_of_executed_units) executions, $(stat average_exec_per_sec) exec/s," \
    "${seconds}s limit, ${coverage:-no coverage line}, corpus $(ls "$corpus" | wc -l) files," \
    "peak RSS $(stat peak_rss_mb) MB"
if [ "$status" -ne 0 ]; then
    grep -E "INVARIANT FAILED|ERROR: |SUMMARY: |Test unit written|  input " "$log" | head -12 >&2
    echo "$target: FINDING (libFuzzer exit $status); full log: $log" >&2
    exit 1
fi
