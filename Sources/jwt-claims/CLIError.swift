import JWTClaims

/// A failure of a `jwt-claims` command: the exit status and the message printed as `error: <message>`.
struct CLIError: Error, Sendable, Equatable {
    /// The process exit status.
    let status: ExitStatus
    /// What went wrong, naming the file, claim or offset involved.
    let message: String

    /// Bad usage or bad input that is not a token (exit status 2).
    static func badInput(_ message: String) -> CLIError {
        CLIError(status: .badInput, message: message)
    }

    /// A refused token (exit status 1) with the library's reason.
    static func rejected(_ error: JWTError) -> CLIError {
        CLIError(status: .forTokenError(error), message: error.reason)
    }

    /// A refused token (exit status 1) with a message of our own.
    static func rejected(_ message: String) -> CLIError {
        CLIError(status: .rejected, message: message)
    }

    /// Bad input (exit status 2) described by the library, prefixed with what it was (`key file 'k.pem'`, `--claims`).
    static func badInput(_ subject: String, _ error: JWTError) -> CLIError {
        CLIError(status: .badInput, message: "\(subject): \(error.reason)")
    }
}
