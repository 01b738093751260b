import JWTClaims
import Testing

@testable import jwt_claims

@Suite("KeyFile")
struct KeyFileTests {
    /// A key file's content, how the file must be read, and whether its verifier checks the token's `kid`.
    struct Format: CustomTestStringConvertible, Sendable {
        enum Kind: Sendable { case privateKey, publicKey, keySet }
        let name: String
        let content: @Sendable () throws -> [UInt8]
        let kind: Kind
        let selectsByKeyID: Bool
        var testDescription: String { name }
    }

    static let formats: [Format] = [
        Format(
            name: "PKCS#8 PEM",
            content: { Array(try Fixtures.key().pemRepresentation.utf8) },
            kind: .privateKey,
            selectsByKeyID: false
        ),
        Format(
            name: "SEC1 PEM",
            content: { Array(Fixtures.sec1PrivateKeyPEM.utf8) },
            kind: .privateKey,
            selectsByKeyID: false
        ),
        Format(
            name: "SPKI PEM",
            content: { Array(Fixtures.spkiPublicKeyPEM.utf8) },
            kind: .publicKey,
            selectsByKeyID: false
        ),
        Format(
            name: "PKCS#8 DER",
            content: { try Fixtures.key().derRepresentation },
            kind: .privateKey,
            selectsByKeyID: false
        ),
        Format(
            name: "SPKI DER",
            content: { try Fixtures.key().publicKey.derRepresentation },
            kind: .publicKey,
            selectsByKeyID: false
        ),
        Format(
            name: "private JWK",
            content: { Array(Fixtures.jwk(try Fixtures.key().jwk).utf8) },
            kind: .privateKey,
            selectsByKeyID: false
        ),
        Format(
            name: "public JWK",
            content: { Array(Fixtures.jwk(try Fixtures.key().publicKey.jwk).utf8) },
            kind: .publicKey,
            selectsByKeyID: false
        ),
        Format(
            name: "public JWK with kid",
            content: { Array(Fixtures.jwk(try Fixtures.key().publicKey.jwk, adding: [("kid", "k1")]).utf8) },
            kind: .publicKey,
            selectsByKeyID: true
        ),
        Format(
            name: "JWK Set",
            content: {
                let other = try ES256.PrivateKey().publicKey.jwk
                let keys = JSONValue.array([
                    .object(try JSONObject(parsing: Fixtures.jwk(other, adding: [("kid", "k0")]))),
                    .object(
                        try JSONObject(parsing: Fixtures.jwk(try Fixtures.key().publicKey.jwk, adding: [("kid", "k1")]))
                    ),
                    .object(["kty": "RSA", "kid": "rsa", "n": "AQAB", "e": "AQAB"]),
                ])
                return Array(JSONValue.object(["keys": keys]).serialized().utf8)
            },
            kind: .keySet,
            selectsByKeyID: true
        ),
    ]

    @Test("recognises each format by its content and verifies the fixture's tokens", arguments: formats)
    func recognises(_ format: Format) throws {
        let file = try KeyFile(bytes: format.content(), label: "key file 'k'")
        switch (file.contents, format.kind) {
        case (.privateKey, .privateKey), (.publicKey, .publicKey), (.keySet, .keySet): break
        default: Issue.record("\(format.name) was read as \(file.contents)")
        }
        #expect(file.publicKeys.contains { $0.key.thumbprint == Fixtures.thumbprint })
        let verifier = file.verifier(options: JWTValidationOptions())
        let now = NumericDate(secondsSince1970: 1_599_180_000)
        let claims = try verifier.verify(Fixtures.token(keyID: "k1"), now: now).claims
        #expect(claims == (try ClaimSet(parsing: Fixtures.claims)))

        let otherToken = try Fixtures.token(keyID: "k9")
        if format.selectsByKeyID {
            let error = #expect(throws: JWTError.self) { _ = try verifier.verify(otherToken, now: now) }
            #expect(error?.code == .unknownKeyID)
        } else {
            #expect(throws: Never.self) { _ = try verifier.verify(otherToken, now: now) }
        }
    }

