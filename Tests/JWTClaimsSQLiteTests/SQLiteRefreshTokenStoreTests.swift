import Foundation
import GRDB
import JWTClaims
import JWTClaimsSQLite
import RefreshTokenScenarios
import Testing

// GRDB comes with the package trait SQLite (on by default): without it, say so beside "no such module".
#if !SQLite
#error("JWTClaimsSQLite needs the package trait SQLite (GRDB): add traits: [\"SQLite\"] to swift-jwt-claims")
#endif

/// The shared refresh-token scenarios against ``SQLiteRefreshTokenStore`` on real database files, plus what only a
/// database can show: restarts, WAL, migrations, and failures inside a transaction.
@Suite("SQLiteRefreshTokenStore")
struct SQLiteRefreshTokenStoreTests {
    /// A fresh directory for one test's database, removed when the test ends.
    final class TemporaryDirectory: Sendable {
        let path: String

        init() throws {
            path =
                FileManager.default.temporaryDirectory
                .appendingPathComponent("jwt-claims-sqlite-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        var databasePath: String { path + "/refresh-tokens.sqlite" }

        deinit {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// A store on a new database file, and the directory that holds it.
    static func makeStore() throws -> (SQLiteRefreshTokenStore, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        return (try SQLiteRefreshTokenStore(path: directory.databasePath), directory)
    }

    // MARK: The shared scenarios

    @Test("the reference flow: bind, refresh five times, every access token carries the custom and template claims")
    func referenceFlow() async throws {
        let (store, directory) = try Self.makeStore()
        try await RefreshScenarios.referenceFlow(store)
        _ = directory
    }

    @Test("a second binding adds to the first, replacing equal names")
    func bindingsAccumulate() async throws {
        let (store, directory) = try Self.makeStore()
        try await RefreshScenarios.bindingsAccumulate(store)
        _ = directory
    }

    @Test("reuse of an old token revokes its whole family")
    func reuseRevokesFamily() async throws {
        let (store, directory) = try Self.makeStore()
        try await RefreshScenarios.reuseRevokesFamily(store)
        _ = directory
    }

    @Test("100 concurrent refreshes of one token give exactly one success")
    func concurrentRefreshes() async throws {
        let (store, directory) = try Self.makeStore()
        try await RefreshScenarios.concurrentRefreshes(store)
        _ = directory
    }

    @Test("a failure in the middle of a rotation leaves the old token usable and issues nothing")
    func failedRotationChangesNothing() async throws {
        let (store, directory) = try Self.makeStore()
        try await RefreshScenarios.failedRotationChangesNothing(store)
        _ = directory
    }

    @Test("an unknown id and a wrong secret are refused alike, and the real token is not consumed")
    func unknownAndWrongSecret() async throws {
        let (store, directory) = try Self.makeStore()
        try await RefreshScenarios.unknownAndWrongSecret(store)
        _ = directory
    }

    @Test("a token is refused at and after its expiry and accepted a second before")
    func expiry() async throws {
        let (store, directory) = try Self.makeStore()
        try await RefreshScenarios.expiry(store)
        _ = directory
    }

    @Test("a revoked family refuses every token")
    func revocation() async throws {
        let (store, directory) = try Self.makeStore()
        try await RefreshScenarios.revocation(store)
        _ = directory
    }

    @Test("a refresh token presented by another client is refused as unknown and left untouched")
    func otherClient() async throws {
        let (store, directory) = try Self.makeStore()
        try await RefreshScenarios.otherClient(store)
        _ = directory
    }

    @Test("a refresh token of another subject is refused at binding")
    func otherSubject() async throws {
        let (store, directory) = try Self.makeStore()
        try await RefreshScenarios.otherSubject(store)
        _ = directory
    }

    @Test("malformed token text is refused without consuming anything or echoing the secret")
    func malformedTokens() async throws {
        let (store, directory) = try Self.makeStore()
        try await RefreshScenarios.malformedTokens(store)
        _ = directory
    }

    // MARK: Availability

    @Test("is available while open, and reports a store failure once closed")
    func availability() async throws {
        let (store, directory) = try Self.makeStore()
        try await store.checkAvailability()
        try store.close()
        let error = await #expect(throws: JWTError.self) { try await store.checkAvailability() }
        #expect(error?.code == .storeFailure)
        _ = directory
    }

    // MARK: Persistence

    @Test("reopening the database (a process restart) keeps every binding, rotation and revocation")
    func survivesRestart() async throws {
        let directory = try TemporaryDirectory()
        let issuer = try ES256.PrivateKey()
        let first = try SQLiteRefreshTokenStore(path: directory.databasePath)
        let before = try RefreshScenarios.Harness(store: first, issuer: issuer)
        let signIn = try await before.signIn()
        let bound = try await before.service.bind(
            ["username": "helloworld", "role": "admin", "user_id": 125],
            to: signIn.accessToken,
            refreshToken: signIn.refreshToken.serialized(),
            now: RefreshScenarios.time(1)
        )
        let rotated = try await before.service.refresh(bound.refreshToken.serialized(), now: RefreshScenarios.time(2))
        let revokedFamily = try await before.signIn(subject: "leaver")
        try await before.service.revoke(revokedFamily.refreshToken.serialized())
        let recordsBefore = try await first.records(inFamily: signIn.refreshToken.id)
        try first.close()

        let second = try SQLiteRefreshTokenStore(path: directory.databasePath)
        let after = try RefreshScenarios.Harness(store: second, issuer: issuer)
        #expect(try await second.records(inFamily: signIn.refreshToken.id) == recordsBefore)
        let refreshed = try await after.service.refresh(
            rotated.refreshToken.serialized(),
            now: RefreshScenarios.time(3)
        )
        let claims = try after.verify(refreshed.accessToken, at: 3)
        #expect(Array(claims.names.suffix(3)) == ["username", "role", "user_id"])
        #expect(claims["user_id"] == 125)

        let reused = await #expect(throws: JWTError.self) {
            try await after.service.refresh(bound.refreshToken.serialized(), now: RefreshScenarios.time(4))
        }
        #expect(reused?.code == .refreshTokenReused)
        let revoked = await #expect(throws: JWTError.self) {
            try await after.service.refresh(revokedFamily.refreshToken.serialized(), now: RefreshScenarios.time(5))
        }
        #expect(revoked?.code == .refreshTokenRevoked)
    }

    @Test("round-trips a record exactly: claim order, number text, nesting and flags")
    func roundTripsRecords() async throws {
        let (store, directory) = try Self.makeStore()
        let template = try ClaimSet(
            parsing: #"{"z":1,"sub":"alice","a":1.50,"big":123456789012345678901234567890,"n":{"x":[null,true]}}"#
        )
        let record = RefreshTokenRecord(
            id: "an-id",
            secretDigest: Array(0..<32),
            subject: "alice",
            familyID: "an-id",
            parentID: nil,
            customClaims: try JSONObject(parsing: #"{"role":"admin","user_id":125,"e":1e3}"#),
            template: template,
            createdAt: NumericDate(secondsSince1970: 1_599_180_000),
            expiresAt: NumericDate(secondsSince1970: Int64.max)
        )
        try await store.issue(record)
        let readBack = try #require(try await store.record(forID: "an-id"))
        #expect(readBack == record)
        #expect(readBack.template.serialized() == template.serialized())
        #expect(try await store.record(forID: "other") == nil)
        _ = directory
    }

    @Test("runs in WAL mode, records its schema version, and stores only digests of secrets")
    func schemaAndSecrets() async throws {
        let (store, directory) = try Self.makeStore()
        let harness = try RefreshScenarios.Harness(store: store)
        let signIn = try await harness.signIn()
        let secret = String(signIn.refreshToken.serialized().suffix(43))

        let database = try DatabaseQueue(path: directory.databasePath)
        let (journalMode, userVersion, migrations, cells) = try await database.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try Row.fetchAll(db, sql: "SELECT * FROM refresh_token").flatMap { row in
                    row.databaseValues.map(\.description)
                }
            )
        }
        #expect(journalMode == "wal")
        #expect(userVersion == SQLiteRefreshTokenStore.schemaVersion)
        #expect(migrations.count == SQLiteRefreshTokenStore.schemaVersion)
        #expect(!cells.isEmpty)
        #expect(!cells.contains { $0.contains(secret) })
        #expect(cells.contains { $0.contains(signIn.refreshToken.id) })
        try database.close()
    }

