import JWTClaims
import Testing

/// Findings of the security review (issue 7, Docs/Security.md "Findings"), each fixed in the library; these tests
/// failed before the fix.
@Suite("Security review regressions")
struct SecurityReviewRegressionTests {
    static let now = NumericDate(secondsSince1970: 1_700_000_000)

    static func token(header: String, payload: String, key: ES256.PrivateKey) throws -> String {
        let signingInput = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        let signature = try key.signature(for: Array(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
    }

    @Test(
        "kid, iss and aud compare by code units: KELVIN SIGN does not match K (RFC 7515 section 5.3)",
        .bug(id: 7, "security review finding 2: Swift String == is canonical equivalence")
    )
    func canonicalEquivalenceIsNotEquality() throws {
        let key = try ES256.PrivateKey()
        var published = key.publicKey.jwk
        published["kid"] = "K1"
        let keySet = try JWKSet(parsing: JSONValue.object(["keys": [.object(published)]]).serialized())
        let kelvin = "\u{212A}"
        #expect(kelvin == "K")  // what Swift says, and why the library must not use ==

        let kidError = #expect(throws: JWTError.self) { _ = try keySet.key(forKeyID: kelvin + "1") }
        #expect(kidError?.code == .unknownKeyID)
        #expect(try keySet.key(forKeyID: "K1") == JWTVerificationKey(key.publicKey))

        var options = JWTValidationOptions()
        options.issuers = ["K"]
        let issuerToken = try Self.token(header: #"{"alg":"ES256"}"#, payload: #"{"iss":"\#(kelvin)"}"#, key: key)
        let issuerError = #expect(throws: JWTError.self) {
            _ = try JWTVerifier(key: key.publicKey, options: options).verify(issuerToken, now: Self.now)
        }
        #expect(issuerError?.code == .wrongIssuer)

        #expect(!Audience.single(kelvin).contains("K"))
        #expect(!Audience.multiple(["a", kelvin]).contains("K"))
        #expect(Audience.multiple(["a", "K"]).contains("K"))
        options = JWTValidationOptions(audiences: ["K"])
        let audienceToken = try Self.token(header: #"{"alg":"ES256"}"#, payload: #"{"aud":"\#(kelvin)"}"#, key: key)
        let audienceError = #expect(throws: JWTError.self) {
            _ = try JWTVerifier(key: key.publicKey, options: options).verify(audienceToken, now: Self.now)
        }
        #expect(audienceError?.code == .wrongAudience)
    }

    @Test(
        "a kid with a line feed cannot forge a log line through the error reason",
        .bug(id: 7, "security review finding 1: untrusted text was quoted raw in error reasons")
    )
    func reasonsEscapeLineBreaks() throws {
        let key = try ES256.PrivateKey()
        var published = key.publicKey.jwk
        published["kid"] = "k1"
        let keySet = try JWKSet(parsing: JSONValue.object(["keys": [.object(published)]]).serialized())
        let error = #expect(throws: JWTError.self) {
            _ = try keySet.key(forKeyID: "x\"\n2026-01-01 INFO admin logged in")
        }
        #expect(error?.reason == #"no key of the key set has the kid "x\"\n2026-01-01 INFO admin logged in""#)
        let long = #expect(throws: JWTError.self) { _ = try keySet.key(forKeyID: String(repeating: "k", count: 8000)) }
        #expect(long?.reason.hasSuffix("… (8000 bytes)") == true)
        #expect((long?.reason.utf8.count ?? .max) < 200)
    }
}
