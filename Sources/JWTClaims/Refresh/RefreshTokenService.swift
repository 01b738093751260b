/// Refresh tokens that carry custom claims through rotation: the second half of the reference custom-claims API.
///
/// The service issues an access token with a refresh token, binds custom attributes to a refresh token, and
/// exchanges a refresh token for a fresh access token and a new refresh token. Every access token minted from a
/// bound refresh token, or from any refresh token rotated out of it, carries the custom claims:
///
/// ```swift
/// let service = RefreshTokenService(store: InMemoryRefreshTokenStore(), augmenter: augmenter)
/// let signIn = try await service.issue(claims, now: now)
/// let bound = try await service.bind(
///     ["role": "admin"],
///     to: signIn.accessToken,
///     refreshToken: signIn.refreshToken.serialized(),
///     now: now
/// )  // the augmented access token and a refresh token bound to the attributes
/// let next = try await service.refresh(bound.refreshToken.serialized(), now: later)
/// next.claims["role"]  // "admin"
/// ```
///
/// The reference API's JSON bodies, and `respond(to:now:)` that answers its custom-claims request, are in the
/// `JWTClaimsWireFormat` module, for an HTTP server to share.
///
/// Rotation is strict: each refresh token works once. Presenting a used one again is taken as theft (RFC 9700
/// section 4.14.2): the whole family is revoked and the request fails with ``JWTError/Code/refreshTokenReused``.
/// There is no grace period, so of several concurrent refreshes of one token exactly one succeeds.
///
/// The clock is injected: every operation takes `now`.
public struct RefreshTokenService: Sendable {
    /// Where the refresh-token records live.
    public let store: any RefreshTokenStore
    /// Verifies access tokens presented for binding, merges custom attributes under its policy, and signs every
    /// access token the service mints.
    public let augmenter: ClaimsAugmenter
    /// How long each minted access token lives (its `exp` is `iat` plus this). Default: one hour.
    public let accessTokenLifetime: Duration
    /// How long each refresh token lives from its issue; every rotation starts a new lifetime. Default: 30 days.
    public let refreshTokenLifetime: Duration

    /// A service over `store`, minting with `augmenter`'s signer.
    ///
    /// Lifetimes count whole seconds; a fraction of a second is dropped.
    public init(
        store: any RefreshTokenStore,
        augmenter: ClaimsAugmenter,
        accessTokenLifetime: Duration = .seconds(3600),
        refreshTokenLifetime: Duration = .seconds(30 * 24 * 3600)
    ) {
        self.store = store
        self.augmenter = augmenter
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
    }

    /// Mints an access token from `template` and issues a refresh token for it, starting a new family (a sign-in).
    ///
    /// The access token has the template's claims in their order, with `iat` set to `now` (whole seconds), `exp` to
    /// `iat` plus ``accessTokenLifetime`` and a new random `jti`, each replaced in place when the template has it
    /// (and `nbf`, when present, set to `iat`). The template is stored with the refresh token for later mints.
    ///
    /// - Parameters:
    ///   - template: The access token's claims; must have a string `sub`.
    ///   - now: The time of issue.
    /// - Returns: The access token, its claims, and the refresh token.
    /// - Throws: ``JWTError/Code/missingClaim`` without `sub`; ``JWTError/Code/tokenTooLarge`` when the token would
    ///   exceed the augmenter policy's ``AugmentationPolicy/maximumTokenSize``; ``JWTError/Code/cryptographicFailure``;
    ///   ``JWTError/Code/storeFailure``.
    public func issue(_ template: ClaimSet, now: NumericDate) async throws(JWTError) -> TokenPair {
        guard let subject = template.subject else {
            throw .missingSubject("the claim set")
        }
        let refreshToken = try RefreshToken.generate()
        let (accessToken, claims) = try mint(template: template, customClaims: JSONObject(), now: now)
        let record = RefreshTokenRecord(
            id: refreshToken.id,
            secretDigest: try refreshToken.secretDigest(),
            subject: subject,
            familyID: refreshToken.id,
            parentID: nil,
            customClaims: JSONObject(),
            template: template,
            createdAt: now,
            expiresAt: now.wholeSeconds(after: refreshTokenLifetime)
        )
        try await store.issue(record)
        return TokenPair(accessToken: accessToken, refreshToken: refreshToken, claims: claims)
    }

