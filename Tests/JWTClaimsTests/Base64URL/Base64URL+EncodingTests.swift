import Testing

@testable import JWTClaims

@Suite("Base64URL encoding")
struct Base64URLEncodingTests {
    @Test("knows how many characters each byte count encodes to")
    func encodedLength() {
        for byteCount in 0...300 {
            let expected = Base64URLReference.encode(Array(repeating: 0xFF, count: byteCount)).utf8.count
            #expect(Base64URL.encodedLength(of: byteCount) == expected, "\(byteCount) bytes")
        }
    }

    @Test("appends to what is already in the output", arguments: [0, 1, 2, 3, 16, 47, 700])
    func appends(byteCount: Int) {
        var generator = SplitMix64(seed: UInt64(byteCount))
        let bytes = generator.bytes(count: byteCount)
        let header = Array("eyJhbGciOiJFUzI1NiJ9.".utf8)
        var output = header
        unsafe bytes.withUnsafeBytes { buffer in
            unsafe Base64URL.encode(buffer, appendingTo: &output)
        }
        #expect(output == header + Array(Base64URLReference.encode(bytes).utf8))
        var empty: [UInt8] = []
        unsafe bytes.withUnsafeBytes { buffer in
            unsafe Base64URL.encode(buffer, appendingTo: &empty)
        }
        #expect(empty == Array(Base64URLReference.encode(bytes).utf8))
    }

    @Test("writes the same characters as text and as bytes")
    func stringAndBytesAgree() {
        var generator = SplitMix64(seed: 3)
        for byteCount in 0...64 {
            let bytes = generator.bytes(count: byteCount)
            let text = unsafe bytes.withUnsafeBytes { unsafe Base64URL.encodeToString($0) }
            let ascii = unsafe bytes.withUnsafeBytes { unsafe Base64URL.encodeToArray($0) }
            #expect(Array(text.utf8) == ascii)
            #expect(text == Base64URLReference.encode(bytes))
        }
    }
}
