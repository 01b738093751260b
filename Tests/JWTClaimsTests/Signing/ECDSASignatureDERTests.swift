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
}
