/// The store conforms to `JWTClaims.RefreshTokenStore` and speaks its types, so that module is imported publicly;
/// `Logger` and `Service` appear in its API too.
public import JWTClaims
public import Logging
internal import PostgresNIO
public import ServiceLifecycle

// postgres-nio comes with the package trait Postgres (on by default): without it, say so beside "no such module".
#if !Postgres
#error(
    "JWTClaimsPostgres needs the package trait Postgres (postgres-nio): add traits: [\"Postgres\"] to swift-jwt-claims"
)
#endif

/// A `RefreshTokenStore` in PostgreSQL, shared by any number of service instances: rotation stays atomic and reuse
/// detection exact across them.
///
/// ```swift
/// let configuration = try PostgresRefreshTokenStore.Configuration(url: "postgres://app:secret@db:5432/auth")
/// let store = try await PostgresRefreshTokenStore(configuration: configuration, logger: logger)  // connects, migrates
/// let service = RefreshTokenService(store: store, augmenter: augmenter)
///
/// // The store's connections live in run(): start it beside the server, as a Service of a ServiceGroup
/// let group = ServiceGroup(services: [store, server], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
///
/// The creation connects once on a connection of its own, so a wrong password, an unknown database or a refused TLS
/// handshake fails at once with a clear error, and brings the schema to ``schemaVersion`` under an advisory lock, so
/// instances that start together migrate once. ``run()`` then runs the connection pool (postgres-nio's
/// `PostgresClient`) and watches it; operations wait (within their time limit) until it runs.
///
/// ## Rotation: a read, then one short transaction, no lock held between them
///
/// ``rotate(_:completing:)`` reads the presented token (one statement), lets `RefreshTokenRotation.decide(current:)`
/// judge it, runs `completing` (signing the new access token), and then writes with one statement, a compare-and-set,
/// in a transaction of its own:
///
/// ```sql
/// BEGIN;
/// WITH consumed AS (UPDATE refresh_token SET used = true
///                   WHERE id = $presented AND NOT used AND NOT revoked RETURNING id)
/// INSERT INTO refresh_token (...) SELECT $successor..., consumed.id, ... FROM consumed RETURNING id;
/// COMMIT;
/// ```
///
/// The token is marked used and its successor inserted together, or neither. The `WHERE` re-checks at the write
/// exactly the state the decision read that can change (`used`, `revoked`; a deleted row matches nothing);
/// everything else the decision reads (digest, subject, expiry, claims) is never updated. So the write succeeds only
/// if the decision still holds, and the rotation is as atomic as one transaction around read, decision and write
/// would be. If the write finds nothing (zero rows back), another rotation, revocation or clean-up got there first:
/// the store reads the row again and decides again, and that decision is a refusal or a reuse (the row is now used,
/// revoked or gone), never a second successor.
///
/// Why an explicit `BEGIN`/`COMMIT` around a single statement: without it the statement commits implicitly when the
/// server reaches the protocol's Sync message, *after* it has sent the statement's rows and CommandComplete, and
/// postgres-nio hands the rows over at CommandComplete. A server stopped (or a deferred check failing) between the
/// two rolls the write back after the caller saw it succeed: a refresh answered 200 with a token that was never
/// stored. Only the answer to `COMMIT` says that the write is durable, so the store acknowledges a rotation, and the
/// first token of a family, only after it. This costs two round trips more on success, and the row lock is held for
/// one round trip (from the compare-and-set's answer to the `COMMIT`) instead of none.
///
/// Isolation: READ COMMITTED, PostgreSQL's default. Concurrent rotations of one token all reach the `UPDATE`; the
/// first locks the row, the others wait for that lock and then re-evaluate their `WHERE` on the row's committed
/// version, where `NOT used` is false: exactly one successor, whether the rotations come from one instance or many.
/// REPEATABLE READ or SERIALIZABLE would change nothing here but turn the losers into serialization failures
/// (SQLSTATE 40001) that would need retrying. The alternative design, `BEGIN; SELECT … FOR UPDATE; write; COMMIT`,
/// also costs four round trips but holds the row lock across three of them; against the earlier two-round-trip
/// version of this design it made 23-28% fewer rotations per second in measurements, and it deadlocks when two used
/// tokens of one family are replayed at once.
///
/// Round trips per refresh (one statement each, nothing pipelined):
///
/// | outcome | statements |
/// |---|---|
/// | success | 4: read; then `BEGIN`, compare-and-set, `COMMIT` (one transaction of three statements) |
/// | refused (unknown, revoked, expired, another subject) | 1: read |
/// | reuse detected | 3: read, revocation, revocation check |
/// | lost a race to a concurrent rotation | 7: read, `BEGIN`, compare-and-set (0 rows), `COMMIT`, read again, revocation, check |
///
/// ## Reuse revokes the family, committed before the error
///
/// Revoking a family is `UPDATE refresh_token SET revoked = true WHERE family_id = $1 AND NOT revoked RETURNING id`,
/// repeated until it revokes nothing. One pass is not enough under READ COMMITTED: if it has to wait for the lock
/// of a token that a concurrent rotation is consuming, the successor that rotation then commits is not in the
/// pass's snapshot and would stay usable. A pass that revokes nothing saw every token of the family revoked, and a
/// rotation whose token is revoked fails its compare-and-set, so no successor can appear afterwards. Each pass
/// commits on its own, so the revocation is committed before ``rotate(_:completing:)`` throws
/// `JWTError.Code.refreshTokenReused`.
///
/// ## Failures
///
/// Every operation ends within ``Configuration/operationTimeout`` (default 3 seconds), connection wait included,
/// with `JWTError.Code.storeFailure` if the database does not answer: the time limit does not wait for the driver,
/// which can stay suspended on a dead connection or in the pool's queue. A service answers that error with 503.
///
/// A commit the server made but whose acknowledgement was lost (the connection died between the two) reaches the
/// caller as a failure although the rotation happened; the client's retry is then a reuse and revokes the family.
/// No store can tell these apart: the client signs in again. Nothing is ever issued twice: a successor exists only
/// if its compare-and-set committed, and at most one can.
///
/// When the database comes back, the same store object serves again within about a second: see ``run()``.
///
/// Errors and logs never contain the password; postgres-nio's own messages name the host, port, user and database.
public final class PostgresRefreshTokenStore: RefreshTokenStore, Service, CustomReflectable {
    /// The schema version this build writes: the number of migrations it knows.
    public static var schemaVersion: Int { PostgresSchema.version }

