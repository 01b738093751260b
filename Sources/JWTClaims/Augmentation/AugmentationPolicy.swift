/// The rules a ``ClaimsAugmenter`` applies to custom attributes. The defaults are the safe choice.
///
/// | Rule | Default | Alternatives |
/// |---|---|---|
/// | ``protectedClaims`` | the RFC 7519 registered claims and the OpenID Connect ones | add your own |
/// | ``onProtectedClaim`` | ``ProtectedClaimHandling/reject``: the request fails, naming every protected name | ``ProtectedClaimHandling/ignore`` and report |
/// | ``onExistingClaim`` | ``ExistingClaimHandling/replace`` in place | ``ExistingClaimHandling/reject``, ``ExistingClaimHandling/keep`` |
/// | ``onNull`` | ``NullHandling/keep`` as JSON `null` | ``NullHandling/removeClaim`` |
/// | ``maximumAttributesSize`` | 4096 bytes of compact JSON | |
/// | ``maximumTokenSize`` | 8 KiB for the resulting token | |
/// | ``maximumDepth`` | 16 levels of nesting in the attributes | |
/// | ``maximumClaimNameLength`` | 256 bytes of UTF-8 | |
///
/// Claim names must be non-empty, at most ``maximumClaimNameLength`` bytes, and free of control characters
/// (U+0000 to U+001F and U+007F); they are valid UTF-8 by construction.
///
/// ``check(_:)`` applies every rule that needs no token (names, depth, size, protected names), so a caller can refuse
/// bad attributes before it has a token; ``ClaimsAugmenter`` runs it first, before any cryptography.
public struct AugmentationPolicy: Hashable, Sendable {
    /// What to do with an attribute that names a protected claim.
    public enum ProtectedClaimHandling: Hashable, Sendable {
        /// Refuse the whole request with ``JWTError/Code/protectedClaim``, naming every protected name at once.
        case reject
        /// Leave the protected claim untouched and list the attribute in ``AugmentationReport/ignored``.
        case ignore
    }

    /// What to do with an attribute that names a claim the token already has (and that is not protected).
    public enum ExistingClaimHandling: Hashable, Sendable {
        /// Replace the value in place: the claim keeps its position. Listed in ``AugmentationReport/replaced``.
        case replace
        /// Refuse the whole request with ``JWTError/Code/conflictingClaim``, naming every such claim at once.
        case reject
        /// Keep the token's value and list the attribute in ``AugmentationReport/kept``.
        case keep
    }

    /// What an attribute whose value is JSON `null` means.
    public enum NullHandling: Hashable, Sendable {
        /// Store `null` like any other value.
        case keep
        /// Remove the claim of that name, if the token has it (a protected claim is never removed). Listed in
        /// ``AugmentationReport/removed``.
        case removeClaim
    }

    /// The claims attributes may never set: the RFC 7519 registered claims (`iss sub aud exp nbf iat jti`) and the
    /// OpenID Connect ones (`acr amr at_hash auth_time azp c_hash cnf nonce sid`) by default.
    public var protectedClaims: Set<String>
    /// What to do with an attribute that names a protected claim. Default: ``ProtectedClaimHandling/reject``.
    public var onProtectedClaim: ProtectedClaimHandling
    /// What to do with an attribute that names an existing claim. Default: ``ExistingClaimHandling/replace``.
    public var onExistingClaim: ExistingClaimHandling
    /// What a `null` attribute means. Default: ``NullHandling/keep``.
    public var onNull: NullHandling
    /// The largest compact JSON text of the attributes, in bytes. Default: 4096.
    public var maximumAttributesSize: Int
    /// The largest resulting token, in bytes. Default: 8192.
    public var maximumTokenSize: Int
    /// The deepest nesting of arrays and objects in the attributes object (the object itself is level 1).
    /// Default: 16.
    public var maximumDepth: Int
    /// The longest claim name, in bytes of UTF-8. Default: 256.
    public var maximumClaimNameLength: Int

    /// The default protected names: registered and OpenID Connect claims.
    public static let defaultProtectedClaims: Set<String> = Set(
        (ClaimName.registered + ClaimName.openIDConnect).map(\.rawValue)
    )

    /// The safe defaults described above.
    public init(
        protectedClaims: Set<String> = AugmentationPolicy.defaultProtectedClaims,
        onProtectedClaim: ProtectedClaimHandling = .reject,
        onExistingClaim: ExistingClaimHandling = .replace,
        onNull: NullHandling = .keep,
        maximumAttributesSize: Int = 4096,
        maximumTokenSize: Int = 8192,
        maximumDepth: Int = 16,
        maximumClaimNameLength: Int = 256
    ) {
        self.protectedClaims = protectedClaims
        self.onProtectedClaim = onProtectedClaim
        self.onExistingClaim = onExistingClaim
        self.onNull = onNull
        self.maximumAttributesSize = maximumAttributesSize
        self.maximumTokenSize = maximumTokenSize
        self.maximumDepth = maximumDepth
        self.maximumClaimNameLength = maximumClaimNameLength
    }
}
