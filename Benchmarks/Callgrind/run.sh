#!/usr/bin/env bash
# Counts the instructions (valgrind's callgrind, Ir) and heap allocations (memcheck) that one ES256 token verify and
# sign, and one HS256 MAC, cost in our library, beside the floor: the same operations done by OpenSSL called directly
# from C (floor.c). Instruction counts are stable from run to run on a shared machine, unlike timings, so they show
# where a path spends more than it must.
#
# Usage: Benchmarks/Callgrind/run.sh [N] [MODE...]   (N iterations, default 200; modes default to all of them)
# Each mode runs with N and with 0 iterations; the difference divided by N is one operation's cost, so process start,
# key import and the first signature cancel out. The profiles stay in Benchmarks/Callgrind/.build/profiles/ for
# `callgrind_annotate --inclusive=yes FILE`.
set -euo pipefail
cd "$(dirname "$0")"

count="${1:-200}"
shift || true
modes=("$@")
if [ ${#modes[@]} -eq 0 ]; then
    modes=(verify-raw verify-token verify-cached sign-raw sign-token hmac-sign-raw hmac-verify-raw hmac-sign-key hmac-verify-key floor-verify floor-sign floor-hmac)
fi

command -v valgrind >/dev/null || { echo "run.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
swift build -c release >&2
harness="$(swift build -c release --show-bin-path)/CallgrindHarness"
profiles=".build/profiles"
mkdir -p "$profiles"
cc -O2 -Wall -o .build/floor floor.c -lcrypto
token="$("$harness" token 0)"

# Total instructions of one run: callgrind's "summary:" line.
instructions() {
    local out="$1"
    shift
    valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>&1
    awk '/^summary:/ {print $2}' "$out"
}

# Heap allocations of one run: memcheck's "total heap usage" line (memcheck runs this small harness; it has no
# Swift concurrency in it).
allocations() {
    valgrind --tool=memcheck "$@" 2>&1 >/dev/null | sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,
}

printf '| mode | instructions per operation | allocations per operation |\n|---|---:|---:|\n'
for mode in "${modes[@]}"; do
    case "$mode" in
    floor-*) run=(.build/floor "${mode#floor-}") extra=("$token") ;;
    *) run=("$harness" "$mode") extra=() ;;
    esac
    with=$(instructions "$profiles/$mode.$count.out" "${run[@]}" "$count" "${extra[@]}")
    without=$(instructions "$profiles/$mode.0.out" "${run[@]}" 0 "${extra[@]}")
    allocated=$(allocations "${run[@]}" "$count" "${extra[@]}")
    baseline=$(allocations "${run[@]}" 0 "${extra[@]}")
    printf '| %s | %d | %s |\n' "$mode" $(((with - without) / count)) \
        "$(awk -v a="$allocated" -v b="$baseline" -v n="$count" 'BEGIN { printf "%.1f", (a - b) / n }')"
done
