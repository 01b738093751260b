#!/usr/bin/env bash
# The refresh grant through the running `jwt-claims serve`, on each store in one run: memory, SQLite, PostgreSQL with
# one instance and PostgreSQL with two instances sharing the database, at 1, 8 and 32 concurrent clients (wrk
# connections, each presenting the successor its last answer carried). Prints a Markdown table of refreshes per
# second and p50/p99 latency, and the PostgreSQL statements per refresh: pg_stat_statements' calls on the store's table
# before and after the PostgreSQL runs, less one insert per issued token, divided by the refreshes wrk completed.
#
# Two instances: two wrk processes at once, one per instance, each with half the clients (1 client: instance A
# only); requests/s is their sum, p50/p99 the larger of the two.
#
# Where the time goes, per cell: how busy the whole machine was (from /proc/stat: 100% means no core was ever idle,
# so another instance cannot add throughput), and the CPU time per refresh of the service processes, of PostgreSQL's
# processes and of wrk (from /proc/PID/stat), so that a cell can be read as CPU-bound or waiting (on commits, on the
# network stack, on locks).
#
# Usage: eval "$(Scripts/postgres-cluster.sh setup)"; Scripts/bench-refresh-stores.sh [SECONDS]   (default 10)
# Environment: JWT_CLAIMS_BINARY (default: `swift build -c release`'s jwt-claims), JWT_CLAIMS_TEST_POSTGRES_URL and
# JWT_CLAIMS_TEST_POSTGRES_CLUSTER_DIR (from the cluster script). Needs wrk and curl. Raw output: .build/bench-refresh/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
: "${JWT_CLAIMS_TEST_POSTGRES_URL:?run eval \"\$(Scripts/postgres-cluster.sh setup)\" first}"
: "${JWT_CLAIMS_TEST_POSTGRES_CLUSTER_DIR:?run eval \"\$(Scripts/postgres-cluster.sh setup)\" first}"
binary="${JWT_CLAIMS_BINARY:-}"
if [ -z "$binary" ]; then
    swift build -c release --product jwt-claims >&2
    binary="$(swift build -c release --show-bin-path)/jwt-claims"
fi
results="$PWD/.build/bench-refresh"
rm -rf "$results" && mkdir -p "$results"
work=$(mktemp -d)
pids=()
started=0
stop_all() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    pids=()
}
trap 'stop_all; rm -rf "$work"' EXIT
export WRK_LUA_DIR="$PWD/Benchmarks/wrk"
psql() { PG_CLUSTER_DIR="$JWT_CLAIMS_TEST_POSTGRES_CLUSTER_DIR" Scripts/postgres-cluster.sh psql -XAtq "$@"; }

"$binary" keygen --private-out "$work/signing.pem" >/dev/null
eval "$("$binary" apikey new --file "$work/api-keys.json" | sed 's/^/export /')"

# Starts an instance on `store`, appending its URL to `urls`.
start() {
    local store="$1" fifo
    started=$((started + 1))
    fifo="$work/address-$started"
    mkfifo "$fifo"
    "$binary" serve --port 0 --signing-key "$work/signing.pem" --api-keys "$work/api-keys.json" --store "$store" \
        --issuer https://bench.example --log-level warning --housekeeping-interval 0 \
        >"$fifo" 2>>"$results/serve.log" &
    pids+=($!)
    local line
    read -r -t 120 line <"$fifo"
    urls+=("$(grep -oE 'http://[^ ]+' <<<"$line")")
}

# Issues `count` refresh tokens through `url` into `file`, one per line.
issue_tokens() {
    local url="$1" count="$2" file="$3"
    : >"$file"
    for _ in $(seq "$count"); do
        curl -sf "$url/api/v0/token/issue" -H 'Content-Type: application/json' -H "API_KEY_ID: $API_KEY_ID" \
            -H "API_SECRET_KEY: $API_SECRET_KEY" -d '{"claims":{"sub":"248289761001","name":"Jane Doe"}}' |
            python3 -c 'import json,sys; print(json.load(sys.stdin)["refresh_token"])' >>"$file"
    done
}

