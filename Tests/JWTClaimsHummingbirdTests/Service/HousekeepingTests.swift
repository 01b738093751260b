import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import Logging
import Testing

/// The application's periodic expiry housekeeping (`RefreshTokenHousekeeping`).
@Suite("Refresh-token housekeeping")
struct HousekeepingTests {
    static let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test("the application deletes families whose tokens all expired, keeping a used token of a live family")
    func periodic() async throws {
        let fixture = try ServiceFixture()
        var configuration = fixture.configuration
        configuration.housekeepingInterval = .milliseconds(50)
        configuration.refreshTokenLifetime = .seconds(600)
        let app = try buildApplication(configuration: configuration, logger: Self.quietLogger)
        try await app.test(.router) { client in
            let expiring = try RefreshToken(parsing: try await client.issue().refreshToken).id
            let living = try await client.issue(#"{"sub":"user-2"}"#)
            fixture.clock.advance(by: 300)
            let refreshed = try await client.post(
                "/api/v0/token/\(ServiceFixture.keyID)",
                #"{"grant_type":"refresh_token","refresh_token":"\#(living.refreshToken)"}"#,
                headers: [.contentType: "application/json"]
            )
            #expect(refreshed.status == .ok)
            let usedID = try RefreshToken(parsing: living.refreshToken).id
            // The first family's only token expires at 600 s; the second's newest lives until 900 s.
            fixture.clock.advance(by: 301)
            var removed = false
            for _ in 0..<100 where !removed {
                try await Task.sleep(for: .milliseconds(50))
                removed = await fixture.store.record(forID: expiring) == nil
            }
            #expect(removed, "the expired family is still stored after 5 seconds")
            let used = await fixture.store.record(forID: usedID)
            #expect(used?.isUsed == true, "the used token of a live family was deleted")
        }
    }

    @Test("a failed run is logged and answered nil, not thrown; the next run works")
    func failedRun() async throws {
        let store = SwitchableStore()
        let housekeeping = try RefreshTokenHousekeeping(
            store: store,
            interval: .seconds(60),
            now: { NumericDate(secondsSince1970: 1_700_000_000) },
            logger: Self.quietLogger
        )
        await store.setDown(true)
        #expect(await housekeeping.runOnce() == nil)
        await store.setDown(false)
        #expect(await housekeeping.runOnce() == 0)
    }

    @Test("an interval of zero or less is refused when the application is built")
    func invalidInterval() throws {
        var configuration = try ServiceFixture().configuration
        configuration.housekeepingInterval = .zero
        #expect(throws: JWTError(code: .invalidConfiguration, reason: "")) {
            _ = try buildApplication(configuration: configuration, logger: Self.quietLogger)
        }
    }
}
