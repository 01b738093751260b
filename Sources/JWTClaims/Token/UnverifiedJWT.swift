/// A compact JWT decoded **without verifying its signature or its claims**.
///
/// Use it for tools (printing a token), and to look at the header before choosing a key. Never trust anything in
/// it: anyone can write any header and claims. To accept a token, use ``JWTVerifier``.
///
/// Decoding is as strict as verification about form: exactly three non-empty segments, canonical Base64URL, strict
/// JSON objects for the header and the claims, a header with a string `alg`, and a signature of the length that
/// `alg` makes when it is a supported algorithm (64 bytes of R||S for ES256, never DER; the full MAC for HMAC; 256 to
/// 2048 bytes for RSA).
public struct UnverifiedJWT: Hashable, Sendable {
    /// The JOSE header, shape-checked but not trusted.
    public let header: JWTHeader
    /// The claims, not trusted.
    public let claims: ClaimSet
    /// The exact bytes that were signed: the ASCII of the header and payload segments joined by a dot, as
    /// ``JWTVerificationKey/isValidSignature(_:for:)`` takes them.
    ///
    /// A slice of the token's bytes, which decoding copied once already, so reading it copies nothing; its indices
    /// start at 0. `String(decoding: jwt.signingInput, as: UTF8.self)` gives the text.
    public let signingInput: ArraySlice<UInt8>
    /// The decoded signature segment, in JWS form (raw `R || S` for ECDSA).
    public let signature: [UInt8]

    /// Decodes `token` without verifying anything.
    ///
    /// - Parameters:
    ///   - token: The compact serialization, `header.payload.signature`.
    ///   - limits: Bounds on the token size and its JSON.
    /// - Throws: ``JWTError/Code/limitExceeded``, ``JWTError/Code/malformedToken``,
    ///   ``JWTError/Code/invalidBase64URL`` (with the token offset), ``JWTError/Code/invalidJSON``,
    ///   ``JWTError/Code/duplicateMember``, ``JWTError/Code/invalidHeader``, ``JWTError/Code/invalidClaims`` or
    ///   ``JWTError/Code/invalidSignatureEncoding``.
    public init(decoding token: String, limits: JWTLimits = JWTLimits()) throws(JWTError) {
        let parts = try TokenParts(token, limits: limits)
        self.header = try parts.decodeHeader()
        self.signature = try parts.decodeSignature(checkedFor: header)
        self.claims = try parts.parseClaims(parts.decodePayload())
        self.signingInput = parts.signingInput
    }
}
