/// A compact JWT decoded **without verifying its signature or its claims**.
///
/// Use it for tools (printing a token), and to look at the header before choosing a key. Never trust anything in
/// it: anyone can write any header and claims. To accept a token, use ``JWTVerifier``.
///
/// Decoding is as strict as verification about form: exactly three non-empty segments, canonical Base64URL, strict
/// JSON objects for the header and the claims, a header with a string `alg`, and a signature of exactly 64 bytes.
public struct UnverifiedJWT: Hashable, Sendable {
    /// The JOSE header, shape-checked but not trusted.
    public let header: JWTHeader
    /// The claims, not trusted.
    public let claims: ClaimSet
    /// The token text, kept so that ``signingInput`` costs nothing unless it is asked for.
    private let token: String
    private let signingInputLength: Int

    /// The exact text that was signed: the header and payload segments joined by a dot.
    public var signingInput: String {
        String(decoding: token.utf8.prefix(signingInputLength), as: UTF8.self)
    }
    /// The 64-byte signature.
    public let signature: ES256.Signature

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
        self.signature = try parts.decodeSignature()
        self.claims = try parts.parseClaims(parts.decodePayload())
        self.token = token
        self.signingInputLength = parts.segments.signingInput.count
    }
}
