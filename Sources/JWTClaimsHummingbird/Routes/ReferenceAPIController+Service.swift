import JWTClaims

extension ReferenceAPIController {
    /// The refresh-token service for one API key: its tokens verify only with the service's keys and only when
    /// their `aud` is the key's id.
    func refreshTokenService(for key: APIKey) -> RefreshTokenService {
        RefreshTokenService(
            store: configuration.store,
            augmenter: ClaimsAugmenter(
                verifier: verifier(audiences: [key.id]),
                signer: keys.signer,
                policy: configuration.augmentationPolicy
            ),
            accessTokenLifetime: configuration.accessTokenLifetime,
            refreshTokenLifetime: configuration.refreshTokenLifetime
        )
    }

    /// A verifier of the service's own tokens (its key set, by `kid`) whose `aud` names one of `audiences` (never
    /// empty, which would not check `aud` at all), with the configured leeway; `exp` is required.
    func verifier(audiences: [String]) -> JWTVerifier {
        JWTVerifier(
            keySet: keys.keySet,
            options: JWTValidationOptions(
                leeway: configuration.leeway,
                audiences: audiences,
                requiredClaims: [.expiration]
            )
        )
    }

    /// The access-token lifetime in whole seconds, for `expires_in`.
    var expiresIn: Int64 {
        configuration.accessTokenLifetime.components.seconds
    }
}
