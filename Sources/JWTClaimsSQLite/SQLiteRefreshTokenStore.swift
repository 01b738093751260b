internal import GRDB
/// The store conforms to `JWTClaims.RefreshTokenStore` and speaks its types, so that module is imported publicly.
public import JWTClaims

// GRDB comes with the package trait SQLite (on by default): without it, say so beside "no such module".
#if !SQLite
#error("JWTClaimsSQLite needs the package trait SQLite (GRDB): add traits: [\"SQLite\"] to swift-jwt-claims")
#endif

/// A ``RefreshTokenStore`` in an SQLite database file: the embedded default for a single server.
///
/// The database runs in WAL mode (readers never block the writer) through GRDB's `DatabasePool`, which serializes
/// writes within the process; a busy timeout covers other processes. Each operation is one transaction, so a
/// failure anywhere leaves the database as it was. The schema is versioned and created or upgraded by GRDB's
/// `DatabaseMigrator` when the store opens; a database written by a newer version of this library is refused
/// rather than touched.
///
/// Only the SHA-256 digest of each refresh token's secret is stored, as Base64URL text; claims are stored as their
/// exact compact JSON, so member order and number text survive; times are whole seconds.
///
/// ```swift
/// let store = try SQLiteRefreshTokenStore(path: "/var/lib/myapp/refresh-tokens.sqlite")
/// let service = RefreshTokenService(store: store, augmenter: augmenter)
/// ```
///
/// Every failure of SQLite or GRDB is thrown as ``JWTError`` with code `storeFailure`, the original error kept as
/// its `underlyingError`.
public final class SQLiteRefreshTokenStore: RefreshTokenStore {
    /// The schema version this build writes: the number of migrations it knows.
    public static let schemaVersion = migrationIdentifiers.count

    /// The migrations, oldest first. Identifiers are never renamed or reordered once released.
    static let migrationIdentifiers = ["1-refresh-token", "2-housekeeping-indexes"]

    /// The database.
    private let database: DatabasePool

    /// Opens (creating when needed) the database at `path` and brings its schema up to ``schemaVersion``.
    ///
    /// - Parameters:
    ///   - path: The database file; its directory must exist. SQLite adds `-wal` and `-shm` files beside it.
    ///   - busyTimeout: How long a write waits for another process's lock before failing. Default: 5 seconds.
    ///   - durability: Whether each commit waits for the disk. Default: ``CommitDurability/full``.
    /// - Throws: ``JWTError`` with code `storeFailure` if the file cannot be opened or migrated, or was written by a
    ///   newer schema.
    public init(
        path: String,
        busyTimeout: Duration = .seconds(5),
        durability: CommitDurability = .full
    ) throws(JWTError) {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let (seconds, attoseconds) = busyTimeout.components
        configuration.busyMode = .timeout(Double(seconds) + Double(attoseconds) / 1e18)
        do {
            database = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .storeFailure("cannot open the refresh-token database: \(error)", underlyingError: error)
        }
        try migrate()
        do {
            // GRDB sets NORMAL when it enables WAL; the writer connection is the one whose commits count.
            let pragma = durability == .full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL"
            try database.writeWithoutTransaction { try $0.execute(sql: pragma) }
        } catch {
            throw .storeFailure("cannot set the database's durability: \(error)", underlyingError: error)
        }
    }

    /// Closes the database. Every later operation fails with `storeFailure`.
    ///
    /// - Throws: ``JWTError`` with code `storeFailure` if SQLite cannot close it (for example, a statement is still
    ///   running).
    public func close() throws(JWTError) {
        do {
            try database.close()
        } catch {
            throw .storeFailure("cannot close the refresh-token database: \(error)", underlyingError: error)
        }
    }

    /// Inserts the first token of a family.
    ///
    /// - Throws: ``JWTError`` with code `storeFailure` if the id exists or SQLite fails.
    public func issue(_ record: RefreshTokenRecord) async throws(JWTError) {
        try await write("issue a refresh token") { database in
            try Self.insert(record, into: database)
        }
    }

    /// Looks up, decides and applies a rotation in one write transaction: the presented token is marked used, the
    /// successor inserted, then `completing` runs; if anything throws, the transaction rolls back.
    ///
    /// - Throws: As ``RefreshTokenStore/rotate(_:completing:)``.
    public func rotate<Output: Sendable>(
        _ rotation: RefreshTokenRotation,
        completing: @Sendable (RefreshTokenRecord) throws(JWTError) -> Output
    ) async throws(JWTError) -> Output {
        let outcome = try await write("rotate a refresh token") { database -> RotationOutcome<Output> in
            let current = try Self.fetchRecord(id: rotation.presentedID, from: database)
            switch rotation.decide(current: current) {
            case .reject(let error):
                return .refused(error)
            case .revokeFamily(let familyID, let error):
                // Committed: the revocation must outlive the failed request.
                try Self.revokeFamily(familyID, in: database)
                return .refused(error)
            case .rotate(let consumed, let successor):
                try database.execute(
                    sql: "UPDATE refresh_token SET used = 1 WHERE id = ? AND used = 0",
                    arguments: [consumed.id]
                )
                guard database.changesCount == 1 else {
                    throw JWTError.storeFailure("the refresh token changed during its rotation")
                }
                try Self.insert(successor, into: database)
                return .rotated(try completing(successor))
            }
        }
        switch outcome {
        case .refused(let error): throw error
        case .rotated(let output): return output
        }
    }

