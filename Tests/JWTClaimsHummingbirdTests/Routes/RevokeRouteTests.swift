import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// `POST /api/v0/token/revoke` (RFC 7009).
@Suite("Revoke endpoint")
struct RevokeRouteTests {
    static func body(_ token: String) -> String { #"{"refresh_token":"\#(token)"}"# }

    @Test("revokes the whole family with the id alone (header, or Basic with an empty password)")
    func revokes() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            for headers in [Headers.json(secret: nil), Headers.basic(ServiceFixture.keyID, "")] {
                let issued = try await client.issue()
                let response = try await client.post(
                    "/api/v0/token/revoke",
                    Self.body(issued.refreshToken),
                    headers: headers
                )
                #expect(response.status == .ok)
                #expect(response.text == "{}")
                let id = try RefreshToken(parsing: issued.refreshToken).id
                #expect(await fixture.store.record(forID: id)?.isRevoked == true)
            }
        }
    }

    @Test("an unknown or malformed token, or another key's (left untouched), also gets 200")
    func rfc7009() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let theirs = try await client.issue(
                headers: Headers.json(id: ServiceFixture.otherKeyID, secret: ServiceFixture.otherSecret)
            )
            let unknown = String(repeating: "A", count: 22) + ":" + String(repeating: "B", count: 43)
            for token in [theirs.refreshToken, unknown, "garbage"] {
                let response = try await client.post(
                    "/api/v0/token/revoke",
                    Self.body(token),
                    headers: Headers.json(secret: nil)
                )
                #expect(response.status == .ok)
                #expect(response.text == "{}")
            }
            let id = try RefreshToken(parsing: theirs.refreshToken).id
            #expect(await fixture.store.record(forID: id)?.isRevoked == false)
        }
    }

    @Test("without an id, with an unknown id or a wrong secret: invalid_client, Basic challenge after Basic")
    func credentials() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let issued = try await client.issue()
            let cases: [(HTTPFields, Bool)] = [
                ([.contentType: "application/json"], true),
                (Headers.json(id: "nobody", secret: nil), false),
                (Headers.json(secret: "wrong"), false),
                (Headers.basic("nobody", ""), true),
            ]
            for (headers, basic) in cases {
                let response = try await client.post(
                    "/api/v0/token/revoke",
                    Self.body(issued.refreshToken),
                    headers: headers
                )
                #expect(response.status == .unauthorized)
                #expect(try response.error().error == "invalid_client")
                #expect((response.headers[.wwwAuthenticate] != nil) == basic)
            }
            let id = try RefreshToken(parsing: issued.refreshToken).id
            #expect(await fixture.store.record(forID: id)?.isRevoked == false)
        }
    }
}