    /// Augments `accessToken` with `attributes` and binds them to a successor of `refreshToken`.
    ///
    /// The access token is verified and augmented by the ``augmenter`` (every original claim kept, its `exp`
    /// unchanged). The refresh token must belong to the access token's subject; it is consumed and replaced by a new
    /// one that carries its custom claims plus the attributes the augmentation applied. Nothing is consumed when
    /// any step fails, and the augmented token is signed only inside the store's atomic step, once the refresh token
    /// was accepted: a refused refresh token means nothing was signed.
    ///
    /// - Parameters:
    ///   - attributes: The custom attributes.
    ///   - accessToken: The access (or ID) token to augment.
    ///   - refreshToken: The client's current refresh token.
    ///   - now: The time of the request.
    ///   - audience: The client the refresh token must have been issued for (an `aud` of its stored template), or
    ///     nil to accept any. A token of another client is refused as unknown and left untouched.
    /// - Returns: The augmented access token, its claims, and the new refresh token.
    /// - Throws: ``JWTError/Code/invalidRefreshToken`` for a malformed token (checked first); every error of
    ///   ``ClaimsAugmenter/augment(_:with:now:)``; ``JWTError/Code/missingClaim`` when the access token has no
    ///   `sub`; then the rotation's errors: ``JWTError/Code/invalidRefreshToken``,
    ///   ``JWTError/Code/refreshTokenRevoked``, ``JWTError/Code/refreshTokenReused``,
    ///   ``JWTError/Code/refreshTokenExpired``, ``JWTError/Code/subjectMismatch``, ``JWTError/Code/storeFailure``.
    public func bind(
        _ attributes: JSONObject,
        to accessToken: String,
        refreshToken: String,
        now: NumericDate,
        audience: String? = nil
    ) async throws(JWTError) -> TokenPair {
        let presented = try RefreshToken(parsing: refreshToken)
        let prepared = try augmenter.prepare(accessToken, with: attributes, now: now)
        guard let subject = prepared.claims.subject else {
            throw .missingSubject("the access token")
        }
        // Bind what the augmentation applied (added, replaced, or removed with null), as the attributes gave it, so
        // later mints under the same policy reproduce this token's custom claims.
        let report = prepared.report
        let applied = Set(report.added + report.replaced + report.removed)
        var boundClaims = JSONObject()
        for (name, value) in attributes where applied.contains(name) {
            boundClaims[name] = value
        }
        let successor = try RefreshToken.generate()
        let rotation = try RefreshTokenRotation(
            presented: presented,
            successor: successor,
            now: now,
            successorExpiry: now.wholeSeconds(after: refreshTokenLifetime),
            expectedSubject: subject,
            expectedAudience: audience,
            addedClaims: boundClaims
        )
        // Signed inside the atomic step, as a refresh is: a refused refresh token means nothing is signed, and a
        // failed signature (a token over the size limit) leaves the refresh token usable.
        let augmented = try await store.rotate(rotation) { (_: RefreshTokenRecord) throws(JWTError) in
            try augmenter.sign(prepared)
        }
        return TokenPair(accessToken: augmented.token, refreshToken: successor, claims: augmented.claims)
    }

