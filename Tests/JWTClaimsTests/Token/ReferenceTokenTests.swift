import JWTClaims
import Testing

@Suite("Reference page tokens")
struct ReferenceTokenTests {
    @Test("the original token decodes, unverified, to exactly its 11 claims in order")
    func originalTokenDecodes() throws {
        let token = try UnverifiedJWT(decoding: ReferencePage.originalToken)
        #expect(token.header.algorithm == "ES256")
        #expect(token.header.keyID == "SPACE_JWT_PUBLIC:6CEE4A0E-3C47-4895-AB66-F8E07611532F")
        #expect(token.header.type == "JWT")
        #expect(
            token.claims.names == [
                "aud", "authentication_method", "client_user_id", "exp", "iat", "identifier", "iss", "jti", "scope",
                "sub", "type",
            ]
        )
        #expect(token.claims["aud"] == .string("a4471794-8ee8-4d88-b321-5f7a22803d43"))
        #expect(token.claims.audience == .single("a4471794-8ee8-4d88-b321-5f7a22803d43"))
        #expect(token.claims.expiration?.number.text == "1599181203")
        #expect(token.claims.expiration?.isInteger == true)
        #expect(token.claims["exp"]?.int64Value == 1_599_181_203)
        #expect(token.claims.serialized() == ReferencePage.originalClaims)
        #expect(token.signature.count == 64)
    }

    @Test("the real response token lost five claims and turned aud into an array")
    func responseTokenRegression() throws {
        let response = try UnverifiedJWT(decoding: ReferencePage.responseToken).claims
        let promised = try ClaimSet(parsing: ReferencePage.promisedClaims)
        let lost = promised.names.filter { response[$0] == nil }
        #expect(lost == ["authentication_method", "client_user_id", "identifier", "scope", "type"])
        #expect(response.audience == .multiple(["a4471794-8ee8-4d88-b321-5f7a22803d43"]))
        #expect(promised.audience == .single("a4471794-8ee8-4d88-b321-5f7a22803d43"))
    }
}
