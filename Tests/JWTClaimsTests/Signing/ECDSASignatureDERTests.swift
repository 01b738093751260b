import Testing

@testable import JWTClaims

@Suite("ECDSASignatureDER")
struct ECDSASignatureDERTests {
    private static func encode(_ raw: [UInt8]) -> [UInt8]? {
        var output = [UInt8](repeating: 0xEE, count: ECDSASignatureDER.maximumByteCount)
        let length = unsafe raw.withUnsafeBytes { bytes in
            unsafe output.withUnsafeMutableBytes { buffer in
                unsafe ECDSASignatureDER.encode(
                    r: UnsafeRawBufferPointer(rebasing: bytes[0..<32]),
                    s: UnsafeRawBufferPointer(rebasing: bytes[32..<64]),
                    into: buffer
                )
            }
        }
        return length.map { Array(output[0..<$0]) }
    }

    @Test("matches the DER form of the RFC 7515 A.3 signature")
    func rfcExample() throws {
        let file = try Vectors.decode(SigningVectors.RFC7515File.self, from: "rfc/rfc7515-appendix-a3-es256.json")
        let raw = try hexBytes(file.a3.signatureHex)
        #expect(Self.encode(raw) == (try hexBytes(file.derived.derSignatureHex)))
    }

    /// A raw r || s and its expected DER, in hex.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let r: String
        let s: String
        let der: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "small values lose their leading zeros",
            r: String(repeating: "00", count: 31) + "01",
            s: String(repeating: "00", count: 30) + "7f01",
            der: "3007020101020" + "27f01"
        ),
        Case(
            name: "a top bit set gets a 0x00 pad",
            r: "80" + String(repeating: "00", count: 31),
            s: String(repeating: "00", count: 31) + "80",
            der: "3027022100" + "80" + String(repeating: "00", count: 31) + "02020080"
        ),
        Case(
            name: "the longest encoding is 72 bytes",
            r: String(repeating: "ff", count: 32),
            s: String(repeating: "ff", count: 32),
            der: "3046022100" + String(repeating: "ff", count: 32) + "022100" + String(repeating: "ff", count: 32)
        ),
        Case(
            name: "zero is one zero byte",
            r: String(repeating: "00", count: 32),
            s: String(repeating: "00", count: 32),
            der: "3006020100020100"
        ),
    ]

    @Test("encodes minimal positive INTEGERs", arguments: cases)
    func encodes(_ testCase: Case) throws {
        let raw = try hexBytes(testCase.r + testCase.s)
        #expect(Self.encode(raw)?.hex == testCase.der)
    }

    private static func decode(_ der: [UInt8]) -> [UInt8]? {
        var raw = [UInt8](repeating: 0xEE, count: 64)
        let isRead = unsafe der.withUnsafeBytes { bytes in
            unsafe raw.withUnsafeMutableBytes { unsafe ECDSASignatureDER.decode(bytes, into: $0) }
        }
        return isRead ? raw : nil
    }

    @Test("decodes what it encodes back to the same r || s", arguments: cases)
    func decodes(_ testCase: Case) throws {
        let raw = try hexBytes(testCase.r + testCase.s)
        #expect(Self.decode(try hexBytes(testCase.der)) == raw)
    }

    @Test("round-trips random r || s values")
    func roundTripsRandomValues() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            var raw = (0..<64).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            // Exercise short integers too: clear a random number of leading bytes of r and of s.
            for index in 0..<Int(generator.next() % 33) { raw[index] = 0 }
            for index in 32..<(32 + Int(generator.next() % 33)) { raw[index] = 0 }
            let der = try #require(Self.encode(raw))
            #expect(Self.decode(der) == raw)
        }
    }

    @Test(
        "refuses anything but a strict pair of minimal positive integers",
        arguments: [
            "", "3006020100020100" + "00", "3106020100020100", "3007020100020100", "3006030100020100",
            "30050201000201", "3007020200010201" + "00", "3006020180020100",
            "3027022200" + String(repeating: "ff", count: 32) + "020100",
            "3028022200" + "00" + String(repeating: "ff", count: 32) + "020100",
            "3008020100020100" + "0000",
        ]
    )
    func refusesMalformed(_ hex: String) throws {
        #expect(Self.decode(try hexBytes(hex)) == nil, "\(hex)")
    }
}
