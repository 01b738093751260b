internal import JWTClaims
internal import Logging
internal import PostgresNIO

/// The store's tables in one PostgreSQL schema, versioned, and the migrations that create and upgrade them.
///
/// A table `jwt_claims_schema_version` holds one row, the number of migrations applied. Migrating runs in one
/// transaction that first takes a transaction-scoped advisory lock: a second instance starting at the same time
/// waits at that lock until the first commits, then finds the version current and applies nothing. (Without the
/// lock, two `CREATE TABLE IF NOT EXISTS` at once fail one of them with a duplicate key in `pg_type`.) The lock is
/// released by COMMIT or ROLLBACK, and by the server when the connection dies, so a crashed instance never leaves it
/// held. DDL is transactional in PostgreSQL: a migration that fails leaves nothing behind.
struct PostgresSchema: Sendable {
    /// The schema's name, checked to be a plain identifier.
    let name: String

    /// The migrations, oldest first, each a list of statements; the schema's version is how many have been applied.
    /// Never edit or reorder a released one: add a new one.
    var migrations: [[String]] {
        let table = "\"\(name)\".refresh_token"
        return [
            [
                // seq orders a family's records oldest first. No foreign key on parent_id: deleting a family would
                // look up each deleted row's children, a scan per row without an index on parent_id (measured: 317 s
                // for 10,007 rows), and nothing reads through the link.
                """
                CREATE TABLE \(table) (
                    seq bigint GENERATED ALWAYS AS IDENTITY,
                    id text PRIMARY KEY,
                    secret_digest bytea NOT NULL CHECK (octet_length(secret_digest) = 32),
                    subject text NOT NULL,
                    family_id text NOT NULL,
                    parent_id text,
                    custom_claims text NOT NULL,
                    template text NOT NULL,
                    created_at bigint NOT NULL,
                    expires_at bigint NOT NULL,
                    used boolean NOT NULL DEFAULT false,
                    revoked boolean NOT NULL DEFAULT false
                )
                """,
                // Revocation, records(inFamily:) and housekeeping's "any live token left?" (index-only).
                "CREATE INDEX refresh_token_family ON \(table) (family_id, expires_at)",
                // Housekeeping's candidates.
                "CREATE INDEX refresh_token_expiry ON \(table) (expires_at)",
            ]
        ]
    }

    /// The version this build writes.
    static var version: Int { PostgresSchema(name: "public").migrations.count }

    /// The advisory lock's two keys: a constant of this library ("jwtc") and a hash of the schema's name, so that
    /// the stores of different schemas in one database do not wait for each other.
    var lockKeys: (Int32, Int32) {
        // FNV-1a, 32 bits: fixed, so every instance and every version of the library computes the same key.
        var hash: UInt32 = 0x811C_9DC5
        for byte in name.utf8 {
            hash = (hash ^ UInt32(byte)) &* 0x0100_0193
        }
        return (0x6A77_7463, Int32(bitPattern: hash))
    }

    /// Brings the schema to ``version`` on `connection`, under the advisory lock.
    ///
    /// - Returns: How many migrations this call applied (0 when another instance had done it).
    /// - Throws: `JWTError.Code.storeFailure` when a statement fails, or the database was written by a newer
    ///   version of this library (it is then left untouched).
    func migrate(on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let versionTable = "\"\(name)\".jwt_claims_schema_version"
        try await connection.query("BEGIN", logger: logger)
        do {
            let (lockKey, schemaKey) = lockKeys
            _ = try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey), \(schemaKey))", logger: logger)
                .collect()
            // CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when the schema exists: look first.
            let existing = try await connection.query(
                "SELECT 1 FROM pg_namespace WHERE nspname = \(name)",
                logger: logger
            ).collect()
            if existing.isEmpty {
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \"\(name)\""), logger: logger)
            }
            try await connection.query(
                PostgresQuery(unsafeSQL: "CREATE TABLE IF NOT EXISTS \(versionTable) (version integer NOT NULL)"),
                logger: logger
            )
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT version FROM \(versionTable)"),
                logger: logger
            ).collect()
            guard rows.count <= 1 else {
                throw JWTError.storeFailure("the table \(versionTable) has \(rows.count) rows instead of one")
            }
            let current = try rows.first.map { try $0.decode(Int.self) }
            if current == nil {
                try await connection.query(
                    PostgresQuery(unsafeSQL: "INSERT INTO \(versionTable) (version) VALUES (0)"),
                    logger: logger
                )
            }
            let version = current ?? 0
            guard version <= Self.version else {
                throw JWTError.storeFailure(
                    "the refresh-token tables in schema \(name) were written by a newer version of this library "
                        + "(schema version \(version), this one knows \(Self.version)); upgrade instead of using them"
                )
            }
            for migration in migrations[version...] {
                for statement in migration {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            }
            if version < Self.version {
                try await connection.query(
                    PostgresQuery(unsafeSQL: "UPDATE \(versionTable) SET version = \(Self.version)"),
                    logger: logger
                )
            }
            try await connection.query("COMMIT", logger: logger)
            return Self.version - version
        } catch {
            // If the connection is gone the server has rolled back and released the lock already.
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
