#!/usr/bin/env bash
# Drives the running `jwt-claims serve` (release build) on loopback with wrk, in one run:
#   - requests per second and p50/p99 latency for /verify, /api/v0/token/custom, the refresh grant and the JWK Set
#     (GET), at 1, 8 and 64 connections, with the memory store and an SQLite store, the verified-token cache off
#     (`--verify-cache-entries 0`), so that the service does the same work per request as `jwt-claims speed`;
#   - /verify and custom again with the cache on (the service's default, 10 000 entries), and the ratio cache on /
#     cache off at 8 connections;
#   - `jwt-claims speed` (one thread, in process) before and after the wrk cells, and the ratios
#     service@8 connections / in-process for custom (vs `augment`), verify, and cached verify;
#   - the serve process's CPU time per request in every cell (from /proc/PID/stat), and what the HTTP layer costs:
#     that time at 8 connections less the in-process time of the same operation (wrk shares the cores, so rates
#     alone cannot tell the layer's cost from wrk's);
#   - a fresh serve process as shipped (SQLite store, cache on): its resident memory (VmRSS from /proc/PID/status,
#     sampled every second) through at least SOAK_REQUESTS requests (default 100 000) of custom, verify and the
#     refresh grant in turn;
#   - the floor under the HTTP layer: a bare Hummingbird server (Benchmarks/HTTPFloor, no middleware) answering the
#     service's JWK Set bytes to a GET, and reading custom's request body and answering the same bytes to a POST, in
#     the same cells as the service's JWK Set and custom, so that the service's cost above it is what its own layers
#     (routing, authentication, CORS, rate limits, logging, errors, JSON) add. HTTP_FLOOR=0 leaves it out.
# Prints a Markdown report (kept with the raw output in .build/bench-service/).
#
# Usage: Scripts/bench-service.sh [SECONDS]   (default 5 seconds per cell; wrk must be installed; Linux only)
# Environment: JWT_CLAIMS_BINARY (default: `swift build -c release`'s jwt-claims), SOAK_REQUESTS (default 100000),
# HTTP_FLOOR (default 1: build Benchmarks/HTTPFloor in release, a few minutes the first time, and run it).
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
floor_binary=""
if [ "${HTTP_FLOOR:-1}" != 0 ]; then
    swift build -c release --package-path Benchmarks/HTTPFloor >&2
    floor_binary="$(swift build -c release --package-path Benchmarks/HTTPFloor --show-bin-path)/HTTPFloor"
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
# (Names have spaces, such as "verify (cached)": the name is what precedes the three numbers.)
speed_rate() {
    awk -v op="$2" '{ name = $0; sub(/ +[0-9.]+ +[0-9.]+ +[0-9]+ *$/, "", name); if (name == op) print $(NF - 2) }' "$1"
}
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
# The serve process's CPU time so far (user + system), in clock ticks (/proc/PID/stat fields 14 and 15).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
mib() { echo "scale=1; $1 / 1024" | bc -l; }

# Starts serve with the store $1 and the extra flags after it; sets pid and url.
start_serve() {
    local store=$1 fifo
    shift
    fifo="$work/address-$((++started))"
    mkfifo "$fifo"
    "$binary" serve --port 0 --signing-key "$work/signing.pem" --api-keys "$work/api-keys.json" --store "$store" \
        --log-level warning "$@" >"$fifo" 2>>"$results/serve.log" &
    pid=$!
    local line
    read -r -t 60 line <"$fifo"
    url=$(grep -oE 'http://[^ ]+' <<<"$line")
}
started=0

# Prepares the refresh tokens of a refresh cell at $1 connections (one per connection and a spare per wrk thread:
# wrk calls request() once before the run to check it, see Benchmarks/wrk/refresh.lua).
prepare_refresh() {
    export REFRESH_TOKENS_FILE="$work/refresh-$((++prepared))"
    : >"$REFRESH_TOKENS_FILE"
    for _ in $(seq $(($1 + 2))); do issue | cut -d' ' -f2 >>"$REFRESH_TOKENS_FILE"; done
}
prepared=0

