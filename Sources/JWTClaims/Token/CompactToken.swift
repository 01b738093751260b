/// The three segments of a compact JWS (RFC 7515 section 7.1), located in one token's UTF-8 bytes without copying.
///
/// Checks only the envelope: the size limit and exactly three segments (two dots). Each segment is checked for
/// emptiness, Base64URL and JSON when it is decoded, so that the header (and its `alg`) is judged first.
struct CompactToken {
    /// The byte ranges of the segments and the signing input (`header.payload`) within the token text.
    let header: Range<Int>
    let payload: Range<Int>
    let signature: Range<Int>
    var signingInput: Range<Int> { header.lowerBound..<payload.upperBound }

    init(locatingSegmentsIn bytes: some Collection<UInt8>, limits: JWTLimits) throws(JWTError) {
        let count = bytes.count
        guard count <= limits.maximumTokenSize else {
            throw JWTError(
                code: .limitExceeded,
                reason: "the token is \(count) bytes; the limit is \(limits.maximumTokenSize)"
            )
        }
        guard count > 0 else {
            throw JWTError.malformedToken("the token is empty")
        }
        var firstDot: Int?
        var secondDot: Int?
        var offset = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if firstDot == nil {
                    firstDot = offset
                } else if secondDot == nil {
                    secondDot = offset
                } else {
                    throw JWTError.malformedToken(
                        "the token has more than three segments (a third '.' at offset \(offset))",
                        offset: offset
                    )
                }
            }
            offset += 1
        }
        guard let first = firstDot, let second = secondDot else {
            let segments = firstDot == nil ? "1 segment" : "2 segments"
            throw JWTError.malformedToken("the token has \(segments); a compact JWS has exactly three")
        }
        header = 0..<first
        payload = (first + 1)..<second
        signature = (second + 1)..<count
    }
}

extension JWTError {
    @inline(never)
    static func malformedToken(
        _ reason: String,
        offset: Int? = nil,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(code: .malformedToken, reason: reason, offset: offset, fileID: fileID, line: line)
    }

    /// Re-anchors an error raised while decoding one segment to the whole token: the offset becomes the token
    /// offset, and the reason names the segment.
    @inline(never)
    static func inSegment(_ segment: String, startingAt start: Int, _ error: JWTError) -> JWTError {
        let tokenOffset = error.offset.map { $0 + start }
        let location = tokenOffset.map { " (token offset \($0))" } ?? ""
        return JWTError(
            code: error.code,
            reason: "in the \(segment) segment: \(error.reason)\(location)",
            offset: tokenOffset,
            underlyingError: error.underlyingError
        )
    }
}
