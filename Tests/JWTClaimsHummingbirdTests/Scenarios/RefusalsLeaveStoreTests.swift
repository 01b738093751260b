import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// Every refusal leaves the store as it was.
@Suite("Refusals leave the store as it was")
struct RefusalsLeaveStoreTests {
    struct Refusal: Sendable {
        let path: String
        let body: String
        let headers: HTTPFields
    }

    @Test("a battery of refused requests around one refresh token changes no record")
    func battery() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let issued = try await client.issue()
            let tokenID = try RefreshToken(parsing: issued.refreshToken).id
            let before = await fixture.store.record(forID: tokenID)
            let token = issued.refreshToken
            let access = issued.accessToken
            let json: HTTPFields = [.contentType: "application/json"]
            let refreshPath = "/api/v0/token/\(ServiceFixture.keyID)"
            let refusals: [Refusal] = [
                Refusal(
                    path: refreshPath,
                    body: #"{"grant_type":"password","refresh_token":"\#(token)"}"#,
                    headers: json
                ),
                Refusal(
                    path: refreshPath,
                    body: #"{"grant_type":"refresh_token","refresh_token":"\#(token)""#,
                    headers: json
                ),
                Refusal(
                    path: refreshPath,
                    body: #"{"grant_type":"refresh_token","refresh_token":"\#(token)","x":1}"#,
                    headers: json
                ),
                Refusal(
                    path: refreshPath,
                    body: #"{"grant_type":"refresh_token","refresh_token":"\#(token)"}"#,
                    headers: [.contentType: "text/plain"]
                ),
                Refusal(
                    path: "/api/v0/token/\(ServiceFixture.otherKeyID)",
                    body: #"{"grant_type":"refresh_token","refresh_token":"\#(token)"}"#,
                    headers: json
                ),
                Refusal(
                    path: refreshPath,
                    body: #"{"grant_type":"refresh_token","refresh_token":"\#(token)"}"#,
                    headers: Headers.json(id: ServiceFixture.otherKeyID, secret: nil)
                ),
                Refusal(
                    path: "/api/v0/token/custom",
                    body: #"{"token":"\#(access)","custom_attributes":{"iss":"x"},"refresh_token":"\#(token)"}"#,
                    headers: Headers.json()
                ),
                Refusal(
                    path: "/api/v0/token/custom",
                    body: #"{"token":"\#(access)x","custom_attributes":{},"refresh_token":"\#(token)"}"#,
                    headers: Headers.json()
                ),
                Refusal(
                    path: "/api/v0/token/custom",
                    body: #"{"token":"\#(access)","custom_attributes":{},"refresh_token":"\#(token)"}"#,
                    headers: Headers.json(secret: "wrong")
                ),
                Refusal(
                    path: "/api/v0/token/custom",
                    body: #"{"token":"\#(access)","custom_attributes":{},"refresh_token":"\#(token)"}"#,
                    headers: Headers.json(id: ServiceFixture.otherKeyID, secret: ServiceFixture.otherSecret)
                ),
                Refusal(
                    path: "/api/v0/token/revoke",
                    body: #"{"refresh_token":"\#(token)"}"#,
                    headers: Headers.json(secret: "x")
                ),
                Refusal(
                    path: "/api/v0/token/revoke",
                    body: #"{"refresh_token":"\#(token)"}"#,
                    headers: Headers.json(id: ServiceFixture.otherKeyID, secret: nil)
                ),
                Refusal(
                    path: "/api/v0/token/revoke",
                    body: #"{"refresh_token":1}"#,
                    headers: Headers.json(secret: nil)
                ),
            ]
            for refusal in refusals {
                let response = try await client.post(refusal.path, refusal.body, headers: refusal.headers)
                #expect(response.status != .ok || refusal.path.hasSuffix("revoke"), "\(refusal.path) \(refusal.body)")
                #expect(!response.text.contains(token))
                #expect(await fixture.store.record(forID: tokenID) == before, "\(refusal.path) \(refusal.body)")
            }
            #expect(await fixture.store.count == 1)
        }
    }
}
