import Testing

@testable import JWTClaims

/// ``JWTSigningKey`` and ``JWTVerificationKey`` from PEM, DER and JWK: what is recognised, what each key's algorithm
/// becomes, and what is refused.
@Suite("JWTSigningKey and JWTVerificationKey recognise keys by content")
struct JWTKeyRecognitionTests {
    // pyca/cryptography 48: keys on curves JOSE does not sign with, and an RSASSA-PSS (OID 1.2.840.113549.1.1.10)
    // public key from `openssl genpkey -algorithm RSA-PSS`.
    static let secp256k1Private = """
        -----BEGIN PRIVATE KEY-----
        MIGEAgEAMBAGByqGSM49AgEGBSuBBAAKBG0wawIBAQQgQsXlOPUP4ZAE9ocPUBPJ
        tHq4xEm72QwSyLxS9EqfVhOhRANCAAScB2u1fhRVBMkYpr28CxSeNjhRljfECtJW
        udzFX86CbnDrmRZSr+He82AmD26QItZ8n7aLT1YFb3UWUyqq/Dgo
        -----END PRIVATE KEY-----
        """
    static let secp256k1Public = """
        -----BEGIN PUBLIC KEY-----
        MFYwEAYHKoZIzj0CAQYFK4EEAAoDQgAEnAdrtX4UVQTJGKa9vAsUnjY4UZY3xArS
        VrncxV/Ogm5w65kWUq/h3vNgJg9ukCLWfJ+2i09WBW91FlMqqvw4KA==
        -----END PUBLIC KEY-----
        """
    static let p224Public = """
        -----BEGIN PUBLIC KEY-----
        ME4wEAYHKoZIzj0CAQYFK4EEACEDOgAE5NY+yOoINASFb3joZfqU+rYbpxnFKw19
        Bvfw12Ya596HWd9rEiRuAqAJRWydsN2KPRDtZBgi+z8=
        -----END PUBLIC KEY-----
        """
    static let rsaPSSPublic = """
        -----BEGIN PUBLIC KEY-----
        MIIBIDALBgkqhkiG9w0BAQoDggEPADCCAQoCggEBAKn8Rij58ivbdgWlOlScxJ7k
        qNDoTPu1ik5RtN6VznNFgJvKoUdnsmfvMaBxjWRMQP1gOH/7zFJs3C0HJPOzB0jP
        XvQo3oPa8xGK0l8De1DdEpRAjQWbP1EC9LHcBn2KEShvNMOtOLGt0xACqE5Guxno
        tmx2gM6hHhlkQolbktFFbWD4b6MnDlUSDfPB14RP90v6mUjUf5SHOvzdh9TaOlE7
        7XPAhMll+3INoGKHFxWqQ/wIgw0hFiUABy/GhrwQmG+WOBzXm1Y8H2RiV+atWfUE
        gpUW9jX70K87yKOm9diO6kwHKxalXtxShByTgqx7Ve30ebcIu41MbwGh6xzO990C
        AwEAAQ==
        -----END PUBLIC KEY-----
        """

    @Test("each family's key is recognised from PEM, DER and JWK, and bound to its algorithm")
    func recognisesEveryFamily() throws {
        let keys: [JWTSigningKey] = [
            JWTSigningKey(try ES256.PrivateKey()), JWTSigningKey(try ES384.PrivateKey()),
            JWTSigningKey(try ES512.PrivateKey()), JWTSigningKey(try EdDSA.PrivateKey()),
            JWTSigningKey(try RSA.PrivateKey(algorithm: .ps384)),
        ]
        for key in keys {
            let explicit: JWSAlgorithm? = key.algorithm == .ps384 ? .ps384 : nil
            let pem = try #require(key.pemRepresentation)
            let der = try #require(key.derRepresentation)
            for imported in [
                try JWTSigningKey(pemRepresentation: pem, algorithm: explicit),
                try JWTSigningKey(derRepresentation: der, algorithm: explicit),
                try JWTSigningKey(jwk: key.jwk),
            ] {
                #expect(imported.algorithm == key.algorithm)
                #expect(imported.verificationKey == key.verificationKey)
            }
            let publicPEM = try #require(key.verificationKey.pemRepresentation)
            let publicDER = try #require(key.verificationKey.derRepresentation)
            let publicJWK = try #require(key.verificationKey.publicJWK)
            #expect(try JWTVerificationKey(pemRepresentation: publicPEM, algorithm: explicit) == key.verificationKey)
            #expect(try JWTVerificationKey(derRepresentation: publicDER, algorithm: explicit) == key.verificationKey)
            #expect(try JWTVerificationKey(jwk: publicJWK) == key.verificationKey)
        }
    }

