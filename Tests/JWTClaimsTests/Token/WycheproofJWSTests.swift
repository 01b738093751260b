import Testing

@testable import JWTClaims

/// Wycheproof `json_web_signature_test.json`, the ES256 groups (`es256`, `SpecialCaseEs256`, `ec_key_for_encryption`).
///
/// Their payload is `foo`, not a JSON object, so these are JWS tests: "valid" means the JWS layer (envelope, header,
/// key, signature) accepts the token. JWT verification then rejects the payload as not JSON, which is checked too.
@Suite("Wycheproof JWS ES256")
struct WycheproofJWSTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: Int
        let comment: String
        let group: String
        let token: String
        let publicJWK: JSONObject
        let valid: Bool
        var testDescription: String { "tcId \(id) \(group)/\(comment)" }
    }

    static let groups: Set<String> = ["es256", "SpecialCaseEs256", "ec_key_for_encryption"]

    static func cases() throws -> [Case] {
        let file = try Vectors.json("wycheproof/testvectors_v1/json_web_signature_test.json")
        var cases: [Case] = []
        for group in try file.array("testGroups") {
            let name = group["comment"]?.stringValue ?? ""
            guard groups.contains(name) else { continue }
            for test in try group.array("tests") {
                cases.append(
                    Case(
                        id: Int(try #require(test["tcId"]?.int64Value)),
                        comment: try test.string("comment"),
                        group: name,
                        token: try test.string("jws"),
                        publicJWK: try group.object("public"),
                        valid: try test.string("result") == "valid"
                    )
                )
            }
        }
        return cases
    }

    @Test("the ES256 groups hold 2 valid and 39 invalid cases")
    func counts() throws {
        let cases = try Self.cases()
        #expect(cases.filter(\.valid).map(\.id) == [18, 378])
        #expect(cases.filter { !$0.valid }.count == 39)
    }

    @Test("accepts and rejects exactly as labelled", arguments: try cases())
    func jwsLayer(_ test: Case) throws {
        let verify = {
            let key = try JWKSet.verificationKey(test.publicJWK)
            return try JWTVerifier(key: key).verifiedPayload(test.token).payload
        }
        if test.valid {
            let payload = try verify()
            #expect(payload == Array("foo".utf8))
            // As a JWT the token is still refused: its payload is not a JSON object.
            let key = try JWKSet.verificationKey(test.publicJWK)
            let error = #expect(throws: JWTError.self) {
                _ = try JWTVerifier(key: key).verify(test.token, now: NumericDate(secondsSince1970: 0))
            }
            #expect(error?.code == .invalidJSON)
        } else {
            #expect(throws: JWTError.self) { _ = try verify() }
        }
    }

    @Test("an encryption key is refused when imported, not when used")
    func encryptionKeysAreRefusedAtImport() throws {
        for test in try Self.cases() where test.group == "ec_key_for_encryption" {
            let error = #expect(throws: JWTError.self) { _ = try JWKSet.verificationKey(test.publicJWK) }
            #expect(error?.code == .unsupportedKey)
        }
    }
}
