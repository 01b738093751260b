#!/usr/bin/env bash
# Builds the DocC catalog in Docs/JWTClaims.docc against the public symbol graph of the JWTClaims module, with
# warnings as errors (a broken ``Symbol`` link fails), and checks that no C pointer type leaks into the public API.
# Usage: Scripts/build-docs.sh [OUTPUT_DIR]   (default: .build/docs)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/docs}"
graphs=".build/docs-symbol-graphs"

# Synthesized members (e.g. RandomAccessCollection's withContiguousStorageIfAvailable on JSONObject) are the standard
# library's, not ours; skipping them keeps the pointer gate about our own declarations.
swift package dump-symbol-graph --minimum-access-level public --skip-synthesized-members >/dev/null
rm -rf "$graphs" && mkdir -p "$graphs"
found=$(find .build -path '*/symbolgraph/JWTClaims.symbols.json' -newer Package.swift | head -1)
[ -n "$found" ] || found=$(find .build -path '*/symbolgraph/JWTClaims.symbols.json' | head -1)
[ -n "$found" ] || { echo "error: no JWTClaims.symbols.json was produced" >&2; exit 1; }
cp "$found" "$graphs/"

# Gate: no OpenSSL (opaque) pointer type may appear in the public API.
if grep -qE 'OpaquePointer|Unsafe[A-Za-z]*Pointer' "$graphs/JWTClaims.symbols.json"; then
    echo "error: a pointer type appears in the public API of JWTClaims:" >&2
    grep -oE '"[^"]*(OpaquePointer|Unsafe[A-Za-z]*Pointer)[^"]*"' "$graphs/JWTClaims.symbols.json" | sort -u >&2
    exit 1
fi

rm -rf "$out"
docc convert Docs/JWTClaims.docc \
    --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name JWTClaims \
    --fallback-bundle-identifier org.swift-jwt-claims.JWTClaims \
    --warnings-as-errors \
    --output-path "$out"
echo "docs: built into $out"
