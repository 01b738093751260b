import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// `POST /verify`.
@Suite("Verify endpoint")
struct VerifyRouteTests {
    static func body(_ token: String) -> String {
        #"{"oauth_token":{"access_token":"\#(token)","id_token":"x","expires_in":3600}}"#
    }

    @Test("success true for the key's own token, with or without the id; false for another key's")
    func verifies() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let mine = try await client.issue()
            let noID: HTTPFields = [.contentType: "application/json"]
            for headers in [Headers.json(secret: nil), noID, Headers.json()] {
                let response = try await client.post("/verify", Self.body(mine.accessToken), headers: headers)
                #expect(response.status == .ok)
                #expect(try VerifyResponse(parsing: response.body.readableBytesView) == VerifyResponse(success: true))
            }
            let other = try await client.post(
                "/verify",
                Self.body(mine.accessToken),
                headers: Headers.json(id: ServiceFixture.otherKeyID, secret: nil)
            )
            let answer = try VerifyResponse(parsing: other.body.readableBytesView)
            #expect(other.status == .ok)
            #expect(answer.success == false)
            #expect(answer.reason == "Error: Invalid JWT token (wrongAudience)")
        }
    }

    @Test("a repeat verify is a cache hit that still checks exp and aud at each request's time")
    func cachedRepeat() async throws {
        let cache = JWTVerificationCache()
        let fixture = try ServiceFixture(verificationCache: cache)
        try await fixture.test { client in
            let mine = try await client.issue()
            func verify(_ headers: HTTPFields) async throws -> VerifyResponse {
                let response = try await client.post("/verify", Self.body(mine.accessToken), headers: headers)
                #expect(response.status == .ok)
                return try VerifyResponse(parsing: response.body.readableBytesView)
            }
            #expect(try await verify(Headers.json(secret: nil)) == VerifyResponse(success: true))
            #expect(try await verify(Headers.json(secret: nil)) == VerifyResponse(success: true))
            #expect(cache.statistics.hits == 1)
            // Another key's verifier has its own scope: the entry made for key-one is not a pass for key-two.
            let other = try await verify(Headers.json(id: ServiceFixture.otherKeyID, secret: nil))
            #expect(other.reason == "Error: Invalid JWT token (wrongAudience)")
            fixture.clock.advance(by: 3600 + 31)
            let expired = try await verify(Headers.json(secret: nil))
            #expect(expired.reason == "Error: Invalid JWT token (expired)")
        }
    }

    @Test("with the cache off, repeats verify in full and give the same answers")
    func uncachedRepeat() async throws {
        let fixture = try ServiceFixture(verificationCache: nil)
        #expect(fixture.configuration.verificationCache == nil)
        try await fixture.test { client in
            let mine = try await client.issue()
            for _ in 0..<2 {
                let response = try await client.post(
                    "/verify",
                    Self.body(mine.accessToken),
                    headers: Headers.json(secret: nil)
                )
                #expect(try VerifyResponse(parsing: response.body.readableBytesView) == VerifyResponse(success: true))
            }
        }
    }

    @Test("success false for forged, expired and malformed tokens; the reason never holds the token")
    func failures() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let mine = try await client.issue()
            let forged = try JWTSigner(key: ES256.PrivateKey(), keyID: "first").sign(
                ["sub": "u", "aud": .string(ServiceFixture.keyID), "exp": 9_999_999_999]
            )
            let unsigned = try JWTSigner(key: ES256.PrivateKey(), keyID: "unknown-kid").sign(["sub": "u"])
            fixture.clock.advance(by: 3600 + 31)
            for token in [forged, unsigned, mine.accessToken, "a.b.c", ""] {
                let response = try await client.post(
                    "/verify",
                    Self.body(token),
                    headers: [.contentType: "application/json"]
                )
                #expect(response.status == .ok)
                let answer = try VerifyResponse(parsing: response.body.readableBytesView)
                #expect(answer.success == false)
                #expect(answer.reason?.hasPrefix("Error: Invalid JWT token") == true)
                if !token.isEmpty { #expect(!response.text.contains(token)) }
            }
        }
    }

    @Test("an unknown id is invalid_client; a malformed body invalid_request")
    func refusals() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let unknown = try await client.post(
                "/verify",
                Self.body("x"),
                headers: Headers.json(id: "nobody", secret: nil)
            )
            #expect(unknown.status == .unauthorized)
            #expect(try unknown.error().error == "invalid_client")
            for body in [#"{"oauth_token":{}}"#, #"{"access_token":"x"}"#, #"{"oauth_token":"x"}"#, "{"] {
                let response = try await client.post("/verify", body, headers: [.contentType: "application/json"])
                #expect(response.status == .badRequest)
                #expect(try response.error().error == "invalid_request")
            }
        }
    }
}
