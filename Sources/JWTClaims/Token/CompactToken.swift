/// The three segments of a compact JWS (RFC 7515 section 7.1), located in one token's UTF-8 bytes without copying.
///
/// Checks only the envelope: a non-empty token of exactly three segments (two dots); ``TokenParts`` has checked the
/// size limit before copying the bytes. Each segment is checked for emptiness, Base64URL and JSON when it is
/// decoded, so that the header (and its `alg`) is judged first.
struct CompactToken {
    /// The byte ranges of the segments and the signing input (`header.payload`) within the token text.
    let header: Range<Int>
    let payload: Range<Int>
    let signature: Range<Int>
    var signingInput: Range<Int> { header.lowerBound..<payload.upperBound }

    init(locatingSegmentsIn bytes: [UInt8]) throws(JWTError) {
        let count = bytes.count
        guard count > 0 else {
            throw JWTError.malformedToken("the token is empty")
        }
        let (firstDot, secondDot, thirdDot) = unsafe bytes.withUnsafeBytes { unsafe Self.firstThreeDots(in: $0) }
        if let thirdDot {
            throw JWTError.malformedToken(
                "the token has more than three segments (a third '.' at offset \(thirdDot))",
                offset: thirdDot
            )
        }
        guard let first = firstDot, let second = secondDot else {
            let segments = firstDot == nil ? "1 segment" : "2 segments"
            throw JWTError.malformedToken("the token has \(segments); a compact JWS has exactly three")
        }
        header = 0..<first
        payload = (first + 1)..<second
        signature = (second + 1)..<count
    }

    /// The offsets of the first three `.` bytes, found eight bytes at a time: a word with no `.` is skipped with a
    /// few arithmetic operations (the classic "has a zero byte" test on the word XOR `........`), and only a word that
    /// may hold one is looked at byte by byte. Every load lies within `buffer`.
    private static func firstThreeDots(in buffer: UnsafeRawBufferPointer) -> (Int?, Int?, Int?) {
        let dot = UInt8(ascii: ".")
        var dots: (Int?, Int?, Int?) = (nil, nil, nil)
        func record(_ offset: Int) -> Bool {
            if dots.0 == nil {
                dots.0 = offset
            } else if dots.1 == nil {
                dots.1 = offset
            } else {
                dots.2 = offset
                return true
            }
            return false
        }
        let count = buffer.count
        var offset = 0
        while offset + 8 <= count {
            let word = unsafe buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ 0x2E2E_2E2E_2E2E_2E2E
            if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 {
                for index in offset..<(offset + 8) where unsafe buffer[index] == dot {
                    if record(index) { return dots }
                }
            }
            offset += 8
        }
        while offset < count {
            if unsafe buffer[offset] == dot, record(offset) { return dots }
            offset += 1
        }
        return dots
    }
}
