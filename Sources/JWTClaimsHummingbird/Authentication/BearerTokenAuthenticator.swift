public import FoundationEssentials
public import Hummingbird
public import HummingbirdAuth
public import JWTClaims

/// Authenticates `Authorization: Bearer <token>` (RFC 6750) with a `JWTVerifier`: a hummingbird-auth
/// `AuthenticatorMiddleware` whose identity is the verified token (`VerifiedJWT`: its header and its lossless
/// claims - every claim as sent, `aud` as it was, numbers with their exact text).
///
/// ```swift
/// let keys = try JWKSet(parsing: jwksBytes)
/// let verifier = JWTVerifier(keySet: keys, options: JWTValidationOptions(
///     leeway: .seconds(30), issuers: ["https://auth.example"], audiences: ["my-api-key-id"]))
/// let router = Router(context: BasicAuthRequestContext<VerifiedJWT>.self)
/// let api = router.group("api")
///     .add(middleware: BearerTokenAuthenticator(verifier: verifier))
///     .add(middleware: RequiredClaimsMiddleware([.equals("role", "admin")]))
/// api.get("me") { _, context in
///     try context.requireIdentity().claims.subject ?? ""
/// }
/// ```
///
/// - A request without a Bearer `Authorization` passes through unauthenticated (the identity stays nil), so
///   other authenticators may run and routes decide; ``RequiredClaimsMiddleware`` or `requireIdentity()` then
///   refuse it.
/// - A Bearer token that fails verification stops the request: 401 `invalid_token` with
///   `WWW-Authenticate: Bearer error="invalid_token", error_description="..."` (the description is the library's
///   reason, quoted and escaped for a header; never the token) and the JSON error body.
/// - Composition: hummingbird-auth lets a later authenticator overwrite an earlier one's identity. This one is
///   **first-wins** by default: when the context already has an identity it does nothing (the token is not even
///   verified); pass `overwritesIdentity: true` to make a valid Bearer token replace it.
///
/// Contexts whose identity is another type use ``init(verifier:overwritesIdentity:now:makeIdentity:)`` to map the
/// verified token to it.
public struct BearerTokenAuthenticator<Context: AuthRequestContext>: AuthenticatorMiddleware {
    /// The identity the context holds.
    public typealias Identity = Context.Identity

    /// Verifies the tokens.
    public let verifier: JWTVerifier
    /// Whether a valid token replaces an identity an earlier authenticator set (default false: first wins).
    public let overwritesIdentity: Bool
    private let now: @Sendable () -> NumericDate
    private let makeIdentity: @Sendable (VerifiedJWT) async throws -> Identity?

    /// An authenticator whose identity is built from the verified token.
    ///
    /// - Parameters:
    ///   - verifier: Verifies the tokens (signature, `kid`, time claims, issuer, audience, ...).
    ///   - overwritesIdentity: Whether a valid token replaces an existing identity.
    ///   - now: The clock (default: the system's).
    ///   - makeIdentity: Maps the verified token to the context's identity; nil leaves the request unauthenticated,
    ///     a thrown error stops it.
    public init(
        verifier: JWTVerifier,
        overwritesIdentity: Bool = false,
        now: @escaping @Sendable () -> NumericDate = { NumericDate(Date()) },
        makeIdentity: @escaping @Sendable (VerifiedJWT) async throws -> Identity?
    ) {
        self.verifier = verifier
        self.overwritesIdentity = overwritesIdentity
        self.now = now
        self.makeIdentity = makeIdentity
    }

    /// The verified token, or nil without a Bearer `Authorization` (or when an identity exists and
    /// ``overwritesIdentity`` is false).
    ///
    /// - Throws: ``ServiceError`` 401 `invalid_token` for a token that fails verification or is malformed.
    public func authenticate(request: Request, context: Context) async throws -> Identity? {
        if context.identity != nil && !overwritesIdentity {
            return nil
        }
        guard let token = try BearerToken.token(in: request.headers) else {
            return nil
        }
        let verified: VerifiedJWT
        do {
            verified = try verifier.verify(token, now: now())
        } catch {
            throw ServiceError.invalidBearerToken(error.reason)
        }
        return try await makeIdentity(verified)
    }
}

extension BearerTokenAuthenticator where Context.Identity == VerifiedJWT {
    /// An authenticator whose identity is the verified token itself.
    ///
    /// - Parameters:
    ///   - verifier: Verifies the tokens.
    ///   - overwritesIdentity: Whether a valid token replaces an existing identity (default false: first wins).
    ///   - now: The clock (default: the system's).
    public init(
        verifier: JWTVerifier,
        overwritesIdentity: Bool = false,
        now: @escaping @Sendable () -> NumericDate = { NumericDate(Date()) }
    ) {
        self.init(verifier: verifier, overwritesIdentity: overwritesIdentity, now: now) { $0 }
    }
}
