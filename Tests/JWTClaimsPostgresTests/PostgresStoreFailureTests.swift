import Foundation
import JWTClaims
import Logging
import PostgresNIO
import RefreshTokenScenarios
import Testing

@testable import JWTClaimsPostgres

/// What the store does when it cannot work: a wrong login, a store whose pool does not run, a pool that cannot
/// connect while the database can, and what its errors and logs may say. Also housekeeping over more families than
/// one batch.
@Suite(
    "PostgresRefreshTokenStore failures",
    .enabled(
        if: PostgresTestDatabase.isEnabled,
        "needs PostgreSQL: set JWT_CLAIMS_TEST_POSTGRES_URL (eval \"$(Scripts/postgres-cluster.sh setup)\")"
    )
)
struct PostgresStoreFailureTests {
    /// The test database's configuration with another password, database or port.
    static func variant(
        _ change: (inout PostgresRefreshTokenStore.Configuration) -> Void
    ) throws -> PostgresRefreshTokenStore.Configuration {
        var configuration = try PostgresTestDatabase.makeConfiguration()
        change(&configuration)
        return configuration
    }

    @Test("a wrong password, an unknown database or a closed port fail the creation at once, with the server's reason")
    func creationFailures() async throws {
        let wrongPassword = "wrong-" + UUID().uuidString
        let cases: [(String, PostgresRefreshTokenStore.Configuration, String)] = [
            (
                "wrong password",
                try Self.variant { $0 = Self.replacingPassword($0, with: wrongPassword) },
                "28p01"
            ),
            ("unknown database", try Self.variant { $0.database = "no_such_database" }, "3d000"),
            ("closed port", try Self.variant { $0.port = 1 }, "refused"),
        ]
        try await ClusterAccess.sharing {
            for (name, configuration, expected) in cases {
                let lines = CapturingLogHandler.Lines()
                let started = ContinuousClock.now
                let error = await #expect(throws: JWTError.self, "\(name)") {
                    try await PostgresRefreshTokenStore(
                        configuration: configuration,
                        logger: CapturingLogHandler.logger(into: lines)
                    )
                }
                // Through the pool these errors surface only when its circuit breaker trips, 60 s after the first
                // failed connect; the direct connection reports them in milliseconds. The bound tells the two apart
                // with room for a loaded machine (13 s seen at load 16), and is no speed target.
                #expect(ContinuousClock.now - started < .seconds(30), "\(name): reported, not waited out")
                #expect(error?.code == .storeFailure, "\(name)")
                #expect(error?.reason.lowercased().contains(expected) == true, "\(name): \(error?.reason ?? "")")
                for text in [error?.reason ?? "", String(describing: error), String(reflecting: error)] + lines.all {
                    #expect(!text.contains(wrongPassword), "\(name): the password leaked: \(text)")
                }
            }
        }
    }

    @Test("neither logs (at trace level) nor errors nor descriptions show the password")
    func noPasswordAnywhere() async throws {
        let url = try PostgresTestDatabase.requireURL()
        let password = try #require(Self.password(in: url))
        let lines = CapturingLogHandler.Lines()
        let logger = CapturingLogHandler.logger(into: lines)
        var texts = try await ClusterAccess.sharing {
            let configuration = try PostgresTestDatabase.makeConfiguration()
            var dumped = ""
            dump(configuration, to: &dumped)
            let descriptions = [
                configuration.description, String(reflecting: configuration), "\(configuration)", dumped,
            ]
            return try await PostgresTestDatabase.withStore(configuration: configuration, logger: logger) { store in
                var texts = descriptions
                let harness = try RefreshScenarios.Harness(store: store)
                let signIn = try await harness.signIn()
                _ = try await harness.service.refresh(signIn.refreshToken.serialized(), now: RefreshScenarios.time(1))
                let reuse = await #expect(throws: JWTError.self) {
                    try await harness.service.refresh(signIn.refreshToken.serialized(), now: RefreshScenarios.time(2))
                }
                texts += [reuse?.description ?? "", String(reflecting: reuse)]
                let first = try #require(try await store.record(forID: signIn.refreshToken.id))
                let duplicate = RefreshTokenRecord(
                    id: first.id,
                    secretDigest: first.secretDigest,
                    subject: first.subject,
                    familyID: first.familyID,
                    parentID: nil,
                    customClaims: first.customClaims,
                    template: first.template,
                    createdAt: first.createdAt,
                    expiresAt: first.expiresAt
                )
                let failure = await #expect(throws: JWTError.self) { try await store.issue(duplicate) }
                #expect(failure?.code == .storeFailure)
                #expect(failure?.reason.contains("23505") == true, "\(failure?.reason ?? "")")
                texts += [failure?.description ?? "", String(reflecting: failure)]
                var storeDump = ""
                dump(store, to: &storeDump)
                texts.append(storeDump)
                return texts
            }
        }
        texts.append(contentsOf: lines.all)
        #expect(lines.all.count > 3, "the store and postgres-nio logged: \(lines.all.count) lines")
        for text in texts {
            #expect(!text.contains(password), "the password leaked: \(text)")
        }
    }

    @Test("an operation fails within its time limit when the pool is not running")
    func operationsWithoutRun() async throws {
        try await ClusterAccess.sharing {
            var configuration = try PostgresTestDatabase.makeConfiguration()
            configuration.operationTimeout = .milliseconds(300)
            let store = try await PostgresRefreshTokenStore(
                configuration: configuration,
                logger: PostgresTestDatabase.quietLogger
            )
            // run() was never called: postgres-nio would queue the request until the pool runs.
            let error = await #expect(throws: JWTError.self) { try await store.checkAvailability() }
            #expect(error?.code == .storeFailure)
            #expect(error?.reason.contains("did not answer within") == true, "\(error?.reason ?? "")")
            await PostgresTestDatabase.dropSchema(configuration.schema)
        }
    }

    @Test("after run() ends, operations fail as store failures")
    func afterRun() async throws {
        try await ClusterAccess.sharing {
            let configuration = try PostgresTestDatabase.makeConfiguration()
            let store = try await PostgresRefreshTokenStore(
                configuration: configuration,
                logger: PostgresTestDatabase.quietLogger
            )
            try await PostgresTestDatabase.running(store) { store in try await store.checkAvailability() }
            let error = await #expect(throws: JWTError.self) { try await store.checkAvailability() }
            #expect(error?.code == .storeFailure)
            await PostgresTestDatabase.dropSchema(configuration.schema)
        }
    }

    @Test("a pool that cannot connect while the database can is replaced, and the same store serves again")
    func replacesBrokenPool() async throws {
        try await ClusterAccess.sharing {
            var configuration = try PostgresTestDatabase.makeConfiguration()
            configuration.operationTimeout = .milliseconds(500)
            configuration.probeInterval = .milliseconds(200)
            // A first pool aimed at a closed port: like a pool stuck in its backoff after an outage.
            var brokenConfiguration = configuration
            brokenConfiguration.port = 1
            let broken = try ConnectionSettings(brokenConfiguration).client
            let lines = CapturingLogHandler.Lines()
            let store = try await PostgresRefreshTokenStore(
                configuration: configuration,
                logger: CapturingLogHandler.logger(into: lines),
                initialClient: PostgresClient(configuration: broken, backgroundLogger: PostgresTestDatabase.quietLogger)
            )
            try await PostgresTestDatabase.running(store) { store in
                let first = await #expect(throws: JWTError.self) { try await store.checkAvailability() }
                #expect(first?.code == .storeFailure)
                let started = ContinuousClock.now
                while true {
                    do {
                        try await store.checkAvailability()
                        break
                    } catch {
                        try #require(ContinuousClock.now - started < .seconds(20), "never recovered: \(error)")
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
                #expect(store.supervisor.replacements == 1)
                #expect(lines.all.contains { $0.contains("replacing the pool") })
                let harness = try RefreshScenarios.Harness(store: store)
                let signIn = try await harness.signIn()
                _ = try await harness.service.refresh(signIn.refreshToken.serialized(), now: RefreshScenarios.time(1))
            }
            await PostgresTestDatabase.dropSchema(configuration.schema)
        }
    }

    @Test("a write whose commit fails after its rows came back is refused, not acknowledged, and the store stays sound")
    func failedCommitIsNeverAcknowledged() async throws {
        try await ClusterAccess.sharing {
            let configuration = try PostgresTestDatabase.makeConfiguration()
            let schema = configuration.schema
            try await PostgresTestDatabase.withStore(configuration: configuration) { store in
                let harness = try RefreshScenarios.Harness(store: store)
                let signIn = try await harness.signIn()
                let presented = signIn.refreshToken.serialized()

                // A deferred constraint trigger fails every transaction that inserted a row, at its commit: after
                // the statement sent its rows and CommandComplete, which is where a server stopped mid-commit
                // fails too. (An implicit single-statement commit would have been reported as a success here.)
                try await PostgresTestDatabase.query(
                    """
                    CREATE FUNCTION "\(schema)".refuse_commit() RETURNS trigger LANGUAGE plpgsql
                    AS $$ BEGIN RAISE EXCEPTION 'commit refused by the test'; END $$
                    """
                )
                try await PostgresTestDatabase.query(
                    """
                    CREATE CONSTRAINT TRIGGER refuse_commit AFTER INSERT ON "\(schema)".refresh_token
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "\(schema)".refuse_commit()
                    """
                )
                for attempt in 1...3 {
                    let refused = await #expect(throws: JWTError.self, "refresh \(attempt)") {
                        try await harness.service.refresh(presented, now: RefreshScenarios.time(Int64(attempt)))
                    }
                    #expect(refused?.code == .storeFailure, "\(String(describing: refused))")
                    #expect(refused?.reason.contains("commit refused by the test") == true, "\(refused?.reason ?? "")")
                    let signInRefused = await #expect(throws: JWTError.self, "sign-in \(attempt)") {
                        try await harness.signIn()
                    }
                    #expect(signInRefused?.code == .storeFailure)
                }
                // Nothing was written: the presented token is unused and alone in its family.
                let first = try #require(try await store.record(forID: signIn.refreshToken.id))
                #expect(first.isUsed == false)
                #expect(try await store.records(inFamily: first.familyID).count == 1)

                // No connection went back to the pool inside an open transaction: once the trigger is gone, every
                // connection of the pool serves a rotation that lasts.
                try await PostgresTestDatabase.query("DROP TRIGGER refuse_commit ON \"\(schema)\".refresh_token")
                var token = presented
                for step in 1...20 {
                    let pair = try await harness.service.refresh(token, now: RefreshScenarios.time(Int64(10 + step)))
                    token = pair.refreshToken.serialized()
                    #expect(try await store.record(forID: pair.refreshToken.id)?.isUsed == false)
                }
                #expect(try await store.records(inFamily: first.familyID).count == 21)
            }
        }
    }

    @Test("housekeeping deletes expired families in batches and keeps every family with a live token")
    func housekeepingInBatches() async throws {
        try await ClusterAccess.sharing {
            let configuration = try PostgresTestDatabase.makeConfiguration()
            try await PostgresTestDatabase.withStore(configuration: configuration) { store in
                let table = "\"\(configuration.schema)\".refresh_token"
                // 2,500 dead families of four tokens (three used), and 500 families whose last token is live.
                try await PostgresTestDatabase.query(
                    """
                    INSERT INTO \(table) (id, secret_digest, subject, family_id, parent_id, custom_claims, template,
                                          created_at, expires_at, used, revoked)
                    SELECT 'f' || f || '-' || k, decode(repeat('00', 32), 'hex'), 's', 'f' || f,
                           CASE WHEN k = 0 THEN NULL ELSE 'f' || f || '-' || (k - 1) END, '{}', '{"sub":"s"}',
                           k, CASE WHEN f > 2500 AND k = 3 THEN 5000 ELSE 100 + k END, k < 3, false
                    FROM generate_series(1, 3000) AS f, generate_series(0, 3) AS k
                    """
                )
                let started = ContinuousClock.now
                let removed = try await store.removeExpiredFamilies(now: NumericDate(secondsSince1970: 1000))
                let elapsed = ContinuousClock.now - started
                #expect(removed == 10_000)
                let left = try await PostgresTestDatabase.query("SELECT count(DISTINCT family_id) FROM \(table)")
                #expect(try left.first?.decode(Int.self) == 500)
                #expect(try await store.removeExpiredFamilies(now: NumericDate(secondsSince1970: 1000)) == 0)
                #expect(try await store.records(inFamily: "f2501").count == 4)
                print("housekeeping: deleted 10,000 records of 2,500 families (of 12,000 records) in \(elapsed)")
            }
        }
    }

    /// The password of a `postgres://user:password@…` URL (the test cluster's has no characters to decode).
    static func password(in url: String) -> String? {
        guard let schemeEnd = url.range(of: "://"), let at = url.range(of: "@", options: .backwards) else { return nil }
        let userInformation = url[schemeEnd.upperBound..<at.lowerBound]
        guard let colon = userInformation.firstIndex(of: ":") else { return nil }
        return String(userInformation[userInformation.index(after: colon)...])
    }

    /// `configuration` with another password.
    static func replacingPassword(
        _ configuration: PostgresRefreshTokenStore.Configuration,
        with password: String
    ) -> PostgresRefreshTokenStore.Configuration {
        var changed = PostgresRefreshTokenStore.Configuration(
            host: configuration.host,
            port: configuration.port,
            username: configuration.username,
            password: password,
            database: configuration.database,
            tls: configuration.tls
        )
        changed.schema = configuration.schema
        return changed
    }
}