    /// Marks every token of the family revoked.
    ///
    /// - Throws: ``JWTError`` with code `storeFailure`.
    public func revokeFamily(_ familyID: String) async throws(JWTError) {
        try await write("revoke a refresh-token family") { database in
            try Self.revokeFamily(familyID, in: database)
        }
    }

    /// The record whose id is `id`, or nil.
    ///
    /// - Throws: ``JWTError`` with code `storeFailure`, also for a stored row that cannot be decoded.
    public func record(forID id: String) async throws(JWTError) -> RefreshTokenRecord? {
        try await read("read a refresh token") { database in
            try Self.fetchRecord(id: id, from: database)
        }
    }

    /// Every record of the family, oldest first.
    ///
    /// - Throws: ``JWTError`` with code `storeFailure`.
    public func records(inFamily familyID: String) async throws(JWTError) -> [RefreshTokenRecord] {
        try await read("read a refresh-token family") { database in
            try Row.fetchAll(
                database,
                sql: "SELECT \(Self.columns) FROM refresh_token WHERE family_id = ? ORDER BY rowid",
                arguments: [familyID]
            ).map { (row: Row) throws(JWTError) in try Self.decodeRecord(row) }
        }
    }

    /// Deletes the records of every family whose tokens have all expired at `now`, a batch of families per write
    /// transaction so that rotations interleave with a long clean-up; see
    /// ``RefreshTokenStore/removeExpiredFamilies(now:)``.
    ///
    /// - Returns: How many records were deleted.
    /// - Throws: ``JWTError`` with code `storeFailure`; the batches committed before the failure stay deleted.
    public func removeExpiredFamilies(now: NumericDate) async throws(JWTError) -> Int {
        let cutoff = now.secondsSince1970
        var removed = 0
        while true {
            let deleted = try await write("remove expired refresh-token families") { database in
                // A family is dead when one of its tokens has expired (the candidates, from the expiry index) and
                // none has not (the probe, index-only on (family_id, expires_at)). A token is refused at its expiry,
                // hence `<=`.
                try database.execute(
                    sql: """
                        DELETE FROM refresh_token WHERE family_id IN (
                            SELECT DISTINCT candidate.family_id FROM refresh_token AS candidate
                            WHERE candidate.expires_at <= :cutoff
                              AND NOT EXISTS (
                                  SELECT 1 FROM refresh_token AS live
                                  WHERE live.family_id = candidate.family_id AND live.expires_at > :cutoff)
                            LIMIT :batch)
                        """,
                    arguments: ["cutoff": cutoff, "batch": Self.housekeepingBatchSize]
                )
                return database.changesCount
            }
            removed += deleted
            guard deleted > 0 else { return removed }
        }
    }

    /// Checks that the database file can still be read (a trivial query through the connection pool).
    ///
    /// - Throws: ``JWTError`` with code `storeFailure` when the database cannot be read, for example after
    ///   ``close()`` or when the file was removed or became unreadable.
    public func checkAvailability() async throws(JWTError) {
        try await read("check the refresh-token database") { database in
            _ = try Int.fetchOne(database, sql: "SELECT count(*) FROM refresh_token WHERE 0")
        }
    }
}

/// What a rotation transaction ends with: a result to return, or a refusal to throw once it has committed.
private enum RotationOutcome<Output: Sendable>: Sendable {
    case rotated(Output)
    case refused(JWTError)
}

extension SQLiteRefreshTokenStore {
    /// How many families one housekeeping transaction deletes at most: small enough that a rotation waiting for the
    /// write lock waits milliseconds, not seconds.
    fileprivate static let housekeepingBatchSize = 500

    /// The columns of a record, in the order ``decodeRecord(_:)`` reads them.
    fileprivate static let columns =
        "id, secret_digest, subject, family_id, parent_id, custom_claims, template, created_at, expires_at, used, revoked"

