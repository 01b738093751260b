/// The result of an augmentation: the new token, its claims, and what was done.
public struct AugmentedToken: Hashable, Sendable {
    /// The new compact token, signed by the augmenter's signer.
    public let token: String
    /// The new token's header.
    public let header: JWTHeader
    /// The new token's claims: every original claim, then the added ones.
    public let claims: ClaimSet
    /// What happened to each attribute.
    public let report: AugmentationReport
}
