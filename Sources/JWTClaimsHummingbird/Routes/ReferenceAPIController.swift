public import Hummingbird
public import JWTClaims

/// The reference API's routes, to mount on any Hummingbird router with your own keys and store.
///
/// ```swift
/// let router = Router(context: AppContext.self)          // AppContext: RemoteAddressRequestContext
/// let api = try ReferenceAPIController<AppContext>(configuration: configuration)
/// api.addRoutes(to: router)
/// ```
///
/// The routes are those of the service contract: `POST /api/v0/token/issue`, `/custom`, `/revoke` and
/// `/{API_KEY_ID}` (the refresh grant), `POST /verify`, `GET /api/v0/token/jwks` and `/.well-known/jwks.json`,
/// `GET /healthz` and `GET /openapi.json`, each with an `OPTIONS` route answering CORS preflights. The controller
/// itself authenticates API keys, enforces each key's allowed origins, applies the rate limit, reads bodies within
/// the size limit and the body-read deadline, and answers every failure with the contract's JSON error.
/// ``buildApplication(configuration:logger:services:onServerRunning:)`` adds what only a whole application can: JSON 404 and
/// 405 with `Allow`, 413 that closes the connection instead of draining an oversized body, request logs, and a JSON
/// 500 for anything unexpected.
public struct ReferenceAPIController<Context: RemoteAddressRequestContext>: Sendable {
    /// The configuration the routes serve.
    public let configuration: ServiceConfiguration
    let keys: ServiceKeys
    /// The verifiers of the service's own tokens, made once so that the verification cache serves repeat tokens.
    let verifiers: ServiceVerifiers
    let authenticator: ClientAuthenticator
    let rateLimiter: RateLimiter?

    /// A controller for `configuration`.
    ///
    /// - Throws: `invalidKey` when the configuration has no signing key.
    public init(configuration: ServiceConfiguration) throws(JWTError) {
        self.configuration = configuration
        self.keys = try ServiceKeys(configuration.signingKeys)
        self.verifiers = ServiceVerifiers(
            keySet: keys.keySet,
            apiKeys: configuration.apiKeys,
            leeway: configuration.leeway,
            cache: configuration.verificationCache
        )
        self.authenticator = ClientAuthenticator(apiKeys: configuration.apiKeys)
        self.rateLimiter = configuration.rateLimit.map { RateLimiter(limit: $0) }
    }

    /// Adds every route of the reference API to `router`, at the paths above, relative to it.
    ///
    /// - Parameter router: A router, or a group of one (`router.group("auth")` mounts under `/auth`).
    public func addRoutes(to router: some RouterMethods<Context>) {
        let token = router.group(RouterPath(Self.tokenPath))
        token.post(RouterPath(Self.issueSegment)) { request, context in
            try await respond(to: request, context) { try await issue(request, context) }
        }
        token.post(RouterPath(Self.customSegment)) { request, context in
            try await respond(to: request, context) { try await custom(request, context) }
        }
        token.post(RouterPath(Self.revokeSegment)) { request, context in
            try await respond(to: request, context) { try await revoke(request, context) }
        }
        token.get(RouterPath(Self.jwksSegment)) { request, context in
            try await respond(to: request, context, cors: .public) { keySet() }
        }
        token.post(RouterPath("{\(Self.keyIDParameter)}")) { request, context in
            try await respond(to: request, context) { try await refresh(request, context) }
        }
        router.post(RouterPath(Self.verifyPath)) { request, context in
            try await respond(to: request, context) { try await verify(request, context) }
        }
        router.get(RouterPath(Self.wellKnownJWKSPath)) { request, context in
            try await respond(to: request, context, cors: .public) { keySet() }
        }
        router.get(RouterPath(Self.healthPath)) { request, context in
            try await respond(to: request, context, cors: .public) { await health() }
        }
        router.get(RouterPath(Self.openAPIPath)) { request, context in
            try await respond(to: request, context, cors: .public) { openAPIDocument() }
        }
        addPreflightRoutes(to: router, token: token)
    }

    // MARK: Paths (the OpenAPI document and the tests use the same constants)

    /// The prefix of the token endpoints.
    static var tokenPath: String { "api/v0/token" }
    /// `issue`.
    static var issueSegment: String { "issue" }
    /// `custom`.
    static var customSegment: String { "custom" }
    /// `revoke`.
    static var revokeSegment: String { "revoke" }
    /// `jwks`.
    static var jwksSegment: String { "jwks" }
    /// The refresh path's parameter.
    static var keyIDParameter: String { "apiKeyID" }
    /// `verify`.
    static var verifyPath: String { "verify" }
    /// `.well-known/jwks.json`.
    static var wellKnownJWKSPath: String { ".well-known/jwks.json" }
    /// `healthz`.
    static var healthPath: String { "healthz" }
    /// `openapi.json`.
    static var openAPIPath: String { "openapi.json" }
}
