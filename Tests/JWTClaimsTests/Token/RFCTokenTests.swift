import JWTClaims
import Testing

/// The example tokens of RFC 7515 (A.3, A.5, appendix E) and RFC 7519 (3.1, 6.1).
@Suite("RFC example tokens")
struct RFCTokenTests {
    static let a3 = "rfc/rfc7515-appendix-a3-es256.json"
    static let derived = "A.3-derived (computed here with pyca/cryptography, NOT in the RFC)"

    @Test("RFC 7515 A.3 verifies with its key and yields its claims")
    func appendixA3() throws {
        let file = try Vectors.json(Self.a3)
        let section = try file.member("A.3")
        let key = try ES256.PublicKey(jwk: try section.object("publicJwk"))
        // exp 1300819380 is in 2011: validate at an instant inside its lifetime.
        let verified = try JWTVerifier(key: key).verify(
            try section.string("compact"),
            now: NumericDate(secondsSince1970: 1_300_819_000)
        )
        #expect(JSONValue.object(verified.claims.object).hasSameValue(as: try section.member("expectedClaims")))
        #expect(verified.claims.names == ["iss", "exp", "http://example.com/is_root"])
        #expect(verified.claims.expiration?.number.text == "1300819380")
    }

    @Test("RFC 7515 A.3 is expired now, and one second after its exp")
    func appendixA3Expires() throws {
        let section = try Vectors.json(Self.a3).member("A.3")
        let verifier = JWTVerifier(key: try ES256.PublicKey(jwk: try section.object("publicJwk")))
        let token = try section.string("compact")
        for now in [NumericDate(secondsSince1970: 1_300_819_380), NumericDate(secondsSince1970: 1_800_000_000)] {
            let error = #expect(throws: JWTError.self) { _ = try verifier.verify(token, now: now) }
            #expect(error?.code == .expired)
        }
    }

    @Test("RFC 7515 A.3 with a DER signature is rejected; its n-S twin verifies")
    func appendixA3Variants() throws {
        let file = try Vectors.json(Self.a3)
        let verifier = JWTVerifier(key: try ES256.PublicKey(jwk: try file.member("A.3").object("publicJwk")))
        let derived = try file.member(Self.derived)
        let now = NumericDate(secondsSince1970: 1_300_819_000)
        let error = #expect(throws: JWTError.self) {
            _ = try verifier.verify(try derived.string("compactWithDerSignature"), now: now)
        }
        #expect(error?.code == .invalidSignatureEncoding)
        _ = try verifier.verify(try derived.string("highSCompact"), now: now)
    }

    @Test("unsecured tokens (RFC 7515 A.5, RFC 7519 6.1) and unknown crit (RFC 7515 E) are rejected")
    func unsecuredAndCritical() throws {
        let a3 = try Vectors.json(Self.a3)
        let rfc7519 = try Vectors.json("rfc/rfc7519-section3.1-hs256-jwt.json")
        let verifier = JWTVerifier(key: try ES256.PublicKey(jwk: try a3.member("A.3").object("publicJwk")))
        let tokens = [
            try a3.member("A.5-unsecured-jws").string("compact"),
            try a3.member("AppendixE-crit-negative").string("compact"),
            try rfc7519.member("section6.1-unsecured-jwt").string("token"),
            try rfc7519.member("section3.1").string("token"),
        ]
        for token in tokens {
            let error = #expect(throws: JWTError.self) {
                _ = try verifier.verify(token, now: NumericDate(secondsSince1970: 1_300_819_000))
            }
            #expect(error?.code == .unsupportedAlgorithm, "\(token)")
        }
    }

    @Test("an unknown crit is rejected even with alg ES256, and accepted once declared understood")
    func criticalHeaderWithES256() throws {
        let key = try ES256.PrivateKey()
        let header = #"{"alg":"ES256","crit":["exp-ext"],"exp-ext":1}"#
        let signingInput = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(#"{"a":1}"#.utf8))
        let signature = try key.signature(for: Array(signingInput.utf8))
        let token = signingInput + "." + Base64URL.encode(signature.rawRepresentation)
        let now = NumericDate(secondsSince1970: 0)
        let error = #expect(throws: JWTError.self) {
            _ = try JWTVerifier(key: key.publicKey).verify(token, now: now)
        }
        #expect(error?.code == .unsupportedCriticalHeader)
        #expect(error?.reason.contains("exp-ext") == true)
        let understood = JWTValidationOptions(understoodCriticalHeaders: ["exp-ext"])
        let verified = try JWTVerifier(key: key.publicKey, options: understood).verify(token, now: now)
        #expect(verified.header.critical == ["exp-ext"])
    }
}
