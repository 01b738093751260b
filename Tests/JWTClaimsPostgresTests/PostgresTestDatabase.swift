import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Testing

@testable import JWTClaimsPostgres

/// The PostgreSQL database the tests use: the URL in `JWT_CLAIMS_TEST_POSTGRES_URL` (`eval "$(Scripts/postgres-cluster.sh
/// setup)"` sets it). Each test gets a schema of its own, dropped when it ends, so tests run in parallel without
/// seeing each other's rows, and counts (records deleted, statements run) are exact.
///
/// Without the URL the tests that need it are skipped and say so, except under `CI=true`, where they run and fail on
/// the missing URL: CI must never pass by skipping them.
enum PostgresTestDatabase {
    /// The database URL, when set.
    static let url = ProcessInfo.processInfo.environment["JWT_CLAIMS_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The cluster directory of `Scripts/postgres-cluster.sh`, for the tests that stop and start the server.
    static let clusterDirectory = ProcessInfo.processInfo.environment["JWT_CLAIMS_TEST_POSTGRES_CLUSTER_DIR"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Whether this is a CI run, where nothing may be skipped.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether the database tests run: a URL is set, or this is CI (where a missing URL then fails them).
    static let isEnabled = url != nil || isCI

    /// Whether the outage tests run: the URL and the cluster directory are set, or this is CI.
    static let isOutageEnabled = (url != nil && clusterDirectory != nil) || isCI

    /// The URL, or a failure saying how to set it.
    static func requireURL(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(
            url,
            "JWT_CLAIMS_TEST_POSTGRES_URL is not set: run eval \"$(Scripts/postgres-cluster.sh setup)\"",
            sourceLocation: sourceLocation
        )
    }

    /// A configuration for the test database with a new schema of its own.
    static func makeConfiguration() throws -> PostgresRefreshTokenStore.Configuration {
        var configuration = try PostgresRefreshTokenStore.Configuration(url: try requireURL())
        configuration.schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        // The whole suite shares two cores with the other targets' tests (serve processes, timing loops on the same
        // event loops): store creations have stalled together for over a minute at load 17, so creation waits longer
        // here than the 60 s default. The outage and failure tests bound what they measure themselves.
        configuration.migrationTimeout = .seconds(180)
        return configuration
    }

    /// A logger that drops everything (the tests that look at logs make their own).
    static let quietLogger = Logger(label: "jwt-claims.postgres.test") { _ in SwiftLogNoOpLogHandler() }

    /// Creates a store on a schema of its own, runs it while `body` runs, then stops it and drops the schema.
    static func withStore<Result: Sendable>(
        configuration: PostgresRefreshTokenStore.Configuration? = nil,
        logger: Logger = quietLogger,
        _ body: @Sendable (PostgresRefreshTokenStore) async throws -> Result
    ) async throws -> Result {
        let configuration = try configuration ?? makeConfiguration()
        do {
            let store = try await PostgresRefreshTokenStore(configuration: configuration, logger: logger)
            let result = try await running(store, body)
            await dropSchema(configuration.schema)
            return result
        } catch {
            await dropSchema(configuration.schema)
            throw error
        }
    }

    /// Runs `store` while `body` runs.
    static func running<Result: Sendable>(
        _ store: PostgresRefreshTokenStore,
        _ body: @Sendable (PostgresRefreshTokenStore) async throws -> Result
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.run() }
            defer { group.cancelAll() }
            return try await body(store)
        }
    }

    /// Runs `body` on a direct connection to the test database, as the store's role.
    static func withConnection<Result: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let configuration = try PostgresRefreshTokenStore.Configuration(url: try requireURL())
        let settings = try ConnectionSettings(configuration)
        let connection = try await PostgresConnection.connect(
            configuration: settings.connection,
            id: 9_000,
            logger: quietLogger
        )
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs one statement on a new connection and returns its rows.
    @discardableResult
    static func query(_ sql: String) async throws -> [PostgresRow] {
        try await withConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: quietLogger).collect()
        }
    }

    /// Drops a test's schema; failures are ignored (a test that failed while the server was down leaves its schema
    /// behind, in a cluster that is thrown away anyway).
    static func dropSchema(_ schema: String) async {
        _ = try? await query("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
    }
}
