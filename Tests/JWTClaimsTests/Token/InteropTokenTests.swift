import Testing

@testable import JWTClaims

/// The 176 tokens of `Resources/interop/manifest.json`, signed by joserfc, PyJWT and the fixture generator: every
/// valid one verifies with the key it names, in each of that key's public formats, and yields the reference claims;
/// every other one (algorithm confusion, `none`, a header `alg` that is not the key's, weak keys, DER or short ECDSA
/// signatures, PSS salts other than the hash length, wrong keys, an unknown `kid`) is refused.
@Suite("Tokens signed by Python libraries")
struct InteropTokenTests {
    static let manifest = Result { try InteropManifest.load() }

    static func tokens() throws -> [InteropManifest.Token] {
        try manifest.get().tokens
    }

    /// The verification keys a token's key is available as: its public JWK (the secret JWK for HMAC), and for
    /// asymmetric keys its SPKI PEM and DER and, for RSA, PKCS#1 PEM. Throws for a key that must not import.
    static func verificationKeys(_ key: InteropManifest.Key) throws -> [JWTVerificationKey] {
        if key.algorithm.family == .hmac {
            return [try JWTVerificationKey(jwkRepresentation: key.text("privateJwk"))]
        }
        var keys = [
            try JWTVerificationKey(jwkRepresentation: key.text("publicJwk"), algorithm: key.algorithm),
            try JWTVerificationKey(pemRepresentation: key.text("publicSpkiPem"), algorithm: key.algorithm),
            try JWTVerificationKey(derRepresentation: key.bytes("publicSpkiDer"), algorithm: key.algorithm),
        ]
        if key.files["publicPkcs1Pem"] != nil {
            keys.append(try JWTVerificationKey(pemRepresentation: key.text("publicPkcs1Pem"), algorithm: key.algorithm))
        }
        return keys
    }

    @Test("the manifest holds 55 valid tokens and 121 to refuse, over all thirteen algorithms")
    func counts() throws {
        let tokens = try Self.tokens()
        #expect(tokens.count == 176)
        #expect(tokens.filter(\.isValid).count == 55)
        let validAlgorithms = Set(
            try tokens.filter(\.isValid).map { try UnverifiedJWT(decoding: $0.token).header.algorithm }
        )
        #expect(validAlgorithms == Set(JWSAlgorithm.allCases.map(\.rawValue)))
    }

    @Test("each token verifies or is refused as the manifest says", arguments: try tokens())
    func verifiesAsLabelled(_ token: InteropManifest.Token) throws {
        let manifest = try Self.manifest.get()
        let verifiers: [JWTVerifier]
        if let kid = token.verifyWithKid {
            let key = try manifest.key(kid)
            guard key.isAccepted else {
                // A weak key never imports, so nothing it signed can verify.
                #expect(!token.isValid)
                #expect(throws: JWTError.self) { _ = try Self.verificationKeys(key) }
                return
            }
            verifiers = try Self.verificationKeys(key).map { JWTVerifier(key: $0) }
        } else {
            let path = try #require(token.verifyWithJWKS)
            verifiers = [JWTVerifier(keySet: try JWKSet(parsing: Vectors.bytes("interop/\(path)")))]
        }
        for verifier in verifiers {
            let result = Result { () throws(JWTError) in try verifier.verify(token.token, now: InteropManifest.now) }
            switch result {
            case .success(let verified):
                #expect(token.isValid, "\(token.id) verified: \(token.reason)")
                let expected = try #require(token.expectedClaims?.objectValue)
                #expect(verified.claims.hasSameValue(as: ClaimSet(expected)), "\(token.id)")
            case .failure(let error):
                #expect(!token.isValid, "\(token.id) refused: \(error)")
            }
        }
    }
}