# One wrk run of the refresh grant against `url` with `connections`; prints its RESULT line.
run_wrk() {
    local url="$1" connections="$2" tag="$3" threads
    threads=$((connections < 2 ? 1 : 2))
    REFRESH_TOKENS_FILE="$work/tokens-$tag" WRK_THREADS=$threads
    export REFRESH_TOKENS_FILE WRK_THREADS
    # One spare token per thread: wrk calls request() once before the run to check the request, which takes one of
    # the first thread's tokens (Benchmarks/wrk/refresh.lua hands out one per connection, so without a spare a chain
    # would start with "exhausted" and every request of it would be a 400).
    issue_tokens "$url" $((connections + threads)) "$REFRESH_TOKENS_FILE"
    cpu_snapshot >"$work/$tag.before"
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s Benchmarks/wrk/refresh.lua \
        "$url/api/v0/token/$API_KEY_ID" >"$results/$tag.txt"
    cpu_snapshot >"$work/$tag.after"
    grep '^RESULT' "$results/$tag.txt"
}

field() { sed -E "s/.*$1=([0-9.]+).*/\\1/" <<<"$2"; }

ticks_per_second=$(getconf CLK_TCK)
# "total idle" jiffies of the whole machine, from the first line of /proc/stat (idle includes iowait).
machine_ticks() { awk '/^cpu / { total = 0; for (i = 2; i <= NF; i++) total += $i; print total, $5 + $6 }' /proc/stat; }
# User plus system jiffies of the processes whose ids are the arguments (ones that are gone count 0).
process_ticks() {
    local sum=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] || continue
        # Fields 14 and 15 of /proc/PID/stat, counted after the ")" that ends the command name.
        sum=$((sum + $(sed -E 's/^.*\) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')))
    done
    echo "$sum"
}
postgres_pids() { pgrep -x postgres || true; }
# A snapshot: machine ticks, then the service instances' ticks and PostgreSQL's (wrk and the rest are the busy time
# left over).
cpu_snapshot() {
    echo "$(machine_ticks) $(process_ticks "${pids[@]}") $(process_ticks $(postgres_pids))"
}
# Prints "busy% service_ms postgres_ms" per refresh between two snapshots, for `requests` refreshes.
cpu_report() {
    local before=($1) after=($2) requests=$3
    local total=$((after[0] - before[0])) idle=$((after[1] - before[1]))
    local ms_per_tick
    ms_per_tick=$(echo "1000 / $ticks_per_second" | bc -l)
    printf '%.0f %.3f %.3f' "$(echo "100 * ($total - $idle) / $total" | bc -l)" \
        "$(echo "(${after[2]} - ${before[2]}) * $ms_per_tick / $requests" | bc -l)" \
        "$(echo "(${after[3]} - ${before[3]}) * $ms_per_tick / $requests" | bc -l)"
}

table="| store | instances | clients | refreshes/s | p50 (ms) | p99 (ms) | errors | of which non-2xx |"
table+=" machine CPU busy | service CPU ms/refresh | PostgreSQL CPU ms/refresh |"
table+=$'\n'"|---|---|---|---|---|---|---|---|---|---|---|"
row() {
    local line
    line=$(printf '| %s | %d | %d | %.0f | %.2f | %.2f | %d | %d | %s%% | %s | %s |' "$1" "$2" "$3" "$4" \
        "$(echo "$5 / 1000" | bc -l)" "$(echo "$6 / 1000" | bc -l)" "$7" "$8" "$9" "${10}" "${11}")
    echo "$line" >&2
    table+=$'\n'"$line"
}

