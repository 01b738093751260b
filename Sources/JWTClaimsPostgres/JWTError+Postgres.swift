internal import JWTClaims
internal import PostgresNIO

extension JWTError {
    /// A setting of the PostgreSQL store is malformed or refused; `reason` never holds the password.
    static func invalidConfiguration(_ reason: String, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(code: .invalidConfiguration, reason: reason, fileID: fileID, line: line)
    }

    /// The store could not `operation` (a phrase such as "rotate a refresh token"): the database failed, could not
    /// be reached, or did not answer in time. The reason summarises `error` without the query's bound values, the
    /// password or the server's detail lines (which may quote stored values).
    static func postgresFailure(
        _ operation: String,
        _ error: any Error,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        if let error = error as? JWTError { return error }
        return JWTError(
            code: .storeFailure,
            reason: "cannot \(operation): \(PostgresFailure.summary(of: error))",
            underlyingError: error,
            fileID: fileID,
            line: line
        )
    }
}
