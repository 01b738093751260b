#!/usr/bin/env bash
# Drives the running `jwt-claims serve` (release build) on loopback with wrk: requests per second and p50/p99 latency
# for /verify, /api/v0/token/custom and the refresh grant, at 1, 8 and 32 connections, with the memory store and an
# SQLite store, in one run. Prints a Markdown table (kept with the raw wrk output in .build/bench-service/).
#
# Usage: Scripts/bench-service.sh [SECONDS]   (default 5 seconds per cell; wrk must be installed)
# Environment: JWT_CLAIMS_BINARY (default: `swift build -c release`'s jwt-claims).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-5}"
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
binary="${JWT_CLAIMS_BINARY:-}"
if [ -z "$binary" ]; then
    swift build -c release --product jwt-claims >&2
    binary="$(swift build -c release --show-bin-path)/jwt-claims"
fi
results="$PWD/.build/bench-service"
rm -rf "$results" && mkdir -p "$results"
work=$(mktemp -d)
pid=""
stop() {
    if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
trap 'stop; rm -rf "$work"' EXIT
export WRK_LUA_DIR="$PWD/Benchmarks/wrk"

"$binary" keygen --private-out "$work/signing.pem" >/dev/null
eval "$("$binary" apikey new --file "$work/api-keys.json" | sed 's/^/export /')"

# Issues one token pair, printing "ACCESS REFRESH".
issue() {
    curl -sf "$url/api/v0/token/issue" -H 'Content-Type: application/json' -H "API_KEY_ID: $API_KEY_ID" \
        -H "API_SECRET_KEY: $API_SECRET_KEY" \
        -d '{"claims":{"sub":"248289761001","name":"Jane Doe","given_name":"Jane","family_name":"Doe"}}' |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["access_token"], d["refresh_token"])'
}

table="| store | endpoint | connections | requests/s | p50 (ms) | p99 (ms) | errors |"$'\n'"|---|---|---|---|---|---|---|"
for store in memory "sqlite:$work/tokens.sqlite"; do
    label=${store%%:*}
    mkfifo "$work/address-$label"
    "$binary" serve --port 0 --signing-key "$work/signing.pem" --api-keys "$work/api-keys.json" --store "$store" \
        --log-level warning >"$work/address-$label" 2>"$results/serve-$label.log" &
    pid=$!
    read -r -t 60 line <"$work/address-$label"
    url=$(grep -oE 'http://[^ ]+' <<<"$line")
    read -r ACCESS_TOKEN _ < <(issue)
    export ACCESS_TOKEN
    for endpoint in verify custom refresh; do
        for connections in 1 8 32; do
            threads=$((connections < 2 ? 1 : 2))
            export WRK_THREADS=$threads
            if [ "$endpoint" = refresh ]; then
                export REFRESH_TOKENS_FILE="$work/refresh-$label-$connections"
                : >"$REFRESH_TOKENS_FILE"
                for _ in $(seq "$connections"); do issue | cut -d' ' -f2 >>"$REFRESH_TOKENS_FILE"; done
                path="/api/v0/token/$API_KEY_ID"
            elif [ "$endpoint" = verify ]; then
                path="/verify"
            else
                path="/api/v0/token/custom"
            fi
            out="$results/$label-$endpoint-$connections.txt"
            wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "Benchmarks/wrk/$endpoint.lua" \
                "$url$path" >"$out"
            result=$(grep '^RESULT' "$out")
            rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$result")
            p50=$(sed -E 's/.*p50_us=([0-9]+).*/\1/' <<<"$result")
            p99=$(sed -E 's/.*p99_us=([0-9]+).*/\1/' <<<"$result")
            errors=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$result")
            row=$(printf '| %s | %s | %d | %.0f | %.2f | %.2f | %s |' "$label" "$endpoint" "$connections" "$rps" \
                "$(echo "$p50 / 1000" | bc -l)" "$(echo "$p99 / 1000" | bc -l)" "$errors")
            echo "$row" >&2
            table+=$'\n'"$row"
        done
    done
    stop
done
echo "$table" | tee "$results/table.md"