    // MARK: Failures

    @Test("an insert that fails inside the rotation's transaction rolls back the consumption")
    func failingInsertRollsBack() async throws {
        let (store, directory) = try Self.makeStore()
        let harness = try RefreshScenarios.Harness(store: store)
        let signIn = try await harness.signIn()
        let token = signIn.refreshToken.serialized()

        let database = try DatabaseQueue(path: directory.databasePath)
        try await database.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER fail_insert BEFORE INSERT ON refresh_token
                    BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                    """
            )
        }
        let error = await #expect(throws: JWTError.self) {
            try await harness.service.refresh(token, now: RefreshScenarios.time(1))
        }
        #expect(error?.code == .storeFailure)
        #expect(error?.underlyingError is DatabaseError)
        #expect(error?.description.contains(String(token.suffix(43))) == false)
        let family = try await store.records(inFamily: signIn.refreshToken.id)
        #expect(family.count == 1)
        #expect(family.first?.isUsed == false)

        try await database.write { db in try db.execute(sql: "DROP TRIGGER fail_insert") }
        try database.close()
        let pair = try await harness.service.refresh(token, now: RefreshScenarios.time(2))
        #expect(pair.claims.subject == signIn.claims.subject)
    }

    @Test("a closed store fails every operation with storeFailure")
    func closedStore() async throws {
        let (store, directory) = try Self.makeStore()
        let harness = try RefreshScenarios.Harness(store: store)
        let signIn = try await harness.signIn()
        try store.close()
        let refresh = await #expect(throws: JWTError.self) {
            try await harness.service.refresh(signIn.refreshToken.serialized(), now: RefreshScenarios.time(1))
        }
        #expect(refresh?.code == .storeFailure)
        let issue = await #expect(throws: JWTError.self) { try await harness.signIn() }
        #expect(issue?.code == .storeFailure)
        let read = await #expect(throws: JWTError.self) { try await store.record(forID: signIn.refreshToken.id) }
        #expect(read?.code == .storeFailure)

        let reopened = try SQLiteRefreshTokenStore(path: directory.databasePath)
        #expect(try await reopened.record(forID: signIn.refreshToken.id)?.isUsed == false)
    }

    @Test("a row that does not decode is a store failure, and the rotation changes nothing")
    func corruptedRow() async throws {
        let (store, directory) = try Self.makeStore()
        let harness = try RefreshScenarios.Harness(store: store)
        let signIn = try await harness.signIn()
        let database = try DatabaseQueue(path: directory.databasePath)
        try await database.write { db in
            try db.execute(sql: "UPDATE refresh_token SET custom_claims = 'not json'")
        }
        let read = await #expect(throws: JWTError.self) { try await store.record(forID: signIn.refreshToken.id) }
        #expect(read?.code == .storeFailure)
        let refresh = await #expect(throws: JWTError.self) {
            try await harness.service.refresh(signIn.refreshToken.serialized(), now: RefreshScenarios.time(1))
        }
        #expect(refresh?.code == .storeFailure)
        let used = try await database.read { db in try Int.fetchOne(db, sql: "SELECT SUM(used) FROM refresh_token") }
        #expect(used == 0)
        try database.close()
    }

    @Test("refuses a database written by a newer schema, and a path it cannot open")
    func refusesNewerSchemaAndBadPaths() throws {
        let directory = try TemporaryDirectory()
        try SQLiteRefreshTokenStore(path: directory.databasePath).close()
        let database = try DatabaseQueue(path: directory.databasePath)
        try database.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('2-from-the-future')")
        }
        try database.close()
        let newer = #expect(throws: JWTError.self) { try SQLiteRefreshTokenStore(path: directory.databasePath) }
        #expect(newer?.code == .storeFailure)
        #expect(newer?.reason.contains("newer schema") == true)

        let missing = #expect(throws: JWTError.self) {
            try SQLiteRefreshTokenStore(path: directory.path + "/no/such/directory/tokens.sqlite")
        }
        #expect(missing?.code == .storeFailure)
        #expect(missing?.underlyingError != nil)
    }
}
