import Testing

@testable import JWTClaims

/// Wycheproof (C2SP, Apache-2.0) ECDSA P-256 / SHA-256 verification vectors.
@Suite("ES256 against Wycheproof ECDSA vectors")
struct ES256WycheproofTests {
    private static let p1363Path = "wycheproof/testvectors_v1/ecdsa_secp256r1_sha256_p1363_test.json"
    private static let derPath = "wycheproof/testvectors_v1/ecdsa_secp256r1_sha256_test.json"

    /// How one P1363 vector fared: verified, failed verification, or refused as a signature encoding.
    private enum Outcome: Equatable {
        case verified
        case notVerified
        case refusedEncoding
    }

    private static func outcome(
        of test: SigningVectors.ECDSAFile.Test,
        key: ES256.PublicKey
    ) throws -> Outcome {
        let message = try hexBytes(test.msg)
        let signatureBytes = try hexBytes(test.sig)
        let signature: ES256.Signature
        do {
            signature = try ES256.Signature(rawRepresentation: signatureBytes)
        } catch {
            #expect(error.code == .invalidSignatureEncoding, "tcId \(test.tcId)")
            return .refusedEncoding
        }
        return key.isValidSignature(signature, for: message) ? .verified : .notVerified
    }

    @Test("P1363: every valid vector verifies and every invalid one is rejected (key from the uncompressed point)")
    func p1363WithUncompressedPoints() throws {
        let file = try Vectors.decode(SigningVectors.ECDSAFile.self, from: Self.p1363Path)
        var counts: [String: Int] = [:]
        var refusedEncodings = 0
        for group in file.testGroups {
            let key = try ES256.PublicKey(x963Representation: hexBytes(group.publicKey.uncompressed))
            for test in group.tests {
                let outcome = try Self.outcome(of: test, key: key)
                counts[test.result, default: 0] += 1
                switch test.result {
                case "valid":
                    #expect(outcome == .verified, "tcId \(test.tcId): \(test.comment)")
                case "invalid":
                    #expect(outcome != .verified, "tcId \(test.tcId): \(test.comment)")
                    if outcome == .refusedEncoding { refusedEncodings += 1 }
                default:
                    Issue.record("tcId \(test.tcId) is \(test.result); this file had no acceptable vectors")
                }
            }
        }
        // The file's own tally (see wycheproof/README.md): 173 valid, 89 invalid, 0 acceptable.
        #expect(counts == ["valid": 173, "invalid": 89])
        #expect(counts.values.reduce(0, +) == file.numberOfTests)
        // Signatures that are not 64 bytes never reach verification.
        #expect(refusedEncodings > 0)
    }

    @Test("P1363: the SPKI PEM and DER of every group import to the same key as its point")
    func p1363KeysFromPEMAndDER() throws {
        let file = try Vectors.decode(SigningVectors.ECDSAFile.self, from: Self.p1363Path)
        for group in file.testGroups {
            let fromPoint = try ES256.PublicKey(x963Representation: hexBytes(group.publicKey.uncompressed))
            let fromPEM = try ES256.PublicKey(pemRepresentation: group.publicKeyPem)
            let fromDER = try ES256.PublicKey(derRepresentation: hexBytes(group.publicKeyDer))
            #expect(fromPEM == fromPoint)
            #expect(fromDER == fromPoint)
            #expect(fromDER.derRepresentation == (try hexBytes(group.publicKeyDer)))
            // Spot-check verification through the PEM-imported key too.
            if let test = group.tests.first {
                let expected = try Self.outcome(of: test, key: fromPoint)
                #expect(try Self.outcome(of: test, key: fromPEM) == expected)
            }
        }
    }

    @Test("DER file: every signature is refused, none is 64 bytes")
    func derSignaturesAreRefused() throws {
        let file = try Vectors.decode(SigningVectors.ECDSAFile.self, from: Self.derPath)
        var refused = 0
        for group in file.testGroups {
            for test in group.tests {
                let bytes = try hexBytes(test.sig)
                let error = #expect(throws: JWTError.self, "tcId \(test.tcId)") {
                    try ES256.Signature(rawRepresentation: bytes)
                }
                if error?.code == .invalidSignatureEncoding { refused += 1 }
            }
        }
        #expect(refused == file.numberOfTests)
        #expect(refused == 484)
    }
}
