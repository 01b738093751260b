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
//   SQLite       GRDB, for JWTClaimsSQLite.
//   Postgres     postgres-nio (with the swift-nio, swift-nio-ssl, swift-log and swift-service-lifecycle products it
//                already depends on), for JWTClaimsPostgres.
//   Hummingbird  hummingbird, hummingbird-auth and swift-log, for JWTClaimsHummingbird (the service's routes and the
//                bearer-token middleware); its tests also use HummingbirdTesting (from the hummingbird package). Also
//                async-http-client and swift-nio-ssl, for its HTTPJWKSetFetcher (the service fetches upstream
//                issuers' key sets; HummingbirdTesting builds both anyway).
//   CLI          swift-argument-parser, swift-configuration (flags, environment and a config file for `serve`),
//                swift-service-lifecycle (graceful shutdown) and swift-system (file paths for swift-configuration), for
//                the jwt-claims tool; enables SQLite and Postgres (the stores `serve` offers) and Hummingbird (`serve`
//                itself). Its end-to-end tests drive `serve` with AsyncHTTPClient (already in the graph through
//                HummingbirdTesting).
// The default traits enable everything, so `swift run jwt-claims demo` and `swift test` work as they are. A user of
// the core writes `traits: []` and resolves nothing but this package; a user of the SQLite store writes
// `traits: ["SQLite"]`, of the PostgreSQL store `traits: ["Postgres"]`, of the service library
// `traits: ["Hummingbird"]` (plus the trait of the store it runs on). A product whose trait is off fails to build
// with an #error naming the trait (the guard stands above each import of a guarded module, where the compiler reports
// it before "no such module").
let traits: Set<Trait> = [
    .trait(
        name: "SQLite",
        description: "The embedded SQLite refresh-token store, product JWTClaimsSQLite (depends on GRDB)."
    ),
    .trait(
        name: "Postgres",
        description: "The PostgreSQL refresh-token store, product JWTClaimsPostgres (depends on postgres-nio)."
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
            swift-service-lifecycle and swift-system); enables SQLite, Postgres and Hummingbird (the tool's stores \
            and its `serve`).
            """,
        enabledTraits: ["SQLite", "Postgres", "Hummingbird"]
    ),
    .default(enabledTraits: ["SQLite", "Postgres", "Hummingbird", "CLI"]),
]

// GRDB, only when the SQLite trait is on.
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift", condition: .when(traits: ["SQLite"]))

// postgres-nio and the products of its own dependencies that JWTClaimsPostgres names (ByteBuffer, the TLS
// configuration, the logger, the Service protocol), only when the Postgres trait is on. None adds a package to the
// graph that postgres-nio does not already bring.
let postgres: [Target.Dependency] = [
    .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Postgres"])),
    .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Postgres"])),
    // Operation deadlines are timers on NIO's event loops (Deadline.swift).
    .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["Postgres"])),
    .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["Postgres"])),
    .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Postgres"])),
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Postgres"])),
]

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
    // Request deadlines are timers on NIO's event loops (Service/Deadline.swift); `serve` runs Swift concurrency on
    // them (JWTClaimsCommand.main).
    .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
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
        // The shared refresh-token store for several instances (trait Postgres), over postgres-nio's connection pool.
        .library(name: "JWTClaimsPostgres", targets: ["JWTClaimsPostgres"]),
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
        // PostgreSQL through postgres-nio (PostgresClient's pool); only JWTClaimsPostgres uses it (trait Postgres).
        // The four after it are postgres-nio's own dependencies, named so the store can use their products.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // The HTTP service and its middleware (trait Hummingbird): the server, hummingbird-auth's authenticator
        // conventions, and swift-http-types (in Hummingbird's graph) for the header types the routes name.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // `jwt-claims serve` (trait CLI): flags, environment and a JSON file in one precedence order, and graceful
        // shutdown on SIGTERM/SIGINT. swift-system gives swift-configuration's file path type.
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        // The HTTP client of the remote JWK Set fetcher (trait Hummingbird) and of the end-to-end tests of
        // `jwt-claims serve` (HummingbirdTesting builds it anyway); the fetcher's TLS settings use swift-nio-ssl, above.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
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
        .target(
            name: "JWTClaimsPostgres",
            dependencies: ["JWTClaims"] + postgres,
            swiftSettings: swiftSettings
        ),
        // The reference API over Hummingbird: routes, errors, API keys, rate limits, CORS, the bearer-token
        // authenticator and the application `jwt-claims serve` runs.
        .target(
            name: "JWTClaimsHummingbird",
            dependencies: ["JWTClaims", "JWTClaimsWireFormat"] + hummingbird + [
                // The Service protocol, for the services the application runs beside the server (the store's pool,
                // the expiry housekeeping); in Hummingbird's graph already.
                .product(
                    name: "ServiceLifecycle",
                    package: "swift-service-lifecycle",
                    condition: .when(traits: ["Hummingbird"])
                )
            ],
            swiftSettings: swiftSettings
        ),
        // The command-line tool: thin ArgumentParser commands over small testable types (key files, JSON lines,
        // exit statuses). It may use Foundation (files, standard input, the clock); the library may not.
        .executableTarget(
            name: "jwt-claims",
            dependencies: [
                "JWTClaims", "JWTClaimsWireFormat", "JWTClaimsSQLite", "JWTClaimsPostgres", "JWTClaimsHummingbird",
            ] + cli + hummingbird,
            swiftSettings: swiftSettings
        ),
        // The refresh-token scenarios every store must pass, written once and run by each store's test target.
        .target(
            name: "RefreshTokenScenarios",
            dependencies: ["JWTClaims", "JWTClaimsWireFormat"],
            path: "Tests/RefreshTokenScenarios",
            swiftSettings: swiftSettings
        ),
        // Runs child processes (Python interop, the CLI, cluster scripts) without blocking the cooperative pool.
        .target(name: "ChildProcess", path: "Tests/ChildProcess", swiftSettings: swiftSettings),
        .testTarget(
            name: "JWTClaimsTests",
            dependencies: ["JWTClaims", "RefreshTokenScenarios", "ChildProcess"],
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
            name: "JWTClaimsPostgresTests",
            // The service library too, for the service's tests on PostgreSQL (outages through HummingbirdTesting).
            dependencies: ["JWTClaims", "JWTClaimsPostgres", "RefreshTokenScenarios", "ChildProcess"] + postgres + [
                "JWTClaimsHummingbird", "JWTClaimsWireFormat", hummingbirdTesting,
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["Hummingbird"])),
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
                "jwt-claims", "JWTClaims", "JWTClaimsWireFormat", "JWTClaimsPostgres", "ChildProcess",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["CLI"])),
                .product(name: "Configuration", package: "swift-configuration", condition: .when(traits: ["CLI"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["CLI"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["CLI"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["CLI"])),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
