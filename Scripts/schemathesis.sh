#!/usr/bin/env bash
# Fuzzes the running `jwt-claims serve` against its committed OpenAPI document (Docs/openapi.json, which the service
# also serves at /openapi.json) with schemathesis: any 5xx, a response that breaks the schema, an undocumented status
# code or content type, or a wrong Allow on 405 fails the run (exit 1).
#
# It installs schemathesis==4.32.5 into a virtual environment (idempotent: an existing one at that version is kept),
# builds jwt-claims, starts `serve --port 0` with a fresh signing key, an API key and the memory store, reads the
# address line, runs a bounded fuzz, and stops the service with SIGTERM (its exit status must be 0).
#
# Usage: Scripts/schemathesis.sh [MAX_EXAMPLES]   (default 25 per operation)
# Environment: SCHEMATHESIS_VENV (default .build/schemathesis-venv), JWT_CLAIMS_BINARY (default: swift build's).
set -euo pipefail
cd "$(dirname "$0")/.."
version=4.32.5
max_examples="${1:-25}"
venv="${SCHEMATHESIS_VENV:-.build/schemathesis-venv}"

if [ "$("$venv/bin/schemathesis" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1)" != "$version" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

binary="${JWT_CLAIMS_BINARY:-}"
if [ -z "$binary" ]; then
    swift build --product jwt-claims >&2
    binary="$(swift build --show-bin-path)/jwt-claims"
fi

work=$(mktemp -d)
pid=""
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$binary" keygen --private-out "$work/signing.pem" >/dev/null
eval "$("$binary" apikey new --file "$work/api-keys.json" | sed 's/^/export /')"
mkfifo "$work/address"
"$binary" serve --port 0 --signing-key "$work/signing.pem" --api-keys "$work/api-keys.json" --store memory \
    --log-level warning >"$work/address" 2>"$work/serve.log" &
pid=$!
read -r -t 120 line <"$work/address" || { echo "error: serve printed no address line" >&2; cat "$work/serve.log" >&2; exit 1; }
url=$(grep -oE 'http://[^ ]+' <<<"$line")
echo "service at $url"

status=0
"$venv/bin/schemathesis" --config-file Scripts/schemathesis.toml run Docs/openapi.json --url "$url" \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance,response_headers_conformance,allow_header_conformance,unsupported_method \
    --max-examples "$max_examples" --seed 1 --workers 1 --no-color \
    -H "API_KEY_ID: $API_KEY_ID" -H "API_SECRET_KEY: $API_SECRET_KEY" || status=$?

kill -TERM "$pid"
serve_status=0
wait "$pid" || serve_status=$?
pid=""
if [ "$serve_status" -ne 0 ]; then
    echo "error: serve exited $serve_status after SIGTERM" >&2
    cat "$work/serve.log" >&2
    exit 1
fi
if grep -q "$API_SECRET_KEY" "$work/serve.log"; then
    echo "error: the API secret appears in the service's log" >&2
    exit 1
fi
exit "$status"
