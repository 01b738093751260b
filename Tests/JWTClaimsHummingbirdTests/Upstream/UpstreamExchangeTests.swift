import AsyncHTTPClient
import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// `POST /api/v0/token/custom` with an upstream issuer: a token exchange, the upstream's keys fetched from a real
/// Hummingbird server on loopback.
@Suite("Custom endpoint: tokens from an upstream issuer")
struct UpstreamExchangeTests {
    static let issuer = "https://idp.example/"
    static let audience = "https://api.example"

    /// An upstream token signed by `key` (kid `kid`), valid at the fixture's clock.
    static func token(_ key: JWTSigningKey, kid: String, claims: ClaimSet) throws -> String {
        try JWTSigner(key: key, keyID: kid).sign(claims)
    }

    static func claims(issuer: String = issuer, audience: JSONValue = [.string(audience), "other"]) -> ClaimSet {
        [
            "iss": .string(issuer), "sub": "user-7", "aud": audience, "iat": 1_700_000_000, "exp": 1_700_003_600,
            "n": 9007199254740993, "scope": "read write", "nested": ["a": [1, 2.50]],
        ]
    }

    /// Runs `body` with a service whose one upstream is `server`, through a real HTTP client.
    static func withService(
        _ server: UpstreamServer,
        jwksPath: String = "/jwks",
        _ body: @Sendable (ServiceFixture, any TestClientProtocol) async throws -> Void
    ) async throws {
        let client = HTTPJWKSetFetcher.makeClient()
        do {
            try await server.run { base in
                // No cool-down, so that the rotation test's unknown kid fetches at once.
                let keySet = try RemoteJWKSet(
                    url: base + jwksPath,
                    fetcher: HTTPJWKSetFetcher(client: client),
                    configuration: RemoteJWKSet.Configuration(coolDown: .zero)
                )
                let fixture = try ServiceFixture(
                    upstreamIssuers: [UpstreamIssuer(issuer: issuer, audience: audience, keySet: keySet)]
                )
                try await fixture.test { service in try await body(fixture, service) }
            }
            try await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    @Test("an RS256 upstream token comes back ES256-signed by the service, every claim intact plus the custom ones")
    func exchanges() async throws {
        let upstreamKey = JWTSigningKey(try RSA.PrivateKey(algorithm: .rs256))
        let server = UpstreamServer(keys: [("up-1", upstreamKey)])
        try await Self.withService(server) { fixture, service in
            let original = Self.claims()
            let token = try Self.token(upstreamKey, kid: "up-1", claims: original)
            let response = try await service.post(
                "/api/v0/token/custom",
                #"{"token":"\#(token)","custom_attributes":{"role":"admin","tier":3}}"#
            )
            #expect(response.status == .ok, "\(response.text)")
            let exchanged = try CustomClaimsResponse(parsing: response.body.readableBytesView).token
            let keySet = JWKSet(fixture.signingKeys.map { JWKSet.Entry(keyID: $0.keyID, key: $0.key.publicKey) })
            let verified = try JWTVerifier(keySet: keySet).verify(exchanged, now: fixture.clock.now)
            #expect(verified.header.algorithm == "ES256")
            #expect(verified.header.keyID == "first")
            var expected = original
            expected.object["role"] = "admin"
            expected.object["tier"] = 3
            #expect(verified.claims.serialized() == expected.serialized())
            #expect(server.fetches == 1)
        }
    }

    @Test("a rotated upstream key is fetched through the unknown kid")
    func rotation() async throws {
        let first = JWTSigningKey(try RSA.PrivateKey(algorithm: .rs256))
        let second = JWTSigningKey(try ES256.PrivateKey())
        let server = UpstreamServer(keys: [("one", first)])
        try await Self.withService(server) { _, service in
            let before = try await service.post(
                "/api/v0/token/custom",
                #"{"token":"\#(try Self.token(first, kid: "one", claims: Self.claims()))","custom_attributes":{}}"#
            )
            #expect(before.status == .ok, "\(before.text)")
            server.publish([("two", second)])
            let after = try await service.post(
                "/api/v0/token/custom",
                #"{"token":"\#(try Self.token(second, kid: "two", claims: Self.claims()))","custom_attributes":{}}"#
            )
            #expect(after.status == .ok, "\(after.text)")
            #expect(server.fetches == 2)
        }
    }

    @Test("refusals: wrong audience, unknown kid, a refresh token, another issuer; the upstream key never signs ours")
    func refusals() async throws {
        let key = JWTSigningKey(try RSA.PrivateKey(algorithm: .rs256))
        let server = UpstreamServer(keys: [("k", key)])
        try await Self.withService(server) { _, service in
            func custom(_ token: String, extra: String = "") async throws -> TestResponse {
                try await service.post(
                    "/api/v0/token/custom",
                    #"{"token":"\#(token)","custom_attributes":{}\#(extra)}"#
                )
            }
            let wrongAudience = try await custom(Self.token(key, kid: "k", claims: Self.claims(audience: "else")))
            #expect(wrongAudience.status == .unauthorized)
            #expect(try wrongAudience.error().error == "invalid_token")
            #expect(try wrongAudience.error().errorDescription.contains("aud") == true)
            let unknownKID = try await custom(Self.token(key, kid: "nope", claims: Self.claims()))
            #expect(unknownKID.status == .unauthorized)
            #expect(try unknownKID.error().error == "invalid_token")
            let withRefresh = try await custom(
                Self.token(key, kid: "k", claims: Self.claims()),
                extra: #","refresh_token":"abc""#
            )
            #expect(withRefresh.status == .badRequest)
            #expect(try withRefresh.error().error == "invalid_request")
            // Not a configured issuer: the service's own path, which refuses a token it did not sign.
            let foreign = try await custom(Self.token(key, kid: "k", claims: Self.claims(issuer: "https://other/")))
            #expect(foreign.status == .unauthorized)
            #expect(try foreign.error().error == "invalid_token")
        }
    }

    @Test("an upstream whose key set cannot be fetched answers 503 temporarily_unavailable with Retry-After")
    func unavailable() async throws {
        let key = JWTSigningKey(try RSA.PrivateKey(algorithm: .rs256))
        let server = UpstreamServer(keys: [("k", key)])
        try await Self.withService(server, jwksPath: "/missing") { _, service in
            let response = try await service.post(
                "/api/v0/token/custom",
                #"{"token":"\#(try Self.token(key, kid: "k", claims: Self.claims()))","custom_attributes":{}}"#
            )
            #expect(response.status == .serviceUnavailable)
            #expect(try response.error().error == "temporarily_unavailable")
            #expect(response.headers[.retryAfter] != nil)
            #expect(try response.error().errorDescription.contains("status 404") == true)
        }
    }
}
