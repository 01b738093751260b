import Foundation
import Testing

/// Models of the vector files the signing tests read (decoded with `Vectors.decode`, Foundation only).
enum SigningVectors {
    /// Wycheproof `ecdsa_secp256r1_sha256_p1363_test.json` and `ecdsa_secp256r1_sha256_test.json`.
    struct ECDSAFile: Decodable {
        struct Group: Decodable {
            struct PublicKey: Decodable {
                let uncompressed: String
            }
            let publicKey: PublicKey
            let publicKeyDer: String
            let publicKeyPem: String
            let publicKeyJwk: [String: String]?
            let tests: [Test]
        }
        struct Test: Decodable {
            let tcId: Int
            let comment: String
            let msg: String
            let sig: String
            let result: String
            let flags: [String]
        }
        let numberOfTests: Int
        let testGroups: [Group]
    }

    /// Wycheproof `ecdh_secp256r1_ecpoint_test.json` (only the public point matters here).
    struct ECPointFile: Decodable {
        struct Group: Decodable {
            let tests: [Test]
        }
        struct Test: Decodable {
            let tcId: Int
            let comment: String
            let `public`: String
            let result: String
            let flags: [String]
        }
        let testGroups: [Group]
    }

    /// Wycheproof `ecdh_secp256r1_webcrypto_test.json` (only the public JWK matters here).
    struct WebCryptoFile: Decodable {
        struct Group: Decodable {
            let tests: [Test]
        }
        struct Test: Decodable {
            let tcId: Int
            let comment: String
            let `public`: [String: String]
            let result: String
            let flags: [String]
        }
        let testGroups: [Group]
    }

    /// `rfc/rfc7515-appendix-a3-es256.json`, the members these tests use.
    struct RFC7515File: Decodable {
        struct A3: Decodable {
            let signingInputOctets: [UInt8]
            let signatureHex: String
            let publicJwk: [String: String]
            let privateJwk: [String: String]
        }
        struct Derived: Decodable {
            let publicKeySpkiPem: String
            let privateKeyPkcs8Pem: String
            let privateKeySec1Pem: String
            let uncompressedPointHex: String
            let derSignatureHex: String
        }
        let a3: A3
        let derived: Derived

        enum CodingKeys: String, CodingKey {
            case a3 = "A.3"
            case derived = "A.3-derived (computed here with pyca/cryptography, NOT in the RFC)"
        }
    }

    /// `rfc/rfc7517-appendix-a-ec-p256-jwk.json`, the members these tests use.
    struct RFC7517File: Decodable {
        struct Derived: Decodable {
            let uncompressedPointHex: String
        }
        let publicJwk: [String: String]
        let privateJwk: [String: String]
        let derived: Derived

        enum CodingKeys: String, CodingKey {
            case publicJwk = "A.1-ecPublicJwk"
            case privateJwk = "A.2-ecPrivateJwk"
            case derived = "derived (computed here with pyca/cryptography, NOT in the RFC)"
        }
    }

    /// `rfc/rfc7638-jwk-thumbprint.json`, the EC vectors.
    struct RFC7638File: Decodable {
        struct Computed: Decodable {
            struct Vector: Decodable {
                let label: String
                let jwk: [String: String]
                let canonicalJson: String
                let thumbprintB64u: String
            }
            let vectors: [Vector]
        }
        let computedEcP256Examples: Computed
    }

    /// `generated/es256-interop.json` `keys`.
    struct InteropFile: Decodable {
        struct Key: Decodable {
            let kid: String
            let publicJwk: [String: String]
            let privateJwk: [String: String]
            let jwkThumbprintSha256: String
            let publicKeySpkiPem: String
            let privateKeyPkcs8Pem: String
            let privateKeySec1Pem: String
            let dHex: String
            let uncompressedPointHex: String
        }
        let keys: [Key]
    }

    /// `generated-python/es256-python-signatures.json`.
    struct PythonSignatures: Codable {
        struct Item: Codable {
            let messageHex: String
            let signatureHex: String
        }
        let publicKeySpkiPem: String
        let signatures: [Item]
    }

    /// `generated-python/rejected-keys.json`.
    struct RejectedKeys: Decodable {
        struct Key: Decodable {
            let name: String
            let kind: String
            let encoding: String
            let data: String
            let expectedCode: String
        }
        let keys: [Key]
    }
}

/// Hex that must decode, for vector fields.
func hexBytes(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
    try #require([UInt8](hex: text), "not hex: \(text.prefix(40))", sourceLocation: sourceLocation)
}
