import JWTClaims
import Testing

/// The attacks of the security review (Docs/Security.md) that no other suite names directly: keys offered by the
/// token itself, hostile `kid` values, headers that parse differently elsewhere, and error reasons that quote
/// attacker text.
@Suite("Security properties")
struct SecurityPropertiesTests {
    static let now = NumericDate(secondsSince1970: 1_700_000_000)

    /// A compact token with exactly this header and payload text, signed by `key`.
    static func token(header: String, payload: String = #"{"sub":"x"}"#, key: ES256.PrivateKey) throws -> String {
        let signingInput = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        let signature = try key.signature(for: Array(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
    }

    @Test("keys the token offers itself (jwk, jku, x5u, x5c) are never used to verify it")
    func embeddedKeysIgnored() throws {
        let issuer = try ES256.PrivateKey()
        let attacker = try ES256.PrivateKey()
        var published = issuer.publicKey.jwk
        published["kid"] = "k1"
        let keySet = try JWKSet(parsing: JSONValue.object(["keys": [.object(published)]]).serialized())
        let attackerJWK = JSONValue.object(attacker.publicKey.jwk).serialized()
        let header =
            #"{"alg":"ES256","kid":"k1","jwk":\#(attackerJWK),"jku":"https://attacker.example/jwks","#
            + #""x5u":"https://attacker.example/cert","x5c":["MIIB"]}"#
        let forged = try Self.token(header: header, key: attacker)
        for verifier in [JWTVerifier(keySet: keySet), JWTVerifier(key: issuer.publicKey)] {
            let error = #expect(throws: JWTError.self) { _ = try verifier.verify(forged, now: Self.now) }
            #expect(error?.code == .invalidSignature)
        }
        // The members are not refused, only ignored: the same header signed by the issuer verifies.
        let genuine = try Self.token(header: header, key: issuer)
        #expect(try JWTVerifier(keySet: keySet).verify(genuine, now: Self.now).claims.subject == "x")
    }

    /// A `kid` an attacker might send, named for the test log.
    struct HostileKeyID: CustomTestStringConvertible, Sendable {
        let name: String
        let keyID: String
        var testDescription: String { name }
    }

    static let hostileKeyIDs = [
        HostileKeyID(name: "path traversal", keyID: "../../../../dev/null"),
        HostileKeyID(name: "SQL", keyID: "' OR '1'='1' --"),
        HostileKeyID(name: "empty", keyID: ""),
        HostileKeyID(name: "NUL", keyID: "K1\u{0}"),
        HostileKeyID(name: "log line", keyID: "K1\"\nERROR forged log line"),
        HostileKeyID(name: "bidi override", keyID: "\u{202E}1k"),
        HostileKeyID(name: "8 KB", keyID: String(repeating: "k", count: 8_000)),
        HostileKeyID(name: "canonically equivalent (KELVIN SIGN)", keyID: "\u{212A}1"),
        HostileKeyID(name: "case variant", keyID: "k1"),
        HostileKeyID(name: "Unicode look-alike", keyID: "k\u{0661}"),
    ]

    @Test("a hostile kid selects no key, never falls back, and is quoted safely", arguments: hostileKeyIDs)
    func hostileKeyID(_ vector: HostileKeyID) throws {
        let key = try ES256.PrivateKey()
        var published = key.publicKey.jwk
        published["kid"] = "K1"
        let keySet = try JWKSet(parsing: JSONValue.object(["keys": [.object(published)]]).serialized())
        // Signed by the right key, so only the kid can be what fails.
        let header = JSONValue.object(["alg": "ES256", "kid": .string(vector.keyID)]).serialized()
        let token = try Self.token(header: header, key: key)
        let error = #expect(throws: JWTError.self) { _ = try JWTVerifier(keySet: keySet).verify(token, now: Self.now) }
        #expect(error?.code == .unknownKeyID)
        let reason = try #require(error?.reason)
        #expect(!reason.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" })
        #expect(reason.utf8.count < 300)
    }

    @Test("error reasons quote attacker text escaped and cut short: alg, crit, typ, iss, JWK members")
    func reasonsQuoteSafely() throws {
        let key = try ES256.PrivateKey()
        let injected = "x\"\r\nFORGED \u{2028}\u{202E}" + String(repeating: "y", count: 5000)
        let quotedInjection = JSONValue.string(injected).serialized()
        var options = JWTValidationOptions()
        options.type = "JWT"
        options.issuers = ["https://issuer.example"]
        let verifier = JWTVerifier(key: key.publicKey, options: options)
        let tokens = [
            try Self.token(header: #"{"alg":\#(quotedInjection)}"#, key: key),
            try Self.token(header: #"{"alg":"ES256","crit":[\#(quotedInjection)],"x":1}"#, key: key),
            try Self.token(header: #"{"alg":"ES256","typ":\#(quotedInjection)}"#, key: key),
            try Self.token(
                header: #"{"alg":"ES256","typ":"JWT"}"#,
                payload: #"{"iss":\#(quotedInjection)}"#,
                key: key
            ),
        ]
        var reasons: [String] = []
        for token in tokens {
            let error = #expect(throws: JWTError.self) { _ = try verifier.verify(token, now: Self.now) }
            reasons.append(error?.reason ?? "")
        }
        var jwk = key.publicKey.jwk
        jwk["use"] = .string(injected)
        let keyError = #expect(throws: JWTError.self) { _ = try ES256.PublicKey(jwk: jwk) }
        reasons.append(keyError?.reason ?? "")
        for reason in reasons {
            #expect(reason.contains("FORGED"))
            #expect(!reason.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{202E}" })
            #expect(reason.contains(#"\"\r\n"#))
            #expect(reason.utf8.count < 400, "\(reason.utf8.count) bytes")
        }
    }

    @Test("a header with two alg members is refused, so no parser can read the other one")
    func duplicateHeaderMembers() throws {
        let key = try ES256.PrivateKey()
        for header in [
            #"{"alg":"ES256","alg":"none"}"#, #"{"alg":"none","alg":"ES256"}"#, #"{"kid":"a","kid":"b","alg":"ES256"}"#,
        ] {
            let token = try Self.token(header: header, key: key)
            let error = #expect(throws: JWTError.self) {
                _ = try JWTVerifier(key: key.publicKey).verify(token, now: Self.now)
            }
            #expect(error?.code == .duplicateMember)
        }
        // The same for claims, and for names that are equal only after unescaping.
        let claims = try Self.token(header: #"{"alg":"ES256"}"#, payload: #"{"sub":"a","s\u0075b":"b"}"#, key: key)
        let error = #expect(throws: JWTError.self) {
            _ = try JWTVerifier(key: key.publicKey).verify(claims, now: Self.now)
        }
        #expect(error?.code == .duplicateMember)
    }
}
