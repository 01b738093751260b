import JWTClaims
import Testing

@Suite("JWK Set")
struct JWKSetTests {
    static func jwk(_ key: ES256.PublicKey, _ extra: JSONObject = [:]) -> JSONValue {
        var jwk = key.jwk
        for (name, value) in extra { jwk[name] = value }
        return .object(jwk)
    }

    static func set(_ keys: [JSONValue]) throws -> JWKSet {
        try JWKSet(parsing: JSONValue.object(["keys": .array(keys)]).serialized())
    }

    @Test("the token's kid selects the key; an unknown kid is an error, never a fallback")
    func selectionByKeyID() throws {
        let first = try ES256.PrivateKey()
        let second = try ES256.PrivateKey()
        let set = try Self.set([Self.jwk(first.publicKey, ["kid": "one"]), Self.jwk(second.publicKey, ["kid": "two"])])
        let verifier = JWTVerifier(keySet: set)
        let now = NumericDate(secondsSince1970: 0)
        let token = try JWTSigner(key: second, keyID: "two").sign(["sub": "x"])
        #expect(try verifier.verify(token, now: now).claims.subject == "x")

        let unknown = try JWTSigner(key: second, keyID: "three").sign(["sub": "x"])
        let error = #expect(throws: JWTError.self) { _ = try verifier.verify(unknown, now: now) }
        #expect(error?.code == .unknownKeyID)
        #expect(error?.reason.contains("three") == true)

        let mislabelled = try JWTSigner(key: second, keyID: "one").sign(["sub": "x"])
        let wrongKey = #expect(throws: JWTError.self) { _ = try verifier.verify(mislabelled, now: now) }
        #expect(wrongKey?.code == .invalidSignature)
    }

    @Test("without a kid: the only key is used; several keys are an error")
    func tokenWithoutKeyID() throws {
        let key = try ES256.PrivateKey()
        let other = try ES256.PrivateKey()
        let token = try JWTSigner(key: key).sign(["sub": "x"])
        let now = NumericDate(secondsSince1970: 0)
        let single = try Self.set([Self.jwk(key.publicKey, ["kid": "k"])])
        #expect(try JWTVerifier(keySet: single).verify(token, now: now).claims.subject == "x")
        let double = try Self.set([Self.jwk(key.publicKey), Self.jwk(other.publicKey)])
        let error = #expect(throws: JWTError.self) { _ = try JWTVerifier(keySet: double).verify(token, now: now) }
        #expect(error?.code == .ambiguousKey)
    }

    @Test("two usable keys with one kid make that kid ambiguous")
    func duplicateKeyID() throws {
        let key = try ES256.PrivateKey()
        let set = try Self.set([
            Self.jwk(key.publicKey, ["kid": "k"]), Self.jwk(try ES256.PrivateKey().publicKey, ["kid": "k"]),
        ])
        let error = #expect(throws: JWTError.self) { _ = try set.key(forKeyID: "k") }
        #expect(error?.code == .ambiguousKey)
    }

    @Test("keys of other types, curves and uses are skipped with a reason, not fatal")
    func skipsUnusableKeys() throws {
        let key = try ES256.PrivateKey()
        var offCurve = key.publicKey.jwk
        offCurve["y"] = .string(Base64URL.encode([UInt8](repeating: 1, count: 32)))
        let set = try Self.set([
            ["kty": "RSA", "kid": "rsa", "n": "AQAB", "e": "AQAB"],
            ["kty": "OKP", "kid": "x25519", "crv": "X25519", "x": "hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo"],
            Self.jwk(key.publicKey, ["kid": "enc", "use": "enc"]),
            Self.jwk(key.publicKey, ["kid": "es384", "alg": "ES384"]),
            Self.jwk(key.publicKey, ["kid": "ops", "key_ops": ["encrypt"]]),
            .object(offCurve.merging(["kid": "bad"])),
            Self.jwk(key.publicKey, ["kid": "good", "use": "sig", "alg": "ES256", "key_ops": ["verify"]]),
        ])
        #expect(set.entries.map(\.keyID) == ["good"])
        #expect(set.skipped.map(\.keyID) == ["rsa", "x25519", "enc", "es384", "ops", "bad"])
        #expect(set.skipped.allSatisfy { !$0.reason.isEmpty })
    }

    @Test(
        "a document that is not a key set is an error",
        arguments: [
            #"[]"#, #"{}"#, #"{"keys":{}}"#, #"{"keys":[1]}"#, #"{"keys":["#,
        ]
    )
    func rejectsNonSets(_ text: String) {
        #expect(throws: JWTError.self) { _ = try JWKSet(parsing: text) }
    }

    @Test("a set with more keys than the limit is refused before any key is imported")
    func keyCountLimit() throws {
        let oneKey = JSONValue.object(try ES256.PrivateKey().publicKey.jwk)
        let overLimit = JSONValue.object(["keys": .array(Array(repeating: oneKey, count: 1001))]).serialized()
        let error = #expect(throws: JWTError.self) { _ = try JWKSet(parsing: overLimit) }
        #expect(error?.code == .limitExceeded)
        #expect(error?.reason.contains("1001 keys") == true)
        #expect(try JWKSet(parsing: overLimit, maximumKeyCount: 1001).entries.count == 1001)
        // 10k keys are over the default JSON input size already; raising both limits admits them.
        let huge = JSONValue.object(["keys": .array(Array(repeating: oneKey, count: 10_000))]).serialized()
        #expect(throws: JWTError.self) { _ = try JWKSet(parsing: huge) }
        var options = JSONParsingOptions()
        options.maximumInputSize = 2 << 20
        #expect(try JWKSet(parsing: huge, maximumKeyCount: 10_000, options: options).entries.count == 10_000)
    }

    @Test("Wycheproof JWK sets: the EC keys with a wrong alg, use, curve, kty or point are all skipped")
    func wycheproofKeySets() throws {
        let file = try Vectors.json("wycheproof/testvectors_v1/json_web_key_test.json")
        var checked = 0
        for group in try file.array("testGroups") {
            guard let publicSet = group["public"], let tests = group["tests"]?.arrayValue else { continue }
            let set = try JWKSet(parsing: publicSet.serialized())
            for test in tests {
                let id = try #require(test["tcId"]?.int64Value)
                guard (19...24).contains(id) else { continue }
                #expect(set.entries.isEmpty, "tcId \(id)")
                #expect(set.skipped.count == 1, "tcId \(id)")
                checked += 1
            }
        }
        #expect(checked == 6)
    }
}

extension JSONObject {
    fileprivate func merging(_ other: JSONObject) -> JSONObject {
        var result = self
        for (name, value) in other { result[name] = value }
        return result
    }
}
