import Foundation
import Testing

@testable import JWTClaims

/// Wycheproof (C2SP, Apache-2.0) ECDSA vectors for ES384 (P-384/SHA-384) and ES512 (P-521/SHA-512), and the
/// P-384/P-521 webcrypto JWK validation vectors. ES256 has its own suite (``ES256WycheproofTests``); these hold the
/// same rules for the other two curves: raw R||S of exactly the curve's width, DER refused, invalid-curve keys refused.
@Suite("ES384 and ES512 against Wycheproof")
struct ECDSAWycheproofTests {
    /// One curve's files, expected tallies and typed entry points.
    struct Curve: CustomTestStringConvertible, Sendable {
        let algorithm: JWSAlgorithm
        let p1363: String
        let der: String
        let webCrypto: String
        let counts: [String: Int]
        let derCount: Int
        let webCryptoValid: Int
        let signatureByteCount: Int
        let keyFromPoint: @Sendable ([UInt8]) throws -> JWTVerificationKey
        let keyFromPEM: @Sendable (String) throws -> JWTVerificationKey
        let keyFromDER: @Sendable ([UInt8]) throws -> JWTVerificationKey
        let keyFromJWK: @Sendable (JSONObject) throws -> JWTVerificationKey
        let typedSignatureAccepts: @Sendable ([UInt8]) -> Bool
        var testDescription: String { "\(algorithm)" }
    }

    static let curves: [Curve] = [
        Curve(
            algorithm: .es384,
            p1363: "ecdsa_secp384r1_sha384_p1363_test.json",
            der: "ecdsa_secp384r1_sha384_test.json",
            webCrypto: "ecdh_secp384r1_webcrypto_test.json",
            counts: ["valid": 193, "invalid": 87],
            derCount: 504,
            webCryptoValid: 771,
            signatureByteCount: 96,
            keyFromPoint: { JWTVerificationKey(try ES384.PublicKey(x963Representation: $0)) },
            keyFromPEM: { JWTVerificationKey(try ES384.PublicKey(pemRepresentation: $0)) },
            keyFromDER: { JWTVerificationKey(try ES384.PublicKey(derRepresentation: $0)) },
            keyFromJWK: { JWTVerificationKey(try ES384.PublicKey(jwk: $0)) },
            typedSignatureAccepts: { (try? ES384.Signature(rawRepresentation: $0)) != nil }
        ),
        Curve(
            algorithm: .es512,
            p1363: "ecdsa_secp521r1_sha512_p1363_test.json",
            der: "ecdsa_secp521r1_sha512_test.json",
            webCrypto: "ecdh_secp521r1_webcrypto_test.json",
            counts: ["valid": 231, "invalid": 87],
            derCount: 542,
            webCryptoValid: 632,
            signatureByteCount: 132,
            keyFromPoint: { JWTVerificationKey(try ES512.PublicKey(x963Representation: $0)) },
            keyFromPEM: { JWTVerificationKey(try ES512.PublicKey(pemRepresentation: $0)) },
            keyFromDER: { JWTVerificationKey(try ES512.PublicKey(derRepresentation: $0)) },
            keyFromJWK: { JWTVerificationKey(try ES512.PublicKey(jwk: $0)) },
            typedSignatureAccepts: { (try? ES512.Signature(rawRepresentation: $0)) != nil }
        ),
    ]

    @Test(
        "P1363: every valid vector verifies, every invalid one fails, wrong lengths never reach OpenSSL",
        arguments: curves
    )
    func p1363(_ curve: Curve) throws {
        let file = try WycheproofFile(curve.p1363)
        var counts: [String: Int] = [:]
        var refusedLengths = 0
        for group in file.groups {
            let point = try hexBytes(group.json.object("publicKey")["uncompressed"]?.stringValue ?? "")
            let key = try curve.keyFromPoint(point)
            #expect(key.algorithm == curve.algorithm)
            // The group's PEM, DER and (when given) JWK are the same key.
            #expect(try curve.keyFromPEM(group.json.string("publicKeyPem")) == key)
            #expect(try curve.keyFromDER(hexBytes(group.json.string("publicKeyDer"))) == key)
            #expect(key.derRepresentation == (try hexBytes(group.json.string("publicKeyDer"))))
            if let jwk = group.json["publicKeyJwk"]?.objectValue {
                #expect(try curve.keyFromJWK(jwk) == key)
            }
            for test in group.tests {
                counts[test.result, default: 0] += 1
                let signature = try test.hex("sig")
                let message = try test.hex("msg")
                let verified = key.isValidSignature(signature, for: message)
                if signature.count != curve.signatureByteCount {
                    refusedLengths += 1
                    #expect(!curve.typedSignatureAccepts(signature), "\(test.label)")
                    #expect(throws: JWTError.self) { _ = try key.verify(signature, signingInput: message[...]) }
                }
                switch test.result {
                case "valid": #expect(verified, "\(test.label)")
                case "invalid": #expect(!verified, "\(test.label)")
                default: Issue.record("\(test.label): the ECDSA P1363 files have no acceptable vectors")
                }
            }
        }
        #expect(counts == curve.counts)
        #expect(counts.values.reduce(0, +) == file.numberOfTests)
        // 19 (P-384) and 14 (P-521) invalid signatures have another length (NOTES.md).
        #expect(refusedLengths == (curve.algorithm == .es384 ? 19 : 14))
    }

    @Test("DER file: no signature has the raw length, so every one is refused", arguments: curves)
    func derSignaturesAreRefused(_ curve: Curve) throws {
        let file = try WycheproofFile(curve.der)
        #expect(file.numberOfTests == curve.derCount)
        for (_, test) in file.tests {
            let signature = try test.hex("sig")
            #expect(!curve.typedSignatureAccepts(signature), "\(test.label)")
            #expect(signature.count != curve.signatureByteCount)
        }
    }

    @Test("webcrypto: every invalid public JWK is refused and every valid one imports", arguments: curves)
    func webCryptoKeys(_ curve: Curve) throws {
        let file = try WycheproofFile(curve.webCrypto)
        var accepted = 0
        var refusedByCode: [JWTError.Code: Int] = [:]
        var otherCurveKeys = 0
        for (_, test) in file.tests {
            let jwk = try #require(test.json["public"]?.objectValue)
            let result = Result { try curve.keyFromJWK(jwk) }
            switch (test.result, result) {
            case ("valid", .success(let key)):
                accepted += 1
                #expect(key.publicJWK?["x"] == jwk["x"], "\(test.label)")
            case ("invalid", .failure(let error as JWTError)):
                refusedByCode[error.code, default: 0] += 1
                // A valid key on another curve is invalid only because this curve's key was asked for: the key
                // decides its algorithm, so it imports as its own curve's key through the erased type.
                if jwk["crv"]?.stringValue != ECCurve.of(curve.algorithm)?.name,
                    let other = try? JWTVerificationKey(jwk: jwk)
                {
                    otherCurveKeys += 1
                    #expect(other.algorithm != curve.algorithm)
                }
            default:
                Issue.record("\(test.label): got \(result)")
            }
        }
        #expect(accepted == curve.webCryptoValid)
        #expect(refusedByCode.values.reduce(0, +) == 23)
        #expect(Set(refusedByCode.keys).isSubset(of: [.invalidKey, .unsupportedKey]))
        #expect(otherCurveKeys == 3)
    }
}
