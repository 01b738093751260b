import Testing

@testable import JWTClaims

/// RFC 7515 A.2 (RS256) and A.4 (ES512), and the RFC 7520 section 4 cookbook signatures (RS256, PS384, ES512,
/// HS256 over one text payload), with the key forms derived from them (`Resources/rfc/README.md`).
@Suite("RS256, ES512, PS384 and HS256 against the RFC examples")
struct RFCSignatureVectorsTests {
    @Test("RFC 7515 A.2: RS256 verifies in every key form, re-signs byte for byte, and the JWT's claims come out")
    func appendixA2() throws {
        let file = try Vectors.json("rfc/rfc7515-appendix-a2-rs256.json")
        let example = try file.member("A.2")
        let derived = try file.member("A.2-derived (computed here with pyca/cryptography, NOT in the RFC)")
        let privateKey = try RSA.PrivateKey(jwk: example.object("privateJwk"), algorithm: .rs256)
        let input = Array(try example.string("signingInput").utf8)
        let signature = try Base64URL.decode(try example.string("signatureB64u"))
        // RSASSA-PKCS1-v1_5 is deterministic: the RFC's signature, byte for byte.
        #expect(try privateKey.signature(for: input) == signature)
        let publicKeys = [
            privateKey.publicKey,
            try RSA.PublicKey(jwk: derived.object("publicJwk"), algorithm: .rs256),
            try RSA.PublicKey(pemRepresentation: derived.string("publicKeySpkiPem"), algorithm: .rs256),
            try RSA.PublicKey(pemRepresentation: derived.string("publicKeyPkcs1Pem"), algorithm: .rs256),
            try RSA.PrivateKey(pemRepresentation: derived.string("privateKeyPkcs1Pem"), algorithm: .rs256).publicKey,
            try RSA.PrivateKey(pemRepresentation: derived.string("privateKeyPkcs8Pem"), algorithm: .rs256).publicKey,
        ]
        for key in publicKeys {
            #expect(key == privateKey.publicKey)
            #expect(key.isValidSignature(signature, for: input))
            #expect(!key.isValidSignature(signature, for: input + [0x20]))
        }
        #expect(privateKey.publicKey.modulusBitCount == 2048)
        #expect(JWTVerificationKey(privateKey.publicKey).thumbprint == (try derived.string("jwkThumbprintSha256B64u")))
        // The token as a JWT, before its 2011 expiry: the CR LF payload's claims, as the RFC prints them.
        let verifier = JWTVerifier(key: JWTVerificationKey(privateKey.publicKey))
        let verified = try verifier.verify(example.string("compact"), now: NumericDate(secondsSince1970: 1_300_819_000))
        #expect(verified.claims.hasSameValue(as: ClaimSet(try example.object("expectedClaims"))))
        // After it, and under a key bound to another RSA algorithm, it is refused.
        let expired = #expect(throws: JWTError.self) {
            _ = try verifier.verify(example.string("compact"), now: NumericDate(secondsSince1970: 1_300_819_380))
        }
        #expect(expired?.code == .expired)
        let ps256 = JWTVerifier(
            key: JWTVerificationKey(try RSA.PublicKey(jwk: derived.object("publicJwk"), algorithm: .ps256))
        )
        let mismatch = #expect(throws: JWTError.self) {
            _ = try ps256.verify(example.string("compact"), now: NumericDate(secondsSince1970: 1_300_819_000))
        }
        #expect(mismatch?.code == .unsupportedAlgorithm)
    }

    @Test("RFC 7515 A.4: ES512 verifies (S starts with 0x00), its n − S twin too; the DER form is refused")
    func appendixA4() throws {
        let file = try Vectors.json("rfc/rfc7515-appendix-a4-es512.json")
        let example = try file.member("A.4")
        let derived = try file.member("A.4-derived (computed here with pyca/cryptography, NOT in the RFC)")
        let privateKey = try ES512.PrivateKey(jwk: example.object("privateJwk"))
        let keys = [
            privateKey.publicKey,
            try ES512.PublicKey(jwk: derived.object("publicJwk")),
            try ES512.PublicKey(pemRepresentation: derived.string("publicKeySpkiPem")),
            try ES512.PublicKey(x963Representation: hexBytes(derived.string("uncompressedPointHex"))),
            try ES512.PrivateKey(pemRepresentation: derived.string("privateKeySec1Pem")).publicKey,
            try ES512.PrivateKey(pemRepresentation: derived.string("privateKeyPkcs8Pem")).publicKey,
        ]
        let raw = try hexBytes(derived.string("signatureHex"))
        #expect(raw.count == 132)
        #expect(raw[66] == 0)
        let signature = try ES512.Signature(rawRepresentation: raw)
        let input = Array(try example.string("signingInput").utf8)
        for key in keys {
            #expect(key == privateKey.publicKey)
            #expect(key.isValidSignature(signature, for: input))
            #expect(!key.isValidSignature(signature, for: input + [0x20]))
        }
        #expect(privateKey.publicKey.thumbprint == (try derived.string("jwkThumbprintSha256B64u")))
        let verifier = JWTVerifier(key: JWTVerificationKey(privateKey.publicKey))
        for compact in [try example.string("compact"), try derived.string("highSCompact")] {
            let payload = try verifier.verifiedPayload(compact).payload
            #expect(String(decoding: payload, as: UTF8.self) == "Payload")
        }
        let der = #expect(throws: JWTError.self) {
            _ = try verifier.verifiedPayload(derived.string("compactWithDerSignature"))
        }
        #expect(der?.code == .invalidSignatureEncoding)
        // A fresh signature by the same key verifies (ECDSA is randomised, so it is not the RFC's).
        #expect(privateKey.publicKey.isValidSignature(try privateKey.signature(for: input), for: input))
    }

    @Test("RFC 7520 4.1-4.4: each compact signature verifies under its key bound to the example's algorithm")
    func cookbook() throws {
        let keys = try Vectors.json("rfc/rfc7520-section3-keys.json")
        let file = try Vectors.json("rfc/rfc7520-section4-jws.json")
        let rsaPrivate = try keys.member("3.4-rsaPrivateKey").object("jwk")
        let rsaPublic = try keys.member("3.3-rsaPublicKey").object("jwk")
        // The cookbook's RSA key has no alg and signs both RS256 and PS384: each use binds it to one algorithm.
        let examples: [(section: String, key: JWTVerificationKey, signer: JWTSigningKey?)] = [
            (
                "4.1", try JWTVerificationKey(jwk: rsaPublic, algorithm: .rs256),
                try JWTSigningKey(jwk: rsaPrivate, algorithm: .rs256)
            ),
            ("4.2", try JWTVerificationKey(jwk: rsaPublic, algorithm: .ps384), nil),
            ("4.3", try JWTVerificationKey(jwk: keys.member("3.1-ecPublicKey").object("jwk")), nil),
            ("4.4", try JWTVerificationKey(jwk: keys.member("3.5-symmetricKeyMac").object("jwk")), nil),
        ]
        let payload = try file.string("payloadUtf8")
        for example in examples {
            let section = try file.member(example.section)
            #expect(example.key.algorithm.rawValue == (try section.string("alg")))
            let verified = try JWTVerifier(key: example.key).verifiedPayload(section.string("compact"))
            #expect(String(decoding: verified.payload, as: UTF8.self) == payload, "\(example.section)")
            if let signer = example.signer {
                // Deterministic: re-signing the input gives the cookbook's signature.
                let signature = try signer.signature(for: Array(section.string("signingInput").utf8))
                #expect(Base64URL.encode(signature) == (try section.string("signatureB64u")))
            }
        }
        // The PS384 token under the same key bound to RS256 is refused: the key, not the header, decides.
        let rs256 = JWTVerifier(key: try JWTVerificationKey(jwk: rsaPublic, algorithm: .rs256))
        let error = #expect(throws: JWTError.self) {
            _ = try rs256.verifiedPayload(file.member("4.2").string("compact"))
        }
        #expect(error?.code == .unsupportedAlgorithm)
    }
}