    /// The schema's migrations (internal for the tests, which build a database of an older version with them).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(migrationIdentifiers[0]) { database in
            try database.execute(
                sql: """
                    CREATE TABLE refresh_token (
                        id TEXT NOT NULL PRIMARY KEY,
                        secret_digest TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        family_id TEXT NOT NULL,
                        parent_id TEXT REFERENCES refresh_token(id),
                        custom_claims TEXT NOT NULL,
                        template TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
                        revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
                    );
                    CREATE INDEX refresh_token_family ON refresh_token(family_id);
                    CREATE INDEX refresh_token_expiry ON refresh_token(expires_at);
                    PRAGMA user_version = 1;
                    """
            )
        }
        // Housekeeping deletes whole families. With foreign keys on, deleting a row makes SQLite look for rows whose
        // parent_id names it; without an index that is a scan of the table per deleted row: deleting 10,000 expired
        // rows of 12,500 took 6.7 s, and 129 ms with the index (Python's sqlite3, SQLite 3.40). The family index
        // gains expires_at so that "does this family still have a live token" is answered from the index alone
        // (52 ms for the same delete).
        migrator.registerMigration(migrationIdentifiers[1]) { database in
            try database.execute(
                sql: """
                    CREATE INDEX refresh_token_parent ON refresh_token(parent_id);
                    DROP INDEX refresh_token_family;
                    CREATE INDEX refresh_token_family ON refresh_token(family_id, expires_at);
                    PRAGMA user_version = 2;
                    """
            )
        }
        return migrator
    }

    /// Refuses a database from a newer schema, then applies the missing migrations.
    fileprivate func migrate() throws(JWTError) {
        let migrator = Self.migrator
        do {
            let superseded = try database.read { try migrator.hasBeenSuperseded($0) }
            guard !superseded else {
                throw JWTError.storeFailure(
                    "the refresh-token database was written by a newer schema than version \(Self.schemaVersion); "
                        + "upgrade this library instead of opening it"
                )
            }
            try migrator.migrate(database)
        } catch let error as JWTError {
            throw error
        } catch {
            throw .storeFailure("cannot migrate the refresh-token database: \(error)", underlyingError: error)
        }
    }

    /// Runs `body` in a write transaction; errors other than a `JWTError` become `storeFailure`.
    fileprivate func write<Value: Sendable>(
        _ what: String,
        _ body: @Sendable (Database) throws -> Value
    ) async throws(JWTError) -> Value {
        do {
            return try await database.write(body)
        } catch let error as JWTError {
            throw error
        } catch {
            throw .storeFailure("cannot \(what): \(error)", underlyingError: error)
        }
    }

    /// Runs `body` in a read transaction; errors other than a `JWTError` become `storeFailure`.
    fileprivate func read<Value: Sendable>(
        _ what: String,
        _ body: @Sendable (Database) throws -> Value
    ) async throws(JWTError) -> Value {
        do {
            return try await database.read(body)
        } catch let error as JWTError {
            throw error
        } catch {
            throw .storeFailure("cannot \(what): \(error)", underlyingError: error)
        }
    }

    fileprivate static func insert(_ record: RefreshTokenRecord, into database: Database) throws {
        try database.execute(
            sql: "INSERT INTO refresh_token (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                record.id,
                Base64URL.encode(record.secretDigest),
                record.subject,
                record.familyID,
                record.parentID,
                record.customClaims.serialized(),
                record.template.serialized(),
                record.createdAt.secondsSince1970,
                record.expiresAt.secondsSince1970,
                record.isUsed,
                record.isRevoked,
            ]
        )
    }

    fileprivate static func revokeFamily(_ familyID: String, in database: Database) throws {
        try database.execute(
            sql: "UPDATE refresh_token SET revoked = 1 WHERE family_id = ? AND revoked = 0",
            arguments: [familyID]
        )
    }

    fileprivate static func fetchRecord(id: String, from database: Database) throws -> RefreshTokenRecord? {
        guard
            let row = try Row.fetchOne(
                database,
                sql: "SELECT \(columns) FROM refresh_token WHERE id = ?",
                arguments: [id]
            )
        else { return nil }
        return try decodeRecord(row)
    }

    /// Rebuilds a record from a row, refusing (as `storeFailure`) any column that does not hold what was written.
    fileprivate static func decodeRecord(_ row: Row) throws(JWTError) -> RefreshTokenRecord {
        do {
            let id = try row.decode(String.self, atIndex: 0)
            let digest = try Base64URL.decode(try row.decode(String.self, atIndex: 1))
            guard digest.count == 32 else {
                throw JWTError.storeFailure("the stored secret digest of a refresh token is not 32 bytes")
            }
            return RefreshTokenRecord(
                id: id,
                secretDigest: digest,
                subject: try row.decode(String.self, atIndex: 2),
                familyID: try row.decode(String.self, atIndex: 3),
                parentID: try row.decode(String?.self, atIndex: 4),
                customClaims: try JSONObject(parsing: try row.decode(String.self, atIndex: 5)),
                template: try ClaimSet(parsing: try row.decode(String.self, atIndex: 6)),
                createdAt: NumericDate(secondsSince1970: try row.decode(Int64.self, atIndex: 7)),
                expiresAt: NumericDate(secondsSince1970: try row.decode(Int64.self, atIndex: 8)),
                isUsed: try row.decode(Bool.self, atIndex: 9),
                isRevoked: try row.decode(Bool.self, atIndex: 10)
            )
        } catch let error as JWTError where error.code == .storeFailure {
            throw error
        } catch {
            throw .storeFailure("a stored refresh token cannot be read back: \(error)", underlyingError: error)
        }
    }
}
