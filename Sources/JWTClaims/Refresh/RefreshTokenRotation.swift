/// One request to exchange a refresh token for its successor, as a ``RefreshTokenService`` hands it to a
/// ``RefreshTokenStore``.
///
/// A store does not judge the request itself: inside one atomic step (a transaction, an actor turn) it looks up the
/// record named by ``presentedID``, asks ``decide(current:)`` what to do, and does exactly that. So every store
/// applies the same rules, in the same order:
///
/// 1. no record, or a secret whose digest differs (compared in constant time): refused as
///    ``JWTError/Code/invalidRefreshToken``, nothing changes;
/// 2. a token issued to another client (its template's `aud` does not name ``expectedAudience``, when one is
///    given): refused as ``JWTError/Code/invalidRefreshToken`` exactly as an unknown token is, and nothing changes:
///    one client's presentation never uses up, or by reuse detection revokes, another client's tokens;
/// 3. a revoked family: refused as ``JWTError/Code/refreshTokenRevoked``;
/// 4. a token already used: **reuse**. The whole family is revoked and the request fails with
///    ``JWTError/Code/refreshTokenReused`` (RFC 9700 section 4.14.2); the store must commit the revocation;
/// 5. an expired token (`now` at or after its expiry): ``JWTError/Code/refreshTokenExpired``;
/// 6. a token of another subject than the access token presented with it: ``JWTError/Code/subjectMismatch``,
///    nothing changes;
/// 7. otherwise the token is marked used and its successor inserted, in the same family, with the same subject and
///    template, and the custom claims of the parent plus any bound now.
public struct RefreshTokenRotation: Sendable {
    /// The id of the presented token: the record the store must look up.
    public let presentedID: String
    /// The instant of the request, injected by the caller (the library never reads a clock).
    public let now: NumericDate
    /// The SHA-256 digest of the presented secret.
    let presentedDigest: [UInt8]
    /// The subject the presented token must belong to, when an access token came with it.
    let expectedSubject: String?
    /// The client the presented token must have been issued for (an `aud` of its template), when the caller is
    /// one client among several (the service's API key id).
    public let expectedAudience: String?
    /// The successor's id and secret digest.
    let successorID: String
    let successorDigest: [UInt8]
    /// When the successor expires.
    let successorExpiry: NumericDate
    /// Custom claims to bind to the successor, on top of the parent's.
    let addedClaims: JSONObject

    init(
        presented: RefreshToken,
        successor: RefreshToken,
        now: NumericDate,
        successorExpiry: NumericDate,
        expectedSubject: String? = nil,
        expectedAudience: String? = nil,
        addedClaims: JSONObject = JSONObject()
    ) throws(JWTError) {
        self.presentedID = presented.id
        self.presentedDigest = try presented.secretDigest()
        self.successorID = successor.id
        self.successorDigest = try successor.secretDigest()
        self.now = now
        self.successorExpiry = successorExpiry
        self.expectedSubject = expectedSubject
        self.expectedAudience = expectedAudience
        self.addedClaims = addedClaims
    }

    /// What a store must do, given the record it found for ``presentedID`` (nil when there is none).
    ///
    /// - Parameter current: The stored record, read inside the same atomic step that will apply the decision.
    /// - Returns: The writes to make (or none) and the outcome; see ``Decision``.
    public func decide(current: RefreshTokenRecord?) -> Decision {
        guard let current else {
            // Spend the comparison anyway, so an unknown id and a wrong secret take the same path.
            _ = ConstantTime.isEqual(presentedDigest, Self.absentDigest)
            return .reject(.unknownRefreshToken())
        }
        guard ConstantTime.isEqual(current.secretDigest, presentedDigest) else {
            return .reject(.unknownRefreshToken())
        }
        // Before the used and revoked checks: another client's token must not trigger reuse detection on its family.
        guard current.isIssued(to: expectedAudience) else {
            return .reject(.unknownRefreshToken())
        }
        if current.isRevoked {
            return .reject(.refreshTokenRevoked())
        }
        if current.isUsed {
            return .revokeFamily(familyID: current.familyID, error: .refreshTokenReused())
        }
        guard now < current.expiresAt else {
            return .reject(.refreshTokenExpired(at: current.expiresAt, now: now))
        }
        if let expectedSubject, expectedSubject != current.subject {
            return .reject(.subjectMismatch())
        }
        var customClaims = current.customClaims
        for (name, value) in addedClaims {
            customClaims[name] = value
        }
        let successor = RefreshTokenRecord(
            id: successorID,
            secretDigest: successorDigest,
            subject: current.subject,
            familyID: current.familyID,
            parentID: current.id,
            customClaims: customClaims,
            template: current.template,
            createdAt: now,
            expiresAt: successorExpiry
        )
        return .rotate(consumed: current.with(isUsed: true, isRevoked: current.isRevoked), successor: successor)
    }

    /// A digest no secret has in practice, compared against when the id is unknown.
    private static let absentDigest = [UInt8](repeating: 0, count: SHA256.byteCount)
}
