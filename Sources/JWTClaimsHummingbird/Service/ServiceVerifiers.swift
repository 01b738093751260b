import JWTClaims

/// The verifiers of the service's own tokens, made once at start: one per API key (its tokens' `aud` must be the
/// key's id) and one for any configured key (the serverless `verify` without an id).
///
/// They are made once, not per request, because a `JWTVerificationCache` keys its entries by the verifier
/// that made them: a verifier made per request would never see an entry of the one before. The keys and API keys of
/// a running service do not change (a new signing key or API key means a restart), so one scope per verifier is
/// exactly the life of the process.
struct ServiceVerifiers: Sendable {
    private let byKeyID: [String: JWTVerifier]
    private let keySet: JWKSet
    private let leeway: Duration
    /// The verifier whose `aud` may be any configured key's id; nil when no API key is configured.
    let anyKey: JWTVerifier?

    /// The verifiers of `keySet`'s tokens for every key of `apiKeys`, sharing `cache` when there is one.
    init(keySet: JWKSet, apiKeys: APIKeySet, leeway: Duration, cache: JWTVerificationCache?) {
        self.keySet = keySet
        self.leeway = leeway
        var byKeyID: [String: JWTVerifier] = [:]
        for key in apiKeys.keys {
            byKeyID[key.id] = Self.verifier(keySet, audiences: [key.id], leeway: leeway, cache: cache)
        }
        self.byKeyID = byKeyID
        let ids = apiKeys.keys.map(\.id)
        anyKey = ids.isEmpty ? nil : Self.verifier(keySet, audiences: ids, leeway: leeway, cache: cache)
    }

    /// The verifier of tokens issued to `key`.
    func verifier(for key: APIKey) -> JWTVerifier {
        // Every authenticated key is one of the configured ones; a key made elsewhere still gets a correct
        // verifier, only without the cache.
        byKeyID[key.id] ?? Self.verifier(keySet, audiences: [key.id], leeway: leeway, cache: nil)
    }

    /// A verifier of the service's tokens whose `aud` names one of `audiences` (never empty, which would not check
    /// `aud` at all), with `leeway`; `exp` is required.
    private static func verifier(
        _ keySet: JWKSet,
        audiences: [String],
        leeway: Duration,
        cache: JWTVerificationCache?
    ) -> JWTVerifier {
        JWTVerifier(
            keySet: keySet,
            options: JWTValidationOptions(leeway: leeway, audiences: audiences, requiredClaims: [.expiration]),
            cache: cache
        )
    }
}
