import FoundationEssentials
public import JWTClaims

/// Everything the service needs, read once at the edge (flags, environment, a file) and handed in as plain values:
/// no route reads the environment.
///
/// ```swift
/// var configuration = try ServiceConfiguration(
///     signingKeys: [SigningKey(key: privateKey)],
///     issuer: "https://auth.example",
///     apiKeys: try APIKeySet(parsing: keyFileBytes),
///     store: InMemoryRefreshTokenStore()
/// )
/// configuration.rateLimit = RateLimit(requestsPerSecond: 20)
/// let app = try buildApplication(configuration: configuration, logger: logger)
/// ```
public struct ServiceConfiguration: Sendable {
    /// The signing keys: the first signs, all verify and are published in the JWK Set. Never empty.
    public private(set) var signingKeys: [SigningKey]
    /// The `iss` of every token the service mints.
    public var issuer: String
    /// The API keys that may call the service.
    public var apiKeys: APIKeySet
    /// Where refresh tokens live; the routes see only this protocol (memory, SQLite, PostgreSQL are the caller's
    /// choice). A store that runs a service of its own (`PostgresRefreshTokenStore`'s connection pool) is passed to
    /// ``buildApplication(configuration:logger:services:onServerRunning:)`` as one of its `services` too. A store
    /// failure (`storeFailure`) is answered 503 `temporarily_unavailable` with `Retry-After`, and `/healthz` asks
    /// the store's `checkAvailability()`.
    public var store: any RefreshTokenStore

    /// The host to bind (default `127.0.0.1`).
    public var host: String = "127.0.0.1"
    /// The port to bind (default 8080; 0 binds any free port, reported to `onServerRunning`).
    public var port: Int = 8080

    /// How long a minted access token lives (default one hour).
    public var accessTokenLifetime: Duration = .seconds(3600)
    /// How long a refresh token lives from its issue (default 30 days). Each rotation starts a new lifetime for the
    /// successor, so a family stays alive while it is used at least once per lifetime (sliding expiry).
    public var refreshTokenLifetime: Duration = .seconds(30 * 24 * 3600)
    /// The rate limit, or nil for none (the default).
    public var rateLimit: RateLimit?
    /// The largest request body accepted, in bytes (default 65536); a larger one gets 413 `request_too_large`
    /// without being read whole.
    public var maximumBodyBytes: Int = 65536
    /// How far clocks may disagree when checking an access token's `exp`, `nbf` and `iat` (default 30 seconds).
    public var leeway: Duration = .seconds(30)
    /// How long a client may take to send a request body once its headers have arrived (default 10 seconds); a
    /// slower one gets 408 `request_timeout` and its connection is closed.
    public var bodyReadTimeout: Duration = .seconds(10)
    /// How long a connection may stay silent (no request bytes, no response in progress) before it is closed
    /// (default 30 seconds). It also bounds how long a client may take to send its request headers.
    public var idleTimeout: Duration = .seconds(30)
    /// The `max-age` of the JWK Set's `Cache-Control` (default 300 seconds): clients cache the keys this long, so a
    /// new signing key should be published (second in the list) at least this long before it signs.
    public var keySetMaxAge: Duration = .seconds(300)
    /// How long a browser may cache a CORS preflight answer, `Access-Control-Max-Age` (default 600 seconds).
    public var preflightMaxAge: Duration = .seconds(600)
    /// The rules `/api/v0/token/custom` merges attributes under (default: the augmenter's defaults, protecting the
    /// registered and OpenID Connect claims).
    public var augmentationPolicy = AugmentationPolicy()
    /// How often the service deletes the refresh tokens of families whose every token has expired (default hourly;
    /// nil turns it off, for example when a job of its own does it): ``RefreshTokenHousekeeping``, run by the
    /// application at start and then after each interval. Instances that share a database may all run it.
    public var housekeepingInterval: Duration? = .seconds(3600)
    /// Identity providers whose tokens `custom` exchanges (verified with their remote key sets, re-signed by the
    /// service), in order; none by default. A token whose `iss` is none of theirs is handled as before: it must be
    /// one of the service's own.
    public var upstreamIssuers: [UpstreamIssuer] = []
    /// The cache of verified tokens that the service's verifiers share (`JWTVerificationCache`): a token
    /// presented again (to `verify`, or a refresh token's access token) skips the signature check, while every claim
    /// is checked again at each request's time. On by default at the cache's default bounds, 10,000 tokens and 16 MiB;
    /// nil turns it off. Its `JWTVerificationCache.statistics` can be exported to metrics.
    public var verificationCache: JWTVerificationCache? = JWTVerificationCache()
    /// The clock: the current time for every check and mint. Tests inject a fixed one.
    public var now: @Sendable () -> NumericDate = { NumericDate(Date()) }

    /// A configuration with the given keys, issuer, API keys and store, and defaults for everything else.
    ///
    /// - Throws: `invalidKey` when `signingKeys` is empty or two keys share a key id.
    public init(
        signingKeys: [SigningKey],
        issuer: String,
        apiKeys: APIKeySet,
        store: any RefreshTokenStore
    ) throws(JWTError) {
        try Self.check(signingKeys)
        self.signingKeys = signingKeys
        self.issuer = issuer
        self.apiKeys = apiKeys
        self.store = store
    }

    /// Replaces the signing keys (the first signs).
    ///
    /// - Throws: `invalidKey` when `keys` is empty or two keys share a key id.
    public mutating func setSigningKeys(_ keys: [SigningKey]) throws(JWTError) {
        try Self.check(keys)
        signingKeys = keys
    }

    private static func check(_ keys: [SigningKey]) throws(JWTError) {
        guard !keys.isEmpty else {
            throw JWTError(
                code: .invalidKey,
                reason: "the service needs at least one signing key (make one with `jwt-claims keygen`)"
            )
        }
        var seen: Set<String> = []
        for key in keys where !seen.insert(key.keyID).inserted {
            throw JWTError(code: .invalidKey, reason: "two signing keys share the key id \(JWTError.quoted(key.keyID))")
        }
    }
}
