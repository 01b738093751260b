import Foundation
import JWTClaims
import Logging
import PostgresNIO
import RefreshTokenScenarios
import Testing

@testable import JWTClaimsPostgres

// postgres-nio comes with the package trait Postgres (on by default): without it, say so beside "no such module".
#if !Postgres
#error(
    "JWTClaimsPostgres needs the package trait Postgres (postgres-nio): add traits: [\"Postgres\"] to swift-jwt-claims"
)
#endif

/// The shared refresh-token scenarios against ``PostgresRefreshTokenStore`` on a real PostgreSQL server, plus what
/// only a shared database shows: rotations racing over two connection pools, migrations racing, the statements a
/// refresh costs, housekeeping in batches, and failures at creation.
///
/// Needs `JWT_CLAIMS_TEST_POSTGRES_URL` (`eval "$(Scripts/postgres-cluster.sh setup)"`); skipped without it, except
/// under `CI=true`, where the missing URL fails every test.
@Suite(
    "PostgresRefreshTokenStore",
    .enabled(
        if: PostgresTestDatabase.isEnabled,
        "needs PostgreSQL: set JWT_CLAIMS_TEST_POSTGRES_URL (eval \"$(Scripts/postgres-cluster.sh setup)\")"
    )
)
struct PostgresRefreshTokenStoreTests {
    /// Runs a shared scenario on a store of its own.
    static func scenario(_ run: @Sendable (any RefreshTokenStore) async throws -> Void) async throws {
        try await ClusterAccess.sharing {
            try await PostgresTestDatabase.withStore { store in try await run(store) }
        }
    }

    // MARK: The shared scenarios

    @Test("the reference flow: bind, refresh five times, every access token carries the custom and template claims")
    func referenceFlow() async throws {
        try await Self.scenario(RefreshScenarios.referenceFlow)
    }

    @Test("a second binding adds to the first, replacing equal names")
    func bindingsAccumulate() async throws {
        try await Self.scenario(RefreshScenarios.bindingsAccumulate)
    }

    @Test("reuse of an old token revokes its whole family")
    func reuseRevokesFamily() async throws {
        try await Self.scenario(RefreshScenarios.reuseRevokesFamily)
    }

    @Test("100 concurrent refreshes of one token give exactly one success")
    func concurrentRefreshes() async throws {
        try await Self.scenario { store in try await RefreshScenarios.concurrentRefreshes(store) }
    }

    @Test("a failure in the middle of a rotation leaves the old token usable and issues nothing")
    func failedRotationChangesNothing() async throws {
        try await Self.scenario(RefreshScenarios.failedRotationChangesNothing)
    }

    @Test("an unknown id and a wrong secret are refused alike, and the real token is not consumed")
    func unknownAndWrongSecret() async throws {
        try await Self.scenario(RefreshScenarios.unknownAndWrongSecret)
    }

    @Test("a token is refused at and after its expiry and accepted a second before")
    func expiry() async throws {
        try await Self.scenario(RefreshScenarios.expiry)
    }

    @Test("a revoked family refuses every token")
    func revocation() async throws {
        try await Self.scenario(RefreshScenarios.revocation)
    }

    @Test("a refresh token of another subject is refused at binding")
    func otherSubject() async throws {
        try await Self.scenario(RefreshScenarios.otherSubject)
    }

    @Test("malformed token text is refused without consuming anything or echoing the secret")
    func malformedTokens() async throws {
        try await Self.scenario(RefreshScenarios.malformedTokens)
    }

    @Test(
        "housekeeping removes a family only when its last token has expired, keeping used and revoked tokens until then"
    )
    func removeExpiredFamilies() async throws {
        try await Self.scenario(RefreshScenarios.removeExpiredFamilies)
    }

    @Test("round-trips a record exactly: claim order, number text, nesting, flags and the largest expiry")
    func recordsRoundTripExactly() async throws {
        try await Self.scenario(RefreshScenarios.recordsRoundTripExactly)
    }

