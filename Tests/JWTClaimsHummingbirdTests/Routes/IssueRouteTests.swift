import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// `POST /api/v0/token/issue`.
@Suite("Issue endpoint")
struct IssueRouteTests {
    @Test("mints iss, aud (the key id, a string), sub, iat, exp, jti, then the request's claims in order")
    func mints() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let response = try await client.post(
                "/api/v0/token/issue",
                #"{"claims":{"role":"admin","sub":"user-1","n":1.50,"nested":{"b":1,"a":2}}}"#
            )
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "no-store")
            let tokens = try TokenResponse(parsing: response.body.readableBytesView)
            #expect(tokens.tokenType == "Bearer")
            #expect(tokens.expiresIn == 3600)
            let verified = try JWTVerifier(
                keySet: JWKSet(
                    fixture.signingKeys.map {
                        JWKSet.Entry(keyID: $0.keyID, key: $0.key.publicKey)
                    }
                )
            ).verify(tokens.accessToken, now: fixture.clock.now)
            #expect(verified.header.keyID == "first")
            let claims = verified.claims
            #expect(claims.names == ["iss", "aud", "sub", "iat", "exp", "jti", "role", "n", "nested"])
            #expect(claims["aud"] == .string(ServiceFixture.keyID))
            #expect(claims["iss"] == "https://issuer.example")
            #expect(claims.issuedAt == fixture.clock.now)
            #expect(claims["n"]?.numberValue?.text == "1.50")
            #expect(claims["nested"]?.objectValue?.names == ["b", "a"])
            #expect(try RefreshToken(parsing: tokens.refreshToken).id.isEmpty == false)
        }
    }

    @Test(
        "refuses claims the service sets, naming every one",
        arguments: [
            #"{"sub":"u","iss":"x"}"#, #"{"sub":"u","aud":"x","jti":"y","nbf":1}"#, #"{"sub":"u","iat":1,"exp":2}"#,
        ]
    )
    func refusesServiceClaims(_ claimsText: String) async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let response = try await client.post("/api/v0/token/issue", #"{"claims":\#(claimsText)}"#)
            #expect(response.status == .badRequest)
            let error = try response.error()
            #expect(error.error == "invalid_claims")
            let object = try JSONObject(parsing: claimsText)
            for name in object.names where name != "sub" {
                #expect(error.errorDescription.contains("\"\(name)\""))
            }
        }
        #expect(await fixture.store.count == 0)
    }

    struct BadBody: CustomTestStringConvertible, Sendable {
        let name: String
        let body: String
        var testDescription: String { name }
    }

    @Test(
        "answers invalid_request for a malformed body or a missing or mistyped sub",
        arguments: [
            BadBody(name: "not JSON", body: "{"),
            BadBody(name: "duplicate member", body: #"{"claims":{"sub":"a"},"claims":{}}"#),
            BadBody(name: "duplicate claim", body: #"{"claims":{"sub":"a","sub":"b"}}"#),
            BadBody(name: "claims missing", body: "{}"),
            BadBody(name: "claims not an object", body: #"{"claims":[]}"#),
            BadBody(name: "unknown member", body: #"{"claims":{"sub":"a"},"x":1}"#),
            BadBody(name: "no sub", body: #"{"claims":{"role":"admin"}}"#),
            BadBody(name: "sub not a string", body: #"{"claims":{"sub":1}}"#),
            BadBody(name: "array", body: "[]"),
        ]
    )
    func badBodies(_ bad: BadBody) async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let response = try await client.post("/api/v0/token/issue", bad.body)
            #expect(response.status == .badRequest)
            #expect(try response.error().error == "invalid_request")
        }
        #expect(await fixture.store.count == 0)
    }

    @Test(
        "answers invalid_request for a missing or wrong Content-Type",
        arguments: [nil, "text/plain", "application/jsonx"]
    )
    func contentType(_ type: String?) async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            var headers = Headers.json()
            headers[.contentType] = type
            let response = try await client.post("/api/v0/token/issue", #"{"claims":{"sub":"a"}}"#, headers: headers)
            #expect(response.status == .badRequest)
            #expect(try response.error().error == "invalid_request")
            var charset = Headers.json()
            charset[.contentType] = "Application/JSON; charset=utf-8"
            let accepted = try await client.post("/api/v0/token/issue", #"{"claims":{"sub":"a"}}"#, headers: charset)
            #expect(accepted.status == .ok)
        }
    }

    struct Credentials: CustomTestStringConvertible, Sendable {
        let name: String
        let headers: HTTPFields
        let basic: Bool
        var testDescription: String { name }
    }

    @Test(
        "answers the same invalid_client for missing, unknown and wrong credentials",
        arguments: [
            Credentials(name: "none", headers: [.contentType: "application/json"], basic: true),
            Credentials(name: "id only", headers: Headers.json(secret: nil), basic: false),
            Credentials(name: "secret only", headers: Headers.json(id: nil), basic: true),
            Credentials(name: "unknown id", headers: Headers.json(id: "nobody"), basic: false),
            Credentials(name: "wrong secret", headers: Headers.json(secret: "wrong"), basic: false),
            Credentials(
                name: "other key's secret",
                headers: Headers.json(secret: ServiceFixture.otherSecret),
                basic: false
            ),
            Credentials(
                name: "Basic, wrong secret",
                headers: Headers.basic(ServiceFixture.keyID, "wrong"),
                basic: true
            ),
            Credentials(name: "Basic, empty password", headers: Headers.basic(ServiceFixture.keyID, ""), basic: true),
            Credentials(
                name: "Basic, malformed",
                headers: [.contentType: "application/json", .authorization: "Basic !!!"],
                basic: true
            ),
        ]
    )
    func invalidClient(_ credentials: Credentials) async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let response = try await client.post(
                "/api/v0/token/issue",
                #"{"claims":{"sub":"a"}}"#,
                headers: credentials.headers
            )
            #expect(response.status == .unauthorized)
            let error = try response.error()
            #expect(error.error == "invalid_client")
            #expect(error.errorDescription == "client authentication failed: send a known API key id and its secret")
            #expect((response.headers[.wwwAuthenticate]?.hasPrefix("Basic") ?? false) == credentials.basic)
            #expect(!response.text.contains(ServiceFixture.secret))
        }
    }

    @Test("accepts HTTP Basic credentials, scheme in any case")
    func basic() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            var headers = Headers.basic(ServiceFixture.keyID, ServiceFixture.secret)
            let tokens = try await client.issue(headers: headers)
            #expect(try claims(of: tokens.accessToken)["aud"] == .string(ServiceFixture.keyID))
            headers[.authorization] =
                "bASIC " + Headers.base64(Array("\(ServiceFixture.keyID):\(ServiceFixture.secret)".utf8))
            _ = try await client.issue(headers: headers)
        }
    }
}
