import Testing

@testable import JWTClaims

#if _endian(little)
@Suite("Base64URL vector decoding")
struct Base64URLVectorDecodingTests {
    @Test("finds the value of every alphabet character and flags every other byte", arguments: ByteValue.all)
    func everyByteInEveryLane(value: ByteValue) {
        let valid = Base64URLReference.alphabet.firstIndex(of: value.byte)
        for lane in 0..<16 {
            var characters = Base64URL.CharacterVector(repeating: UInt8(ascii: "A"))
            characters[lane] = value.byte
            let values = Base64URL.sextets(of: characters)
            #expect(Base64URL.allValid(values, characters: characters) == (valid != nil), "lane \(lane)")
            if let valid {
                #expect(Int(values[lane]) == valid, "lane \(lane)")
            }
        }
    }

    @Test("packs 16 values into the 12 bytes they encode")
    func packs() {
        var generator = SplitMix64(seed: 16)
        for _ in 0..<200 {
            let bytes = generator.bytes(count: 12)
            let text = Array(Base64URLReference.encode(bytes).utf8)
            var characters = Base64URL.CharacterVector()
            for (lane, character) in text.enumerated() {
                characters[lane] = character
            }
            let values = Base64URL.sextets(of: characters)
            #expect(Base64URL.allValid(values, characters: characters))
            let (first, second) = Base64URL.packed(values)
            let packedBytes =
                (0..<6).map { UInt8(truncatingIfNeeded: first >> (56 - 8 * $0)) }
                + (0..<6).map { UInt8(truncatingIfNeeded: second >> (56 - 8 * $0)) }
            #expect(packedBytes == bytes)
        }
    }
}
#endif
