import Testing

@testable import JWTClaims

@Suite("Base64URL decoding rules")
struct Base64URLDecodingTests {
    /// 48 characters of valid text: three 16-character vector runs, so that a byte placed anywhere in it meets the
    /// vector loop; after them, the block loop and the tail handle the rest of longer texts.
    static let validText: [UInt8] = {
        var generator = SplitMix64(seed: 48)
        return Array(Base64URLReference.encode(generator.bytes(count: 36)).utf8)
    }()

    @Test("accepts a byte exactly when it is in the alphabet, wherever it stands", arguments: ByteValue.all)
    func everyByteValue(value: ByteValue) throws {
        let byte = value.byte
        let inAlphabet = Base64URLReference.alphabet.contains(byte)
        // 48 and 52 characters put the byte in vector runs and in a block after them; 7 end in a tail, whose last
        // character must stay as it is (not every alphabet character may end a tail).
        var generator = SplitMix64(seed: UInt64(byte))
        for (byteCount, replaceable) in [(36, 0..<48), (39, 0..<52), (5, 0..<6)] {
            let base = Array(Base64URLReference.encode(generator.bytes(count: byteCount)).utf8)
            let length = base.count
            for offset in replaceable {
                var text = base
                text[offset] = byte
                if inAlphabet {
                    let decoded = try Base64URL.decode(text)
                    #expect(Base64URL.encodedBytes(decoded) == text, "length \(length), offset \(offset)")
                } else {
                    let error = #expect(throws: JWTError.self, "length \(length), offset \(offset)") {
                        try Base64URL.decode(text)
                    }
                    #expect(error?.code == .invalidBase64URL)
                    #expect(error?.offset == offset)
                    #expect(error?.reason.hasPrefix("byte \(value.hex)") == true)
                    #expect(error?.reason.contains("at offset \(offset) ") == true)
                }
            }
        }
    }

    @Test("rejects padding wherever it stands and says it is padding", arguments: PaddingCase.all)
    func padding(testCase: PaddingCase) {
        let error = #expect(throws: JWTError.self) { try Base64URL.decode(testCase.text) }
        #expect(error?.code == .invalidBase64URL)
        #expect(error?.offset == testCase.offset)
        #expect(
            error?.reason
                == "byte 0x3D ('=') at offset \(testCase.offset) is padding, which unpadded Base64URL never contains"
        )
    }

    @Test("rejects padding at every position of a long text")
    func paddingEverywhere() {
        for offset in Self.validText.indices {
            var text = Self.validText
            text[offset] = UInt8(ascii: "=")
            let error = #expect(throws: JWTError.self) { try Base64URL.decode(text) }
            #expect(error?.offset == offset)
            #expect(error?.reason.contains("is padding") == true)
        }
    }

    @Test("rejects a length of one more than a multiple of 4", arguments: [1, 5, 9, 13, 17, 21, 33, 49, 65, 101, 1025])
    func impossibleLength(length: Int) {
        let text = Array(Array(repeating: Self.validText, count: length / 48 + 1).joined().prefix(length))
        #expect(text.count == length)
        let error = #expect(throws: JWTError.self) { try Base64URL.decode(text) }
        #expect(error?.code == .invalidBase64URL)
        #expect(error?.offset == length - 1)
        #expect(error?.reason.hasPrefix("length \(length) is impossible: ") == true)
    }

    @Test("accepts only the canonical last character of a 2-character tail", arguments: [0, 4, 16, 48])
    func twoCharacterTail(prefixLength: Int) throws {
        try checkTail(prefixLength: prefixLength, tailLength: 2, unusedBitCount: 4)
    }

    @Test("accepts only the canonical last character of a 3-character tail", arguments: [0, 4, 16, 48])
    func threeCharacterTail(prefixLength: Int) throws {
        try checkTail(prefixLength: prefixLength, tailLength: 3, unusedBitCount: 2)
    }

    private func checkTail(prefixLength: Int, tailLength: Int, unusedBitCount: Int) throws {
        let alphabet = Base64URLReference.alphabet
        var rejected = 0
        for (value, character) in alphabet.enumerated() {
            let text =
                Array(Self.validText.prefix(prefixLength)) + Array("Zm9".utf8.prefix(tailLength - 1)) + [character]
            let lastOffset = text.count - 1
            if value & (1 << unusedBitCount - 1) == 0 {
                let decoded = try Base64URL.decode(text)
                #expect(Base64URL.encodedBytes(decoded) == text)
            } else {
                rejected += 1
                let error = #expect(throws: JWTError.self) { try Base64URL.decode(text) }
                #expect(error?.code == .invalidBase64URL)
                #expect(error?.offset == lastOffset)
                let canonical = Character(Unicode.Scalar(alphabet[value & ~(1 << unusedBitCount - 1)]))
                let expectedReason =
                    "last character '\(Character(Unicode.Scalar(character)))' at offset \(lastOffset) has non-zero "
                    + "unused bits (its low \(unusedBitCount) bits must be 0), so the text is not canonical: the "
                    + "canonical encoding ends in '\(canonical)'"
                #expect(error?.reason == expectedReason)
            }
        }
        // Only the characters whose unused bits are zero are canonical: 64 >> unusedBitCount of them.
        #expect(rejected == 64 - 64 >> unusedBitCount)
    }

    @Test("rejects characters that are not in the alphabet", arguments: ForeignCase.all)
    func foreignCharacters(testCase: ForeignCase) {
        let error = #expect(throws: JWTError.self) { try Base64URL.decode(testCase.text) }
        #expect(error?.code == .invalidBase64URL)
        #expect(error?.offset == testCase.offset)
        #expect(error?.reason == testCase.reason)
    }

    @Test("names the first offending byte before the length and the unused bits", arguments: PrecedenceCase.all)
    func precedence(testCase: PrecedenceCase) {
        let error = #expect(throws: JWTError.self) { try Base64URL.decode(testCase.text) }
        #expect(error?.offset == testCase.offset)
        #expect(error?.reason.contains(testCase.reasonFragment) == true)
    }

    @Test("reports offsets from the start of a token segment through the buffer entry point")
    func bufferEntryPoint() throws {
        let token = Array("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhIn0.Zh".utf8)
        let decoded = try unsafe token.withUnsafeBytes { buffer throws(JWTError) in
            try unsafe Base64URL.decode(UnsafeRawBufferPointer(rebasing: buffer[21..<36]), reportingOffsetsFrom: 21)
        }
        #expect(decoded == Array(#"{"sub":"a"}"#.utf8))
        let error = #expect(throws: JWTError.self) {
            try unsafe token.withUnsafeBytes { buffer throws(JWTError) in
                try unsafe Base64URL.decode(UnsafeRawBufferPointer(rebasing: buffer[37...]), reportingOffsetsFrom: 37)
            }
        }
        #expect(error?.offset == 38)
        #expect(error?.reason.hasPrefix("last character 'h' at offset 38 ") == true)
        let unshifted = #expect(throws: JWTError.self) {
            try unsafe token.withUnsafeBytes { buffer throws(JWTError) in
                try unsafe Base64URL.decode(UnsafeRawBufferPointer(rebasing: buffer[0..<21]))
            }
        }
        #expect(unshifted?.offset == 20)
        #expect(unshifted?.reason == "byte 0x2E ('.') at offset 20 is not in the Base64URL alphabet")
    }

    @Test("decodes through the buffer entry point exactly as through the public ones")
    func bufferEntryPointAgrees() throws {
        var generator = SplitMix64(seed: 99)
        for length in 0...200 {
            let text = Array(Base64URLReference.encode(generator.bytes(count: length)).utf8)
            let decoded = try unsafe text.withUnsafeBytes { buffer throws(JWTError) in
                try unsafe Base64URL.decode(buffer)
            }
            #expect(decoded == (try Base64URL.decode(text)))
        }
    }

    @Test("knows how many bytes each length decodes to")
    func decodedLength() {
        for byteCount in 0...100 {
            let encodedCount = Base64URLReference.encode(Array(repeating: 0, count: byteCount)).utf8.count
            #expect(Base64URL.decodedLength(of: encodedCount) == byteCount)
        }
        for impossible in [1, 5, 9, 4097] {
            #expect(Base64URL.decodedLength(of: impossible) == nil)
        }
        #expect(Base64URL.decodedLength(of: -4) == nil)
    }
}

