import JWTClaims
import RefreshTokenScenarios
import Testing

/// The executable specification of ``RefreshTokenService`` beyond the shared store scenarios: minting, ordering of
/// checks, and policy interplay. (The reference request, `respond(to:now:)`, is the wire format's:
/// `JWTClaimsWireFormatTests`.)
@Suite("RefreshTokenService")
struct RefreshTokenServiceTests {
    static let issuer = Result { try ES256.PrivateKey() }
    static let now = RefreshScenarios.time(0)

    static func service(
        _ store: InMemoryRefreshTokenStore,
        policy: AugmentationPolicy = AugmentationPolicy()
    ) throws -> RefreshTokenService {
        let key = try issuer.get()
        return RefreshTokenService(
            store: store,
            augmenter: ClaimsAugmenter(
                verifier: JWTVerifier(key: key.publicKey),
                signer: JWTSigner(key: key),
                policy: policy
            ),
            accessTokenLifetime: .seconds(900)
        )
    }

    static func verify(_ token: String, at offset: Int64 = 0) throws -> ClaimSet {
        try JWTVerifier(key: issuer.get().publicKey).verify(token, now: RefreshScenarios.time(offset)).claims
    }

    @Test("mints iat, exp and jti in place, sets a present nbf to iat, and appends what the template lacks")
    func mintsTimes() async throws {
        let store = InMemoryRefreshTokenStore()
        let service = try Self.service(store)
        let withTimes = try await service.issue(
            ["iss": "me", "nbf": 1, "iat": 2, "sub": "alice", "exp": 3, "role": "x"],
            now: try #require(NumericDate("1599180000.9"))
        )
        let claims = try Self.verify(withTimes.accessToken)
        #expect(claims.names == ["iss", "nbf", "iat", "sub", "exp", "role", "jti"])
        #expect(claims.issuedAt?.description == "1599180000")
        #expect(claims.notBefore == claims.issuedAt)
        #expect(claims.expiration?.description == "1599180900")
        #expect(claims.jwtID?.utf8.count == 22)

        let bare = try await service.issue(["sub": "bob"], now: Self.now)
        #expect(try Self.verify(bare.accessToken).names == ["sub", "iat", "exp", "jti"])
        #expect(await store.count == 2)
    }

    @Test("refuses a template without a string sub, storing nothing")
    func requiresSubject() async throws {
        let store = InMemoryRefreshTokenStore()
        let service = try Self.service(store)
        for template: ClaimSet in [["iss": "me"], ["sub": 42]] {
            let error = await #expect(throws: JWTError.self) { try await service.issue(template, now: Self.now) }
            #expect(error?.code == .missingClaim)
        }
        #expect(await store.count == 0)
    }

    @Test("refuses to mint a token over the policy's size limit, storing nothing")
    func mintSizeLimit() async throws {
        let store = InMemoryRefreshTokenStore()
        let service = try Self.service(store, policy: AugmentationPolicy(maximumTokenSize: 200))
        let error = await #expect(throws: JWTError.self) {
            try await service.issue(
                ["sub": "alice", "blob": .string(String(repeating: "x", count: 300))],
                now: Self.now
            )
        }
        #expect(error?.code == .tokenTooLarge)
        #expect(await store.count == 0)
    }

    @Test("checks the refresh token's shape before the access token, and consumes nothing on any refusal")
    func refusalsConsumeNothing() async throws {
        let store = InMemoryRefreshTokenStore()
        let service = try Self.service(store)
        let signIn = try await service.issue(RefreshScenarios.Harness.template(), now: Self.now)
        let token = signIn.refreshToken.serialized()

        let malformed = await #expect(throws: JWTError.self) {
            try await service.bind(["role": "admin"], to: "not a token", refreshToken: "nope", now: Self.now)
        }
        #expect(malformed?.code == .invalidRefreshToken)
        let expired = await #expect(throws: JWTError.self) {
            try await service.bind(
                ["role": "admin"],
                to: signIn.accessToken,
                refreshToken: token,
                now: RefreshScenarios.time(901)
            )
        }
        #expect(expired?.code == .expired)
        let protected = await #expect(throws: JWTError.self) {
            try await service.bind(["sub": "mallory"], to: signIn.accessToken, refreshToken: token, now: Self.now)
        }
        #expect(protected?.code == .protectedClaim)
        let foreign = try JWTSigner(key: ES256.PrivateKey()).sign(["sub": "5522261a-ac7e-4d6e-b056-959f612fb34a"])
        let forged = await #expect(throws: JWTError.self) {
            try await service.bind(["role": "admin"], to: foreign, refreshToken: token, now: Self.now)
        }
        #expect(forged?.code == .invalidSignature)
        let noSubject = try JWTSigner(key: Self.issuer.get()).sign(["iss": "me"])
        let missing = await #expect(throws: JWTError.self) {
            try await service.bind(["role": "admin"], to: noSubject, refreshToken: token, now: Self.now)
        }
        #expect(missing?.code == .missingClaim)

        #expect(await store.record(forID: signIn.refreshToken.id)?.isUsed == false)
        #expect(await store.count == 1)
    }

    @Test("binds only what the policy applied: ignored protected names are dropped, null removals carry over")
    func bindsWhatWasApplied() async throws {
        let store = InMemoryRefreshTokenStore()
        let policy = AugmentationPolicy(onProtectedClaim: .ignore, onNull: .removeClaim)
        let service = try Self.service(store, policy: policy)
        let signIn = try await service.issue(RefreshScenarios.Harness.template(), now: Self.now)
        let bound = try await service.bind(
            ["sub": "mallory", "scope": nil, "role": "admin"],
            to: signIn.accessToken,
            refreshToken: signIn.refreshToken.serialized(),
            now: Self.now
        )
        #expect(bound.claims["scope"] == nil)
        #expect(bound.claims.subject == signIn.claims.subject)
        let record = try #require(await store.record(forID: bound.refreshToken.id))
        #expect(record.customClaims == ["scope": nil, "role": "admin"])

        let refreshed = try await service.refresh(bound.refreshToken.serialized(), now: RefreshScenarios.time(60))
        let claims = try Self.verify(refreshed.accessToken, at: 60)
        #expect(claims["scope"] == nil)
        #expect(claims.subject == signIn.claims.subject)
        #expect(claims["role"] == "admin")
    }

    @Test("a mint the current policy refuses fails the refresh and leaves the token usable")
    func failedMintKeepsToken() async throws {
        let store = InMemoryRefreshTokenStore()
        let lenient = try Self.service(store)
        let signIn = try await lenient.issue(RefreshScenarios.Harness.template(), now: Self.now)
        let bound = try await lenient.bind(
            ["role": "admin"],
            to: signIn.accessToken,
            refreshToken: signIn.refreshToken.serialized(),
            now: Self.now
        )
        var strictPolicy = AugmentationPolicy()
        strictPolicy.protectedClaims.insert("role")
        let strict = try Self.service(store, policy: strictPolicy)
        let error = await #expect(throws: JWTError.self) {
            try await strict.refresh(bound.refreshToken.serialized(), now: RefreshScenarios.time(60))
        }
        #expect(error?.code == .protectedClaim)
        #expect(await store.record(forID: bound.refreshToken.id)?.isUsed == false)
        let refreshed = try await lenient.refresh(bound.refreshToken.serialized(), now: RefreshScenarios.time(61))
        #expect(refreshed.claims["role"] == "admin")
    }
}
