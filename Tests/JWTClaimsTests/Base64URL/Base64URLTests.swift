import Foundation
import JWTClaims
import Testing

@Suite("Base64URL")
struct Base64URLTests {
    @Test("encodes the RFC 4648 section 10 vectors, minus their padding", arguments: try RFC4648Vectors.section10())
    func encodesSection10(vector: RFC4648Vectors.Section10) {
        let unpadded = String(vector.output.filter { $0 != "=" })
        #expect(Base64URL.encode(Array(vector.input.utf8)) == unpadded)
    }

    @Test(
        "decodes the RFC 4648 section 10 vectors once their padding is dropped",
        arguments: try RFC4648Vectors.section10()
    )
    func decodesSection10(vector: RFC4648Vectors.Section10) throws {
        let unpadded = String(vector.output.filter { $0 != "=" })
        #expect(try Base64URL.decode(unpadded) == Array(vector.input.utf8))
    }

    @Test("matches the RFC 4648 section 9 examples with the URL alphabet", arguments: try RFC4648Vectors.section9())
    func matchesSection9(vector: RFC4648Vectors.Section9) throws {
        let urlAlphabet = String(
            vector.output.compactMap { character -> Character? in
                switch character {
                case "+": "-"
                case "/": "_"
                case "=": nil
                default: character
                }
            }
        )
        #expect(Base64URL.encode(vector.bytes) == urlAlphabet)
        #expect(try Base64URL.decode(urlAlphabet) == vector.bytes)
    }

    @Test("encodes and decodes every valid base64url vector", arguments: try RFC4648Vectors.valid())
    func roundTripsValidVector(vector: RFC4648Vectors.Valid) throws {
        #expect(Base64URL.encode(vector.bytes) == vector.base64URL)
        #expect(Base64URL.encodedBytes(vector.bytes) == Array(vector.base64URL.utf8))
        #expect(try Base64URL.decode(vector.base64URL) == vector.bytes)
    }

    @Test("rejects every invalid base64url vector, the strict ones too", arguments: try RFC4648Vectors.invalid())
    func rejectsInvalidVector(vector: RFC4648Vectors.Invalid) throws {
        let expected = try #require(Base64URLReference.expectedFailure(for: Array(vector.text.utf8)))
        let error = #expect(throws: JWTError.self) { try Base64URL.decode(vector.text) }
        #expect(error?.code == .invalidBase64URL)
        #expect(error?.offset == expected.offset)
        if let lenientBytes = vector.lenientBytes {
            // What a lenient decoder returns is the canonical text's decoding, which must still be accepted.
            #expect(try Base64URL.decode(Base64URL.encode(lenientBytes)) == lenientBytes)
        }
    }

    @Test("encodes random bytes of every length up to 2048 like the reference encoder, and decodes them back")
    func roundTripsRandomBytes() throws {
        var generator = SplitMix64(seed: 0x4A57_4342_3634)
        for length in 0...2048 {
            let bytes = generator.bytes(count: length)
            let expected = Base64URLReference.encode(bytes)
            let encoded = Base64URL.encode(bytes)
            #expect(encoded == expected, "length \(length)")
            #expect(Base64URL.encodedBytes(bytes) == Array(expected.utf8), "length \(length)")
            #expect(try Base64URL.decode(expected) == bytes, "length \(length)")
        }
    }

    @Test("decodes empty text to no bytes and encodes no bytes as empty text")
    func empty() throws {
        #expect(try Base64URL.decode("") == [])
        #expect(try Base64URL.decode([UInt8]()) == [])
        #expect(Base64URL.encode([UInt8]()) == "")
        #expect(Base64URL.encodedBytes([UInt8]()) == [])
    }