/// One of the 256 byte values.
struct ByteValue: Sendable, CustomTestStringConvertible {
    let byte: UInt8

    /// `0x2B`, as the decoder's reasons spell it.
    var hex: String {
        let digits = Array("0123456789ABCDEF")
        return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
    }

    var testDescription: String {
        (0x20...0x7E).contains(byte) ? "\(hex) '\(Character(Unicode.Scalar(byte)))'" : hex
    }

    static let all = (UInt8.min...UInt8.max).map(ByteValue.init)
}

/// Text with padding, and the offset of its first `=`.
struct PaddingCase: Sendable, CustomTestStringConvertible {
    let text: String
    let offset: Int
    var testDescription: String { text.debugDescription }

    static let all = [
        PaddingCase(text: "Zg==", offset: 2), PaddingCase(text: "Zg=", offset: 2), PaddingCase(text: "=", offset: 0),
        PaddingCase(text: "====", offset: 0), PaddingCase(text: "Zm8=", offset: 3),
        PaddingCase(text: "Zm9vYmE=", offset: 7),
        PaddingCase(text: "Zm9v=YmFy", offset: 4), PaddingCase(text: "AAAA=", offset: 4),
        PaddingCase(text: "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=", offset: 35),
        PaddingCase(text: "QUJDREVGR0hJSkt=TU5PUFFSU1RVVldYWVo", offset: 15),
    ]
}

