import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// A store that can be switched off.
actor SwitchableStore: RefreshTokenStore {
    private let inner = InMemoryRefreshTokenStore()
    private var down = false

    func setDown(_ value: Bool) { down = value }

    private func check() throws(JWTError) {
        if down { throw JWTError.storeFailure("the test store is down") }
    }

    func issue(_ record: RefreshTokenRecord) async throws(JWTError) {
        try check()
        try await inner.issue(record)
    }

    func rotate<Output: Sendable>(
        _ rotation: RefreshTokenRotation,
        completing: @Sendable (RefreshTokenRecord) throws(JWTError) -> Output
    ) async throws(JWTError) -> Output {
        try check()
        return try await inner.rotate(rotation, completing: completing)
    }

    func revokeFamily(_ familyID: String) async throws(JWTError) {
        try check()
        await inner.revokeFamily(familyID)
    }

    func record(forID id: String) async throws(JWTError) -> RefreshTokenRecord? {
        try check()
        return await inner.record(forID: id)
    }

    func records(inFamily familyID: String) async throws(JWTError) -> [RefreshTokenRecord] {
        try check()
        return await inner.records(inFamily: familyID)
    }

    func checkAvailability() async throws(JWTError) {
        try check()
    }
}

/// `/healthz`, and the service with its store down.
@Suite("Health and store outages")
struct HealthRouteTests {
    @Test("200 while the store works; 503 with Retry-After when it does not; the key set and verify keep working")
    func health() async throws {
        let store = SwitchableStore()
        let fixture = try ServiceFixture(store: store)
        try await fixture.test { client in
            let up = try await client.execute(uri: "/healthz", method: .get)
            #expect(up.status == .ok)
            #expect(up.text == #"{"status":"ok"}"#)
            let issued = try await client.issue()

            await store.setDown(true)
            let down = try await client.execute(uri: "/healthz", method: .get)
            #expect(down.status == .serviceUnavailable)
            #expect(down.headers[.retryAfter] == "5")
            #expect(try down.error().error == "temporarily_unavailable")
            let issue = try await client.post("/api/v0/token/issue", #"{"claims":{"sub":"a"}}"#)
            #expect(issue.status == .serviceUnavailable)
            #expect(try issue.error().error == "temporarily_unavailable")
            #expect(issue.headers[.retryAfter] == "5")
            let refresh = try await client.post(
                "/api/v0/token/\(ServiceFixture.keyID)",
                #"{"grant_type":"refresh_token","refresh_token":"\#(issued.refreshToken)"}"#,
                headers: [.contentType: "application/json"]
            )
            #expect(refresh.status == .serviceUnavailable)
            #expect(try await client.execute(uri: "/api/v0/token/jwks", method: .get).status == .ok)
            let verify = try await client.post(
                "/verify",
                #"{"oauth_token":{"access_token":"\#(issued.accessToken)"}}"#,
                headers: [.contentType: "application/json"]
            )
            #expect(verify.text == #"{"success":true}"#)

            await store.setDown(false)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let again = try await client.post(
                "/api/v0/token/\(ServiceFixture.keyID)",
                #"{"grant_type":"refresh_token","refresh_token":"\#(issued.refreshToken)"}"#,
                headers: [.contentType: "application/json"]
            )
            #expect(again.status == .ok, "the refused refresh left the token usable")
        }
    }
}
