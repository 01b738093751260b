#!/usr/bin/env bash
# Proves what a dependent of swift-jwt-claims builds: a throwaway consumer package that depends on this repository
# with `traits: []` and the JWTClaims product alone must resolve (fetch) and build nothing but this package; the
# same for the JWTClaimsWireFormat product alone. Fails, listing what came along, if anything else does.
#
# The consumer depends on a temporary clone of the committed HEAD through a file:// URL and an exact version tag, so
# SwiftPM resolves it as it resolves a real remote dependency (a path dependency would be a root-like local package).
# Uncommitted changes are therefore NOT checked; the script says so when there are any.
#
# Usage: Scripts/check-core-consumer.sh [--default-traits]
#   --default-traits  also resolve (not build) a consumer that does not name traits, and list what it fetched: for
#                     comparison only, never a failure.
# Environment: KEEP_CONSUMER=1 keeps the temporary directory (its path is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
show_default=false
[ "${1:-}" = "--default-traits" ] && show_default=true

work=$(mktemp -d "${TMPDIR:-/tmp}/jwt-claims-consumer.XXXXXX")
if [ "${KEEP_CONSUMER:-}" = 1 ]; then
    echo "keeping $work"
else
    trap 'rm -rf "$work"' EXIT
fi

head=$(git rev-parse HEAD)
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "note: the working tree has uncommitted changes; this checks the committed HEAD ($head) only"
fi
# The clone's directory name is the package identity the consumer names (swift-jwt-claims).
git clone --quiet --no-local "$root" "$work/swift-jwt-claims"
git -C "$work/swift-jwt-claims" -c advice.detachedHead=false checkout --quiet "$head"
git -C "$work/swift-jwt-claims" tag 999.0.0
url="file://$work/swift-jwt-claims"

consumer="$work/consumer"
mkdir -p "$consumer/Sources/App"

# Writes the consumer's manifest and main.swift: one executable target using `product`, with `traits` ("" for the
# dependency's default traits).
write_consumer() {
    local product="$1" traits="$2" probe="$3"
    cat >"$consumer/Package.swift" <<EOF
// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "consumer",
    dependencies: [.package(url: "$url", exact: "999.0.0"$traits)],
    targets: [.executableTarget(name: "App", dependencies: [.product(name: "$product", package: "swift-jwt-claims")])]
)
EOF
    printf 'import %s\n\nprint(%s)\n' "$product" "$probe" >"$consumer/Sources/App/main.swift"
}

# The packages SwiftPM fetched for the consumer: its checkouts and the pins in Package.resolved.
fetched() {
    {
        ls "$consumer/.build/checkouts" 2>/dev/null || true
        if [ -f "$consumer/Package.resolved" ]; then
            python3 -c 'import json,sys; [print(p["identity"]) for p in json.load(open(sys.argv[1])).get("pins", [])]' \
                "$consumer/Package.resolved"
        fi
    } | tr '[:upper:]' '[:lower:]' | sort -u
}

# Fails unless `swift-jwt-claims` is the only package fetched.
check_fetched() {
    local label="$1" packages others
    packages=$(fetched)
    echo "$label: fetched: $(echo $packages)"
    others=$(echo "$packages" | grep -vx 'swift-jwt-claims' | grep -v '^$' || true)
    if [ -n "$others" ]; then
        echo "error: $label fetched more than swift-jwt-claims: $(echo $others)" >&2
        exit 1
    fi
}

# Fails unless every module built is the consumer's or one of this package's core modules.
check_built() {
    local label="$1" modules others
    modules=$(find "$consumer/.build/debug/Modules" -maxdepth 1 -name '*.swiftmodule' -printf '%f\n' 2>/dev/null \
        | sed 's/\.swiftmodule$//' | sort -u)
    echo "$label: built modules: $(echo $modules)"
    if ! echo "$modules" | grep -qx JWTClaims; then
        echo "error: $label: found no JWTClaims module in .build/debug/Modules; has SwiftPM's layout changed?" >&2
        exit 1
    fi
    others=$(echo "$modules" | grep -vxE 'App|JWTClaims|JWTClaimsWireFormat' | grep -v '^$' || true)
    if [ -n "$others" ]; then
        echo "error: $label built more than this package's core: $(echo $others)" >&2
        exit 1
    fi
}

# Runs a SwiftPM command in the consumer, showing its last line, or its log's end when it fails.
run() {
    if ! "$@" >"$work/swiftpm.log" 2>&1; then
        tail -40 "$work/swiftpm.log" >&2
        echo "error: '$*' failed in the consumer package" >&2
        exit 1
    fi
    tail -1 "$work/swiftpm.log"
}

cd "$consumer"
write_consumer JWTClaims ", traits: []" 'JWTError.Code.expired'
run swift package resolve
check_fetched "JWTClaims, traits: []"
run swift build
check_fetched "JWTClaims, traits: [] (after the build)"
check_built "JWTClaims, traits: []"

write_consumer JWTClaimsWireFormat ", traits: []" 'CustomClaimsResponse(token: "t").serialized()'
run swift package resolve
check_fetched "JWTClaimsWireFormat, traits: []"
run swift build
check_built "JWTClaimsWireFormat, traits: []"

if $show_default; then
    rm -rf "$consumer/.build" "$consumer/Package.resolved"
    write_consumer JWTClaims "" 'JWTError.Code.expired'
    run swift package resolve
    echo "JWTClaims, default traits (for comparison): fetched: $(echo $(fetched))"
fi
echo "consumer check passed: a traits: [] dependent of JWTClaims or JWTClaimsWireFormat fetches and builds nothing else"