    /// The configuration the store was created with.
    public let configuration: Configuration

    private let logger: Logger
    private let table: RefreshTokenTable
    let supervisor: ClientSupervisor

    /// How many families one housekeeping statement deletes at most, so that each statement stays well within the
    /// operation's time limit.
    static let housekeepingBatchSize = 1_000

    /// How many revocation passes a family gets before the store gives up (two are normal, three when a rotation
    /// raced the revocation).
    static let maximumRevocationPasses = 100

    /// Connects to the database, brings its schema up to ``schemaVersion``, and prepares the connection pool
    /// (started by ``run()``).
    ///
    /// - Parameters:
    ///   - configuration: The server, credentials, TLS and time limits.
    ///   - logger: Where the store and postgres-nio log (connection failures, the pool's replacement); never a
    ///     password or a token.
    /// - Throws: `JWTError.Code.invalidConfiguration` for settings that cannot work;
    ///   `JWTError.Code.storeFailure` when the database cannot be reached, refuses the login, does not answer within
    ///   ``Configuration/migrationTimeout``, or holds tables of a newer schema version.
    public convenience init(configuration: Configuration, logger: Logger) async throws(JWTError) {
        try await self.init(configuration: configuration, logger: logger, initialClient: nil)
    }

    /// ``init(configuration:logger:)``, with the pool's first client given (tests give one that cannot connect, to
    /// see the supervisor replace it).
    init(configuration: Configuration, logger: Logger, initialClient: PostgresClient?) async throws(JWTError) {
        let settings = try ConnectionSettings(configuration)
        self.configuration = configuration
        self.logger = logger
        self.table = RefreshTokenTable(schema: configuration.schema)
        let schema = PostgresSchema(name: configuration.schema)
        do {
            let applied = try await DirectConnection.with(
                settings,
                id: 0,
                logger: logger,
                until: .now + configuration.migrationTimeout
            ) { connection in
                try await schema.migrate(on: connection, logger: logger)
            }
            logger.info(
                "refresh-token store ready",
                metadata: [
                    "database": "\(configuration)", "schema version": "\(PostgresSchema.version)",
                    "migrations applied": "\(applied)",
                ]
            )
        } catch let error as Deadline.Exceeded {
            throw .storeFailure(
                "cannot open the refresh-token database \(configuration): no answer within "
                    + "\(configuration.migrationTimeout)",
                underlyingError: error
            )
        } catch {
            throw .postgresFailure("open the refresh-token database \(configuration)", error)
        }
        supervisor = ClientSupervisor(
            settings: settings,
            logger: logger,
            probeInterval: configuration.probeInterval,
            initialClient: initialClient
        )
    }

