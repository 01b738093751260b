#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and then under ThreadSanitizer, each in its own scratch path so
# the instrumented builds never mix with the normal one (or with each other).
#
# Usage: Scripts/sanitizers.sh [address|thread|all] [swift test options, e.g. --filter Concurrency]
# Environment: ASAN_SCRATCH (default .build-asan), TSAN_SCRATCH (default .build-tsan).
#
# AddressSanitizer catches out-of-bounds and use-after-free accesses, in Swift and in the OpenSSL calls' buffers.
# Leaks are LeakCheck's job (Scripts/leak-check.sh, 100k cycles), so leak detection is off here: with it on, the
# whole suite passes but LeakSanitizer reports about 4.5 KB in 9 allocations of the test machinery (XCTest's suite
# bookkeeping, Foundation's file reading and Process in the vector and Python interop tests), none in the library.
# ThreadSanitizer covers the concurrency suites (ES256 under concurrency, ClaimsAugmenter under concurrency):
# shared keys, verifiers, signers and augmenters used by many tasks at once. Scripts/tsan-suppressions.txt lists the
# one known false positive (Synchronization.Mutex, whose futex-based lock TSan cannot see) and why.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
[ $# -gt 0 ] && shift

# Swift's crash backtracer runs inside the sanitized process and confuses the sanitizers' own reports.
export SWIFT_BACKTRACE=enable=no
tsan_options="halt_on_error=1:suppressions=$PWD/Scripts/tsan-suppressions.txt"

run() {
    local sanitizer="$1" scratch="$2"
    shift 2
    echo "=== swift test --sanitize=$sanitizer (scratch $scratch)"
    local log
    log="$(mktemp)"
    local status=0
    swift test --scratch-path "$scratch" --sanitize="$sanitizer" "$@" >"$log" 2>&1 || status=$?
    grep -E "^(error|warning: (ThreadSanitizer|AddressSanitizer))|SUMMARY: |Sanitizer: |✘|Test run with|Executed [0-9]+ tests" \
        "$log" | grep -v "^$" | tail -20
    if grep -qE "WARNING: ThreadSanitizer|ERROR: AddressSanitizer" "$log" || [ "$status" -ne 0 ]; then
        echo "=== $sanitizer: FAILED (exit $status); log kept at $log" >&2
        return 1
    fi
    rm -f "$log"
    echo "=== $sanitizer: passed, no sanitizer reports"
}

case "$which" in
address) ASAN_OPTIONS="detect_leaks=0:halt_on_error=1" run address "${ASAN_SCRATCH:-.build-asan}" "$@" ;;
thread) TSAN_OPTIONS="$tsan_options" run thread "${TSAN_SCRATCH:-.build-tsan}" "$@" ;;
all)
    ASAN_OPTIONS="detect_leaks=0:halt_on_error=1" run address "${ASAN_SCRATCH:-.build-asan}" "$@"
    TSAN_OPTIONS="$tsan_options" run thread "${TSAN_SCRATCH:-.build-tsan}" "$@"
    ;;
*)
    echo "usage: $0 [address|thread|all] [swift test options...]" >&2
    exit 2
    ;;
esac
