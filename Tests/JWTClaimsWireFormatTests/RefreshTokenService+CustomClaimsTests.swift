import JWTClaims
import JWTClaimsWireFormat
import RefreshTokenScenarios
import Testing

/// `RefreshTokenService.respond(to:now:)`: the custom-claims endpoint's answer. With a refresh token it is the store
/// scenarios' reference flow (`RefreshScenarios.referenceFlow`, run for every store); here, the rest.
@Suite("RefreshTokenService custom-claims endpoint")
struct RefreshTokenServiceCustomClaimsTests {
    @Test("answers a reference request without a refresh token with the augmented token only, using up nothing")
    func respondsWithoutRefreshToken() async throws {
        let store = InMemoryRefreshTokenStore()
        let harness = try RefreshScenarios.Harness(store: store)
        let signIn = try await harness.signIn()
        let response = try await harness.service.respond(
            to: CustomClaimsRequest(token: signIn.accessToken, customAttributes: ["role": "admin"]),
            now: RefreshScenarios.time(10)
        )
        #expect(response.refreshToken == nil)
        let claims = try harness.verify(response.token, at: 10)
        #expect(claims["role"] == "admin")
        #expect(claims.names == (try harness.verify(signIn.accessToken, at: 10)).names + ["role"])
        #expect(await store.record(forID: signIn.refreshToken.id)?.isUsed == false)
    }

    @Test("answers with a bound refresh token when the request has one, and uses the presented one up")
    func respondsWithRefreshToken() async throws {
        let store = InMemoryRefreshTokenStore()
        let harness = try RefreshScenarios.Harness(store: store)
        let signIn = try await harness.signIn()
        let request = CustomClaimsRequest(
            token: signIn.accessToken,
            customAttributes: ["role": "admin"],
            refreshToken: signIn.refreshToken.serialized()
        )
        let response = try await harness.service.respond(to: request, now: RefreshScenarios.time(10))
        let refreshToken = try #require(response.refreshToken)
        #expect(refreshToken != signIn.refreshToken.serialized())
        #expect(await store.record(forID: signIn.refreshToken.id)?.isUsed == true)
        let next = try await harness.service.refresh(refreshToken, now: RefreshScenarios.time(20))
        #expect(next.claims["role"] == "admin")
    }

    @Test("refuses what the augmenter refuses, with its error, and binds nothing")
    func refusals() async throws {
        let store = InMemoryRefreshTokenStore()
        let harness = try RefreshScenarios.Harness(store: store)
        let signIn = try await harness.signIn()
        let request = CustomClaimsRequest(
            token: signIn.accessToken,
            customAttributes: ["exp": 9_999_999_999],
            refreshToken: signIn.refreshToken.serialized()
        )
        let error = await #expect(throws: JWTError.self) {
            try await harness.service.respond(to: request, now: RefreshScenarios.time(10))
        }
        #expect(error?.code == .protectedClaim)
        #expect(await store.record(forID: signIn.refreshToken.id)?.isUsed == false)
    }
}
