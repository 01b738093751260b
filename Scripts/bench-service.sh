#!/usr/bin/env bash
# Drives the running `jwt-claims serve` (release build) on loopback with wrk, in one run:
#   - requests per second and p50/p99 latency for /verify, /api/v0/token/custom, the refresh grant and the JWK Set
#     (GET), at 1, 8 and 64 connections, with the memory store and an SQLite store;
#   - `jwt-claims speed` (one thread, in process) before and after the wrk cells, and the ratios
#     service@8 connections / in-process for custom (vs `augment`) and verify;
#   - the serve process's resident memory (VmRSS from /proc/PID/status, sampled every second) through at least
#     SOAK_REQUESTS requests (default 100 000) of custom and verify against the memory store.
# Prints a Markdown report (kept with the raw output in .build/bench-service/).
#
# Usage: Scripts/bench-service.sh [SECONDS]   (default 5 seconds per cell; wrk must be installed; Linux only)
# Environment: JWT_CLAIMS_BINARY (default: `swift build -c release`'s jwt-claims), SOAK_REQUESTS (default 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-5}"
soak_requests="${SOAK_REQUESTS:-100000}"
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -r /proc/self/status ] || { echo "error: /proc is needed to sample resident memory" >&2; exit 2; }
binary="${JWT_CLAIMS_BINARY:-}"
if [ -z "$binary" ]; then
    swift build -c release --product jwt-claims >&2
    binary="$(swift build -c release --show-bin-path)/jwt-claims"
fi
results="$PWD/.build/bench-service"
rm -rf "$results" && mkdir -p "$results"
work=$(mktemp -d)
pid=""
sampler=""
stop() {
    if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""; fi
    if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
trap 'stop; rm -rf "$work"' EXIT
export WRK_LUA_DIR="$PWD/Benchmarks/wrk"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
load_start=$(loadavg)

"$binary" keygen --private-out "$work/signing.pem" >/dev/null
eval "$("$binary" apikey new --file "$work/api-keys.json" | sed 's/^/export /')"

# `jwt-claims speed` prints "operation ops/s us/op count" rows; prints the ops/s of operation $2 in file $1.
speed_rate() { awk -v op="$2" '$1 == op { print $2 }' "$1"; }
"$binary" speed --seconds 3 >"$results/speed-before.txt"

# Issues one token pair, printing "ACCESS REFRESH".
issue() {
    curl -sf "$url/api/v0/token/issue" -H 'Content-Type: application/json' -H "API_KEY_ID: $API_KEY_ID" \
        -H "API_SECRET_KEY: $API_SECRET_KEY" \
        -d '{"claims":{"sub":"248289761001","name":"Jane Doe","given_name":"Jane","family_name":"Doe"}}' |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["access_token"], d["refresh_token"])'
}

