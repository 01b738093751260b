public import Hummingbird
public import HummingbirdAuth
public import JWTClaims

/// Requires an authenticated bearer token whose claims meet every requirement: place it after
/// ``BearerTokenAuthenticator``.
///
/// - No identity: 401 `invalid_token` with a bare `WWW-Authenticate: Bearer` challenge (RFC 6750 section 3.1).
/// - An identity whose claims miss a requirement: 403 `insufficient_scope` with `WWW-Authenticate: Bearer
///   error="insufficient_scope"` (and `scope="..."` for a `scope` requirement), naming the first unmet requirement.
///
/// ```swift
/// router.group("admin")
///     .add(middleware: BearerTokenAuthenticator(verifier: verifier))
///     .add(middleware: RequiredClaimsMiddleware([.equals("role", "admin"), .includes("scope", "write")]))
/// ```
public struct RequiredClaimsMiddleware<Context: AuthRequestContext>: RouterMiddleware
where Context.Identity == VerifiedJWT {
    /// The requirements, all of which must be met.
    public let requirements: [ClaimRequirement]

    /// A middleware requiring every one of `requirements` (none: only that a token was verified).
    public init(_ requirements: [ClaimRequirement] = []) {
        self.requirements = requirements
    }

    /// Passes the request on when its identity meets every requirement.
    ///
    /// - Throws: ``ServiceError`` 401 `invalid_token` without an identity, 403 `insufficient_scope` for an unmet
    ///   requirement.
    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let identity = context.identity else {
            throw ServiceError.bearerRequired()
        }
        if let unmet = requirements.first(where: { !$0.isMet(by: identity.claims) }) {
            throw ServiceError.insufficientScope("the token's claims do not meet: \(unmet)", scope: unmet.requiredScope)
        }
        return try await next(request, context)
    }
}
