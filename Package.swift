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

// What a dependent builds (SE-0450 package traits). A dependency guarded by a trait (`condition: .when(traits:)`) is
// neither fetched nor built unless the trait is on; unguarded dependencies are fetched by every dependent, whatever
// product it uses (measured with SwiftPM 6.3.1, Scripts/check-core-consumer.sh proves it in CI). So every package
// dependency is guarded:
//   SQLite  GRDB, for JWTClaimsSQLite.
//   CLI          swift-argument-parser, swift-configuration (flags, environment and a config file for `serve`),
//                swift-service-lifecycle (graceful shutdown) and swift-system (file paths for swift-configuration), for
//                the jwt-claims tool; enables SQLite (the tool's stores) and Hummingbird (the tool's `serve`). Its
//                end-to-end tests drive `serve` with AsyncHTTPClient (already in the graph through HummingbirdTesting).
//   Hummingbird  hummingbird, hummingbird-auth and swift-log, for JWTClaimsHummingbird (the service's routes and the
//                bearer-token middleware); its tests also use HummingbirdTesting (from the hummingbird package). Also
//                async-http-client and swift-nio-ssl, for its HTTPJWKSetFetcher (the service fetches upstream
//                issuers' key sets; HummingbirdTesting builds both anyway).
// The default traits enable everything, so `swift run jwt-claims demo` and `swift test` work as they are. A user of
// the core writes `traits: []` and resolves nothing but this package; a user of the SQLite store writes
// `traits: ["SQLite"]`. A product whose trait is off fails to build with an #error naming the trait (the guard
// stands above each import of a guarded module, where the compiler reports it before "no such module").
// Planned: "Postgres" (postgres-nio) joins here with its product, and the defaults.
let traits: Set<Trait> = [
    .trait(
        name: "SQLite",
        description: "The embedded SQLite refresh-token store, product JWTClaimsSQLite (depends on GRDB)."
    ),
    .trait(
        name: "Hummingbird",
        description: """
            The HTTP service, the bearer-token middleware and the AsyncHTTPClient JWK Set fetcher, product \
            JWTClaimsHummingbird (depends on hummingbird, hummingbird-auth, swift-log, async-http-client and \
            swift-nio-ssl).
            """
    ),
    .trait(
        name: "CLI",
        description: """
            The jwt-claims command-line tool (depends on swift-argument-parser, swift-configuration, \
            swift-service-lifecycle and swift-system); enables SQLite and Hummingbird (the tool's stores and its \
            `serve`).
            """,
        enabledTraits: ["SQLite", "Hummingbird"]
    ),
    .default(enabledTraits: ["SQLite", "Hummingbird", "CLI"]),
]

// GRDB, only when the SQLite trait is on.
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift", condition: .when(traits: ["SQLite"]))

// Hummingbird's products, only when the Hummingbird trait is on.
let hummingbird: [Target.Dependency] = [
    .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
    .product(name: "HummingbirdCore", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
    .product(name: "HummingbirdAuth", package: "hummingbird-auth", condition: .when(traits: ["Hummingbird"])),
    .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Hummingbird"])),
    // Already in Hummingbird's graph; named so that files import the types they use (SE-0444).
    .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["Hummingbird"])),
    .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
    // The remote JWK Set fetcher (HTTPJWKSetFetcher): the HTTP client, its TLS settings and its header type.
    .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["Hummingbird"])),
    .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["Hummingbird"])),
    .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
]
let hummingbirdTesting = Target.Dependency.product(
    name: "HummingbirdTesting",
    package: "hummingbird",
    condition: .when(traits: ["Hummingbird"])
)

// The command-line tool's own packages, only when the CLI trait is on.
let cli: [Target.Dependency] = [
    .product(name: "ArgumentParser", package: "swift-argument-parser", condition: .when(traits: ["CLI"])),
    .product(name: "Configuration", package: "swift-configuration", condition: .when(traits: ["CLI"])),
    .product(name: "SystemPackage", package: "swift-system", condition: .when(traits: ["CLI"])),
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["CLI"])),
    .product(name: "UnixSignals", package: "swift-service-lifecycle", condition: .when(traits: ["CLI"])),
]

let package = Package(
    name: "swift-jwt-claims",
    products: [
        .library(name: "JWTClaims", targets: ["JWTClaims"]),
        // The reference API's JSON bodies, for any HTTP server (Hummingbird, Vapor, ...) to share; depends on
        // JWTClaims alone.
        .library(name: "JWTClaimsWireFormat", targets: ["JWTClaimsWireFormat"]),
        // The embedded refresh-token store (trait SQLite). A product of its own so that users of JWTClaims never
        // build GRDB.
        .library(name: "JWTClaimsSQLite", targets: ["JWTClaimsSQLite"]),
        // The reference API as Hummingbird routes, the service's application and the bearer-token middleware
        // (trait Hummingbird).
        .library(name: "JWTClaimsHummingbird", targets: ["JWTClaimsHummingbird"]),
        // The command-line tool (trait CLI).
        .executable(name: "jwt-claims", targets: ["jwt-claims"]),
    ],
    traits: traits,
    dependencies: [
        // Argument parsing for the jwt-claims command-line tool only (trait CLI); the JWTClaims library depends on
        // nothing.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SQLite through GRDB (WAL, migrations); only JWTClaimsSQLite uses it (trait SQLite). Needs libsqlite3-dev
        // on Linux.
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        // The HTTP service and its middleware (trait Hummingbird): the server, hummingbird-auth's authenticator
        // conventions, and swift-log for the request log.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        // `jwt-claims serve` (trait CLI): flags, environment and a JSON file in one precedence order, and graceful
        // shutdown on SIGTERM/SIGINT. swift-system gives swift-configuration's file path type.
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        // The HTTP client of the remote JWK Set fetcher (trait Hummingbird) and of the end-to-end tests of
        // `jwt-claims serve` (HummingbirdTesting builds it anyway); swift-nio-ssl for the fetcher's TLS settings.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
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
            dependencies: ["JWTClaims", grdb],
            swiftSettings: swiftSettings
        ),
        // The reference API over Hummingbird: routes, errors, API keys, rate limits, CORS, the bearer-token
        // authenticator and the application `jwt-claims serve` runs.
        .target(
            name: "JWTClaimsHummingbird",
            dependencies: ["JWTClaims", "JWTClaimsWireFormat"] + hummingbird,
            swiftSettings: swiftSettings
        ),
        // The command-line tool: thin ArgumentParser commands over small testable types (key files, JSON lines,
        // exit statuses). It may use Foundation (files, standard input, the clock); the library may not.
        .executableTarget(
            name: "jwt-claims",
            dependencies: ["JWTClaims", "JWTClaimsWireFormat", "JWTClaimsSQLite", "JWTClaimsHummingbird"]
                + cli + hummingbird,
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
                "JWTClaims", "JWTClaimsSQLite", "RefreshTokenScenarios", grdb,
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JWTClaimsHummingbirdTests",
            dependencies: ["JWTClaims", "JWTClaimsWireFormat", "JWTClaimsHummingbird", hummingbirdTesting]
                + hummingbird,
            swiftSettings: swiftSettings
        ),
        // Depends on the executable so that `swift test` builds the jwt-claims binary the end-to-end tests run.
        .testTarget(
            name: "JWTClaimsCLITests",
            dependencies: [
                "jwt-claims", "JWTClaims", "JWTClaimsWireFormat",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["CLI"])),
                .product(name: "Configuration", package: "swift-configuration", condition: .when(traits: ["CLI"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["CLI"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["CLI"])),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