    // MARK: Many instances

    @Test("100 concurrent rotations of one token over two stores (two connection pools): one success, the rest reuse")
    func concurrentRotationsOverTwoStores() async throws {
        try await Self.withTwoStores { first, second in
            let issuer = try ES256.PrivateKey()
            let services = [
                try RefreshScenarios.Harness(store: first, issuer: issuer).service,
                try RefreshScenarios.Harness(store: second, issuer: issuer).service,
            ]
            for round in 0..<5 {
                try await Self.race(services, store: first, round: round)
            }
        }
    }

    /// One round: a new family, 100 refreshes of its first token at once, alternating between the services.
    static func race(_ services: [RefreshTokenService], store: any RefreshTokenStore, round: Int) async throws {
        let signIn = try await services[0].issue(
            try RefreshScenarios.Harness.template(subject: "racer-\(round)"),
            now: RefreshScenarios.time(0)
        )
        let token = signIn.refreshToken.serialized()
        let outcomes = await RefreshScenarios.refreshConcurrently(token, count: 100, services: services, at: 1)
        let winners = outcomes.compactMap { try? $0.get() }
        let codes = outcomes.compactMap { outcome -> JWTError.Code? in
            guard case .failure(let error) = outcome else { return nil }
            return error.code
        }
        #expect(winners.count == 1, "round \(round)")
        #expect(codes.count == 99, "round \(round)")
        #expect(
            codes.allSatisfy { $0 == .refreshTokenReused || $0 == .refreshTokenRevoked },
            "round \(round): \(Set(codes))"
        )
        #expect(codes.contains(.refreshTokenReused), "round \(round)")
        let family = try await store.records(inFamily: signIn.refreshToken.id)
        #expect(family.count == 2, "one successor, round \(round)")
        #expect(family.allSatisfy { $0.isRevoked }, "the reuse revoked the whole family, round \(round)")
    }

    /// What `body` returned or threw.
    static func outcome(_ body: () async throws(JWTError) -> TokenPair) async -> Result<TokenPair, JWTError> {
        do throws(JWTError) {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }

    /// Runs `body` with two running stores on one new schema, each with its own pool (two instances of a service).
    static func withTwoStores(
        _ body: @Sendable (PostgresRefreshTokenStore, PostgresRefreshTokenStore) async throws -> Void
    ) async throws {
        try await ClusterAccess.sharing {
            let configuration = try PostgresTestDatabase.makeConfiguration()
            try await PostgresTestDatabase.withStore(configuration: configuration) { first in
                let second = try await PostgresRefreshTokenStore(
                    configuration: configuration,
                    logger: PostgresTestDatabase.quietLogger
                )
                try await PostgresTestDatabase.running(second) { second in try await body(first, second) }
            }
        }
    }

    @Test("a reuse racing the rotation of the family's newest token leaves no usable token (the revocation loops)")
    func reuseRacingRotation() async throws {
        try await Self.withTwoStores { first, second in
            let issuer = try ES256.PrivateKey()
            let reuser = try RefreshScenarios.Harness(store: first, issuer: issuer)
            let rotator = try RefreshScenarios.Harness(store: second, issuer: issuer).service
            for round in 0..<40 {
                let signIn = try await reuser.signIn(subject: "race-\(round)")
                let used = signIn.refreshToken.serialized()
                let newest = try await reuser.service.refresh(used, now: RefreshScenarios.time(1)).refreshToken
                    .serialized()
                // The thief replays the used token while the client rotates the newest one.
                async let reuse = RefreshScenarios.code {
                    try await reuser.service.refresh(used, now: RefreshScenarios.time(2))
                }
                async let rotation = Self.outcome { () async throws(JWTError) -> TokenPair in
                    try await rotator.refresh(newest, now: RefreshScenarios.time(2))
                }
                #expect(await reuse == .refreshTokenReused, "round \(round)")
                if case .success(let pair) = await rotation {
                    // The rotation won its race: its successor must have been caught by the revocation.
                    let afterwards = await RefreshScenarios.code {
                        try await rotator.refresh(pair.refreshToken.serialized(), now: RefreshScenarios.time(3))
                    }
                    #expect(afterwards == .refreshTokenRevoked, "round \(round): a successor escaped the revocation")
                }
                let family = try await first.records(inFamily: signIn.refreshToken.id)
                #expect(family.allSatisfy { $0.isRevoked }, "round \(round)")
            }
        }
    }

    @Test("used tokens of one family replayed at once on two stores: all reuse, no deadlock, the family revoked")
    func simultaneousReplays() async throws {
        try await Self.withTwoStores { first, second in
            let issuer = try ES256.PrivateKey()
            let services = [
                try RefreshScenarios.Harness(store: first, issuer: issuer).service,
                try RefreshScenarios.Harness(store: second, issuer: issuer).service,
            ]
            for round in 0..<20 {
                var tokens = [
                    try await services[0].issue(
                        try RefreshScenarios.Harness.template(subject: "replay-\(round)"),
                        now: RefreshScenarios.time(0)
                    ).refreshToken.serialized()
                ]
                for step in 1...4 {
                    tokens.append(
                        try await services[0].refresh(tokens[step - 1], now: RefreshScenarios.time(Int64(step)))
                            .refreshToken.serialized()
                    )
                }
                // Tokens 0-3 are used; each is replayed twice, through both stores, at once.
                let replayed = Array(tokens.prefix(4))
                let codes = await withTaskGroup(of: JWTError.Code?.self) { group in
                    for (index, token) in (replayed + replayed).enumerated() {
                        let service = services[index % services.count]
                        group.addTask {
                            await RefreshScenarios.code {
                                try await service.refresh(token, now: RefreshScenarios.time(9))
                            }
                        }
                    }
                    var codes: [JWTError.Code?] = []
                    for await code in group { codes.append(code) }
                    return codes
                }
                #expect(
                    codes.allSatisfy { $0 == .refreshTokenReused || $0 == .refreshTokenRevoked },
                    "round \(round): \(codes)"
                )
                let newest = await RefreshScenarios.code {
                    try await services[1].refresh(tokens[4], now: RefreshScenarios.time(10))
                }
                #expect(newest == .refreshTokenRevoked, "round \(round)")
            }
        }
    }

    @Test("stores created at once on one schema migrate it once: the others wait at the advisory lock")
    func concurrentMigrations() async throws {
        try await ClusterAccess.sharing {
            let configuration = try PostgresTestDatabase.makeConfiguration()
            let lines = CapturingLogHandler.Lines()
            let logger = CapturingLogHandler.logger(into: lines)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        _ = try await PostgresRefreshTokenStore(configuration: configuration, logger: logger)
                    }
                }
                try await group.waitForAll()
            }
            let ready = lines.all.filter { $0.contains("refresh-token store ready") }
            #expect(ready.count == 4)
            #expect(
                ready.filter { $0.contains("migrations applied=\(PostgresRefreshTokenStore.schemaVersion)") }.count == 1
            )
            #expect(ready.filter { $0.contains("migrations applied=0") }.count == 3)
            let versions = try await PostgresTestDatabase.query(
                "SELECT version FROM \"\(configuration.schema)\".jwt_claims_schema_version"
            )
            #expect(try versions.map { try $0.decode(Int.self) } == [PostgresRefreshTokenStore.schemaVersion])
            await PostgresTestDatabase.dropSchema(configuration.schema)
        }
    }

    @Test("refuses tables written by a newer schema version and leaves them untouched")
    func refusesNewerSchema() async throws {
        try await ClusterAccess.sharing {
            let configuration = try PostgresTestDatabase.makeConfiguration()
            _ = try await PostgresRefreshTokenStore(
                configuration: configuration,
                logger: PostgresTestDatabase.quietLogger
            )
            let versionTable = "\"\(configuration.schema)\".jwt_claims_schema_version"
            try await PostgresTestDatabase.query("UPDATE \(versionTable) SET version = 99")
            let error = await #expect(throws: JWTError.self) {
                try await PostgresRefreshTokenStore(
                    configuration: configuration,
                    logger: PostgresTestDatabase.quietLogger
                )
            }
            #expect(error?.code == .storeFailure)
            #expect(error?.reason.contains("newer version") == true)
            let versions = try await PostgresTestDatabase.query("SELECT version FROM \(versionTable)")
            #expect(try versions.map { try $0.decode(Int.self) } == [99])
            await PostgresTestDatabase.dropSchema(configuration.schema)
        }
    }

    // MARK: Round trips

    @Test("a refresh costs two statements on the table, a refusal one, a reuse three (counted by pg_stat_statements)")
    func statementsPerRefresh() async throws {
        try await ClusterAccess.sharing {
            let configuration = try PostgresTestDatabase.makeConfiguration()
            try await PostgresTestDatabase.withStore(configuration: configuration) { store in
                let harness = try RefreshScenarios.Harness(store: store)
                let signIn = try await harness.signIn()
                var token = signIn.refreshToken.serialized()
                let refreshes = 20
                for step in 1...refreshes {
                    let pair = try await harness.service.refresh(token, now: RefreshScenarios.time(Int64(step)))
                    token = pair.refreshToken.serialized()
                }
                let counts = try await Self.statementCounts(schema: configuration.schema)
                #expect(counts.select == refreshes, "\(counts)")
                #expect(counts.compareAndSet == refreshes, "\(counts)")
                #expect(counts.insert == 1, "the sign-in: \(counts)")
                #expect(counts.revoke == 0, "\(counts)")
                #expect(counts.total == 2 * refreshes + 1, "two statements per refresh: \(counts)")

                // A refusal (expired): the read alone.
                let expired = await #expect(throws: JWTError.self) {
                    try await harness.service.refresh(token, now: RefreshScenarios.time(100_000_000))
                }
                #expect(expired?.code == .refreshTokenExpired)
                let afterRefusal = try await Self.statementCounts(schema: configuration.schema)
                #expect(afterRefusal.total == counts.total + 1, "\(afterRefusal)")

                // A reuse: the read, a revocation pass that revokes the family, one that finds nothing left.
                let reused = await #expect(throws: JWTError.self) {
                    try await harness.service.refresh(signIn.refreshToken.serialized(), now: RefreshScenarios.time(30))
                }
                #expect(reused?.code == .refreshTokenReused)
                let afterReuse = try await Self.statementCounts(schema: configuration.schema)
                #expect(afterReuse.select == afterRefusal.select + 1, "\(afterReuse)")
                #expect(afterReuse.revoke == 2, "\(afterReuse)")
                #expect(afterReuse.total == afterRefusal.total + 3, "\(afterReuse)")
            }
        }
    }

    /// How often each of the store's statements ran in `schema`, from `pg_stat_statements`.
    static func statementCounts(
        schema: String
    ) async throws -> (select: Int, compareAndSet: Int, insert: Int, revoke: Int, total: Int) {
        let rows = try await PostgresTestDatabase.query(
            """
            SELECT query, calls FROM pg_stat_statements
            WHERE query LIKE '%"\(schema)".refresh_token%' AND query NOT LIKE 'CREATE%'
            """
        )
        var counts = (select: 0, compareAndSet: 0, insert: 0, revoke: 0, total: 0)
        for row in rows {
            let (query, calls) = try row.decode((String, Int).self)
            counts.total += calls
            if query.hasPrefix("SELECT id,") { counts.select += calls }
            if query.hasPrefix("WITH consumed") { counts.compareAndSet += calls }
            if query.hasPrefix("INSERT INTO") { counts.insert += calls }
            if query.hasPrefix("UPDATE") { counts.revoke += calls }
        }
        return counts
    }
}
