import Testing

@testable import JWTClaims

/// The SHA-256 front of the Signing layer, against the FIPS 180-2 examples (appendix B) and the empty message.
@Suite("SHA256")
struct SHA256Tests {
    /// One known answer.
    struct Vector: CustomTestStringConvertible, Sendable {
        let name: String
        let message: [UInt8]
        let digestHex: String
        var testDescription: String { name }
    }

    static let vectors = [
        Vector(
            name: "the empty message",
            message: [],
            digestHex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        ),
        Vector(
            name: "FIPS 180-2 B.1, \"abc\"",
            message: Array("abc".utf8),
            digestHex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        ),
        Vector(
            name: "FIPS 180-2 B.2, a 448-bit message",
            message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
            digestHex: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        Vector(
            name: "FIPS 180-2 B.3, a million 'a's",
            message: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000),
            digestHex: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        ),
    ]

    @Test("hashes the known-answer messages, contiguous or not", arguments: vectors)
    func knownAnswers(_ vector: Vector) throws {
        let digest = try SHA256.hash(vector.message)
        #expect(digest.count == SHA256.byteCount)
        #expect(digest == (try hexBytes(vector.digestHex)))
        #expect(try SHA256.hash(AnySequenceCollection(vector.message)) == digest)
        #expect(try SHA256.hash(vector.message[...]) == digest)
    }
}
