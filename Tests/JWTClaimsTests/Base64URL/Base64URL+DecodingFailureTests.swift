import Testing

@testable import JWTClaims

@Suite("Base64URL decoding failures")
struct Base64URLDecodingFailureTests {
    @Test("become errors at offsets moved by the start offset")
    func errors() {
        let padding = Base64URL.DecodingFailure.padding(offset: 2).error(startOffset: 10)
        #expect(padding.offset == 12)
        #expect(padding.reason.hasPrefix("byte 0x3D ('=') at offset 12 is padding"))

        let outside = Base64URL.DecodingFailure.outsideAlphabet(byte: 0x2F, offset: 0).error(startOffset: 0)
        #expect(outside.offset == 0)
        #expect(outside.reason == "byte 0x2F ('/') at offset 0 is not in the Base64URL alphabet")

        let length = Base64URL.DecodingFailure.impossibleLength(length: 9, offset: 8).error(startOffset: 100)
        #expect(length.offset == 108)
        #expect(length.reason.hasPrefix("length 9 is impossible: it leaves a lone last character at offset 108,"))

        let nonCanonical = Base64URL.DecodingFailure.nonCanonical(
            character: UInt8(ascii: "9"),
            canonical: UInt8(ascii: "8"),
            unusedBitCount: 2,
            offset: 2
        ).error(startOffset: 3)
        #expect(nonCanonical.offset == 5)
        #expect(nonCanonical.reason.hasPrefix("last character '9' at offset 5 "))

        for error in [padding, outside, length, nonCanonical] {
            #expect(error.code == .invalidBase64URL)
        }
    }
}
