import ArgumentParser
import AsyncHTTPClient
import Configuration
import Foundation
import JWTClaims
import JWTClaimsHummingbird
import Logging
import ServiceLifecycle
import UnixSignals

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif
// The service's routes come with the trait Hummingbird, which CLI enables.
#if !Hummingbird
#error("jwt-claims serve needs the package trait Hummingbird: build with the default traits")
#endif

/// `jwt-claims serve`: the reference API as an HTTP service (the server contract).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the reference API (issue, custom, refresh, revoke, verify, JWK Set) as an HTTP service.",
        discussion: """
            Every flag may also come from the environment (JWT_CLAIMS_ + the flag's name in capitals, '-' as '_', \
            e.g. JWT_CLAIMS_RATE_LIMIT=20; a repeatable flag's values separated by commas) or from a JSON config \
            file (--config FILE or JWT_CLAIMS_CONFIG; members named like the flags, e.g. {"port": 9000, \
            "signing-key": ["new.pem", "old.pem"]}). Flags win over the environment, the environment over the file. \
            Once it accepts connections it prints one line, 'jwt-claims listening on http://HOST:PORT', to standard \
            output; logs go to standard error. SIGTERM or SIGINT stops it gracefully: requests in flight finish, \
            then it exits 0. Upstream issuers: the n-th --upstream-jwks, --upstream-issuer and --upstream-audience \
            form the n-th upstream (give each the same number of times); `custom` then exchanges a token of that \
            issuer (its aud naming that audience, its signature verified with that JWK Set) for one signed by the \
            service. Exit status 2: bad configuration (no signing key, an unreadable key file, a bad \
            value) or an address it cannot bind.
            """
    )

    @Option(help: ArgumentHelp("The address to bind (default 127.0.0.1).", valueName: "host"))
    var host: String?

    @Option(help: ArgumentHelp("The port to bind (default 8080; 0 picks a free one).", valueName: "n"))
    var port: Int?

    @Option(
        name: .customLong("signing-key"),
        help: ArgumentHelp(
            "A private key (PEM or JWK), repeatable: the first signs, all verify and are published.",
            valueName: "file"
        )
    )
    var signingKeys: [String] = []

    @Option(help: ArgumentHelp("The 'iss' of minted tokens (default http://HOST:PORT).", valueName: "url"))
    var issuer: String?

    @Option(help: ArgumentHelp("The API-key file (JSON; see `jwt-claims apikey new`).", valueName: "file"))
    var apiKeys: String?

    @Option(
        help: ArgumentHelp(
            """
            Where refresh tokens live: memory, sqlite:PATH (default sqlite:\(StoreSpecifier.defaultSQLitePath)) or \
            postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require|verify-ca|verify-full\
            &sslrootcert=PEM&connect_timeout=SECONDS], shared by several instances (sslmode default prefer, which \
            does not authenticate the server: use verify-full across networks). The password never appears in \
            logs or errors.
            """,
            valueName: "store"
        )
    )
    var store: String?

    @Option(help: ArgumentHelp("Access-token lifetime (default 3600).", valueName: "seconds"))
    var accessTokenLifetime: Int?

    @Option(help: ArgumentHelp("Refresh-token lifetime (default 2592000, 30 days).", valueName: "seconds"))
    var refreshTokenLifetime: Int?

    @Option(
        help: ArgumentHelp("Requests per second per API key or client address, burst n (default none).", valueName: "n")
    )
    var rateLimit: Int?

    @Option(help: ArgumentHelp("The largest request body, in bytes (default 65536).", valueName: "n"))
    var maxBodyBytes: Int?

    @Option(help: ArgumentHelp("trace, debug, info (default), notice, warning, error or critical.", valueName: "level"))
    var logLevel: String?

    @Option(
        help: ArgumentHelp(
            """
            Seconds between two runs of the refresh-token housekeeping, which deletes families whose tokens have \
            all expired (default 3600; 0 turns it off). It also runs at start.
            """,
            valueName: "seconds"
        )
    )
    var housekeepingInterval: Int?

    @Option(
        help: ArgumentHelp(
            """
            How many verified tokens the service remembers, so that a token presented again skips its signature \
            check; every claim is still checked on every request (default 10000; 0 turns the cache off).
            """,
            valueName: "count"
        )
    )
    var verifyCacheEntries: Int?

    @Option(
        name: .customLong("upstream-jwks"),
        help: ArgumentHelp(
            "An upstream issuer's JWK Set URL (https; http for loopback only), repeatable, one per upstream.",
            valueName: "url"
        )
    )
    var upstreamJWKS: [String] = []

    @Option(
        name: .customLong("upstream-issuer"),
        help: ArgumentHelp("The 'iss' of that upstream's tokens, repeatable, in the same order.", valueName: "iss")
    )
    var upstreamIssuers: [String] = []

    @Option(
        name: .customLong("upstream-audience"),
        help: ArgumentHelp(
            "The audience that upstream's tokens must name, repeatable, in the same order.",
            valueName: "aud"
        )
    )
    var upstreamAudiences: [String] = []

    @Option(
        name: .customLong("upstream-cool-down"),
        help: ArgumentHelp(
            "The least time between two fetches of an upstream key set (default 30).",
            valueName: "seconds"
        )
    )
    var upstreamCoolDown: Int?

    @Option(
        name: .customLong("upstream-min-cache"),
        help: ArgumentHelp(
            "The least time an upstream key set is cached, whatever its max-age (default 30).",
            valueName: "seconds"
        )
    )
    var upstreamMinCache: Int?

    @Option(
        name: .customLong("upstream-max-stale"),
        help: ArgumentHelp(
            "How long past its cache time an upstream key set is still used while it cannot be fetched (default 3600).",
            valueName: "seconds"
        )
    )
    var upstreamMaxStale: Int?

    @Option(help: ArgumentHelp("A JSON config file (default: JWT_CLAIMS_CONFIG, else none).", valueName: "file"))
    var config: String?

    /// The flags that were given, keyed by their names, for the configuration reader's first provider.
    var givenFlags: [String: ConfigValue] {
        typealias Key = ServeSettings.Key
        var flags: [String: ConfigValue] = [:]
        func set(_ key: String, _ content: ConfigContent?, secret: Bool = false) {
            if let content { flags[key] = ConfigValue(content, isSecret: secret) }
        }
        set(Key.host, host.map(ConfigContent.string))
        set(Key.port, port.map(ConfigContent.int))
        set(Key.signingKey, signingKeys.isEmpty ? nil : .stringArray(signingKeys))
        set(Key.issuer, issuer.map(ConfigContent.string))
        set(Key.apiKeys, apiKeys.map(ConfigContent.string))
        set(Key.store, store.map(ConfigContent.string), secret: true)
        set(Key.accessTokenLifetime, accessTokenLifetime.map(ConfigContent.int))
        set(Key.refreshTokenLifetime, refreshTokenLifetime.map(ConfigContent.int))
        set(Key.rateLimit, rateLimit.map(ConfigContent.int))
        set(Key.maxBodyBytes, maxBodyBytes.map(ConfigContent.int))
        set(Key.logLevel, logLevel.map(ConfigContent.string))
        set(Key.housekeepingInterval, housekeepingInterval.map(ConfigContent.int))
        set(Key.verifyCacheEntries, verifyCacheEntries.map(ConfigContent.int))
        set(Key.upstreamJWKS, upstreamJWKS.isEmpty ? nil : .stringArray(upstreamJWKS))
        set(Key.upstreamIssuer, upstreamIssuers.isEmpty ? nil : .stringArray(upstreamIssuers))
        set(Key.upstreamAudience, upstreamAudiences.isEmpty ? nil : .stringArray(upstreamAudiences))
        set(Key.upstreamCoolDown, upstreamCoolDown.map(ConfigContent.int))
        set(Key.upstreamMinCache, upstreamMinCache.map(ConfigContent.int))
        set(Key.upstreamMaxStale, upstreamMaxStale.map(ConfigContent.int))
        return flags
    }

    func run() async throws {
        let settings = try await ServeSettings.resolve(
            flags: givenFlags,
            configFile: config,
            environment: ProcessInfo.processInfo.environment
        )
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = settings.logLevel
            return handler
        }
        let logger = Logger(label: "jwt-claims")
        // One HTTP client for every upstream key set, made only when there is an upstream, shut down on exit.
        let client = settings.upstreams.isEmpty ? nil : HTTPJWKSetFetcher.makeClient()
        do {
            try await run(settings, logger: logger, fetcher: client.map(HTTPJWKSetFetcher.init(client:)))
        } catch {
            try? await client?.shutdown()
            throw error
        }
        try? await client?.shutdown()
        logger.info("stopped")
    }

    /// Builds and runs the service until SIGTERM or SIGINT.
    private func run(_ settings: ServeSettings, logger: Logger, fetcher: HTTPJWKSetFetcher?) async throws {
        let (configuration, storeServices) = try await ServiceSetup.configuration(
            settings,
            logger: logger,
            fetcher: fetcher
        )
        let application: any Service
        do throws(JWTError) {
            application = try buildApplication(
                configuration: configuration,
                logger: logger,
                services: storeServices
            ) { address in
                // One line, written straight to the descriptor: a pipe would otherwise hold it in a buffer.
                Console.printLine("jwt-claims listening on \(address.url)")
            }
        } catch {
            throw CLIError.badInput(error.reason)
        }
        var group = ServiceGroupConfiguration(
            services: [application],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        group.maximumGracefulShutdownDuration = ServiceSetup.gracefulShutdownLimit
        do {
            try await ServiceGroup(configuration: group).run()
        } catch {
            // Binding failed (the port is taken, the host is not an address of this machine) or a service failed.
            throw CLIError.badInput("the service stopped: \(error)")
        }
    }
}
