internal import Logging
internal import NIOCore
internal import PostgresNIO
internal import Synchronization

/// One connection of its own, outside the pool, for what must not wait in the pool's queue: the migration when the
/// store is created, and the probe that tells whether the database is back.
///
/// Opening a connection directly reports a wrong password, an unknown database or a refused TLS handshake in
/// milliseconds; the pool (`PostgresClient`) reports none of them to its callers, which just wait.
enum DirectConnection {
    /// Connects, runs `body`, closes; all before `deadline`. When the deadline passes first the connection is closed
    /// from here, which makes the server roll back what `body` left open and release its locks.
    ///
    /// - Throws: What connecting or `body` threw, or ``Deadline/Exceeded``.
    static func with<Value: Sendable>(
        _ settings: ConnectionSettings,
        id: Int,
        logger: Logger,
        until deadline: ContinuousClock.Instant,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        let holder = Holder()
        do {
            return try await Deadline.run(until: deadline) {
                let connection = try await PostgresConnection.connect(
                    configuration: settings.connection,
                    id: id,
                    logger: logger
                )
                holder.keep(connection)
                do {
                    let value = try await body(connection)
                    try? await connection.close()
                    return value
                } catch {
                    try? await connection.close()
                    throw error
                }
            }
        } catch {
            holder.abandon()
            throw error
        }
    }

    /// `SELECT 1` on a new connection: nil when the database answers, the error otherwise.
    static func probe(
        _ settings: ConnectionSettings,
        id: Int,
        logger: Logger,
        until deadline: ContinuousClock.Instant
    ) async -> (any Error)? {
        do {
            try await with(settings, id: id, logger: logger, until: deadline) { connection in
                _ = try await connection.query("SELECT 1", logger: logger).collect()
            }
            return nil
        } catch {
            return error
        }
    }

    /// The connection of a call that may be abandoned: whoever comes second, the connection or the abandonment,
    /// closes it.
    private final class Holder: Sendable {
        private let state = Mutex<(connection: PostgresConnection?, isAbandoned: Bool)>((nil, false))

        func keep(_ connection: PostgresConnection) {
            let isAbandoned = state.withLock { state in
                state.connection = connection
                return state.isAbandoned
            }
            if isAbandoned { Self.close(connection) }
        }

        func abandon() {
            let connection = state.withLock { state in
                state.isAbandoned = true
                return state.connection
            }
            if let connection { Self.close(connection) }
        }

        /// Closes without waiting (the future's outcome does not matter: a connection that cannot close is gone).
        private static func close(_ connection: PostgresConnection) {
            let _: EventLoopFuture<Void> = connection.close()
        }
    }
}