statement_calls() {
    psql -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query ILIKE '%refresh_token%'
        AND query NOT ILIKE '%pg_stat_statements%'"
}
# BEGIN and COMMIT around each write (only the service uses the cluster while this runs).
transaction_calls() {
    psql -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query IN ('BEGIN', 'COMMIT')"
}
# How many tokens run_wrk issues for `connections` (one per connection and one spare per wrk thread).
issued_for() { echo $(($1 + ($1 < 2 ? 1 : 2))); }
pg_refreshes=0 pg_issued=0 pg_statements_before="" pg_transactions_before=""
for setup in memory:1 sqlite:1 postgres:1 postgres:2; do
    label=${setup%%:*} instances=${setup##*:}
    case "$label" in
    memory) store=memory ;;
    sqlite) store="sqlite:$work/tokens.sqlite" ;;
    postgres) store="$JWT_CLAIMS_TEST_POSTGRES_URL" ;;
    esac
    urls=()
    for _ in $(seq "$instances"); do start "$store"; done
    if [ "$label" = postgres ] && [ -z "$pg_statements_before" ]; then
        pg_statements_before=$(statement_calls) pg_transactions_before=$(transaction_calls)
    fi
    for clients in 1 8 32; do
        tag="$label-$instances-$clients"
        if [ "$instances" -eq 1 ] || [ "$clients" -eq 1 ]; then
            result=$(run_wrk "${urls[0]}" "$clients" "$tag")
            requests=$(field requests "$result") issued=$(issued_for "$clients")
            read -r busy service_ms postgres_ms <<<"$(cpu_report "$(cat "$work/$tag.before")" \
                "$(cat "$work/$tag.after")" "$requests")"
            row "$label" "$instances" "$clients" "$(field rps "$result")" "$(field p50_us "$result")" \
                "$(field p99_us "$result")" "$(field errors "$result")" "$(field non2xx "$result")" \
                "$busy" "$service_ms" "$postgres_ms"
        else
            half=$((clients / 2))
            # Both at once; each first issues its own tokens (a fraction of a second of the run).
            run_wrk "${urls[0]}" "$half" "$tag-a" >"$work/$tag-a.result" &
            first=$!
            run_wrk "${urls[1]}" "$half" "$tag-b" >"$work/$tag-b.result" &
            second=$!
            wait "$first" "$second"
            a=$(cat "$work/$tag-a.result") b=$(cat "$work/$tag-b.result")
            rps=$(echo "$(field rps "$a") + $(field rps "$b")" | bc -l)
            p50=$(printf '%s\n%s\n' "$(field p50_us "$a")" "$(field p50_us "$b")" | sort -n | tail -n 1)
            p99=$(printf '%s\n%s\n' "$(field p99_us "$a")" "$(field p99_us "$b")" | sort -n | tail -n 1)
            errors=$(($(field errors "$a") + $(field errors "$b")))
            non2xx=$(($(field non2xx "$a") + $(field non2xx "$b")))
            requests=$(($(field requests "$a") + $(field requests "$b"))) issued=$((2 * $(issued_for "$half")))
            # The window from the earlier start to the later end of the two runs.
            before=$(sort -n "$work/$tag-a.before" "$work/$tag-b.before" | head -n 1)
            after=$(sort -n "$work/$tag-a.after" "$work/$tag-b.after" | tail -n 1)
            read -r busy service_ms postgres_ms <<<"$(cpu_report "$before" "$after" "$requests")"
            row "$label" "$instances" "$clients" "$rps" "$p50" "$p99" "$errors" "$non2xx" \
                "$busy" "$service_ms" "$postgres_ms"
        fi
        if [ "$label" = postgres ]; then
            pg_refreshes=$((pg_refreshes + requests)) pg_issued=$((pg_issued + issued))
        fi
    done
    stop_all
done

pg_statements=$(($(statement_calls) - pg_statements_before))
pg_transactions=$(($(transaction_calls) - pg_transactions_before))
echo "$table" | tee "$results/table.md"
echo
{
    printf 'PostgreSQL: %d statements on refresh_token for %d issues and %d refreshes: %.2f per refresh;\n' \
        "$pg_statements" "$pg_issued" "$pg_refreshes" "$(echo "($pg_statements - $pg_issued) / $pg_refreshes" | bc -l)"
    printf 'and %d BEGIN or COMMIT: %.2f per refresh (each issue has one pair too).\n' "$pg_transactions" \
        "$(echo "($pg_transactions - 2 * $pg_issued) / $pg_refreshes" | bc -l)"
} | tee "$results/statements.txt"
