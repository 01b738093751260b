import Testing

@testable import JWTClaims

/// EdDSA (Ed25519): Wycheproof's verification vectors, RFC 8037 appendix A, and the key rules.
@Suite("EdDSA (Ed25519)")
struct EdDSATests {
    @Test("Wycheproof: every valid vector verifies and every invalid one fails (malleable S, bad encodings, lengths)")
    func wycheproof() throws {
        let file = try WycheproofFile("ed25519_test.json")
        var counts: [String: Int] = [:]
        var wrongLengths = 0
        for group in file.groups {
            let raw = try hexBytes(try group.json.object("publicKey")["pk"]?.stringValue ?? "")
            let key = try EdDSA.PublicKey(rawRepresentation: raw)
            #expect(try EdDSA.PublicKey(jwk: group.json.object("publicKeyJwk")) == key)
            #expect(try EdDSA.PublicKey(pemRepresentation: group.json.string("publicKeyPem")) == key)
            #expect(try EdDSA.PublicKey(derRepresentation: hexBytes(group.json.string("publicKeyDer"))) == key)
            #expect(key.derRepresentation == (try hexBytes(group.json.string("publicKeyDer"))))
            for test in group.tests {
                counts[test.result, default: 0] += 1
                let signature = try test.hex("sig")
                if signature.count != 64 { wrongLengths += 1 }
                let verified = key.isValidSignature(signature, for: try test.hex("msg"))
                #expect(verified == (test.result == "valid"), "\(test.label)")
            }
        }
        #expect(counts == ["valid": 88, "invalid": 63])
        #expect(counts.values.reduce(0, +) == file.numberOfTests)
        #expect(wrongLengths == 12)
    }

    @Test("RFC 8037 A.1-A.5: the key, its thumbprint, the deterministic signature and the token")
    func rfc8037() throws {
        let file = try Vectors.json("rfc/rfc8037-appendix-a-ed25519.json")
        let privateKey = try EdDSA.PrivateKey(jwk: file.object("A.1-privateJwk"))
        #expect(privateKey.rawRepresentation == (try hexBytes(file.string("A.1-privateKeyHex"))))
        #expect(privateKey.publicKey.rawRepresentation == (try hexBytes(file.string("A.1-publicKeyHex"))))
        let publicKey = try EdDSA.PublicKey(jwk: file.object("A.2-publicJwk"))
        #expect(publicKey == privateKey.publicKey)
        #expect(publicKey.thumbprint == (try file.member("A.3-thumbprint").string("thumbprintB64u")))
        #expect(publicKey.thumbprint == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
        let signing = try file.member("A.4-signing")
        let input = Array(try signing.string("signingInput").utf8)
        // Ed25519 is deterministic: signing the A.4 input gives the RFC's signature byte for byte.
        #expect(try privateKey.signature(for: input) == (try hexBytes(signing.string("signatureHex"))))
        let verifier = JWTVerifier(key: JWTVerificationKey(publicKey))
        let payload = try verifier.verifiedPayload(try file.member("A.5-validation").string("compact")).payload
        #expect(String(decoding: payload, as: UTF8.self) == "Example of Ed25519 signing")
        // As a JWT the token is refused after the signature: its payload is text, not a JSON object.
        #expect(throws: JWTError.self) {
            _ = try verifier.verify(signing.string("compact"), now: NumericDate(secondsSince1970: 0))
        }
    }

    @Test("a private key's public part is derived from its seed: a JWK whose x is another key's is refused")
    func mismatchedJWK() throws {
        let key = try EdDSA.PrivateKey()
        var jwk = key.jwk
        jwk["x"] = .string(Base64URL.encode(try EdDSA.PrivateKey().publicKey.rawRepresentation))
        let error = #expect(throws: JWTError.self) { _ = try EdDSA.PrivateKey(jwk: jwk) }
        #expect(error?.code == .invalidKey)
        #expect(try EdDSA.PrivateKey(jwk: key.jwk).rawRepresentation == key.rawRepresentation)
        #expect(try EdDSA.PrivateKey(pemRepresentation: key.pemRepresentation).jwk == key.jwk)
        #expect(!key.description.contains(Base64URL.encode(key.rawRepresentation)))
    }

    /// A JWK that must be refused, and its code.
    struct RefusedJWK: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        let code: JWTError.Code
        var testDescription: String { name }
    }

    static let x = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"

    static let refused: [RefusedJWK] = [
        RefusedJWK(name: "Ed448", json: #"{"kty":"OKP","crv":"Ed448","x":"\#(x)"}"#, code: .unsupportedKey),
        RefusedJWK(name: "X25519", json: #"{"kty":"OKP","crv":"X25519","x":"\#(x)"}"#, code: .unsupportedKey),
        RefusedJWK(name: "kty EC", json: #"{"kty":"EC","crv":"Ed25519","x":"\#(x)"}"#, code: .unsupportedKey),
        RefusedJWK(
            name: "alg Ed25519 (RFC 9864)",
            json: #"{"kty":"OKP","crv":"Ed25519","x":"\#(x)","alg":"Ed25519"}"#,
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "alg ES256",
            json: #"{"kty":"OKP","crv":"Ed25519","x":"\#(x)","alg":"ES256"}"#,
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "x of 31 bytes",
            json: #"{"kty":"OKP","crv":"Ed25519","x":"\#(x.dropLast(2))"}"#,
            code: .invalidKey
        ),
        RefusedJWK(
            name: "use enc",
            json: #"{"kty":"OKP","crv":"Ed25519","x":"\#(x)","use":"enc"}"#,
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "a private member",
            json: #"{"kty":"OKP","crv":"Ed25519","x":"\#(x)","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}"#,
            code: .invalidKey
        ),
    ]

    @Test("refuses public JWKs of other curves, algorithms and uses", arguments: refused)
    func refusesJWK(_ testCase: RefusedJWK) {
        let error = #expect(throws: JWTError.self) { _ = try EdDSA.PublicKey(jwkRepresentation: testCase.json) }
        #expect(error?.code == testCase.code, "\(error?.description ?? "")")
    }

    @Test("X25519 and Ed448 keys from PEM are refused by name, and raw keys must be 32 bytes")
    func refusesOtherOKPKeys() throws {
        // pyca/cryptography: X25519PrivateKey.generate() and Ed448PrivateKey.generate() as PKCS#8 PEM.
        let x25519 = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VuBCIEIFDmM5xcp7FliHXIBThGhmwmZ0JNc+6DTj0c9Mpm2Llh
            -----END PRIVATE KEY-----
            """
        let ed448 = """
            -----BEGIN PRIVATE KEY-----
            MEcCAQAwBQYDK2VxBDsEOaKv6QA8T12R4UlFGMvt1xbs0sw0kneTJ82xeBFAmfy9
            OaqNgRTFeQ2ZRNhF5KL9iDhYOckmm+PMXQ==
            -----END PRIVATE KEY-----
            """
        for (text, name) in [(x25519, "X25519"), (ed448, "ED448")] {
            let error = #expect(throws: JWTError.self) { _ = try EdDSA.PrivateKey(pemRepresentation: text) }
            #expect(error?.code == .unsupportedKey)
            #expect(error?.reason.contains(name) == true)
            let erased = #expect(throws: JWTError.self) { _ = try JWTSigningKey(pemRepresentation: text) }
            #expect(erased?.code == .unsupportedKey)
        }
        #expect(throws: JWTError.self) { _ = try EdDSA.PublicKey(rawRepresentation: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: JWTError.self) { _ = try EdDSA.PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: 33)) }
    }
}
