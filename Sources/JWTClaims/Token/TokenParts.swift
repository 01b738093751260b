/// One token's bytes and segment ranges, with the decoding steps shared by ``UnverifiedJWT`` and ``JWTVerifier``.
struct TokenParts {
    let bytes: [UInt8]
    let segments: CompactToken
    let limits: JWTLimits

    init(_ token: String, limits: JWTLimits) throws(JWTError) {
        // Check the size before copying anything.
        let byteCount = token.utf8.count
        guard byteCount <= limits.maximumTokenSize else {
            throw .tokenTooLarge(byteCount: byteCount, limit: limits.maximumTokenSize)
        }
        self.bytes = Array(token.utf8)
        self.segments = try CompactToken(locatingSegmentsIn: bytes)
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
