import Testing

@testable import JWTClaims

/// The RSA key rules OpenSSL does not enforce: size, public exponent, small factors, ROCA.
@Suite("RSAKeyPolicy")
struct RSAKeyPolicyTests {
    /// The Wycheproof JWK set of `json_web_key_test.json` group `comment`.
    static func wycheproofKey(_ comment: String) throws -> JSONObject {
        let file = try Vectors.json("wycheproof/testvectors_v1/json_web_key_test.json")
        let group = try #require(try file.array("testGroups").first { $0["comment"]?.stringValue == comment })
        return try #require(try group.object("public")["keys"]?[0]?.objectValue)
    }

    @Test("refuses the ROCA key of Wycheproof JWK tcId 7 (OpenSSL verifies with it), and no other test key")
    func roca() throws {
        let jwk = try Self.wycheproofKey("jws_rsa_roca_key")
        let modulus = try Base64URL.decode(try #require(jwk["n"]?.stringValue))
        #expect(RSAKeyPolicy.hasROCAFingerprint(modulus))
        let error = #expect(throws: JWTError.self) { _ = try RSA.PublicKey(jwk: jwk) }
        #expect(error?.code == .unsupportedKey)
        #expect(error?.reason.contains("ROCA") == true)
        // Every other RSA key of the test data: no false positive.
        var checked = 0
        for name in RSAWycheproofTests.pkcs1Files {
            for group in try WycheproofFile(name).groups {
                let key = try RSA.PublicKey(jwk: group.json.object("keyJwk"))
                #expect(!RSAKeyPolicy.hasROCAFingerprint(key.components.modulus))
                checked += 1
            }
        }
        for key in try InteropManifest.load().keys
        where key.algorithm.family == .rsaPKCS1 || key.algorithm.family == .rsaPSS {
            let jwk = try JSONObject(parsing: key.bytes("publicJwk"))
            #expect(!RSAKeyPolicy.hasROCAFingerprint(try Base64URL.decode(try #require(jwk["n"]?.stringValue))))
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test("refuses e = 1 (Wycheproof JWK tcId 9, which OpenSSL verifies) and even exponents as invalid keys")
    func exponentOne() throws {
        let jwk = try Self.wycheproofKey("exponentOne")
        let error = #expect(throws: JWTError.self) { _ = try RSA.PublicKey(jwk: jwk) }
        #expect(error?.code == .invalidKey)
        let good = try RSA.PrivateKey(algorithm: .rs256)
        var modulus = good.publicKey.components.modulus
        for exponent: [UInt8] in [[0x01], [0x00], [0x01, 0x00, 0x00], [0x02]] {
            let error = #expect(throws: JWTError.self) { try RSAKeyPolicy.check(modulus: modulus, exponent: exponent) }
            #expect(error?.code == .invalidKey, "e = \(exponent)")
        }
        let huge = #expect(throws: JWTError.self) {
            try RSAKeyPolicy.check(modulus: modulus, exponent: [0x01] + [UInt8](repeating: 0, count: 7) + [0x01])
        }
        #expect(huge?.code == .unsupportedKey)
        try RSAKeyPolicy.check(modulus: modulus, exponent: [0x03])
        try RSAKeyPolicy.check(modulus: modulus, exponent: [0x01, 0x00, 0x01])
        // An even modulus, and one with a small factor.
        modulus[modulus.count - 1] &= 0xFE
        #expect(throws: JWTError.self) { try RSAKeyPolicy.check(modulus: modulus, exponent: [0x03]) }
        // 997 times an odd 2048-bit number: odd, 2048+ bits, and with the small factor 997.
        var multiple = good.publicKey.components.modulus
        var carry = 0
        for index in multiple.indices.reversed() {
            let product = Int(multiple[index]) * 997 + carry
            multiple[index] = UInt8(truncatingIfNeeded: product)
            carry = product >> 8
        }
        while carry > 0 {
            multiple.insert(UInt8(truncatingIfNeeded: carry), at: 0)
            carry >>= 8
        }
        #expect(RSAKeyPolicy.remainder(of: multiple, dividedBy: 997) == 0)
        let factorError = #expect(throws: JWTError.self) { try RSAKeyPolicy.check(modulus: multiple, exponent: [3]) }
        #expect(factorError?.code == .invalidKey)
        #expect(factorError?.reason.contains("997") == true)
    }

    @Test("sizes: under 2048 bits and over 16384 are refused as unsupported keys; the bit count is exact")
    func sizes() throws {
        let odd2047 = [0x7F] + [UInt8](repeating: 0xFF, count: 255)
        #expect(RSAKeyPolicy.bitCount(of: odd2047) == 2047)
        let small = #expect(throws: JWTError.self) { try RSAKeyPolicy.check(modulus: odd2047, exponent: [3]) }
        #expect(small?.code == .unsupportedKey)
        let large = #expect(throws: JWTError.self) {
            try RSAKeyPolicy.check(modulus: [0x01] + [UInt8](repeating: 0xFF, count: 2048), exponent: [3])
        }
        #expect(large?.code == .unsupportedKey)
        #expect(RSAKeyPolicy.bitCount(of: [0, 0, 1]) == 1)
        let keysizeTooSmall = try Self.wycheproofKey("keysize_too_small")
        let error = #expect(throws: JWTError.self) { _ = try RSA.PublicKey(jwk: keysizeTooSmall) }
        #expect(error?.code == .unsupportedKey)
    }

    @Test("a private key whose components do not belong together is refused")
    func inconsistentPrivateKey() throws {
        let key = try RSA.PrivateKey(algorithm: .ps256)
        var jwk = key.jwk
        // Swap dp and dq: n, e, d, p, q stay right, the CRT values do not.
        let dp = jwk["dp"]
        jwk["dp"] = jwk["dq"]
        jwk["dq"] = dp
        let error = #expect(throws: JWTError.self) { _ = try RSA.PrivateKey(jwk: jwk) }
        #expect(error?.code == .invalidKey)
        var missing = key.jwk
        missing.removeValue(forName: "qi")
        #expect(throws: JWTError.self) { _ = try RSA.PrivateKey(jwk: missing) }
        #expect(try RSA.PrivateKey(jwk: key.jwk).derRepresentation == key.derRepresentation)
    }
}
