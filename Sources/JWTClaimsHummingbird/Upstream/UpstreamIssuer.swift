public import JWTClaims

/// An identity provider whose tokens `POST /api/v0/token/custom` exchanges: a token whose `iss` is ``issuer``, whose
/// `aud` contains ``audience`` and whose signature verifies with a key of ``keySet`` (the key decides the algorithm)
/// comes back signed by the service's own key, with every original claim intact plus the custom attributes.
///
/// ```swift
/// let fetcher = HTTPJWKSetFetcher(client: HTTPJWKSetFetcher.makeClient())
/// configuration.upstreamIssuers = [
///     UpstreamIssuer(
///         issuer: "https://tenant.eu.auth0.com/",
///         audience: "https://api.example",
///         keySet: try RemoteJWKSet(url: "https://tenant.eu.auth0.com/.well-known/jwks.json", fetcher: fetcher)
///     )
/// ]
/// ```
public struct UpstreamIssuer: Sendable {
    /// The `iss` its tokens carry, compared exactly.
    public let issuer: String
    /// The audience its tokens must name in `aud` to be exchanged.
    public let audience: String
    /// Its keys, fetched from its configured JWK Set URL.
    public let keySet: RemoteJWKSet

    /// An upstream issuer.
    ///
    /// - Parameters:
    ///   - issuer: The `iss` of its tokens.
    ///   - audience: The audience its tokens must name.
    ///   - keySet: Its remote key set.
    public init(issuer: String, audience: String, keySet: RemoteJWKSet) {
        self.issuer = issuer
        self.audience = audience
        self.keySet = keySet
    }
}
