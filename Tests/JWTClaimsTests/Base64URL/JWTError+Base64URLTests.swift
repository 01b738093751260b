import Testing

@testable import JWTClaims

@Suite("JWTError for Base64URL")
struct JWTErrorBase64URLTests {
    @Test("says a byte is padding")
    func padding() {
        let error = JWTError.base64URLPadding(at: 4)
        #expect(error.code == .invalidBase64URL)
        #expect(error.offset == 4)
        #expect(error.reason == "byte 0x3D ('=') at offset 4 is padding, which unpadded Base64URL never contains")
        #expect(error.sourceLocation.hasPrefix("JWTClaimsTests/JWTError+Base64URLTests.swift:"))
    }

    @Test("names a byte outside the alphabet by hex, and by character when printable")
    func outsideAlphabet() {
        let plus = JWTError.base64URLByteOutsideAlphabet(0x2B, at: 5)
        #expect(plus.code == .invalidBase64URL)
        #expect(plus.offset == 5)
        #expect(plus.reason == "byte 0x2B ('+') at offset 5 is not in the Base64URL alphabet")
        #expect(
            JWTError.base64URLByteOutsideAlphabet(0x0A, at: 0).reason
                == "byte 0x0A at offset 0 is not in the Base64URL alphabet"
        )
        #expect(
            JWTError.base64URLByteOutsideAlphabet(0x20, at: 1).reason
                == "byte 0x20 (' ') at offset 1 is not in the Base64URL alphabet"
        )
        #expect(
            JWTError.base64URLByteOutsideAlphabet(0x7E, at: 2).reason
                == "byte 0x7E ('~') at offset 2 is not in the Base64URL alphabet"
        )
        #expect(
            JWTError.base64URLByteOutsideAlphabet(0x7F, at: 3).reason
                == "byte 0x7F at offset 3 is not in the Base64URL alphabet"
        )
        #expect(
            JWTError.base64URLByteOutsideAlphabet(0xFF, at: 9).reason
                == "byte 0xFF at offset 9 is not in the Base64URL alphabet"
        )
    }

    @Test("says why a length is impossible")
    func impossibleLength() {
        let error = JWTError.base64URLImpossibleLength(5, at: 4)
        #expect(error.code == .invalidBase64URL)
        #expect(error.offset == 4)
        #expect(
            error.reason
                == "length 5 is impossible: it leaves a lone last character at offset 4, whose 6 bits cannot make a "
                + "byte (Base64URL lengths are never 1 more than a multiple of 4)"
        )
    }

    @Test("names the non-canonical character and the canonical one")
    func nonCanonical() {
        let error = JWTError.base64URLNonCanonical(
            UInt8(ascii: "h"),
            canonical: UInt8(ascii: "g"),
            unusedBitCount: 4,
            at: 1
        )
        #expect(error.code == .invalidBase64URL)
        #expect(error.offset == 1)
        #expect(
            error.reason
                == "last character 'h' at offset 1 has non-zero unused bits (its low 4 bits must be 0), so the text "
                + "is not canonical: the canonical encoding ends in 'g'"
        )
    }
}