    @Test("decodes the same from every kind of input, valid or not", arguments: EntryPointCase.all)
    func entryPointsAgree(testCase: EntryPointCase) {
        let text = testCase.text
        let utf8 = Array(text.utf8)
        let expected = DecodeOutcome { () throws(JWTError) in try Base64URL.decode(text) }
        let outcomes = [
            ("Substring", DecodeOutcome { () throws(JWTError) in try Base64URL.decode(text[...]) }),
            ("[UInt8]", DecodeOutcome { () throws(JWTError) in try Base64URL.decode(utf8) }),
            ("String.UTF8View", DecodeOutcome { () throws(JWTError) in try Base64URL.decode(text.utf8) }),
            ("Data", DecodeOutcome { () throws(JWTError) in try Base64URL.decode(Data(utf8)) }),
            ("lazy map", DecodeOutcome { () throws(JWTError) in try Base64URL.decode(utf8.lazy.map { $0 }) }),
        ]
        for (kind, outcome) in outcomes {
            #expect(outcome == expected, "\(kind)")
        }
        // Offsets count from the start of the given part, not from the start of what it was cut from.
        let framed = "<<<" + text + ">>>"
        let start = framed.index(framed.startIndex, offsetBy: 3)
        let end = framed.index(framed.endIndex, offsetBy: -3)
        let framedUTF8 = Array(framed.utf8)
        #expect(DecodeOutcome { () throws(JWTError) in try Base64URL.decode(framed[start..<end]) } == expected)
        #expect(
            DecodeOutcome { () throws(JWTError) in try Base64URL.decode(framedUTF8[3..<framedUTF8.count - 3]) }
                == expected
        )
        if let reference = Base64URLReference.expectedFailure(for: utf8) {
            #expect(expected.offset == reference.offset)
        } else {
            #expect(expected.offset == nil)
        }
    }

    @Test("encodes the same from every kind of input")
    func encodeEntryPointsAgree() {
        var generator = SplitMix64(seed: 7)
        for length in [0, 1, 2, 3, 4, 47, 48, 49, 700] {
            let bytes = generator.bytes(count: length)
            let expected = Base64URLReference.encode(bytes)
            let framed = [0xAA] + bytes + [0xBB]
            #expect(Base64URL.encode(bytes[...]) == expected)
            #expect(Base64URL.encode(framed[1..<framed.count - 1]) == expected)
            #expect(Base64URL.encode(Data(bytes)) == expected)
            #expect(Base64URL.encode(bytes.lazy.map { $0 }) == expected)
            #expect(Base64URL.encodedBytes(framed[1..<framed.count - 1]) == Array(expected.utf8))
            #expect(Base64URL.encodedBytes(bytes.lazy.map { $0 }) == Array(expected.utf8))
        }
        #expect(Base64URL.encode("foob".utf8) == "Zm9vYg")
    }
}

/// One text to decode through every entry point.
struct EntryPointCase: Sendable, CustomTestStringConvertible {
    let text: String
    var testDescription: String { text.debugDescription }

    static let all: [EntryPointCase] = [
        "", "Zg", "Zm8", "Zm9v", "Zm9vYmFy", "A-z_4ME", "Zg==", "Zm9v YmFy", "Zm9vYmFé", "Zh", "Zm9vY",
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo+", "QUJDREVGR0hJSktM\nTU5PUFFS",
    ].map(EntryPointCase.init)
}

/// What a decode call did: the bytes it returned, or the code, offset and reason of the error it threw.
struct DecodeOutcome: Equatable {
    let bytes: [UInt8]?
    let code: JWTError.Code?
    let offset: Int?
    let reason: String?

    init(_ decode: () throws(JWTError) -> [UInt8]) {
        do {
            bytes = try decode()
            code = nil
            offset = nil
            reason = nil
        } catch {
            bytes = nil
            code = error.code
            offset = error.offset
            reason = error.reason
        }
    }
}

extension Base64URLReference.Expected {
    /// The offset the decoder must report.
    var offset: Int {
        switch self {
        case .padding(let offset), .outsideAlphabet(_, let offset), .impossibleLength(let offset),
            .nonCanonical(let offset):
            offset
        }
    }
}