# Runs one cell and appends its row: $1 label, $2 endpoint, $3 connections, $4 duration.
cell() {
    local label=$1 endpoint=$2 connections=$3 path out
    case "$endpoint" in
        refresh) prepare_refresh "$connections"; path="/api/v0/token/$API_KEY_ID" ;;
        verify) path="/verify" ;;
        custom) path="/api/v0/token/custom" ;;
        jwks) path="/.well-known/jwks.json" ;;
    esac
    out="$results/$label-$endpoint-$connections.txt"
    local cpu_before cpu_us
    cpu_before=$(cpu_ticks "$pid")
    run_wrk "$endpoint" "$path" "$connections" "$4" "$out"
    cpu_us=$(echo "($(cpu_ticks "$pid") - $cpu_before) * 1000000 / $ticks_per_second / $(field "$out" requests)" | bc -l)
    rate[$label-$endpoint-$connections]=$(field "$out" rps)
    cpu[$label-$endpoint-$connections]=$cpu_us
    local row
    row=$(printf '| %s | %s | %d | %.0f | %.2f | %.2f | %.0f | %s |' "$label" "$endpoint" "$connections" \
        "$(field "$out" rps)" "$(echo "$(field "$out" p50_us) / 1000" | bc -l)" \
        "$(echo "$(field "$out" p99_us) / 1000" | bc -l)" "$cpu_us" "$(field "$out" errors)")
    echo "$row" >&2
    table+=$'\n'"$row"
}

declare -A rate cpu
table="| store | endpoint | connections | requests/s | p50 (ms) | p99 (ms) | service CPU (µs/request) | errors |"
table+=$'\n'"|---|---|---|---|---|---|---|---|"
memory_report=""
for store in memory "sqlite:$work/tokens.sqlite"; do
    label=${store%%:*}
    start_serve "$store" --verify-cache-entries 0
    read -r ACCESS_TOKEN _ < <(issue)
    export ACCESS_TOKEN
    curl -sf "$url/.well-known/jwks.json" >"$work/jwks.json"
    for endpoint in verify custom refresh jwks; do
        for connections in 1 8 64; do cell "$label" "$endpoint" "$connections" "${seconds}s"; done
    done
    stop
done

# The floor: the same JWK Set bytes from a bare Hummingbird server, in the same cells.
if [ -n "$floor_binary" ]; then
    floor_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$floor_binary" "$floor_port" "$work/jwks.json" 2>>"$results/floor.log" &
    pid=$!
    url="http://127.0.0.1:$floor_port"
    for _ in $(seq 100); do curl -sf "$url/.well-known/jwks.json" >/dev/null && break; sleep 0.1; done
    cmp -s <(curl -sf "$url/.well-known/jwks.json") "$work/jwks.json" ||
        { echo "error: the HTTP floor does not answer the service's JWK Set" >&2; exit 1; }
    for connections in 1 8 64; do cell floor jwks "$connections" "${seconds}s"; done
    # The POST floor: custom's request (the same body) read whole and answered with the same fixed bytes.
    for connections in 1 8 64; do cell floor custom "$connections" "${seconds}s"; done
    stop
fi

# The verified-token cache on (the default): verify and custom present the same token on every request.
start_serve memory
read -r ACCESS_TOKEN _ < <(issue)
export ACCESS_TOKEN
for endpoint in verify custom; do
    for connections in 1 8 64; do cell memory-cached "$endpoint" "$connections" "${seconds}s"; done
done
stop

# The soak, from a fresh process as shipped (SQLite store, cache on): custom, verify and the refresh grant in turn,
# 10-second wrk runs at 8 connections, until SOAK_REQUESTS have been answered, with VmRSS sampled every second.
start_serve "sqlite:$work/soak.sqlite"
rss_at_start=$(rss_kib "$pid")
read -r ACCESS_TOKEN _ < <(issue)
export ACCESS_TOKEN
(while kill -0 "$pid" 2>/dev/null; do rss_kib "$pid" || true; sleep 1; done) >"$results/rss-soak.txt" &
sampler=$!
answered=0
run=0
while [ "$answered" -lt "$soak_requests" ]; do
    case $((run % 3)) in
        0) endpoint=custom path=/api/v0/token/custom ;;
        1) endpoint=verify path=/verify ;;
        2) endpoint=refresh path="/api/v0/token/$API_KEY_ID"; prepare_refresh 8 ;;
    esac
    out="$results/soak-$run.txt"
    run_wrk "$endpoint" "$path" 8 10s "$out"
    answered=$((answered + $(field "$out" requests)))
    run=$((run + 1))
