#!/usr/bin/env bash
# Compares two builds of `jwt-claims serve` on one endpoint, side by side in one run: for each of ROUNDS rounds, each
# binary in turn is started (memory store, verified-token cache off, warning-level logs), driven with wrk at 8
# connections for SECONDS, and stopped. Prints, per round and as medians, requests per second and the serve process's
# CPU time per request (from /proc/PID/stat), and the ratio B / A of each.
#
# The CPU per request is the figure to read: wrk shares the two cores, so a rate alone mixes the service's cost with
# wrk's. Alternating A and B in every round spreads the machine's drift over both.
#
# Usage: Scripts/bench-service-ab.sh BINARY_A BINARY_B [ENDPOINT] [SECONDS] [ROUNDS]
#   ENDPOINT: custom (default), verify or jwks. SECONDS: default 8. ROUNDS: default 3.
# Needs wrk and curl; Linux only (/proc).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
binaries=("$1" "$2")
endpoint="${3:-custom}"
seconds="${4:-8}"
rounds="${5:-3}"
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
case "$endpoint" in
    custom) path=/api/v0/token/custom ;;
    verify) path=/verify ;;
    jwks) path=/.well-known/jwks.json ;;
    *) echo "error: ENDPOINT must be custom, verify or jwks" >&2; exit 2 ;;
esac

work=$(mktemp -d)
pid=""
stop() {
    if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
trap 'stop; rm -rf "$work"' EXIT
export WRK_LUA_DIR="$PWD/Benchmarks/wrk"
"${binaries[0]}" keygen --private-out "$work/signing.pem" >/dev/null
eval "$("${binaries[0]}" apikey new --file "$work/api-keys.json" | sed 's/^/export /')"
ticks_per_second=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Starts binary $1; sets pid and url.
start_serve() {
    local fifo="$work/address-$RANDOM$RANDOM" line
    mkfifo "$fifo"
    "$1" serve --port 0 --signing-key "$work/signing.pem" --api-keys "$work/api-keys.json" --store memory \
        --verify-cache-entries 0 --log-level warning >"$fifo" 2>>"$work/serve.log" &
    pid=$!
    read -r -t 60 line <"$fifo"
    url=$(grep -oE 'http://[^ ]+' <<<"$line")
}

declare -a rps_a rps_b cpu_a cpu_b
printf '| round | binary | requests/s | service CPU (µs/request) |\n|---|---|---:|---:|\n'
for round in $(seq "$rounds"); do
    for which in 0 1; do
        start_serve "${binaries[$which]}"
        ACCESS_TOKEN=$(curl -sf "$url/api/v0/token/issue" -H 'Content-Type: application/json' \
            -H "API_KEY_ID: $API_KEY_ID" -H "API_SECRET_KEY: $API_SECRET_KEY" \
            -d '{"claims":{"sub":"248289761001","name":"Jane Doe"}}' |
            python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
        export ACCESS_TOKEN
        # A short warm-up, then the measured run.
        WRK_THREADS=2 wrk -t2 -c8 -d2s -s "Benchmarks/wrk/$endpoint.lua" "$url$path" >/dev/null
        before=$(cpu_ticks "$pid")
        out="$work/wrk-$round-$which.txt"
        WRK_THREADS=2 wrk -t2 -c8 -d"${seconds}s" --latency -s "Benchmarks/wrk/$endpoint.lua" "$url$path" >"$out"
        after=$(cpu_ticks "$pid")
        requests=$(grep '^RESULT' "$out" | sed -E 's/.* requests=([0-9]+).*/\1/')
        errors=$(grep '^RESULT' "$out" | sed -E 's/.* errors=([0-9]+).*/\1/')
        rps=$(grep '^RESULT' "$out" | sed -E 's/.* rps=([0-9.]+).*/\1/')
        cpu=$(echo "($after - $before) * 1000000 / $ticks_per_second / $requests" | bc -l)
        [ "$errors" = 0 ] || echo "warning: $errors errors in round $round, binary $which" >&2
        stop
        if [ "$which" = 0 ]; then rps_a+=("$rps"); cpu_a+=("$cpu"); label=A; else rps_b+=("$rps"); cpu_b+=("$cpu"); label=B; fi
        printf '| %d | %s | %.0f | %.0f |\n' "$round" "$label" "$rps" "$cpu"
    done
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ma=$(median "${rps_a[@]}"); mb=$(median "${rps_b[@]}"); ca=$(median "${cpu_a[@]}"); cb=$(median "${cpu_b[@]}")
printf '\n%s at 8 connections, medians of %d rounds: A %.0f/s, %.0f µs CPU/request; B %.0f/s, %.0f µs CPU/request\n' \
    "$endpoint" "$rounds" "$ma" "$ca" "$mb" "$cb"
printf 'B / A: requests/s %.2fx, CPU per request %.2fx\n' "$(echo "$mb / $ma" | bc -l)" "$(echo "$cb / $ca" | bc -l)"
