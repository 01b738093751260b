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

    /// The signature's bytes, of the length `header`'s algorithm makes when it is a supported one with a fixed
    /// length (ECDSA, EdDSA, HMAC) or of an RSA modulus's possible lengths (256 to 2048 bytes); any non-empty length
    /// for an algorithm this library does not support (decoding is for inspection; verification refuses it anyway).
    func decodeSignature(checkedFor header: JWTHeader) throws(JWTError) -> [UInt8] {
        let raw = try decodeSegment(segments.signature, "signature")
        guard let algorithm = JWSAlgorithm(rawValue: header.algorithm) else { return raw }
        let expected: ClosedRange<Int>
        switch algorithm.family {
        case .ecdsa: expected = ECCurve.of(algorithm).map { $0.signatureByteCount...$0.signatureByteCount } ?? 0...0
        case .eddsa: expected = 64...64
        case .hmac: expected = algorithm.digest.byteCount...algorithm.digest.byteCount
        case .rsaPKCS1, .rsaPSS:
            expected = (RSAKeyPolicy.minimumModulusBitCount / 8)...(RSAKeyPolicy.maximumModulusBitCount / 8)
        }
        guard expected.contains(raw.count) else {
            throw JWTError.inSegment(
                "signature",
                startingAt: segments.signature.lowerBound,
                .signatureIsNotRaw(byteCount: raw.count, algorithm: algorithm, expected: expected.lowerBound)
            )
        }
        return raw
    }

    /// The signature's bytes, which must have the length `key`'s algorithm makes.
    func decodeSignature(for key: JWTVerificationKey) throws(JWTError) -> [UInt8] {
        let raw = try decodeSegment(segments.signature, "signature")
        guard raw.count == key.signatureByteCount else {
            throw JWTError.inSegment(
                "signature",
                startingAt: segments.signature.lowerBound,
                .signatureIsNotRaw(byteCount: raw.count, algorithm: key.algorithm, expected: key.signatureByteCount)
            )
        }
        return raw
    }

    /// Whether `signature` verifies over the signing input with `key`.
    func verify(_ signature: [UInt8], with key: JWTVerificationKey) throws(JWTError) -> Bool {
        do {
            return try key.verify(signature, signingInput: signingInput)
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
