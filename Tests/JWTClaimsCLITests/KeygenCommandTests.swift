import JWTClaims
import Testing

@testable import jwt_claims

@Suite("KeygenCommand")
struct KeygenCommandTests {
    @Test("PEM output is PKCS#8 and SPKI; JWK output carries the kid, or the thumbprint for 'thumbprint'")
    func texts() throws {
        let key = try Fixtures.key()
        let signingKey = JWTSigningKey(key)
        let pem = KeygenCommand.texts(for: signingKey, format: .pem, kid: nil)
        #expect(pem.private.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(pem.public == Fixtures.spkiPublicKeyPEM)
        #expect(try ES256.PrivateKey(pemRepresentation: pem.private).publicKey == key.publicKey)

        let jwk = KeygenCommand.texts(for: signingKey, format: .jwk, kid: "thumbprint")
        let privateJWK = try JSONObject(parsing: jwk.private)
        let publicJWK = try JSONObject(parsing: try #require(jwk.public))
        #expect(privateJWK["kid"] == .string(Fixtures.thumbprint))
        #expect(publicJWK["kid"] == .string(Fixtures.thumbprint))
        #expect(publicJWK["d"] == nil)
        #expect(jwk.private.hasSuffix("}\n"))
        #expect(try ES256.PrivateKey(jwk: privateJWK).publicKey == key.publicKey)
        let main = try #require(KeygenCommand.texts(for: signingKey, format: .jwk, kid: "main").public)
        #expect(try JSONObject(parsing: main)["kid"] == "main")
        let none = try #require(KeygenCommand.texts(for: signingKey, format: .jwk, kid: nil).public)
        #expect(try JSONObject(parsing: none)["kid"] == nil)
    }

    @Test("every algorithm: the key reads back as that algorithm's; an HMAC key is one JWK with alg, PEM or not")
    func everyAlgorithm() throws {
        for algorithm in JWSAlgorithm.allCases {
            let key = try JWTSigningKey(generatingFor: algorithm)
            for format in KeygenCommand.Format.allCases {
                let texts = KeygenCommand.texts(for: key, format: format, kid: "k")
                let file = try KeyFile(bytes: Array(texts.private.utf8), label: "k", algorithm: algorithm)
                let (readBack, keyID) = try file.signingKey()
                #expect(readBack.algorithm == algorithm, "\(algorithm) \(format)")
                #expect(readBack.thumbprint == key.thumbprint, "\(algorithm) \(format)")
                if KeygenCommand.isHMAC(algorithm) {
                    #expect(texts.public == nil)
                    #expect(keyID == "k")
                    #expect(try JSONObject(parsing: texts.private)["alg"] == .string(algorithm.rawValue))
                } else {
                    let publicText = try #require(texts.public)
                    let publicFile = try KeyFile(bytes: Array(publicText.utf8), label: "p", algorithm: algorithm)
                    #expect(publicFile.publicKeys.map(\.key) == [key.verificationKey], "\(algorithm) \(format)")
                    #expect(keyID == (format == .jwk ? "k" : nil))
                }
            }
        }
    }
}
