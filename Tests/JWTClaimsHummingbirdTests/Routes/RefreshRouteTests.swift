import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// `POST /api/v0/token/{API_KEY_ID}`: the refresh grant.
@Suite("Refresh grant")
struct RefreshRouteTests {
    static func grant(_ token: String) -> String {
        #"{"grant_type":"refresh_token","refresh_token":"\#(token)"}"#
    }

    static let path = "/api/v0/token/\(ServiceFixture.keyID)"

    @Test("rotates: new tokens, the old refresh token used up; a second use revokes the family")
    func rotates() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let issued = try await client.issue()
            let first = try await client.post(
                Self.path,
                Self.grant(issued.refreshToken),
                headers: [.contentType: "application/json"]
            )
            #expect(first.status == .ok)
            let next = try TokenResponse(parsing: first.body.readableBytesView)
            #expect(next.tokenType == "Bearer" && next.expiresIn == 3600)
            #expect(try claims(of: next.accessToken)["aud"] == .string(ServiceFixture.keyID))

            let reuse = try await client.post(
                Self.path,
                Self.grant(issued.refreshToken),
                headers: [.contentType: "application/json"]
            )
            #expect(reuse.status == .badRequest)
            #expect(try reuse.error().error == "invalid_grant")
            #expect(!reuse.text.contains(issued.refreshToken))
            let revoked = try await client.post(
                Self.path,
                Self.grant(next.refreshToken),
                headers: [.contentType: "application/json"]
            )
            #expect(revoked.status == .badRequest)
            #expect(try revoked.error().error == "invalid_grant")
        }
    }

    @Test("a header id must equal the path's; an unknown path id is invalid_client; nothing is consumed")
    func pathID() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let issued = try await client.issue()
            let mismatch = try await client.post(
                Self.path,
                Self.grant(issued.refreshToken),
                headers: Headers.json(id: ServiceFixture.otherKeyID, secret: nil)
            )
            #expect(mismatch.status == .unauthorized)
            #expect(try mismatch.error().error == "invalid_client")
            let unknown = try await client.post(
                "/api/v0/token/nobody",
                Self.grant(issued.refreshToken),
                headers: [.contentType: "application/json"]
            )
            #expect(unknown.status == .unauthorized)
            #expect(try unknown.error().error == "invalid_client")
            let matching = try await client.post(
                Self.path,
                Self.grant(issued.refreshToken),
                headers: Headers.json(secret: nil)
            )
            #expect(matching.status == .ok)
        }
    }

    @Test("another key's refresh token is invalid_grant and left untouched, even once used")
    func otherKey() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let theirs = try await client.issue(
                headers: Headers.json(id: ServiceFixture.otherKeyID, secret: ServiceFixture.otherSecret)
            )
            let response = try await client.post(
                Self.path,
                Self.grant(theirs.refreshToken),
                headers: [.contentType: "application/json"]
            )
            #expect(response.status == .badRequest)
            #expect(try response.error().error == "invalid_grant")
            let id = try RefreshToken(parsing: theirs.refreshToken).id
            #expect(await fixture.store.record(forID: id)?.isUsed == false)
            let own = try await client.post(
                "/api/v0/token/\(ServiceFixture.otherKeyID)",
                Self.grant(theirs.refreshToken),
                headers: [.contentType: "application/json"]
            )
            #expect(own.status == .ok)
            let successor = try TokenResponse(parsing: own.body.readableBytesView).refreshToken
            // A used token presented with another key is not a reuse: the family survives.
            _ = try await client.post(
                Self.path,
                Self.grant(theirs.refreshToken),
                headers: [.contentType: "application/json"]
            )
            let successorID = try RefreshToken(parsing: successor).id
            #expect(await fixture.store.record(forID: successorID)?.isRevoked == false)
        }
    }

    @Test("grant types and bodies: unsupported_grant_type, invalid_request, invalid_grant")
    func bodies() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let headers: HTTPFields = [.contentType: "application/json"]
            let password = try await client.post(Self.path, #"{"grant_type":"password"}"#, headers: headers)
            #expect(password.status == .badRequest)
            #expect(try password.error().error == "unsupported_grant_type")
            for body in [#"{"grant_type":"refresh_token"}"#, #"{"refresh_token":"x"}"#, "{", #"{"grant_type":1}"#] {
                let response = try await client.post(Self.path, body, headers: headers)
                #expect(response.status == .badRequest)
                #expect(try response.error().error == "invalid_request", "\(body)")
            }
            for token in ["", "x", "a:b", String(repeating: "A", count: 22) + ":" + String(repeating: "B", count: 43)] {
                let response = try await client.post(Self.path, Self.grant(token), headers: headers)
                #expect(response.status == .badRequest)
                #expect(try response.error().error == "invalid_grant")
            }
        }
    }

    @Test("an expired refresh token is invalid_grant")
    func expired() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let issued = try await client.issue()
            fixture.clock.advance(by: 30 * 24 * 3600)
            let response = try await client.post(
                Self.path,
                Self.grant(issued.refreshToken),
                headers: [.contentType: "application/json"]
            )
            #expect(response.status == .badRequest)
            #expect(try response.error().error == "invalid_grant")
        }
    }

    @Test("many concurrent refreshes of one token: exactly one succeeds, the family is then revoked")
    func concurrent() async throws {
        let fixture = try ServiceFixture()
        // AsyncHTTPClient's pool sends the requests on several connections at once.
        try await fixture.test(.ahc(.http)) { client in
            let issued = try await client.issue()
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await client.post(
                            Self.path,
                            Self.grant(issued.refreshToken),
                            headers: [.contentType: "application/json"]
                        ).status
                    }
                }
                var statuses: [HTTPResponse.Status] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .badRequest }.count == 15)
            let familyID = try RefreshToken(parsing: issued.refreshToken).id
            let family = await fixture.store.records(inFamily: familyID)
            #expect(family.count == 2)
            #expect(family.allSatisfy { $0.isRevoked })
        }
    }
}
