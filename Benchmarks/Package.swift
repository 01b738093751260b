// swift-tools-version:6.2
import PackageDescription

// The benchmarks of swift-jwt-claims, measured beside Foundation, vapor/jwt-kit and OpenSSL.
//
// A package of its own so that the library's manifest never names a benchmark or competitor dependency.
// Run it with `Scripts/bench.sh` at the repository root (see Docs/Benchmarks.md); CI only builds it:
// `swift build --package-path Benchmarks -c release`.

// The benchmark targets: each lives in Benchmarks/<name>/, where the benchmark plugin looks for them.
let benchmarkTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("Base64URLBenchmarks", [.product(name: "JWTClaims", package: "swift-jwt-claims")]),
    ("JSONBenchmarks", [.product(name: "JWTClaims", package: "swift-jwt-claims")]),
    ("ES256Benchmarks", [.product(name: "JWTClaims", package: "swift-jwt-claims")]),
    ("VerifyCacheBenchmarks", [.product(name: "JWTClaims", package: "swift-jwt-claims")]),
    (
        "AlgorithmBenchmarks",
        [
            .product(name: "JWTKit", package: "jwt-kit"), "JWTKitFixtures",
            .product(name: "JWTClaims", package: "swift-jwt-claims"),
        ]
    ),
    (
        "JWTKitBenchmarks",
        [
            .product(name: "JWTKit", package: "jwt-kit"), "JWTKitFixtures",
            .product(name: "JWTClaims", package: "swift-jwt-claims"),
        ]
    ),
    (
        "RefreshBenchmarks",
        [
            .product(name: "JWTClaims", package: "swift-jwt-claims"),
            .product(name: "JWTClaimsSQLite", package: "swift-jwt-claims"),
        ]
    ),
]

let package = Package(
    name: "swift-jwt-claims-benchmarks",
    // The benchmark package and jwt-kit need macOS 13; Synchronization (Mutex) needs macOS 15.
    platforms: [.macOS(.v15)],
    dependencies: [
        // The core and the SQLite store (trait SQLite); not the command-line tool's swift-argument-parser.
        .package(name: "swift-jwt-claims", path: "..", traits: ["SQLite"]),
        // On Swift 6.3 for Linux the benchmark package's default traits include "RuntimeInterposer", whose
        // dependency (swift-runtime-interposer) serves only the ARC metrics (retainCount, releaseCount). Naming
        // just "MallocInterposer" keeps the malloc metrics and leaves that dependency out of resolution.
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
    ],
    targets: [
        // Inputs shared by every benchmark: the reference payloads, the benchmark key, deterministic bytes, and the
        // configuration every target starts from.
        .target(name: "BenchmarkFixtures", dependencies: [.product(name: "Benchmark", package: "benchmark")]),
        // The reference claims as a typed jwt-kit payload, for every benchmark that runs jwt-kit.
        .target(name: "JWTKitFixtures", dependencies: [.product(name: "JWTKit", package: "jwt-kit")]),
    ]
        + benchmarkTargets.map { target in
            .executableTarget(
                name: target.name,
                dependencies: target.dependencies + [
                    "BenchmarkFixtures",
                    .product(name: "Benchmark", package: "benchmark"),
                ],
                path: "Benchmarks/\(target.name)",
                plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
            )
        },
    swiftLanguageModes: [.v6]
)