    /// Exchanges a refresh token for a new access token and a new refresh token.
    ///
    /// The access token starts from the stored template with a new `iat`, `exp` and `jti` (as in
    /// ``issue(_:now:)``), then gets the bound custom claims, merged under the augmenter's policy. The presented
    /// refresh token is used up; its successor carries the same template and custom claims. The access token is
    /// signed inside the store's atomic step, so if signing fails the presented token stays usable.
    ///
    /// - Parameters:
    ///   - refreshToken: The client's current refresh token.
    ///   - now: The time of the request.
    ///   - audience: The client the refresh token must have been issued for (an `aud` of its stored template), or
    ///     nil to accept any. A token of another client is refused as ``JWTError/Code/invalidRefreshToken``, checked
    ///     before anything is consumed, so it neither rotates nor, when used, revokes the other client's family.
    /// - Returns: The new access token, its claims, and the new refresh token.
    /// - Throws: ``JWTError/Code/invalidRefreshToken`` (malformed, unknown id, wrong secret),
    ///   ``JWTError/Code/refreshTokenRevoked``, ``JWTError/Code/refreshTokenReused`` (the family is now revoked),
    ///   ``JWTError/Code/refreshTokenExpired``, ``JWTError/Code/storeFailure``; from minting,
    ///   ``JWTError/Code/tokenTooLarge``, the policy's codes, or ``JWTError/Code/cryptographicFailure``.
    public func refresh(
        _ refreshToken: String,
        now: NumericDate,
        audience: String? = nil
    ) async throws(JWTError) -> TokenPair {
        let presented = try RefreshToken(parsing: refreshToken)
        let successor = try RefreshToken.generate()
        let rotation = try RefreshTokenRotation(
            presented: presented,
            successor: successor,
            now: now,
            successorExpiry: now.wholeSeconds(after: refreshTokenLifetime),
            expectedAudience: audience
        )
        let (accessToken, claims) = try await store.rotate(rotation) { record throws(JWTError) in
            try mint(template: record.template, customClaims: record.customClaims, now: now)
        }
        return TokenPair(accessToken: accessToken, refreshToken: successor, claims: claims)
    }

    /// Revokes the family of `refreshToken` (a sign-out): it and every token rotated from or into it stop working.
    ///
    /// The token must be genuine (its secret is checked) but may be used, expired or already revoked.
    ///
    /// - Parameters:
    ///   - refreshToken: The token whose family to revoke.
    ///   - audience: The client the token must have been issued for (an `aud` of its stored template), or nil to
    ///     accept any. Another client's token is refused as unknown and its family left untouched.
    /// - Throws: ``JWTError/Code/invalidRefreshToken`` for a malformed or unknown token, a wrong secret or another
    ///   client's token; ``JWTError/Code/storeFailure``.
    public func revoke(_ refreshToken: String, audience: String? = nil) async throws(JWTError) {
        let presented = try RefreshToken(parsing: refreshToken)
        let digest = try presented.secretDigest()
        guard let record = try await store.record(forID: presented.id),
            ConstantTime.isEqual(record.secretDigest, digest),
            record.isIssued(to: audience)
        else {
            throw .unknownRefreshToken()
        }
        try await store.revokeFamily(record.familyID)
    }

    /// Signs a fresh access token from a template and custom claims.
    ///
    /// The policy's size limit is checked by the signer before it signs (the signature's length is fixed), so a
    /// token that would be too large is refused without ever being signed.
    func mint(template: ClaimSet, customClaims: JSONObject, now: NumericDate) throws(JWTError) -> (String, ClaimSet) {
        var claims = template
        let issuedAt = now.wholeSecond
        claims.issuedAt = issuedAt
        if claims.contains(.notBefore) {
            claims.notBefore = issuedAt
        }
        claims.expiration = issuedAt.wholeSeconds(after: accessTokenLifetime)
        claims.jwtID = Base64URL.encode(try SecureRandom.bytes(count: 16))
        if !customClaims.isEmpty {
            (claims, _) = try augmenter.merge(claims, with: customClaims)
        }
        let token = try augmenter.signer.sign(
            claims,
            type: "JWT",
            maximumTokenSize: augmenter.policy.maximumTokenSize
        )
        return (token, claims)
    }
}
