import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// The issue's reference scenario, over HTTP.
@Suite("Reference scenario")
struct ReferenceScenarioTests {
    /// The reference page's original claims that a client may send (the service sets iss, aud, iat, exp and jti).
    static let pageClaims =
        #"{"authentication_method":"SOCIAL_LOGIN","client_user_id":"5522261a-ac7e-4d6e-b056-959f612fb34a","#
        + #""identifier":"putri@cotter.app","scope":"access","sub":"5522261a-ac7e-4d6e-b056-959f612fb34a","#
        + #""type":"client_access_token"}"#
    static let attributes = #"{"username":"helloworld","role":"admin","user_id":125}"#

    @Test("issue the page's claims, add the page's attributes with a refresh token, refresh five times")
    func scenario() async throws {
        let fixture = try ServiceFixture()
        let verifier = JWTVerifier(
            keySet: JWKSet(fixture.signingKeys.map { JWKSet.Entry(keyID: $0.keyID, key: $0.key.publicKey) }),
            options: JWTValidationOptions(issuers: ["https://issuer.example"], audiences: [ServiceFixture.keyID])
        )
        try await fixture.test(.live) { client in
            let issued = try await client.issue(Self.pageClaims)
            let page = try JSONObject(parsing: Self.pageClaims)
            let expectedNames = ["iss", "aud", "sub", "iat", "exp", "jti"] + page.names.filter { $0 != "sub" }

            let custom = try await client.post(
                "/api/v0/token/custom",
                #"{"token":"\#(issued.accessToken)","custom_attributes":\#(Self.attributes),"#
                    + #""refresh_token":"\#(issued.refreshToken)"}"#
            )
            #expect(custom.status == .ok)
            let augmented = try CustomClaimsResponse(parsing: custom.body.readableBytesView)
            let custom0 = try verifier.verify(augmented.token, now: fixture.clock.now).claims
            #expect(custom0.names == expectedNames + ["username", "role", "user_id"])

            var refreshToken = try #require(augmented.refreshToken)
            for round in 1...5 {
                fixture.clock.advance(by: 60)
                let response = try await client.post(
                    "/api/v0/token/\(ServiceFixture.keyID)",
                    #"{"grant_type":"refresh_token","refresh_token":"\#(refreshToken)"}"#,
                    headers: [.contentType: "application/json"]
                )
                #expect(response.status == .ok, "round \(round)")
                let tokens = try TokenResponse(parsing: response.body.readableBytesView)
                let claims = try verifier.verify(tokens.accessToken, now: fixture.clock.now).claims
                #expect(claims.names == expectedNames + ["username", "role", "user_id"], "round \(round)")
                #expect(claims["aud"] == .string(ServiceFixture.keyID), "aud stays a string")
                for (name, value) in page {
                    #expect(claims[name] == value, "round \(round): \(name)")
                }
                #expect(claims["username"] == "helloworld")
                #expect(claims["role"] == "admin")
                #expect(claims["user_id"]?.numberValue?.text == "125")
                #expect(claims.issuedAt == fixture.clock.now)
                refreshToken = tokens.refreshToken
            }
        }
    }
}
