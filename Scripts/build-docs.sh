#!/usr/bin/env bash
# Builds the DocC catalogs in Docs/ against the public symbol graphs of their modules, with warnings as errors (a
# broken ``Symbol`` link fails), and checks that no C pointer type leaks into the public API:
#   Docs/JWTClaims.docc            -> OUTPUT_DIR/JWTClaims            (the library)
#   Docs/JWTClaimsWireFormat.docc  -> OUTPUT_DIR/JWTClaimsWireFormat  (the reference API's bodies; its extension of
#                                     JWTClaims' RefreshTokenService comes from JWTClaimsWireFormat@JWTClaims)
#   Docs/JWTClaimsHummingbird.docc -> OUTPUT_DIR/JWTClaimsHummingbird (the service and the bearer middleware; built
#                                     only with the Hummingbird trait, which is on by default)
# A catalog links only its own module's symbols; it names the other module's in plain code font.
# Usage: Scripts/build-docs.sh [OUTPUT_DIR]   (default: .build/docs)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/docs}"
graphs=".build/docs-symbol-graphs"
modules=(JWTClaims JWTClaimsWireFormat JWTClaimsHummingbird)

# Synthesized members (e.g. RandomAccessCollection's withContiguousStorageIfAvailable on JSONObject) are the standard
# library's, not ours; skipping them keeps the pointer gate about our own declarations.
# dump-symbol-graph also tries the test modules and fails on them when tests are not built; only our library modules
# matter, so its status is not the verdict: graphs written by this run are.
stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
swift package dump-symbol-graph --minimum-access-level public --skip-synthesized-members \
    --emit-extension-block-symbols >/dev/null 2>&1 || true
rm -rf "$graphs" "$out" && mkdir -p "$out"
for module in "${modules[@]}"; do
    mkdir -p "$graphs/$module"
    found=$(find .build -path "*/symbolgraph/$module.symbols.json" -newer "$stamp" | head -1)
    [ -n "$found" ] || { echo "error: no $module.symbols.json was produced" >&2; exit 1; }
    # The module's own graph, and the graphs of its extensions to other modules' types (Module@Other).
    find "$(dirname "$found")" -maxdepth 1 \( -name "$module.symbols.json" -o -name "$module@*.symbols.json" \) \
        -newer "$stamp" -exec cp {} "$graphs/$module/" \;

    # Gate: no OpenSSL (opaque) pointer type may appear in the public API.
    if grep -qE 'OpaquePointer|Unsafe[A-Za-z]*Pointer' "$graphs/$module"/*.json; then
        echo "error: a pointer type appears in the public API of $module:" >&2
        grep -ohE '"[^"]*(OpaquePointer|Unsafe[A-Za-z]*Pointer)[^"]*"' "$graphs/$module"/*.json | sort -u >&2
        exit 1
    fi

    docc convert "Docs/$module.docc" \
        --additional-symbol-graph-dir "$graphs/$module" \
        --fallback-display-name "$module" \
        --fallback-bundle-identifier "org.swift-jwt-claims.$module" \
        --warnings-as-errors \
        --output-path "$out/$module"
done
echo "docs: built into $out (${modules[*]})"
