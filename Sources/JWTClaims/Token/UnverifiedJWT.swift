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

/// One token's bytes and segment ranges, with the decoding steps shared by ``UnverifiedJWT`` and ``JWTVerifier``.
struct TokenParts {
    let bytes: [UInt8]
    let segments: CompactToken
    let limits: JWTLimits

    init(_ token: String, limits: JWTLimits) throws(JWTError) {
        // Check the size before copying anything.
        guard token.utf8.count <= limits.maximumTokenSize else {
            throw JWTError(
                code: .limitExceeded,
                reason: "the token is \(token.utf8.count) bytes; the limit is \(limits.maximumTokenSize)"
            )
        }
        self.bytes = Array(token.utf8)
        self.segments = try CompactToken(locatingSegmentsIn: bytes, limits: limits)
        self.limits = limits
    }

    /// The signing input's bytes, `header.payload`.
    var signingInput: ArraySlice<UInt8> { bytes[segments.signingInput] }

    func decodeHeader() throws(JWTError) -> JWTHeader {
        let json = try decodeSegment(segments.header, "header")
        let value: JSONValue
        do {
            value = try JSONValue(parsing: json, options: limits.json)
        } catch {
            throw JWTError.inDecodedSegment("header", error)
        }
        guard case .object(let members) = value else {
            throw JWTError.invalidHeader("the header must be a JSON object, not \(value.kindDescription)")
        }
        return try JWTHeader(members)
    }

    func decodeSignature() throws(JWTError) -> ES256.Signature {
        let raw = try decodeSegment(segments.signature, "signature")
        do {
            return try ES256.Signature(rawRepresentation: raw)
        } catch {
            throw JWTError.inSegment("signature", startingAt: segments.signature.lowerBound, error)
        }
    }

    /// The payload's bytes, Base64URL-decoded but not parsed (strictness of the text is checked before any
    /// cryptography; the JSON is parsed only after the signature verified).
    func decodePayload() throws(JWTError) -> [UInt8] {
        try decodeSegment(segments.payload, "payload")
    }

    func parseClaims(_ json: [UInt8]) throws(JWTError) -> ClaimSet {
        do {
            return try ClaimSet(parsing: json, options: limits.json)
        } catch {
            throw JWTError.inDecodedSegment("payload", error)
        }
    }

    private func decodeSegment(_ range: Range<Int>, _ name: String) throws(JWTError) -> [UInt8] {
        guard !range.isEmpty else {
            throw JWTError.malformedToken("the \(name) segment is empty", offset: range.lowerBound)
        }
        do {
            return try Base64URL.decode(bytes[range])
        } catch {
            throw JWTError.inSegment(name, startingAt: range.lowerBound, error)
        }
    }
}

extension JWTError {
    /// Names the segment whose decoded JSON was bad; the offset stays an offset in the decoded JSON.
    @inline(never)
    static func inDecodedSegment(_ segment: String, _ error: JWTError) -> JWTError {
        JWTError(
            code: error.code,
            reason: "in the decoded \(segment) JSON: \(error.reason)",
            offset: error.offset,
            underlyingError: error.underlyingError
        )
    }
}
