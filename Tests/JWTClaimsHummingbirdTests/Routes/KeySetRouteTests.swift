import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// The JWK Set at both paths, and key rotation.
@Suite("Key set endpoints")
struct KeySetRouteTests {
    @Test("both paths publish every key, public only, with kid, alg and use, cacheable")
    func publishes() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            for path in ["/api/v0/token/jwks", "/.well-known/jwks.json"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "public, max-age=300")
                let document = try JSONObject(parsing: response.body.readableBytesView)
                let keys = try #require(document["keys"]?.arrayValue)
                #expect(keys.count == 2)
                #expect(keys.compactMap { $0["kid"]?.stringValue } == ["first", "second"])
                for key in keys {
                    #expect(key["alg"] == "ES256")
                    #expect(key["use"] == "sig")
                    #expect(key["d"] == nil)
                }
                let set = try JWKSet(parsing: response.body.readableBytesView)
                #expect(set.entries.count == 2)
            }
        }
    }

    @Test("rotation: a restart with a new first key signs with it and still accepts the old key's tokens")
    func rotation() async throws {
        let old = SigningKey(key: try ES256.PrivateKey(), keyID: "old")
        let new = SigningKey(key: try ES256.PrivateKey(), keyID: "new")
        let store = InMemoryRefreshTokenStore()
        let before = try ServiceFixture(store: store, signingKeys: [old])
        let issued = try await before.test { client in try await client.issue() }
        let after = try ServiceFixture(store: store, signingKeys: [new, old])
        try await after.test { client in
            let verify = try await client.post(
                "/verify",
                #"{"oauth_token":{"access_token":"\#(issued.accessToken)"}}"#,
                headers: [.contentType: "application/json"]
            )
            #expect(verify.text == #"{"success":true}"#)
            let refreshed = try await client.post(
                "/api/v0/token/\(ServiceFixture.keyID)",
                #"{"grant_type":"refresh_token","refresh_token":"\#(issued.refreshToken)"}"#,
                headers: [.contentType: "application/json"]
            )
            #expect(refreshed.status == .ok)
            let token = try JSONObject(parsing: refreshed.body.readableBytesView)["access_token"]?.stringValue ?? ""
            #expect(try UnverifiedJWT(decoding: token).header.keyID == "new")
        }
    }
}