    @Test("a key never takes another algorithm than its own: an explicit one it cannot do is refused")
    func explicitAlgorithmMustMatch() throws {
        let ec = try ES256.PrivateKey()
        for algorithm in [JWSAlgorithm.es384, .rs256, .hs256, .eddsa] {
            let error = #expect(throws: JWTError.self) {
                _ = try JWTSigningKey(pemRepresentation: ec.pemRepresentation, algorithm: algorithm)
            }
            #expect(error?.code == .unsupportedKey, "\(algorithm)")
            #expect(throws: JWTError.self) { _ = try JWTVerificationKey(jwk: ec.publicKey.jwk, algorithm: algorithm) }
        }
        let rsa = try RSA.PrivateKey(algorithm: .rs256)
        let disagreeing = #expect(throws: JWTError.self) { _ = try JWTSigningKey(jwk: rsa.jwk, algorithm: .ps256) }
        #expect(disagreeing?.code == .unsupportedKey)
        #expect(disagreeing?.reason.contains("RS256") == true)
        let missing = #expect(throws: JWTError.self) { _ = try JWTSigningKey(pemRepresentation: rsa.pemRepresentation) }
        #expect(missing?.code == .unsupportedKey)
        #expect(try JWTSigningKey(pemRepresentation: rsa.pemRepresentation, algorithm: .ps512).algorithm == .ps512)
    }

    /// An input that must be refused, with its code and a word the reason must contain.
    struct Refused: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let code: JWTError.Code
        let mentions: String
        var testDescription: String { name }
    }

    static let refusedForVerification = [
        Refused(name: "secp256k1", text: secp256k1Public, code: .unsupportedKey, mentions: "secp256k1"),
        Refused(name: "P-224", text: p224Public, code: .unsupportedKey, mentions: "secp224r1"),
        Refused(name: "RSASSA-PSS key", text: rsaPSSPublic, code: .unsupportedKey, mentions: "RSASSA-PSS"),
        Refused(name: "a private key", text: secp256k1Private, code: .invalidKey, mentions: "private key"),
        Refused(
            name: "a certificate",
            text: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
            code: .unsupportedKey,
            mentions: "certificate"
        ),
        Refused(
            name: "garbage in a PUBLIC KEY block",
            text: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
            code: .invalidKey,
            mentions: "decode"
        ),
        Refused(name: "not PEM", text: "hello", code: .invalidKey, mentions: "PEM"),
    ]

    @Test("refuses keys JOSE does not sign with, and other documents, naming why", arguments: refusedForVerification)
    func refusesForVerification(_ testCase: Refused) {
        let error = #expect(throws: JWTError.self) {
            _ = try JWTVerificationKey(pemRepresentation: testCase.text, algorithm: nil)
        }
        #expect(error?.code == testCase.code, "\(error?.description ?? "")")
        #expect(error?.reason.contains(testCase.mentions) == true, "\(error?.description ?? "")")
    }

    @Test("a signing key needs the private key, and a secp256k1 private key is refused")
    func signingKeyRefusals() throws {
        let publicError = #expect(throws: JWTError.self) {
            _ = try JWTSigningKey(pemRepresentation: try ES256.PrivateKey().publicKey.pemRepresentation)
        }
        #expect(publicError?.code == .invalidKey)
        let derError = #expect(throws: JWTError.self) {
            _ = try JWTSigningKey(derRepresentation: try ES384.PrivateKey().publicKey.derRepresentation)
        }
        #expect(derError?.code == .invalidKey)
        let curveError = #expect(throws: JWTError.self) {
            _ = try JWTSigningKey(pemRepresentation: Self.secp256k1Private)
        }
        #expect(curveError?.code == .unsupportedKey)
        let ktyError = #expect(throws: JWTError.self) { _ = try JWTSigningKey(jwkRepresentation: #"{"kty":"X"}"#) }
        #expect(ktyError?.code == .unsupportedKey)
    }

    @Test("generated keys: one of each algorithm, signing what its verification key verifies")
    func generates() throws {
        for algorithm in JWSAlgorithm.allCases {
            let key = try JWTSigningKey(generatingFor: algorithm)
            #expect(key.algorithm == algorithm)
            let message = Array(algorithm.rawValue.utf8)
            #expect(key.verificationKey.isValidSignature(try key.signature(for: message), for: message))
            #expect(key.verificationKey.algorithm == algorithm)
        }
    }
}
