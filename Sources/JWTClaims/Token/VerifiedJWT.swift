/// A token whose signature verified and whose claims passed validation.
public struct VerifiedJWT: Hashable, Sendable {
    /// The JOSE header.
    public let header: JWTHeader
    /// The claims, exactly as the token carried them.
    public let claims: ClaimSet
}
