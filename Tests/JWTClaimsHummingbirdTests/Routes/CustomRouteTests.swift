import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// `POST /api/v0/token/custom`.
@Suite("Custom-claims endpoint")
struct CustomRouteTests {
    static let attributes = #"{"username":"helloworld","role":"admin","user_id":125}"#

    @Test("adds the attributes after every original claim, aud still a string, exp unchanged")
    func augments() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let issued = try await client.issue(#"{"sub":"u","scope":"access"}"#)
            fixture.clock.advance(by: 10)
            let response = try await client.post(
                "/api/v0/token/custom",
                #"{"token":"\#(issued.accessToken)","custom_attributes":\#(Self.attributes)}"#
            )
            #expect(response.status == .ok)
            let body = try CustomClaimsResponse(parsing: response.body.readableBytesView)
            #expect(body.refreshToken == nil)
            let original = try claims(of: issued.accessToken)
            let augmented = try claims(of: body.token)
            #expect(augmented.names == original.names + ["username", "role", "user_id"])
            #expect(augmented["aud"] == .string(ServiceFixture.keyID))
            #expect(augmented.expiration == original.expiration)
            #expect(augmented["user_id"] == 125)
        }
    }

    @Test("with a refresh token: uses it up and answers its successor, bound to the new claims")
    func binds() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let issued = try await client.issue()
            let response = try await client.post(
                "/api/v0/token/custom",
                #"{"token":"\#(issued.accessToken)","custom_attributes":{"role":"admin"},"#
                    + #""refresh_token":"\#(issued.refreshToken)"}"#
            )
            #expect(response.status == .ok)
            let body = try CustomClaimsResponse(parsing: response.body.readableBytesView)
            let successor = try #require(body.refreshToken)
            let old = try RefreshToken(parsing: issued.refreshToken)
            #expect(await fixture.store.record(forID: old.id)?.isUsed == true)
            let refreshed = try await client.post(
                "/api/v0/token/\(ServiceFixture.keyID)",
                #"{"grant_type":"refresh_token","refresh_token":"\#(successor)"}"#
            )
            #expect(refreshed.status == .ok)
            let tokens = try TokenResponse(parsing: refreshed.body.readableBytesView)
            #expect(try claims(of: tokens.accessToken)["role"] == "admin")
        }
    }

    @Test("refuses another key's token as invalid_token, and the refresh token stays unused")
    func otherKeysToken() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let theirs = try await client.issue(
                headers: Headers.json(id: ServiceFixture.otherKeyID, secret: ServiceFixture.otherSecret)
            )
            let response = try await client.post(
                "/api/v0/token/custom",
                #"{"token":"\#(theirs.accessToken)","custom_attributes":{"role":"admin"},"#
                    + #""refresh_token":"\#(theirs.refreshToken)"}"#
            )
            #expect(response.status == .unauthorized)
            #expect(try response.error().error == "invalid_token")
            #expect(!response.text.contains(theirs.accessToken))
            #expect(!response.text.contains(theirs.refreshToken))
            let id = try RefreshToken(parsing: theirs.refreshToken).id
            #expect(await fixture.store.record(forID: id)?.isUsed == false)
        }
    }

    @Test("a refresh token of another key fails the whole call with invalid_grant and is left untouched")
    func otherKeysRefreshToken() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let mine = try await client.issue()
            let theirs = try await client.issue(
                headers: Headers.json(id: ServiceFixture.otherKeyID, secret: ServiceFixture.otherSecret)
            )
            let response = try await client.post(
                "/api/v0/token/custom",
                #"{"token":"\#(mine.accessToken)","custom_attributes":{"role":"admin"},"#
                    + #""refresh_token":"\#(theirs.refreshToken)"}"#
            )
            #expect(response.status == .badRequest)
            #expect(try response.error().error == "invalid_grant")
            #expect(!response.text.contains(theirs.refreshToken))
            let id = try RefreshToken(parsing: theirs.refreshToken).id
            let record = try #require(await fixture.store.record(forID: id))
            #expect(!record.isUsed && !record.isRevoked)
        }
    }

    @Test(
        "refuses protected and invalid attribute names, naming every one",
        arguments: [
            #"{"iss":"x","exp":1,"sub":"y"}"#, #"{"":1}"#,
        ]
    )
    func protectedNames(_ attributes: String) async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let issued = try await client.issue()
            let response = try await client.post(
                "/api/v0/token/custom",
                #"{"token":"\#(issued.accessToken)","custom_attributes":\#(attributes),"#
                    + #""refresh_token":"\#(issued.refreshToken)"}"#
            )
            #expect(response.status == .badRequest)
            let error = try response.error()
            #expect(error.error == "invalid_claims")
            for name in try JSONObject(parsing: attributes).names where !name.isEmpty {
                #expect(error.errorDescription.contains("\"\(name)\""))
            }
        }
        #expect(await fixture.store.count == 1)
    }

    @Test("an expired, forged or malformed token is invalid_token; nothing is consumed")
    func badTokens() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let issued = try await client.issue()
            let foreign = try JWTSigner(key: ES256.PrivateKey(), keyID: "first").sign(
                ["sub": "u", "aud": .string(ServiceFixture.keyID), "exp": 9_999_999_999]
            )
            for token in [foreign, "not.a.token", String(issued.accessToken.dropLast(2))] {
                let response = try await client.post(
                    "/api/v0/token/custom",
                    #"{"token":"\#(token)","custom_attributes":{"role":"admin"},"#
                        + #""refresh_token":"\#(issued.refreshToken)"}"#
                )
                #expect(response.status == .unauthorized)
                #expect(try response.error().error == "invalid_token")
            }
            fixture.clock.advance(by: 3600 + 31)
            let expired = try await client.post(
                "/api/v0/token/custom",
                #"{"token":"\#(issued.accessToken)","custom_attributes":{"role":"admin"}}"#
            )
            #expect(expired.status == .unauthorized)
            #expect(try expired.error().errorDescription.contains("expired"))
            let id = try RefreshToken(parsing: issued.refreshToken).id
            #expect(await fixture.store.record(forID: id)?.isUsed == false)
        }
    }

    @Test("refuses the misspelt refresh_tokenn as invalid_request")
    func misspelt() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let issued = try await client.issue()
            let response = try await client.post(
                "/api/v0/token/custom",
                #"{"token":"\#(issued.accessToken)","custom_attributes":{},"refresh_tokenn":"x"}"#
            )
            #expect(response.status == .badRequest)
            #expect(try response.error().error == "invalid_request")
        }
    }
}
