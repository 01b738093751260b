import JWTClaims
import Testing

@testable import jwt_claims

@Suite("KeygenCommand")
struct KeygenCommandTests {
    @Test("PEM output is PKCS#8 and SPKI; JWK output carries the kid, or the thumbprint for 'thumbprint'")
    func texts() throws {
        let key = try Fixtures.key()
        let pem = KeygenCommand.texts(for: key, format: .pem, kid: nil)
        #expect(pem.private.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(pem.public == Fixtures.spkiPublicKeyPEM)
        #expect(try ES256.PrivateKey(pemRepresentation: pem.private).publicKey == key.publicKey)

        let jwk = KeygenCommand.texts(for: key, format: .jwk, kid: "thumbprint")
        let privateJWK = try JSONObject(parsing: jwk.private)
        let publicJWK = try JSONObject(parsing: jwk.public)
        #expect(privateJWK["kid"] == .string(Fixtures.thumbprint))
        #expect(publicJWK["kid"] == .string(Fixtures.thumbprint))
        #expect(publicJWK["d"] == nil)
        #expect(jwk.private.hasSuffix("}\n"))
        #expect(try ES256.PrivateKey(jwk: privateJWK).publicKey == key.publicKey)
        #expect(
            try JSONObject(parsing: KeygenCommand.texts(for: key, format: .jwk, kid: "main").public)["kid"] == "main"
        )
        #expect(try JSONObject(parsing: KeygenCommand.texts(for: key, format: .jwk, kid: nil).public)["kid"] == nil)
    }
}
