/// What a ``RefreshTokenStore`` keeps about one refresh token. Never the token's secret: only its SHA-256 digest.
///
/// Tokens form families: the first token a sign-in issues starts a family (its id is the family's id), and every
/// token rotated out of it joins the same family, naming the token it replaced as its ``parentID``. Revocation
/// works on whole families.
///
/// Times are whole seconds: the initializer rounds ``createdAt`` and ``expiresAt`` down, so a store that keeps
/// integers round-trips a record exactly and an expiry is never extended.
public struct RefreshTokenRecord: Hashable, Sendable {
    /// The token's id, the Base64URL text before the colon.
    public let id: String
    /// The SHA-256 digest of the token's secret (32 bytes).
    public let secretDigest: [UInt8]
    /// The `sub` of the access tokens this token mints.
    public let subject: String
    /// The id of the family's first token.
    public let familyID: String
    /// The id of the token this one replaced; nil for the first token of a family.
    public let parentID: String?
    /// The custom claims bound to this token, added to every access token it mints (and carried to its successors).
    public let customClaims: JSONObject
    /// The claims every access token minted from this token starts from; `iat`, `exp` and `jti` are replaced at
    /// each mint.
    public let template: ClaimSet
    /// When the token was issued.
    public let createdAt: NumericDate
    /// The first instant at which the token is no longer accepted.
    public let expiresAt: NumericDate
    /// Whether the token was already exchanged for its successor.
    public let isUsed: Bool
    /// Whether the token's family was revoked.
    public let isRevoked: Bool

    /// A record with the given fields; `createdAt` and `expiresAt` are rounded down to whole seconds.
    public init(
        id: String,
        secretDigest: [UInt8],
        subject: String,
        familyID: String,
        parentID: String?,
        customClaims: JSONObject,
        template: ClaimSet,
        createdAt: NumericDate,
        expiresAt: NumericDate,
        isUsed: Bool = false,
        isRevoked: Bool = false
    ) {
        self.id = id
        self.secretDigest = secretDigest
        self.subject = subject
        self.familyID = familyID
        self.parentID = parentID
        self.customClaims = customClaims
        self.template = template
        self.createdAt = NumericDate(secondsSince1970: createdAt.secondsSince1970)
        self.expiresAt = NumericDate(secondsSince1970: expiresAt.secondsSince1970)
        self.isUsed = isUsed
        self.isRevoked = isRevoked
    }

    /// Whether the token was issued to `audience`: its template's `aud` names it. True when `audience` is nil (no
    /// client to check).
    func isIssued(to audience: String?) -> Bool {
        guard let audience else { return true }
        return template.audience?.contains(audience) ?? false
    }

    /// This record with the given flags.
    func with(isUsed: Bool, isRevoked: Bool) -> RefreshTokenRecord {
        RefreshTokenRecord(
            id: id,
            secretDigest: secretDigest,
            subject: subject,
            familyID: familyID,
            parentID: parentID,
            customClaims: customClaims,
            template: template,
            createdAt: createdAt,
            expiresAt: expiresAt,
            isUsed: isUsed,
            isRevoked: isRevoked
        )
    }
}
