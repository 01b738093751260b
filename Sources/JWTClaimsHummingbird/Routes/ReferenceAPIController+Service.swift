import JWTClaims

extension ReferenceAPIController {
    /// The refresh-token service for one API key: its tokens verify only with the service's keys and only when
    /// their `aud` is the key's id.
    func refreshTokenService(for key: APIKey) -> RefreshTokenService {
        RefreshTokenService(
            store: configuration.store,
            augmenter: ClaimsAugmenter(
                verifier: verifiers.verifier(for: key),
                signer: keys.signer,
                policy: configuration.augmentationPolicy
            ),
            accessTokenLifetime: configuration.accessTokenLifetime,
            refreshTokenLifetime: configuration.refreshTokenLifetime
        )
    }

    /// The access-token lifetime in whole seconds, for `expires_in`.
    var expiresIn: Int64 {
        configuration.accessTokenLifetime.components.seconds
    }
}