# Runs wrk: $1 endpoint (Lua script), $2 path, $3 connections, $4 duration, $5 output file.
run_wrk() {
    local threads=$(($3 < 2 ? 1 : 2))
    export WRK_THREADS=$threads
    wrk -t"$threads" -c"$3" -d"$4" --latency -s "Benchmarks/wrk/$1.lua" "$url$2" >"$5"
}
field() { grep '^RESULT' "$1" | sed -E "s/.* $2=([0-9.]+).*/\1/"; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
mib() { echo "scale=1; $1 / 1024" | bc -l; }

declare -A rate
table="| store | endpoint | connections | requests/s | p50 (ms) | p99 (ms) | errors |"$'\n'"|---|---|---|---|---|---|---|"
memory_report=""
for store in memory "sqlite:$work/tokens.sqlite"; do
    label=${store%%:*}
    mkfifo "$work/address-$label"
    "$binary" serve --port 0 --signing-key "$work/signing.pem" --api-keys "$work/api-keys.json" --store "$store" \
        --log-level warning >"$work/address-$label" 2>"$results/serve-$label.log" &
    pid=$!
    read -r -t 60 line <"$work/address-$label"
    url=$(grep -oE 'http://[^ ]+' <<<"$line")
    rss_at_start=$(rss_kib "$pid")
    read -r ACCESS_TOKEN _ < <(issue)
    export ACCESS_TOKEN
    for endpoint in verify custom refresh jwks; do
        for connections in 1 8 64; do
            case "$endpoint" in
                refresh)
                    export REFRESH_TOKENS_FILE="$work/refresh-$label-$connections"
                    : >"$REFRESH_TOKENS_FILE"
                    for _ in $(seq "$connections"); do issue | cut -d' ' -f2 >>"$REFRESH_TOKENS_FILE"; done
                    path="/api/v0/token/$API_KEY_ID" ;;
                verify) path="/verify" ;;
                custom) path="/api/v0/token/custom" ;;
                jwks) path="/.well-known/jwks.json" ;;
            esac
            out="$results/$label-$endpoint-$connections.txt"
            run_wrk "$endpoint" "$path" "$connections" "${seconds}s" "$out"
            rps=$(field "$out" rps)
            rate[$label-$endpoint-$connections]=$rps
            row=$(printf '| %s | %s | %d | %.0f | %.2f | %.2f | %s |' "$label" "$endpoint" "$connections" "$rps" \
                "$(echo "$(field "$out" p50_us) / 1000" | bc -l)" "$(echo "$(field "$out" p99_us) / 1000" | bc -l)" \
                "$(field "$out" errors)")
            echo "$row" >&2
            table+=$'\n'"$row"
        done
    done
    if [ "$label" = memory ]; then
        # The soak: custom and verify at 8 connections in 10-second wrk runs until SOAK_REQUESTS have been answered,
        # with VmRSS sampled every second. Refresh is left out on purpose: the memory store keeps every refresh
        # record until it expires, so its growth there is by design, not a leak.
        (while kill -0 "$pid" 2>/dev/null; do rss_kib "$pid" || true; sleep 1; done) >"$results/rss-soak.txt" &
        sampler=$!
        rss_soak_start=$(rss_kib "$pid")
        answered=0
        run=0
        while [ "$answered" -lt "$soak_requests" ]; do
            endpoint=$([ $((run % 2)) -eq 0 ] && echo custom || echo verify)
            path=$([ "$endpoint" = custom ] && echo /api/v0/token/custom || echo /verify)
            out="$results/soak-$run.txt"
            run_wrk "$endpoint" "$path" 8 10s "$out"
            answered=$((answered + $(field "$out" requests)))
            run=$((run + 1))
        done
        rss_soak_end=$(rss_kib "$pid")
        peak_lifetime=$(hwm_kib "$pid")
        kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
        # Trend: the median of the first third of the samples against the median of the last third.
        trend=$(grep -E '^[0-9]+$' "$results/rss-soak.txt" | python3 -c '
import statistics, sys
s = [int(x) for x in sys.stdin]
third = max(len(s) // 3, 1)
first, last = statistics.median(s[:third]), statistics.median(s[-third:])
print(len(s), max(s), first, last, "%+.1f" % ((last - first) / 1024))')
        read -r samples soak_peak first_median last_median delta <<<"$trend"
        memory_report="Resident memory of the serve process (memory store), VmRSS from /proc/$pid/status:"$'\n\n'
        memory_report+="| point | RSS (MiB) |"$'\n'"|---|---|"$'\n'
        memory_report+="| after start, before any request | $(mib "$rss_at_start") |"$'\n'
        memory_report+="| soak start (after the 12 memory-store cells) | $(mib "$rss_soak_start") |"$'\n'
        memory_report+="| soak peak ($samples one-second samples) | $(mib "$soak_peak") |"$'\n'
        memory_report+="| soak end | $(mib "$rss_soak_end") |"$'\n'
        memory_report+="| lifetime peak (VmHWM) | $(mib "$peak_lifetime") |"$'\n\n'
        memory_report+="Soak: $answered requests (custom and verify alternating, 8 connections, $run wrk runs of 10 s each);"
        memory_report+=" median RSS of the first third of the samples $(mib "$first_median") MiB, of the last third"
        memory_report+=" $(mib "$last_median") MiB (change $delta MiB)."
    fi
    stop
done
"$binary" speed --seconds 3 >"$results/speed-after.txt"
load_end=$(loadavg)

# Ratios against the mean of the two in-process runs (the load moves between them).
ratios="| operation | in process, before (ops/s) | after (ops/s) | service memory@8 (req/s) | ratio | service sqlite@8 (req/s) | ratio |"
ratios+=$'\n'"|---|---|---|---|---|---|---|"
for pair in custom:augment verify:verify; do
    endpoint=${pair%%:*}
    operation=${pair##*:}
    before=$(speed_rate "$results/speed-before.txt" "$operation")
    after=$(speed_rate "$results/speed-after.txt" "$operation")
    mean=$(echo "($before + $after) / 2" | bc -l)
    memory=${rate[memory-$endpoint-8]}
    sqlite=${rate[sqlite-$endpoint-8]}
    ratios+=$'\n'$(printf '| %s (vs `%s`) | %.0f | %.0f | %.0f | %.2fx | %.0f | %.2fx |' "$endpoint" "$operation" \
        "$before" "$after" "$memory" "$(echo "$memory / $mean" | bc -l)" "$sqlite" "$(echo "$sqlite / $mean" | bc -l)")
done

{
    echo "Load average (1/5/15 min): $load_start at the start, $load_end at the end; $(nproc) cores."
    echo
    echo "$table"
    echo
    echo "$ratios"
    echo
    echo "$memory_report"
} | tee "$results/report.md"
