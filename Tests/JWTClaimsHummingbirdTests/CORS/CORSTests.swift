import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// CORS per key's allowed origins, preflights included.
@Suite("CORS")
struct CORSTests {
    static let allowed = ServiceFixture.browserOrigin
    static let other = "https://evil.example"

    static func preflightHeaders(_ origin: String) -> HTTPFields {
        [.origin: origin, .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "content-type"]
    }

    @Test("the refresh path's preflight follows the path's key")
    func refreshPreflight() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let path = "/api/v0/token/\(ServiceFixture.browserKeyID)"
            let ok = try await client.execute(uri: path, method: .options, headers: Self.preflightHeaders(Self.allowed))
            #expect(ok.status == .noContent)
            #expect(ok.headers[.accessControlAllowOrigin] == Self.allowed)
            #expect(ok.headers[.accessControlAllowMethods] == "POST, OPTIONS")
            #expect(ok.headers[.accessControlAllowHeaders]?.contains("API_KEY_ID") == true)
            #expect(ok.headers[.accessControlMaxAge] == "600")
            let refused = try await client.execute(
                uri: path,
                method: .options,
                headers: Self.preflightHeaders(Self.other)
            )
            #expect(refused.status == .forbidden)
            #expect(try refused.error().error == "origin_not_allowed")
            #expect(refused.headers[.accessControlAllowOrigin] == nil)
            let unknown = try await client.execute(
                uri: "/api/v0/token/nobody",
                method: .options,
                headers: Self.preflightHeaders(Self.allowed)
            )
            #expect(unknown.status == .unauthorized)
            let anyKey = try await client.execute(
                uri: "/api/v0/token/\(ServiceFixture.keyID)",
                method: .options,
                headers: Self.preflightHeaders(Self.other)
            )
            #expect(anyKey.status == .noContent, "a key without allowed_origins allows any origin")
        }
    }

    @Test("other keyed paths: the preflight passes when some key allows the origin; the real request checks its own")
    func keyedPreflight() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let preflight = try await client.execute(
                uri: "/api/v0/token/issue",
                method: .options,
                headers: Self.preflightHeaders(Self.other)
            )
            #expect(preflight.status == .noContent)
            var headers = Headers.json(id: ServiceFixture.browserKeyID, secret: ServiceFixture.secret)
            headers[.origin] = Self.other
            let refused = try await client.post("/api/v0/token/issue", #"{"claims":{"sub":"a"}}"#, headers: headers)
            #expect(refused.status == .forbidden)
            #expect(try refused.error().error == "origin_not_allowed")
            #expect(refused.headers[.accessControlAllowOrigin] == nil)
            #expect(await fixture.store.count == 0, "nothing used up")
            headers[.origin] = Self.allowed
            let allowed = try await client.post("/api/v0/token/issue", #"{"claims":{"sub":"a"}}"#, headers: headers)
            #expect(allowed.status == .ok)
            #expect(allowed.headers[.accessControlAllowOrigin] == Self.allowed)
            #expect(allowed.headers[.vary] == "Origin")
        }
    }

    @Test("a refresh from a disallowed origin is 403 and the refresh token is not used up")
    func refreshFromDisallowedOrigin() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let issued = try await client.issue(
                headers: Headers.json(id: ServiceFixture.browserKeyID, secret: ServiceFixture.secret)
            )
            let body = #"{"grant_type":"refresh_token","refresh_token":"\#(issued.refreshToken)"}"#
            let path = "/api/v0/token/\(ServiceFixture.browserKeyID)"
            let refused = try await client.post(
                path,
                body,
                headers: [.contentType: "application/json", .origin: Self.other]
            )
            #expect(refused.status == .forbidden)
            let issuedID = try RefreshToken(parsing: issued.refreshToken).id
            #expect(await fixture.store.record(forID: issuedID)?.isUsed == false)
            let allowed = try await client.post(
                path,
                body,
                headers: [.contentType: "application/json", .origin: Self.allowed]
            )
            #expect(allowed.status == .ok)
            #expect(allowed.headers[.accessControlAllowOrigin] == Self.allowed)
            // Errors carry CORS headers too, so browser code can read them.
            let reused = try await client.post(
                path,
                body,
                headers: [.contentType: "application/json", .origin: Self.allowed]
            )
            #expect(reused.status == .badRequest)
            #expect(reused.headers[.accessControlAllowOrigin] == Self.allowed)
        }
    }

    @Test("public endpoints allow any origin; OPTIONS without a preflight gets Allow")
    func publicEndpoints() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let keys = try await client.execute(
                uri: "/.well-known/jwks.json",
                method: .get,
                headers: [.origin: Self.other]
            )
            #expect(keys.headers[.accessControlAllowOrigin] == "*")
            let preflight = try await client.execute(
                uri: "/healthz",
                method: .options,
                headers: Self.preflightHeaders(Self.other)
            )
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == "*")
            let plain = try await client.execute(uri: "/verify", method: .options)
            #expect(plain.status == .noContent)
            #expect(plain.headers[.allow] == "POST, OPTIONS")
        }
    }
}
