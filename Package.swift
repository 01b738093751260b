// swift-tools-version:6.2
import PackageDescription

// Settings every Swift target of this package shares.
let swiftSettings: [SwiftSetting] = [
    // SE-0335: spell existential types `any P`, so the cost of an existential is visible.
    .enableUpcomingFeature("ExistentialAny"),
    // SE-0409: imports are internal unless marked public, so no dependency leaks into our API.
    .enableUpcomingFeature("InternalImportsByDefault"),
    // SE-0444: a file sees only the members of modules it imports itself.
    .enableUpcomingFeature("MemberImportVisibility"),
    // SE-0458: every use of an unsafe construct (C calls, raw pointers) must be marked `unsafe`.
    .strictMemorySafety(),
]

let package = Package(
    name: "swift-jwt-claims",
    products: [
        .library(name: "JWTClaims", targets: ["JWTClaims"]),
        // The reference API's JSON bodies, for any HTTP server (Hummingbird, Vapor, ...) to share; depends on
        // JWTClaims alone.
        .library(name: "JWTClaimsWireFormat", targets: ["JWTClaimsWireFormat"]),
        // The embedded refresh-token store. A product of its own so that users of JWTClaims never build GRDB.
        .library(name: "JWTClaimsSQLite", targets: ["JWTClaimsSQLite"]),
        .executable(name: "jwt-claims", targets: ["jwt-claims"]),
    ],
    dependencies: [
        // Argument parsing for the jwt-claims command-line tool only; the JWTClaims library depends on nothing.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SQLite through GRDB (WAL, migrations); only JWTClaimsSQLite uses it. Needs libsqlite3-dev on Linux.
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // The system's OpenSSL 3 (libcrypto). Only Sources/JWTClaims/Signing/OpenSSL/ may import it (CI checks).
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .target(
            name: "JWTClaims",
            dependencies: ["COpenSSL"],
            swiftSettings: swiftSettings
        ),
        // The wire format: request and response bodies of the reference API, decoded strictly over JWTClaims' JSON.
        .target(
            name: "JWTClaimsWireFormat",
            dependencies: ["JWTClaims"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "JWTClaimsSQLite",
            dependencies: ["JWTClaims", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // The command-line tool: thin ArgumentParser commands over small testable types (key files, JSON lines,
        // exit statuses). It may use Foundation (files, standard input, the clock); the library may not.
        .executableTarget(
            name: "jwt-claims",
            dependencies: [
                "JWTClaims", "JWTClaimsWireFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // The refresh-token scenarios every store must pass, written once and run by each store's test target.
        .target(
            name: "RefreshTokenScenarios",
            dependencies: ["JWTClaims", "JWTClaimsWireFormat"],
            path: "Tests/RefreshTokenScenarios",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JWTClaimsTests",
            dependencies: ["JWTClaims", "RefreshTokenScenarios"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JWTClaimsWireFormatTests",
            dependencies: ["JWTClaims", "JWTClaimsWireFormat", "RefreshTokenScenarios"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JWTClaimsSQLiteTests",
            dependencies: [
                "JWTClaims", "JWTClaimsSQLite", "RefreshTokenScenarios",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Depends on the executable so that `swift test` builds the jwt-claims binary the end-to-end tests run.
        .testTarget(
            name: "JWTClaimsCLITests",
            dependencies: ["jwt-claims", "JWTClaims", "JWTClaimsWireFormat"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
