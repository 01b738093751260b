/// The one error type that swift-jwt-claims throws.
///
/// Every failure of the library, whatever layer it comes from, is a `JWTError`. Its ``code`` says what kind of
/// failure it is and is stable: switch on it, compare it, log it. Its ``reason`` says, for a person, exactly what was
/// wrong (which byte at which offset, which claim, which header) and may change wording between releases.
///
/// Two errors are equal when their codes are equal; the reason, offset and source location are diagnostics only.
///
/// ```swift
/// do {
///     let claims = try verifier.verify(token, now: .now)
/// } catch let error where error.code == .expired {
///     // ask the client to refresh
/// }
/// ```
public struct JWTError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure a ``JWTError`` reports.
    ///
    /// Codes are static constants rather than enum cases so that new codes can be added without breaking code
    /// that switches over them.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case invalidBase64URL
            case invalidJSON
            case duplicateMember
            case limitExceeded
            case invalidKey
            case unsupportedKey
            case invalidSignatureEncoding
            case invalidSignature
            case cryptographicFailure
            case malformedToken
            case invalidHeader
            case unsupportedAlgorithm
            case unknownKeyID
            case ambiguousKey
            case unsupportedCriticalHeader
            case invalidClaims
            case invalidClaimValue
            case expired
            case notYetValid
            case issuedInFuture
            case wrongIssuer
            case wrongAudience
            case wrongType
            case missingClaim
            case protectedClaim
            case conflictingClaim
            case invalidClaimName
            case typeMismatch
            case attributesTooLarge
            case tokenTooLarge
            case augmentationFailed
            case invalidRefreshToken
            case refreshTokenExpired
            case refreshTokenRevoked
            case refreshTokenReused
            case subjectMismatch
            case storeFailure
            case invalidConfiguration
            case keySetUnavailable
            case invalidKeySetURL
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// Text that is not canonical, unpadded Base64URL (RFC 4648 section 5): a byte outside the alphabet,
        /// padding, an impossible length, or non-zero unused bits.
        public static let invalidBase64URL = Code(.invalidBase64URL)
        /// Bytes that are not strict RFC 8259 JSON (including invalid UTF-8 and lone surrogates).
        public static let invalidJSON = Code(.invalidJSON)
        /// A JSON object that names the same member twice. RFC 7515 section 5.2 allows rejecting it; we do.
        public static let duplicateMember = Code(.duplicateMember)
        /// An input over a configured bound: size, nesting depth, member count, number length, key count. The
        /// augmentation policy's own limits have their own codes, ``attributesTooLarge`` and ``tokenTooLarge``.
        public static let limitExceeded = Code(.limitExceeded)
        /// Key material that cannot be a valid key: bad encoding, a point not on the curve, a private part that does
        /// not match its public part, an RSA public exponent of 1 or an even one.
        public static let invalidKey = Code(.invalidKey)
        /// A well-formed key this library will not use as asked: another key type or curve (X25519, Ed448, P-224,
        /// secp256k1, ...), another intended use, a weak key (an RSA modulus under 2048 bits or with the ROCA
        /// fingerprint, an HMAC key shorter than its hash), or an algorithm the key cannot do or that was not given
        /// where the key allows several.
        public static let unsupportedKey = Code(.unsupportedKey)
        /// A signature whose length is not the one the algorithm makes: not exactly the raw R||S of ECDSA (RFC 7518
        /// section 3.4; a DER signature, for example), not 64 bytes for EdDSA, not the full MAC for HMAC, not the
        /// modulus's length for RSA.
        public static let invalidSignatureEncoding = Code(.invalidSignatureEncoding)
        /// A signature that does not verify with the selected key.
        public static let invalidSignature = Code(.invalidSignature)
        /// The cryptographic backend failed for a reason that is not the caller's input.
        public static let cryptographicFailure = Code(.cryptographicFailure)
        /// Token text that is not a compact JWS of three non-empty Base64URL segments.
        public static let malformedToken = Code(.malformedToken)
        /// A JOSE header that is not a JSON object or has a member of the wrong type.
        public static let invalidHeader = Code(.invalidHeader)
        /// A header `alg` that is not a supported JWS algorithm (including `none` in any spelling), or that is not the
        /// algorithm of the key selected to verify the token.
        public static let unsupportedAlgorithm = Code(.unsupportedAlgorithm)
        /// A `kid` that names no configured key. Never answered by falling back to another key.
        public static let unknownKeyID = Code(.unknownKeyID)
        /// A token without `kid` while several keys are configured, so no key can be chosen safely.
        public static let ambiguousKey = Code(.ambiguousKey)
        /// A `crit` header that lists an extension this library does not understand (RFC 7515 section 4.1.11).
        public static let unsupportedCriticalHeader = Code(.unsupportedCriticalHeader)
        /// A payload that is not a JSON object of claims.
        public static let invalidClaims = Code(.invalidClaims)
        /// A claim whose value has the wrong JSON type or range, such as a string `exp`.
        public static let invalidClaimValue = Code(.invalidClaimValue)
        /// The token's `exp` lies before the validation time, beyond the leeway.
        public static let expired = Code(.expired)
        /// The token's `nbf` lies after the validation time, beyond the leeway.
        public static let notYetValid = Code(.notYetValid)
        /// The token's `iat` lies after the validation time, beyond the leeway.
        public static let issuedInFuture = Code(.issuedInFuture)
        /// The token's `iss` is not one of the expected issuers.
        public static let wrongIssuer = Code(.wrongIssuer)
        /// The token's `aud` names none of the expected audiences.
        public static let wrongAudience = Code(.wrongAudience)
        /// The token's `typ` header is not the expected one.
        public static let wrongType = Code(.wrongType)
        /// A claim that validation requires is absent.
        public static let missingClaim = Code(.missingClaim)
        /// Custom attributes that name a protected claim (by default the registered and OIDC claims).
        public static let protectedClaim = Code(.protectedClaim)
        /// Custom attributes that name an existing claim while the policy forbids replacing it.
        public static let conflictingClaim = Code(.conflictingClaim)
        /// A claim name the policy refuses: empty, too long, or otherwise not allowed.
        public static let invalidClaimName = Code(.invalidClaimName)
        /// A JSON value that does not have the shape a `Decodable` type or typed accessor expects.
        public static let typeMismatch = Code(.typeMismatch)
        /// Custom attributes over the ``AugmentationPolicy``'s bounds: compact JSON larger than
        /// ``AugmentationPolicy/maximumAttributesSize``, nesting deeper than ``AugmentationPolicy/maximumDepth``, or
        /// JSON text over the parsing bounds ``ClaimsAugmenter/parseAttributes(_:)`` derives from them. Raised before
        /// any token is looked at.
        public static let attributesTooLarge = Code(.attributesTooLarge)
        /// A token this library was asked to make (an augmented token, or an access token minted by
        /// ``RefreshTokenService``) would be larger than ``AugmentationPolicy/maximumTokenSize``; nothing was signed.
        ///
        /// A token *presented* to a verifier over ``JWTLimits/maximumTokenSize`` is ``limitExceeded`` instead, so the
        /// two cases (the caller's token is too large, or the result would be) can be told apart by code alone.
        public static let tokenTooLarge = Code(.tokenTooLarge)
        /// A user-supplied augmentation step threw; the original error is kept as ``JWTError/underlyingError``.
        public static let augmentationFailed = Code(.augmentationFailed)
        /// A refresh token that is malformed (not `<id>:<secret>` of the right lengths), unknown, or whose secret
        /// does not match. The reason never contains the token.
        public static let invalidRefreshToken = Code(.invalidRefreshToken)
        /// A refresh token presented on or after its expiry time.
        public static let refreshTokenExpired = Code(.refreshTokenExpired)
        /// A refresh token whose family was revoked (by logout or by reuse detection).
        public static let refreshTokenRevoked = Code(.refreshTokenRevoked)
        /// A refresh token presented a second time: its whole family has just been revoked (RFC 9700 section
        /// 4.14.2).
        public static let refreshTokenReused = Code(.refreshTokenReused)
        /// A refresh token presented with an access token of another subject.
        public static let subjectMismatch = Code(.subjectMismatch)
        /// A refresh-token store failed (for example a database error); nothing was changed. The store's own error
        /// is kept as ``JWTError/underlyingError``.
        public static let storeFailure = Code(.storeFailure)
        /// A setting given to a store or a service is malformed or refused, such as a database URL with an unknown
        /// option; the reason names the setting and never shows a password.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A remote JWK Set (``RemoteJWKSet``) could not be fetched or used: a transport failure, a timeout, a status
        /// other than 200, a response over the size limit, or a document that is not a JWK Set with a usable key;
        /// and no earlier good set is within its stale period. The fetcher's own error, if any, is kept as
        /// ``JWTError/underlyingError``. A server answers it as "temporarily unavailable", not as a bad token.
        public static let keySetUnavailable = Code(.keySetUnavailable)
        /// A remote JWK Set's URL that is not `https://` (plain `http://` is allowed for loopback hosts only), or
        /// that is not an absolute URL with a host.
        public static let invalidKeySetURL = Code(.invalidKeySetURL)

        /// The code's stable name, such as `expired`.
        public var description: String { backing.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// A human-readable explanation naming the byte, offset, claim or header involved.
    public let reason: String
    /// The byte offset in the input at which the problem was found, when the input was parsed.
    public let offset: Int?
    /// The error thrown by user code, for ``Code/augmentationFailed``, by a store, for ``Code/storeFailure``, or by a
    /// key-set fetcher, for ``Code/keySetUnavailable``.
    public let underlyingError: (any Error & Sendable)?
    private let fileID: String
    private let line: UInt

    /// An error with the given code and reason, raised by this package's modules (the library's users get theirs
    /// from the library's operations, or from ``storeFailure(_:underlyingError:fileID:line:)`` for a store).
    ///
    /// Untrusted text in `reason` goes through `quoted(_:limit:)` or `quotedList(_:)`.
    package init(
        code: Code,
        reason: String,
        offset: Int? = nil,
        underlyingError: (any Error & Sendable)? = nil,
        fileID: String = #fileID,
        line: UInt = #line
    ) {
        self.code = code
        self.reason = reason
        self.offset = offset
        self.underlyingError = underlyingError
        self.fileID = fileID
        self.line = line
    }

    /// The code and reason, such as `expired: the token expired at 1599181203 (now 1599181300, leeway 0)`.
    public var description: String {
        "\(code): \(reason)"
    }

    /// Where in this library the error was raised (`file:line`), for bug reports.
    public var sourceLocation: String {
        "\(fileID):\(line)"
    }

    /// Compares codes only: the reason and location are diagnostics.
    public static func == (lhs: JWTError, rhs: JWTError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
