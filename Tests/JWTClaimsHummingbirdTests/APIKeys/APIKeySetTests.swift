import JWTClaims
import JWTClaimsWireFormat
import NIOCore
import Testing

@testable import JWTClaimsHummingbird

/// The API-key file: strict parsing, typed errors, and what `apikey new` writes.
@Suite("APIKeySet")
struct APIKeySetTests {
    static let abcDigest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    @Test("parses ids, SHA-256 digests (pinned to FIPS 180-4's \"abc\"), origins and names")
    func parses() throws {
        let file = """
            {"keys": [
              {"id": "web", "secret_sha256": "\(Self.abcDigest)", "allowed_origins": ["https://App.example:8443"],
               "name": "web app"},
              {"id": "any", "secret_sha256": "\(Self.abcDigest)", "allowed_origins": ["*"]},
              {"id": "plain", "secret_sha256": "\(Self.abcDigest)"}
            ]}
            """
        let set = try APIKeySet(parsing: Array(file.utf8))
        #expect(set.keys.map(\.id) == ["web", "any", "plain"])
        let web = try #require(set.key(forID: "web"))
        #expect(web.matches(secret: "abc"))
        #expect(!web.matches(secret: "abd"))
        #expect(web.allowedOrigins == .only(["https://app.example:8443"]))
        #expect(web.allowedOrigins.allows("https://APP.example:8443"))
        #expect(!web.allowedOrigins.allows("https://app.example"))
        #expect(web.name == "web app")
        #expect(set.key(forID: "any")?.allowedOrigins == .any)
        #expect(set.key(forID: "plain")?.allowedOrigins == .any)
        #expect(set.key(forID: "missing") == nil)
        #expect(!web.description.contains(Self.abcDigest))
    }

    struct BadFile: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let code: JWTError.Code
        let mentions: String
        var testDescription: String { name }
    }

    static let digest = abcDigest
    static let badFiles: [BadFile] = [
        BadFile(name: "not JSON", text: "{keys", code: .invalidJSON, mentions: ""),
        BadFile(name: "duplicate member", text: #"{"keys":[],"keys":[]}"#, code: .duplicateMember, mentions: "keys"),
        BadFile(name: "array document", text: "[]", code: .typeMismatch, mentions: "array"),
        BadFile(name: "no keys", text: "{}", code: .typeMismatch, mentions: "keys"),
        BadFile(name: "unknown top member", text: #"{"keys":[],"extra":1}"#, code: .typeMismatch, mentions: "extra"),
        BadFile(name: "keys not array", text: #"{"keys":{}}"#, code: .typeMismatch, mentions: "array"),
        BadFile(name: "key not object", text: #"{"keys":["x"]}"#, code: .typeMismatch, mentions: "API key 0"),
        BadFile(
            name: "unknown key member",
            text: #"{"keys":[{"id":"a","secret_sha256":"\#(digest)","secret":"x"}]}"#,
            code: .typeMismatch,
            mentions: "\"secret\""
        ),
        BadFile(
            name: "no id",
            text: #"{"keys":[{"secret_sha256":"\#(digest)"}]}"#,
            code: .typeMismatch,
            mentions: "id"
        ),
        BadFile(
            name: "id not string",
            text: #"{"keys":[{"id":1,"secret_sha256":"\#(digest)"}]}"#,
            code: .typeMismatch,
            mentions: "id"
        ),
        BadFile(
            name: "uppercase digest",
            text: #"{"keys":[{"id":"a","secret_sha256":"\#(digest.uppercased())"}]}"#,
            code: .invalidKey,
            mentions: "secret_sha256"
        ),
        BadFile(
            name: "short digest",
            text: #"{"keys":[{"id":"a","secret_sha256":"abcd"}]}"#,
            code: .invalidKey,
            mentions: "secret_sha256"
        ),
        BadFile(
            name: "reserved id",
            text: #"{"keys":[{"id":"Revoke","secret_sha256":"\#(digest)"}]}"#,
            code: .invalidKey,
            mentions: "fixed path segment"
        ),
        BadFile(
            name: "id with a slash",
            text: #"{"keys":[{"id":"a/b","secret_sha256":"\#(digest)"}]}"#,
            code: .invalidKey,
            mentions: "A-Z"
        ),
        BadFile(
            name: "duplicate id",
            text: #"{"keys":[{"id":"a","secret_sha256":"\#(digest)"},{"id":"a","secret_sha256":"\#(digest)"}]}"#,
            code: .invalidKey,
            mentions: "twice"
        ),
        BadFile(
            name: "origin with a path",
            text: #"{"keys":[{"id":"a","secret_sha256":"\#(digest)","allowed_origins":["https://a.example/"]}]}"#,
            code: .invalidKey,
            mentions: "scheme://host"
        ),
        BadFile(
            name: "origin not a string",
            text: #"{"keys":[{"id":"a","secret_sha256":"\#(digest)","allowed_origins":[1]}]}"#,
            code: .typeMismatch,
            mentions: "allowed_origins"
        ),
    ]

    @Test("refuses a malformed file with a typed error naming the problem", arguments: badFiles)
    func refuses(_ file: BadFile) {
        let error = #expect(throws: JWTError.self) { _ = try APIKeySet(parsing: Array(file.text.utf8)) }
        #expect(error?.code == file.code)
        #expect(error?.reason.contains(file.mentions) == true, "\(error?.reason ?? "")")
    }

    @Test(
        "an API key's id is never a fixed path segment, in any case",
        arguments: ["issue", "CUSTOM", "revoke", "Jwks"]
    )
    func reservedIDs(_ id: String) {
        let error = #expect(throws: JWTError.self) {
            _ = try APIKey(id: id, secretDigest: Array(repeating: 1, count: 32))
        }
        #expect(error?.code == .invalidKey)
    }

    @Test("apikey new: a random id and 256-bit secret, added to a new or existing file without touching its keys")
    func addsKeys() throws {
        let first = try NewAPIKey.generate()
        let second = try NewAPIKey.generate(allowedOrigins: .only(["https://app.example"]), name: "web")
        #expect(first.key.id != second.key.id)
        #expect(first.secret.utf8.count == 43)
        #expect(first.key.id.utf8.count == 22)
        #expect(first.key.matches(secret: first.secret))
        #expect(!first.description.contains(first.secret))

        let created = try APIKeySet.adding(first.key, toFile: nil)
        #expect(created.last == UInt8(ascii: "\n"))
        let text = String(decoding: created, as: UTF8.self)
        #expect(!text.contains(first.secret))
        let updated = try APIKeySet.adding(second.key, toFile: created)
        let set = try APIKeySet(parsing: updated)
        #expect(set.keys.map(\.id) == [first.key.id, second.key.id])
        #expect(set.key(forID: second.key.id)?.matches(secret: second.secret) == true)
        #expect(set.key(forID: second.key.id)?.allowedOrigins == .only(["https://app.example"]))
        #expect(set.key(forID: second.key.id)?.name == "web")

        let again = #expect(throws: JWTError.self) { _ = try APIKeySet.adding(second.key, toFile: updated) }
        #expect(again?.code == .invalidKey)
        let broken = #expect(throws: JWTError.self) { _ = try APIKeySet.adding(first.key, toFile: Array("{".utf8)) }
        #expect(broken?.code == .invalidJSON)
    }
}