/// Text with a byte outside the alphabet, and the error the decoder must give.
struct ForeignCase: Sendable, CustomTestStringConvertible {
    let text: String
    let offset: Int
    let reason: String
    var testDescription: String { text.debugDescription }

    init(_ text: String, _ offset: Int, _ byte: String) {
        self.text = text
        self.offset = offset
        self.reason = "byte \(byte) at offset \(offset) is not in the Base64URL alphabet"
    }

    static let all = [
        ForeignCase("+_8", 0, "0x2B ('+')"), ForeignCase("-/8", 1, "0x2F ('/')"), ForeignCase("+/8=", 0, "0x2B ('+')"),
        ForeignCase("Zm9vYmF+", 7, "0x2B ('+')"), ForeignCase("QUJDREVGR0hJSkt/TU5PUFFSU1RVVldYWVo", 15, "0x2F ('/')"),
        ForeignCase("Zm9v YmFy", 4, "0x20 (' ')"), ForeignCase(" Zm9vYmFy", 0, "0x20 (' ')"),
        ForeignCase("Zm9v\tYmFy", 4, "0x09"), ForeignCase("Zm9v\nYmFy", 4, "0x0A"),
        ForeignCase("Zm9v\r\nYmFy", 4, "0x0D"),
        ForeignCase("Zm9vYmFy\n", 8, "0x0A"), ForeignCase("Zm9vYmF\u{0}", 7, "0x00"), ForeignCase("\u{0}", 0, "0x00"),
        ForeignCase("Zm9v\u{0B}YmFy", 4, "0x0B"), ForeignCase("Zm9v\u{0C}YmFy", 4, "0x0C"),
        ForeignCase("Zm9vYmFé", 7, "0xC3"), ForeignCase("Zm9v€", 4, "0xE2"), ForeignCase("😀AAA", 0, "0xF0"),
        ForeignCase("AA\u{A0}AA", 2, "0xC2"), ForeignCase("Zm9v.YmFy", 4, "0x2E ('.')"),
        ForeignCase("Zm9v%YmFy", 4, "0x25 ('%')"), ForeignCase("Zm9v*YmFy", 4, "0x2A ('*')"),
        ForeignCase("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo\u{7F}", 35, "0x7F"),
    ]
}

/// Text that breaks several rules, the offset the decoder must name and a fragment of its reason.
struct PrecedenceCase: Sendable, CustomTestStringConvertible {
    let text: String
    let offset: Int
    let reasonFragment: String
    var testDescription: String { text.debugDescription }

    static let all = [
        // A bad byte comes before an impossible length...
        PrecedenceCase(text: "=", offset: 0, reasonFragment: "is padding"),
        PrecedenceCase(text: "Zm9vYmFé", offset: 7, reasonFragment: "byte 0xC3 at offset 7"),
        PrecedenceCase(text: "Z+AAA", offset: 1, reasonFragment: "byte 0x2B ('+')"),
        PrecedenceCase(text: "AAAA=", offset: 4, reasonFragment: "is padding"),
        // ...and before non-zero unused bits...
        PrecedenceCase(text: "Zh=", offset: 2, reasonFragment: "is padding"),
        PrecedenceCase(text: "Z+h", offset: 1, reasonFragment: "byte 0x2B ('+')"),
        // ...and the first bad byte wins over later ones.
        PrecedenceCase(text: "AA+A/A=", offset: 2, reasonFragment: "byte 0x2B ('+')"),
        PrecedenceCase(text: "QUJDREVGR0hJSkt+TU5PUFFSU1RVV/dYWVo", offset: 15, reasonFragment: "byte 0x2B ('+')"),
        PrecedenceCase(text: "Zm9vY", offset: 4, reasonFragment: "length 5 is impossible"),
    ]
}
