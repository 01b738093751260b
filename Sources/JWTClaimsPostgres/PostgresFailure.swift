internal import PostgresNIO

/// What the store says about a failure of postgres-nio or of the server, in one line fit for a log.
///
/// `PSQLError.description` is a fixed "Generic description…" on purpose (it could reach users) and its debug
/// description holds the whole query; neither helps an operator. The summary takes the error's code, the server's
/// SQLSTATE and message (which name tables, constraints and roles, never the query's bound values or a password) and
/// the underlying network error. The server's `detail` field is left out: it may quote a stored value, such as the
/// key of a duplicate row.
enum PostgresFailure {
    /// A one-line summary of `error`.
    static func summary(of error: any Error) -> String {
        switch error {
        case let error as PSQLError:
            var text = "PostgreSQL error \(error.code)"
            if let state = error.serverInfo?[.sqlState] { text += " \(state)" }
            if let message = error.serverInfo?[.message] { text += ": \(message)" }
            if let underlying = error.underlying { text += " (\(String(describing: underlying)))" }
            return text
        case is PostgresDecodingError:
            // Its description shows the column's bytes; the type mismatch is what matters.
            return "a stored value has an unexpected type or is missing"
        case is Deadline.Exceeded:
            return "the database did not answer in time"
        case is CancellationError:
            return "cancelled"
        default:
            // Pool errors (ConnectionPoolError: the pool was shut down, or it gave up opening connections), NIO errors.
            return "\(type(of: error)): \(String(describing: error))"
        }
    }

    /// The server's SQLSTATE, when the server reported the error.
    static func sqlState(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}