done
rss_soak_end=$(rss_kib "$pid")
peak_lifetime=$(hwm_kib "$pid")
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
stop
# Trend: the median of the first third of the samples against the median of the last third.
trend=$(grep -E '^[0-9]+$' "$results/rss-soak.txt" | python3 -c '
import statistics, sys
s = [int(x) for x in sys.stdin]
third = max(len(s) // 3, 1)
first, last = statistics.median(s[:third]), statistics.median(s[-third:])
print(len(s), max(s), first, last, "%+.1f" % ((last - first) / 1024))')
read -r samples soak_peak first_median last_median delta <<<"$trend"
memory_report="Resident memory of a fresh serve process (SQLite store, cache on), VmRSS:"$'\n\n'
memory_report+="| point | RSS (MiB) |"$'\n'"|---|---|"$'\n'
memory_report+="| after start, before any request | $(mib "$rss_at_start") |"$'\n'
memory_report+="| soak peak ($samples one-second samples) | $(mib "$soak_peak") |"$'\n'
memory_report+="| soak end | $(mib "$rss_soak_end") |"$'\n'
memory_report+="| lifetime peak (VmHWM) | $(mib "$peak_lifetime") |"$'\n\n'
memory_report+="Soak: $answered requests (custom, verify and the refresh grant in turn, 8 connections, $run wrk runs of"
memory_report+=" 10 s each); median RSS of the first third of the samples $(mib "$first_median") MiB, of the last"
memory_report+=" third $(mib "$last_median") MiB (change $delta MiB)."
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
before=$(speed_rate "$results/speed-before.txt" "verify (cached)")
after=$(speed_rate "$results/speed-after.txt" "verify (cached)")
cached=${rate[memory-cached-verify-8]}
ratios+=$'\n'$(printf '| verify, cache on (vs `verify (cached)`) | %.0f | %.0f | %.0f | %.2fx | | |' "$before" "$after" \
    "$cached" "$(echo "$cached / (($before + $after) / 2)" | bc -l)")
# What the HTTP layer costs, whoever else uses the cores: the service's CPU time per request at 8 connections
# against the in-process time per operation of `jwt-claims speed`.
speed_us() {
    awk -v op="$2" '{ name = $0; sub(/ +[0-9.]+ +[0-9.]+ +[0-9]+ *$/, "", name); if (name == op) print $(NF - 1) }' "$1"
}
layer="| operation | in process (µs/op, mean of before and after) | service CPU, memory@8 (µs/request) | HTTP layer (µs/request) |"
layer+=$'\n'"|---|---|---|---|"
for pair in custom:augment verify:verify jwks:; do
    endpoint=${pair%%:*}
    operation=${pair##*:}
    inside=0
    if [ -n "$operation" ]; then
        inside=$(echo "($(speed_us "$results/speed-before.txt" "$operation") + $(speed_us "$results/speed-after.txt" "$operation")) / 2" | bc -l)
    fi
    service=${cpu[memory-$endpoint-8]}
    layer+=$'\n'$(printf '| %s | %.1f | %.1f | %.1f |' "${operation:-jwks (no cryptography)}" "$inside" "$service" \
        "$(echo "$service - $inside" | bc -l)")
done
if [ -n "$floor_binary" ]; then
    floor=${cpu[floor-jwks-8]}
    layer+=$'\n'$(printf '| the same JWK Set from a bare Hummingbird server (Benchmarks/HTTPFloor) | 0.0 | %.1f | %.1f |' \
        "$floor" "$floor")
    layer+=$'\n'$(printf '| the service'"'"'s own layers above that floor (jwks less floor) | | | %.1f |' \
        "$(echo "${cpu[memory-jwks-8]} - $floor" | bc -l)")
    floor_post=${cpu[floor-custom-8]}
    layer+=$'\n'$(printf '| a bare Hummingbird server reading custom'"'"'s request body, answering fixed bytes | 0.0 | %.1f | %.1f |' \
        "$floor_post" "$floor_post")
    augment=$(echo "($(speed_us "$results/speed-before.txt" augment) + $(speed_us "$results/speed-after.txt" augment)) / 2" | bc -l)
    layer+=$'\n'$(printf '| custom'"'"'s own layers above the POST floor (custom less augment less that floor) | | | %.1f |' \
        "$(echo "${cpu[memory-custom-8]} - $augment - $floor_post" | bc -l)")
fi
cache="| endpoint at 8 connections (memory store) | cache off (req/s) | cache on (req/s) | on / off |"
cache+=$'\n'"|---|---|---|---|"
for endpoint in verify custom; do
    off=${rate[memory-$endpoint-8]}
    on=${rate[memory-cached-$endpoint-8]}
    cache+=$'\n'$(printf '| %s | %.0f | %.0f | %.2fx |' "$endpoint" "$off" "$on" "$(echo "$on / $off" | bc -l)")
done

{
    echo "Load average (1/5/15 min): $load_start at the start, $load_end at the end; $(nproc) cores."
    echo
    echo "$table"
    echo
    echo "$ratios"
    echo
    echo "$layer"
    echo
    echo "$cache"
    echo
    echo "$memory_report"
} | tee "$results/report.md"