    /// Runs the connection pool until the task is cancelled or a graceful shutdown begins (in a `ServiceGroup`),
    /// and keeps it working: after a failure it checks every ``Configuration/probeInterval`` whether the database
    /// answers, and replaces a pool that does not recover by itself once the database is back (postgres-nio's own
    /// retries back off up to a minute).
    ///
    /// Operations wait for it (within their time limit): start it before serving requests. After it returns,
    /// every operation fails with `JWTError.Code.storeFailure`.
    public func run() async throws {
        await cancelWhenGracefulShutdown { [supervisor] in
            await supervisor.run()
        }
    }

    /// The configuration (password hidden) and how often the pool was replaced; never the connection settings,
    /// which hold the password.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["configuration": configuration, "poolReplacements": supervisor.replacements],
            displayStyle: .class
        )
    }

    // MARK: RefreshTokenStore

    /// Inserts the first token of a family (one statement in a transaction of its own: it returns only once the
    /// `COMMIT` is acknowledged).
    ///
    /// - Throws: `JWTError` with code `storeFailure` if the id exists or the database fails.
    public func issue(_ record: RefreshTokenRecord) async throws(JWTError) {
        let what = "issue a refresh token"
        let inserted = try await execute(what, table.insert(record), until: deadline(), committed: true)
        guard inserted.count == 1 else {
            throw .storeFailure("cannot \(what): the insert returned \(inserted.count) rows")
        }
    }

    /// Reads the presented token, decides, and writes the rotation with one compare-and-set statement (see the
    /// type's documentation); `completing` runs between the two, so if it throws nothing is written.
    ///
    /// - Throws: As `RefreshTokenStore.rotate(_:completing:)`.
    public func rotate<Output: Sendable>(
        _ rotation: RefreshTokenRotation,
        completing: @Sendable (RefreshTokenRecord) throws(JWTError) -> Output
    ) async throws(JWTError) -> Output {
        let what = "rotate a refresh token"
        let deadline = deadline()
        var current = try await fetchRecord(id: rotation.presentedID, what, until: deadline)
        var lostRace = false
        while true {
            switch rotation.decide(current: current) {
            case .reject(let error):
                throw error
            case .revokeFamily(let familyID, let error):
                try await revoke(familyID, what, until: deadline)
                throw error
            case .rotate(_, let successor):
                guard !lostRace else {
                    // The row changed under the first attempt, so it is now used, revoked or gone: no decision on it
                    // can be a rotation. Refuse rather than loop.
                    throw .storeFailure("cannot \(what): the token changed during its rotation and still looks unused")
                }
                let output = try completing(successor)
                let written = try await execute(
                    what,
                    table.consumeAndInsert(presentedID: rotation.presentedID, successor: successor),
                    until: deadline,
                    committed: true
                )
                if written.count == 1 { return output }
                lostRace = true
                current = try await fetchRecord(id: rotation.presentedID, what, until: deadline)
            }
        }
    }

    /// Marks every token of the family revoked: one statement repeated until it revokes nothing (see the type's
    /// documentation).
    ///
    /// - Throws: `JWTError` with code `storeFailure`.
    public func revokeFamily(_ familyID: String) async throws(JWTError) {
        try await revoke(familyID, "revoke a refresh-token family", until: deadline())
    }

    /// The record whose id is `id`, or nil.
    ///
    /// - Throws: `JWTError` with code `storeFailure`, also for a stored row that cannot be decoded.
    public func record(forID id: String) async throws(JWTError) -> RefreshTokenRecord? {
        try await fetchRecord(id: id, "read a refresh token", until: deadline())
    }

    /// Every record of the family, oldest first.
    ///
    /// - Throws: `JWTError` with code `storeFailure`.
    public func records(inFamily familyID: String) async throws(JWTError) -> [RefreshTokenRecord] {
        let rows = try await execute("read a refresh-token family", table.select(familyID: familyID), until: deadline())
        return try rows.map { (row: PostgresRow) throws(JWTError) in try RefreshTokenTable.decode(row) }
    }

    /// Deletes the records of every family whose tokens have all expired at `now`, at most
    /// 1,000 families per statement, each statement within ``Configuration/operationTimeout``, until one deletes
    /// nothing; see `RefreshTokenStore.removeExpiredFamilies(now:)`.
    ///
    /// Instances may run it at once: a family's rows are deleted by one of them. A deadlock with a concurrent
    /// revocation of the same expired family (they lock its rows in different orders) ends the run early; the next
    /// run continues.
    ///
    /// - Returns: How many records were deleted.
    /// - Throws: `JWTError` with code `storeFailure`; the batches deleted before the failure stay deleted.
    public func removeExpiredFamilies(now: NumericDate) async throws(JWTError) -> Int {
        let what = "remove expired refresh-token families"
        let query = table.deleteExpiredFamilies(cutoff: now.secondsSince1970, limit: Self.housekeepingBatchSize)
        var removed = 0
        while true {
            let deleted: Int
            do {
                let rows = try await execute(what, query, until: deadline())
                deleted = try Self.count(in: rows, what)
            } catch let error where error.underlyingError.flatMap(PostgresFailure.sqlState(of:)) == "40P01" {
                logger.notice("housekeeping met a concurrent revocation (deadlock); it continues at its next run")
                return removed
            }
            removed += deleted
            guard deleted > 0 else { return removed }
        }
    }

    /// Checks with a real round trip through the pool, within ``Configuration/operationTimeout``, that the store's
    /// table can be read.
    ///
    /// - Throws: `JWTError` with code `storeFailure` when the database does not answer or refuses.
    public func checkAvailability() async throws(JWTError) {
        _ = try await execute("check the refresh-token database", table.probe(), until: deadline())
    }

    // MARK: Statements

    /// The deadline of an operation that starts now.
    private func deadline() -> ContinuousClock.Instant {
        .now + configuration.operationTimeout
    }

    /// Runs one statement through the pool before `deadline`, and reads all its rows (an error of a statement that
    /// returns rows arrives only while they are read, so a statement whose rows are not read may have failed
    /// unnoticed); tells the supervisor how it went, and turns a failure into a `JWTError` that says `what` failed.
    ///
    /// - Parameters:
    ///   - what: What the operation does, for the error, such as "rotate a refresh token".
    ///   - committed: Whether to run the statement in an explicit transaction on one pooled connection and return its
    ///     rows only after the server acknowledged the `COMMIT` (see the type's documentation for why the implicit
    ///     commit of a lone statement cannot be trusted with an acknowledgement).
    private func execute(
        _ what: String,
        _ query: PostgresQuery,
        until deadline: ContinuousClock.Instant,
        committed: Bool = false
    ) async throws(JWTError) -> [PostgresRow] {
        let client = supervisor.client
        let logger = logger
        do {
            let rows = try await Deadline.run(until: deadline) {
                guard committed else {
                    return try await client.query(query, logger: logger).collect()
                }
                return try await client.withConnection { connection in
                    // Once the transaction is open it runs to its COMMIT or ROLLBACK in a task of its own, which the
                    // deadline's cancellation does not reach: a transaction abandoned half-way would go back to the
                    // pool still open, and the next operation on that connection would run inside it.
                    try await Task {
                        try await Self.inTransaction(query, on: connection, logger: logger)
                    }.value
                }
            }
            supervisor.recordSuccess()
            return rows
        } catch {
            if Self.suggestsUnreachable(error) {
                supervisor.recordFailure()
            }
            if error is Deadline.Exceeded {
                throw .storeFailure(
                    "cannot \(what): PostgreSQL did not answer within \(configuration.operationTimeout)",
                    underlyingError: error
                )
            }
            throw .postgresFailure(what, error)
        }
    }

    /// `BEGIN`, `query` (all its rows read), `COMMIT`. A failure of `query` rolls back; a connection whose rollback
    /// fails is closed, which makes the server roll back and the pool drop it, so it never returns to the pool inside
    /// a transaction.
    private static func inTransaction(
        _ query: PostgresQuery,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [PostgresRow] {
        try await connection.query("BEGIN", logger: logger)
        let rows: [PostgresRow]
        do {
            rows = try await connection.query(query, logger: logger).collect()
        } catch {
            do {
                try await connection.query("ROLLBACK", logger: logger)
            } catch {
                try? await connection.close()
            }
            throw error
        }
        // A COMMIT that fails ends the transaction too (the server rolls back), or its connection is gone.
        try await connection.query("COMMIT", logger: logger)
        return rows
    }

    private func fetchRecord(
        id: String,
        _ what: String,
        until deadline: ContinuousClock.Instant
    ) async throws(JWTError) -> RefreshTokenRecord? {
        let rows = try await execute(what, table.select(id: id), until: deadline)
        guard let row = rows.first else { return nil }
        return try RefreshTokenTable.decode(row)
    }

    /// Revokes the family, pass after pass, until a pass revokes nothing; each pass commits by itself.
    private func revoke(
        _ familyID: String,
        _ what: String,
        until deadline: ContinuousClock.Instant
    ) async throws(JWTError) {
        for _ in 0..<Self.maximumRevocationPasses {
            let revoked = try await execute(what, table.revokePass(familyID: familyID), until: deadline)
            if revoked.isEmpty { return }
        }
        throw .storeFailure(
            "cannot \(what): the family still gained tokens after \(Self.maximumRevocationPasses) revocation passes"
        )
    }

    /// The one number a `SELECT count(*)` returned.
    private static func count(in rows: [PostgresRow], _ what: String) throws(JWTError) -> Int {
        do {
            guard rows.count == 1, let row = rows.first else {
                throw JWTError.storeFailure("cannot \(what): the count came back as \(rows.count) rows")
            }
            return try row.decode(Int.self)
        } catch {
            throw .postgresFailure(what, error)
        }
    }

    /// Whether a failure may mean that the database or the pool cannot be reached, so that the supervisor should
    /// look: anything but an error the server reported about the statement itself (a constraint, a type, syntax).
    static func suggestsUnreachable(_ error: any Error) -> Bool {
        guard let state = PostgresFailure.sqlState(of: error) else { return true }
        // 08: connection exceptions; 53: insufficient resources (too many connections); 57: operator intervention
        // (the server shutting down, a cancelled statement).
        return state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57")
    }
}
