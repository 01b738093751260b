import Testing

@testable import JWTClaims

/// The executable specification of ``RefreshToken``: its text form, generation and redaction.
@Suite("RefreshToken")
struct RefreshTokenTests {
    /// The id of bytes 0...15 and the secret of bytes 100...131, built with the library's own encoder.
    static let id = Base64URL.encode((0..<16).map { UInt8($0) })
    static let secret = Base64URL.encode((100..<132).map { UInt8($0) })
    static let valid = id + ":" + secret

    /// A text that must be refused, and where.
    struct Malformed: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let offset: Int?
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(name: "empty", text: "", offset: nil),
        Malformed(name: "no colon", text: id + "A" + secret, offset: nil),
        Malformed(name: "one character short", text: String(valid.dropLast()), offset: nil),
        Malformed(name: "one character long", text: valid + "A", offset: nil),
        Malformed(name: "a megabyte long", text: String(repeating: "A", count: 1 << 20), offset: nil),
        Malformed(name: "colon one early (21-character id)", text: String(id.dropLast()) + ":A" + secret, offset: 20),
        Malformed(
            name: "colon one late (id of 17 bytes)",
            text: id + "A:" + String(secret.dropLast()),
            offset: 0
        ),
        Malformed(name: "padding in the secret", text: id + ":" + String(secret.dropLast()) + "=", offset: 65),
        Malformed(name: "standard Base64 '+' in the id", text: "+" + id.dropFirst() + ":" + secret, offset: 0),
        Malformed(name: "a second colon in the secret", text: id + ":" + secret.dropLast() + ":", offset: 65),
        Malformed(name: "non-zero unused bits in the secret", text: id + ":" + secret.dropLast() + "B", offset: 65),
        Malformed(name: "a space in the id", text: " " + id.dropFirst() + ":" + secret, offset: 0),
        Malformed(name: "non-ASCII in the secret", text: id + ":" + secret.dropLast(2) + "é", offset: 64),
    ]

    @Test("reads back the text it was made from, id and secret")
    func parsesValidText() throws {
        let token = try RefreshToken(parsing: Self.valid)
        #expect(token.id == Self.id)
        #expect(token.serialized() == Self.valid)
        #expect(RefreshToken.textLength == 66)
    }

    @Test(
        "refuses malformed text as invalidRefreshToken, at the right offset, without quoting it",
        arguments: malformed
    )
    func refusesMalformed(_ vector: Malformed) {
        let error = #expect(throws: JWTError.self) { try RefreshToken(parsing: vector.text) }
        #expect(error?.code == .invalidRefreshToken)
        #expect(error?.offset == vector.offset)
        #expect(error?.reason.contains(Self.secret.prefix(8)) == false)
        #expect(error?.reason.contains(Self.id.dropFirst().prefix(8)) == false)
        #expect(error?.underlyingError == nil)
    }

    @Test("generates 128-bit ids and 256-bit secrets that parse back and never repeat")
    func generates() throws {
        var ids: Set<String> = []
        var texts: Set<String> = []
        for _ in 0..<1000 {
            let token = try RefreshToken.generate()
            let text = token.serialized()
            #expect(text.utf8.count == RefreshToken.textLength)
            #expect(try Base64URL.decode(token.id).count == RefreshToken.idByteCount)
            #expect(try Base64URL.decode(String(text.suffix(43))).count == RefreshToken.secretByteCount)
            #expect(try RefreshToken(parsing: text).serialized() == text)
            ids.insert(token.id)
            texts.insert(text)
        }
        #expect(ids.count == 1000)
        #expect(texts.count == 1000)
    }

    @Test("hashes the secret with SHA-256, so equal secrets give equal digests and others differ")
    func digest() throws {
        let token = try RefreshToken(parsing: Self.valid)
        let digest = try token.secretDigest()
        #expect(digest == (try SHA256.hash((100..<132).map { UInt8($0) })))
        #expect(digest.count == 32)
        #expect(try RefreshToken.generate().secretDigest() != digest)
    }

    @Test("redacts the secret in description, debug description, interpolation and dump")
    func redacts() throws {
        let token = try RefreshToken(parsing: Self.valid)
        var dumped = ""
        dump(token, to: &dumped)
        let shown = [token.description, token.debugDescription, "\(token)", String(reflecting: token), dumped]
        for text in shown {
            #expect(!text.contains(Self.secret), "\(text)")
            #expect(text.contains(Self.id))
            #expect(text.contains("<redacted>"))
        }
    }
}