    @Test("a single key or a JWK with a kid verifies a token without kid; a set of several keys refuses it")
    func tokenWithoutKeyID() throws {
        let now = NumericDate(secondsSince1970: 1_599_180_000)
        let token = try Fixtures.token()
        for format in Self.formats {
            let verifier = try KeyFile(bytes: format.content(), label: "k").verifier(options: JWTValidationOptions())
            if format.kind == .keySet {
                let error = #expect(throws: JWTError.self) { _ = try verifier.verify(token, now: now) }
                #expect(error?.code == .ambiguousKey, "\(format.name)")
            } else {
                #expect(throws: Never.self, "\(format.name)") { _ = try verifier.verify(token, now: now) }
            }
        }
    }

    @Test("signs with a private key and its JWK kid, and refuses public keys and key sets for signing")
    func signingKey() throws {
        let key = try Fixtures.key()
        let withKeyID = try KeyFile(bytes: Array(Fixtures.jwk(key.jwk, adding: [("kid", "k1")]).utf8), label: "k")
        #expect(try withKeyID.signingKey().keyID == "k1")
        #expect(try withKeyID.signingKey().key.verificationKey == JWTVerificationKey(key.publicKey))
        #expect(try KeyFile(bytes: Array(Fixtures.sec1PrivateKeyPEM.utf8), label: "k").signingKey().keyID == nil)

        let publicKey = try KeyFile(bytes: Array(Fixtures.spkiPublicKeyPEM.utf8), label: "key file 'p.pem'")
        let error = #expect(throws: CLIError.self) { _ = try publicKey.signingKey() }
        #expect(error == .badInput("key file 'p.pem' holds a public key; signing needs a private key"))
        let set = try KeyFile(bytes: Self.formats[8].content(), label: "key file 's.json'")
        let setError = #expect(throws: CLIError.self) { _ = try set.signingKey() }
        #expect(setError?.message.contains("JWK Set") == true)
    }

    /// A bad key file and a fragment its message must contain.
    struct BadFile: CustomTestStringConvertible, Sendable {
        let name: String
        let content: String
        let message: String
        var testDescription: String { name }
    }

    static let badFiles = [
        BadFile(name: "empty", content: " \n\t", message: "is empty"),
        BadFile(name: "text", content: "hello", message: "is not a key"),
        BadFile(
            name: "truncated PEM",
            content: String(Fixtures.sec1PrivateKeyPEM.dropLast(20)),
            message: "no matching \"-----END EC PRIVATE KEY-----\""
        ),
        BadFile(
            name: "certificate PEM",
            content: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
            message: "certificate"
        ),
        BadFile(name: "invalid JSON", content: #"{"kty":"EC",}"#, message: "offset"),
        BadFile(name: "JSON array", content: "{\"keys\":1}", message: "\"keys\" must be an array"),
        BadFile(
            name: "JWK off the curve",
            content:
                #"{"kty":"EC","crv":"P-256","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","y":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#,
            message: "key file 'bad'"
        ),
        BadFile(name: "RSA JWK of 17 bits", content: #"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#, message: "bits"),
        BadFile(
            name: "oct JWK without alg",
            content: #"{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#,
            message: "HS256"
        ),
        BadFile(name: "oct JWK too short", content: #"{"kty":"oct","alg":"HS256","k":"AAAA"}"#, message: "HS256"),
        BadFile(
            name: "JWK of X25519",
            content: #"{"kty":"OKP","crv":"X25519","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#,
            message: "X25519"
        ),
        BadFile(name: "JWK with numeric kid", content: #"{"kty":"EC","kid":7}"#, message: "\"kid\" must be a string"),
        BadFile(
            name: "JWK Set without a usable key",
            content: #"{"keys":[{"kty":"RSA","kid":"r","n":"AQAB","e":"AQAB"}]}"#,
            message: "no usable key (key 0:"
        ),
        BadFile(name: "DER garbage", content: "0\u{1}\u{2}", message: "key file 'bad'"),
    ]

    @Test("a bad key file is bad input, and the message names the file and the problem", arguments: badFiles)
    func badFile(_ bad: BadFile) {
        let error = #expect(throws: CLIError.self) {
            _ = try KeyFile(bytes: Array(bad.content.utf8), label: "key file 'bad'")
        }
        #expect(error?.status == .badInput)
        #expect(error?.message.hasPrefix("key file 'bad'") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains(bad.message) == true, "\(error?.message ?? "")")
    }
}
