#!/usr/bin/env bash
# Runs ES256 sign + verify + key import/export, token sign + verify, augmentation and JWK Set import (and their error
# paths) CYCLES times (default 100000) in an executable built with -sanitize=address, whose LeakSanitizer reports
# every OpenSSL or Swift allocation not freed at exit.
# Prints a one-line summary and exits non-zero on any leak or wrong answer.
# Usage: Scripts/leak-check.sh [CYCLES]
set -euo pipefail
cd "$(dirname "$0")/leak-check"
cycles="${1:-100000}"
scratch="${LEAK_CHECK_SCRATCH:-.build-leak-check}"

# SwiftPM does not notice files added to a path dependency in an existing build plan; drop the plan (not the
# compiled objects) so it is recomputed.
rm -f "$scratch/release.yaml" "$scratch/build.db"
swift build --scratch-path "$scratch" -c release -Xswiftc -sanitize=address 2>&1 | grep -E "error|warning: unre|Compiling|Build" | tail -3
binary="$(swift build --scratch-path "$scratch" -c release -Xswiftc -sanitize=address --show-bin-path)/LeakCheck"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
ASAN_OPTIONS="detect_leaks=1:halt_on_error=1" "$binary" "$cycles" >"$log" 2>&1 || status=$?
cat "$log" | grep -v '^$' | tail -25
if grep -q "LeakSanitizer: detected memory leaks" "$log"; then
    echo "leak-check: LEAKS FOUND ($(grep -c '^Direct leak\|^Indirect leak' "$log") leak records)"
    exit 1
fi
if [ "$status" -ne 0 ]; then
    echo "leak-check: the program failed (exit $status)"
    exit "$status"
fi
echo "leak-check: 0 leaks (LeakSanitizer ran at exit and reported nothing)"
