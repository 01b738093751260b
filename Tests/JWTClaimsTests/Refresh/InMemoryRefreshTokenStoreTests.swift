import JWTClaims
import RefreshTokenScenarios
import Testing

/// The shared refresh-token scenarios (`RefreshScenarios`) against ``InMemoryRefreshTokenStore``.
@Suite("InMemoryRefreshTokenStore")
struct InMemoryRefreshTokenStoreTests {
    @Test("the reference flow: bind, refresh five times, every access token carries the custom and template claims")
    func referenceFlow() async throws {
        try await RefreshScenarios.referenceFlow(InMemoryRefreshTokenStore())
    }

    @Test("a second binding adds to the first, replacing equal names")
    func bindingsAccumulate() async throws {
        try await RefreshScenarios.bindingsAccumulate(InMemoryRefreshTokenStore())
    }

    @Test("reuse of an old token revokes its whole family")
    func reuseRevokesFamily() async throws {
        try await RefreshScenarios.reuseRevokesFamily(InMemoryRefreshTokenStore())
    }

    @Test("100 concurrent refreshes of one token give exactly one success")
    func concurrentRefreshes() async throws {
        try await RefreshScenarios.concurrentRefreshes(InMemoryRefreshTokenStore())
    }

    @Test("a failure in the middle of a rotation leaves the old token usable and issues nothing")
    func failedRotationChangesNothing() async throws {
        try await RefreshScenarios.failedRotationChangesNothing(InMemoryRefreshTokenStore())
    }

    @Test("an unknown id and a wrong secret are refused alike, and the real token is not consumed")
    func unknownAndWrongSecret() async throws {
        try await RefreshScenarios.unknownAndWrongSecret(InMemoryRefreshTokenStore())
    }

    @Test("a token is refused at and after its expiry and accepted a second before")
    func expiry() async throws {
        try await RefreshScenarios.expiry(InMemoryRefreshTokenStore())
    }

    @Test("a revoked family refuses every token")
    func revocation() async throws {
        try await RefreshScenarios.revocation(InMemoryRefreshTokenStore())
    }

    @Test("a refresh token of another subject is refused at binding")
    func otherSubject() async throws {
        try await RefreshScenarios.otherSubject(InMemoryRefreshTokenStore())
    }

    @Test("a refresh token presented by another client is refused as unknown and left untouched")
    func otherClient() async throws {
        try await RefreshScenarios.otherClient(InMemoryRefreshTokenStore())
    }

    @Test("malformed token text is refused without consuming anything or echoing the secret")
    func malformedTokens() async throws {
        try await RefreshScenarios.malformedTokens(InMemoryRefreshTokenStore())
    }

    @Test("is always available, and says so without changing anything")
    func availability() async throws {
        let store = InMemoryRefreshTokenStore()
        let asProtocol: any RefreshTokenStore = store
        try await asProtocol.checkAvailability()
        #expect(await store.count == 0)
    }

    @Test("issuing an id twice is a store failure and keeps the first record")
    func duplicateIssue() async throws {
        let store = InMemoryRefreshTokenStore()
        let record = RefreshTokenRecord(
            id: "id",
            secretDigest: Array(repeating: 1, count: 32),
            subject: "alice",
            familyID: "id",
            parentID: nil,
            customClaims: [:],
            template: ["sub": "alice"],
            createdAt: NumericDate(secondsSince1970: 1),
            expiresAt: NumericDate(secondsSince1970: 2)
        )
        try await store.issue(record)
        let duplicate = RefreshTokenRecord(
            id: "id",
            secretDigest: Array(repeating: 2, count: 32),
            subject: "bob",
            familyID: "id",
            parentID: nil,
            customClaims: [:],
            template: ["sub": "bob"],
            createdAt: NumericDate(secondsSince1970: 1),
            expiresAt: NumericDate(secondsSince1970: 2)
        )
        let error = await #expect(throws: JWTError.self) { try await store.issue(duplicate) }
        #expect(error?.code == .storeFailure)
        #expect(await store.record(forID: "id") == record)
        #expect(await store.count == 1)
    }
}
