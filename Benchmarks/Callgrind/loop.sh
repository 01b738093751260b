#!/usr/bin/env bash
# Times the signature step of each algorithm in a tight loop beside `openssl speed` timing the same primitive, run
# after run, alternating, and prints the medians and their ratio (openssl's time per operation over ours: above 1,
# ours is faster). A check on the benchmark package's figures, whose one-second samples on this shared machine scatter
# by more than the 0.9x target's margin: here each side gets SECONDS per run and ROUNDS runs.
#
# Usage: Benchmarks/Callgrind/loop.sh [SECONDS] [ROUNDS] [ALG...]   (defaults: 2, 5, and RS256 PS256 ES384 ES512
# EdDSA HS256 HS384 HS512)
# openssl speed's primitive per algorithm: rsa2048 (RS*, PS*: the same private-key operation; its verify is the same
# public-key operation), ecdsap384, ecdsap521, ed25519, and -hmac shaN -bytes 566.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-2}"
rounds="${2:-5}"
shift 2 2>/dev/null || shift $#
algorithms=("$@")
[ ${#algorithms[@]} -gt 0 ] || algorithms=(RS256 PS256 ES384 ES512 EdDSA HS256 HS384 HS512)
swift build -c release >&2
harness="$(swift build -c release --show-bin-path)/CallgrindHarness"

# openssl speed's nanoseconds per operation for ALG and OPERATION (sign or verify), from its -mr output.
openssl_ns() {
    local alg=$1 operation=$2 out
    case "$alg" in
        RS* | PS*) out=$(openssl speed -mr -seconds "$seconds" rsa2048 2>/dev/null | grep '^+F2:') ;;
        ES384) out=$(openssl speed -mr -seconds "$seconds" ecdsap384 2>/dev/null | grep '^+F4:') ;;
        ES512) out=$(openssl speed -mr -seconds "$seconds" ecdsap521 2>/dev/null | grep '^+F4:') ;;
        EdDSA) out=$(openssl speed -mr -seconds "$seconds" ed25519 2>/dev/null | grep '^+F6:') ;;
        HS*)
            out=$(openssl speed -mr -seconds "$seconds" -hmac "sha${alg#HS}" -bytes 566 2>/dev/null | grep '^+F:')
            # +F:index:hmac(shaN):bytes per second -> ns per 566-byte MAC
            awk -F: '{ printf "%.1f\n", 1e9 * 566 / $4 }' <<<"$out"
            return
            ;;
    esac
    # +Fn:index:bits:name...:sign per second:verify per second
    awk -F: -v op="$operation" '{ rate = (op == "sign") ? $(NF - 1) : $NF; printf "%.1f\n", 1e9 / rate }' <<<"$out"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '| operation | ours (ns, median) | openssl speed (ns, median) | openssl / ours | ours, every round | openssl, every round |\n'
printf '|---|---:|---:|---:|---|---|\n'
for alg in "${algorithms[@]}"; do
    for operation in sign verify; do
        ours=() theirs=()
        for _ in $(seq "$rounds"); do
            ours+=("$("$harness" loop "$alg" "$operation" "$seconds" | awk '{ printf "%.1f", $3 }')")
            theirs+=("$(openssl_ns "$alg" "$operation")")
        done
        o=$(median "${ours[@]}")
        t=$(median "${theirs[@]}")
        printf '| %s %s | %.0f | %.0f | %.2fx | %s | %s |\n' "$operation" "$alg" "$o" "$t" "$(echo "$t / $o" | bc -l)" \
            "$(printf '%.0f ' "${ours[@]}")" "$(printf '%.0f ' "${theirs[@]}")"
    done
done
