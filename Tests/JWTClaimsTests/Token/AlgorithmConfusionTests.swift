import Testing

@testable import JWTClaims

/// The classic algorithm-confusion attack: an HS256 token whose HMAC secret is a public key's PEM text, DER bytes or
/// JWK text, presented to a verifier that holds that public key. The key decides the algorithm, so it is refused;
/// and no import path turns the public key into an HMAC secret.
@Suite("Algorithm confusion: a public key is never an HMAC secret")
struct AlgorithmConfusionTests {
    static func asymmetricKeys() throws -> [InteropManifest.Key] {
        try InteropManifest.load().keys.filter { $0.isAccepted && $0.algorithm.family != .hmac }
    }

    @Test(
        "HS256/384/512 tokens keyed with the public key's PEM, DER, PKCS#1 and JWK bytes are refused",
        arguments: try asymmetricKeys()
    )
    func verifierRefuses(_ key: InteropManifest.Key) throws {
        let publicKey = try JWTVerificationKey(pemRepresentation: key.text("publicSpkiPem"), algorithm: key.algorithm)
        var publicJWK = try #require(publicKey.publicJWK)
        publicJWK["kid"] = "k"
        let verifiers = [
            JWTVerifier(key: publicKey),
            JWTVerifier(keySet: try JWKSet(parsing: JSONValue.object(["keys": [.object(publicJWK)]]).serialized())),
        ]
        var refused = 0
        for format in ["publicSpkiPem", "publicSpkiDer", "publicPkcs1Pem", "publicJwk"] where key.files[format] != nil {
            let secret = try key.bytes(format)
            for algorithm in JWSAlgorithm.hmacAlgorithms where secret.count >= algorithm.digest.byteCount {
                let signer = JWTSigner(
                    key: JWTSigningKey(try HMAC.Key(bytes: secret, algorithm: algorithm)),
                    keyID: "k"
                )
                let token = try signer.sign(["sub": "attacker"])
                for verifier in verifiers {
                    let error = #expect(throws: JWTError.self) {
                        _ = try verifier.verify(token, now: NumericDate(secondsSince1970: 0))
                    }
                    #expect(error?.code == .unsupportedAlgorithm, "\(format) \(algorithm)")
                    refused += 1
                }
            }
        }
        #expect(refused >= 6)
    }

    @Test(
        "no import path makes an HMAC key of a public key: PEM, DER, JWK or a JWK Set default",
        arguments: try asymmetricKeys()
    )
    func importPathsRefuse(_ key: InteropManifest.Key) throws {
        let publicJWK = try JSONObject(parsing: key.bytes("publicJwk"))
        var withoutAlg = publicJWK
        withoutAlg.removeValue(forName: "alg")
        for algorithm in JWSAlgorithm.hmacAlgorithms {
            let attempts: [() throws -> JWTVerificationKey] = [
                { try JWTVerificationKey(pemRepresentation: key.text("publicSpkiPem"), algorithm: algorithm) },
                { try JWTVerificationKey(derRepresentation: key.bytes("publicSpkiDer"), algorithm: algorithm) },
                { try JWTVerificationKey(jwk: publicJWK, algorithm: algorithm) },
                { try JWTVerificationKey(jwk: withoutAlg, algorithm: algorithm) },
                { try HMAC.Key(jwk: publicJWK, algorithm: algorithm).verificationKeyForTest },
            ]
            for attempt in attempts {
                let error = #expect(throws: JWTError.self) { _ = try attempt() }
                #expect(error?.code == .unsupportedKey, "\(algorithm): \(error?.description ?? "")")
            }
            // In a key set, an asymmetric key without alg never takes an HMAC default: it is skipped (RSA) or keeps
            // its own algorithm (EC, OKP).
            let set = try JWKSet(
                parsing: JSONValue.object(["keys": [.object(withoutAlg)]]).serialized(),
                defaultAlgorithm: algorithm
            )
            #expect(set.entries.allSatisfy { !$0.key.isSecret && $0.key.algorithm == key.algorithm })
        }
        // Without an algorithm, PEM and DER give the public key, never a secret.
        if key.algorithm.family == .ecdsa || key.algorithm.family == .eddsa {
            #expect(try !JWTVerificationKey(pemRepresentation: key.text("publicSpkiPem")).isSecret)
        }
    }
}

extension HMAC.Key {
    /// The key as a verification key, for a table of import attempts.
    var verificationKeyForTest: JWTVerificationKey {
        JWTVerificationKey(self)
    }
}
