// swift-tools-version:6.2
import PackageDescription

// A tiny release executable (ES256 and HS256) for instruction counting with valgrind's callgrind
// (Benchmarks/Callgrind/run.sh).
//
// A package of its own, with the core alone (no traits, no benchmark plugin, no competitor), so that it builds in a
// minute and its profile holds nothing but our verify and sign paths. It shares the benchmark key and the reference
// payload with the benchmark package through symbolic links, so every measurement signs and verifies the same token.
let package = Package(
    name: "callgrind-harness",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-jwt-claims", path: "../..", traits: [])
    ],
    targets: [
        .executableTarget(
            name: "CallgrindHarness",
            dependencies: [.product(name: "JWTClaims", package: "swift-jwt-claims")]
        )
    ],
    swiftLanguageModes: [.v6]
)
