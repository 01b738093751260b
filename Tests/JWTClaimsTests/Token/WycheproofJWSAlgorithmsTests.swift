import Testing

@testable import JWTClaims

/// Wycheproof `json_web_signature_test.json`, the groups for the algorithms beside ES256: `hs256`, `rs256`, `rs384`,
/// `rs512`, `ps256`, `ps384`, `ps512`, the RFC 7520 cookbook tokens and the RSA encryption keys.
///
/// As in ``WycheproofJWSTests``, "valid" is the JWS layer's verdict (the payloads are not JSON objects). Ten labels
/// are overridden:
/// - tcId 259, 264, 268, 272, 320 and 325 (`emptyPayload`): a JWT always has a payload, so the token parser refuses
///   an empty segment as malformed before any key is consulted.
/// And four because the key decides the algorithm and the token's header never does:
/// - tcId 346 and 350: Wycheproof gave the RFC 7520 RSA key `"alg": "PS256"`, but the token is PS384 (RFC 7520
///   4.2, whose key has no `alg`). A key bound to PS256 refuses a PS384 token. (``RFCSignatureVectorsTests`` checks
///   the same token under the key bound to PS384.)
/// - tcId 347 and 351: the P-521 key carries `"alg": "ES521"`, which is no registered algorithm (PyJWT accepts it
///   as an alias); a JWK whose `alg` is not its curve's algorithm is refused, so the ES512 token cannot verify.
@Suite("Wycheproof JWS: HS256, RS*, PS* and the RFC 7520 tokens")
struct WycheproofJWSAlgorithmsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: Int
        let comment: String
        let group: String
        let token: String
        let jwk: JSONObject
        let labelledValid: Bool
        var testDescription: String { "tcId \(id) \(group)/\(comment)" }
    }

    static let groups: Set<String> = [
        "hs256", "rs256", "rs384", "rs512", "ps256", "ps384", "ps512", "rfc7520", "rfc7520WithKeyOps", "rsa_encryption",
    ]

    /// The labels this library answers differently, and why (see the suite's comment).
    static let overridden: [Int: Bool] = [
        259: false, 264: false, 268: false, 272: false, 320: false, 325: false,
        346: false, 350: false, 347: false, 351: false,
    ]

    static func cases() throws -> [Case] {
        let file = try Vectors.json("wycheproof/testvectors_v1/json_web_signature_test.json")
        var cases: [Case] = []
        for group in try file.array("testGroups") {
            let name = group["comment"]?.stringValue ?? ""
            guard groups.contains(name) else { continue }
            // The HMAC groups have only the secret key; the others verify with the public one.
            let jwk = try group["public"]?.objectValue ?? group.object("private")
            for test in try group.array("tests") {
                cases.append(
                    Case(
                        id: Int(try #require(test["tcId"]?.int64Value)),
                        comment: try test.string("comment"),
                        group: name,
                        token: try test.string("jws"),
                        jwk: jwk,
                        labelledValid: try test.string("result") == "valid"
                    )
                )
            }
        }
        return cases
    }

    @Test("the groups hold 339 cases, 37 labelled valid")
    func counts() throws {
        let cases = try Self.cases()
        #expect(cases.count == 339)
        #expect(cases.filter(\.labelledValid).count == 37)
    }

    @Test("accepts and rejects as labelled, with the ten documented overrides", arguments: try cases())
    func jwsLayer(_ test: Case) throws {
        let expected = Self.overridden[test.id] ?? test.labelledValid
        let result = Result { () throws(JWTError) in
            try JWTVerifier(key: try JWKSet.verificationKey(test.jwk)).verifiedPayload(test.token).payload
        }
        switch result {
        case .success(let payload):
            #expect(expected, "verified")
            #expect(!payload.isEmpty)
        case .failure(let error):
            #expect(!expected, "refused: \(error)")
            if test.comment == "emptyPayload" { #expect(error.code == .malformedToken) }
        }
    }
}
