extension JWTError {
    /// A refresh token that is not `<id>:<secret>` of the right shape. The reason names the rule that failed and
    /// never the token's text; `offset` is the position in the token where the problem was found.
    @inline(never)
    static func malformedRefreshToken(
        _ reason: String,
        offset: Int? = nil,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .invalidRefreshToken,
            reason: "malformed refresh token: \(reason)",
            offset: offset,
            fileID: fileID,
            line: line
        )
    }

    /// A well-formed refresh token whose id is unknown or whose secret does not match. Both cases give the same
    /// reason, so an error message cannot tell a guesser which ids exist.
    @inline(never)
    static func unknownRefreshToken(fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(
            code: .invalidRefreshToken,
            reason: "the refresh token is not recognised (unknown id or wrong secret)",
            fileID: fileID,
            line: line
        )
    }

    /// A refresh token presented on or after its expiry.
    @inline(never)
    static func refreshTokenExpired(
        at expiry: NumericDate,
        now: NumericDate,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .refreshTokenExpired,
            reason: "the refresh token expired at \(expiry) (now \(now))",
            fileID: fileID,
            line: line
        )
    }

    /// A refresh token of a revoked family.
    @inline(never)
    static func refreshTokenRevoked(fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(
            code: .refreshTokenRevoked,
            reason: "the refresh token's family was revoked; sign in again",
            fileID: fileID,
            line: line
        )
    }

    /// A refresh token that was already used: its family has been revoked.
    @inline(never)
    static func refreshTokenReused(fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(
            code: .refreshTokenReused,
            reason: "the refresh token was already used, so it may have been stolen: every token of its family is "
                + "now revoked (RFC 9700 section 4.14.2)",
            fileID: fileID,
            line: line
        )
    }

    /// A refresh token presented with an access token of another subject. Neither subject is named.
    @inline(never)
    static func subjectMismatch(fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(
            code: .subjectMismatch,
            reason: "the refresh token belongs to another subject than the access token's \"sub\"",
            fileID: fileID,
            line: line
        )
    }

    /// A claim set that has no string `sub`, so no refresh token can be tied to a subject.
    @inline(never)
    static func missingSubject(_ what: String, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(
            code: .missingClaim,
            reason: "\(what) has no string \"sub\" claim; a refresh token is always tied to a subject",
            fileID: fileID,
            line: line
        )
    }

    /// A failure of a ``RefreshTokenStore``: the store's own error, kept as ``underlyingError``, with a reason
    /// saying what the store was doing. Stores outside this module (such as the SQLite one) build their errors with
    /// it.
    ///
    /// - Parameters:
    ///   - reason: What failed, for a person; never include a refresh token's text.
    ///   - underlyingError: The store's own error, if any.
    ///   - fileID: Where the error was raised (defaults to the caller's file).
    ///   - line: Where the error was raised (defaults to the caller's line).
    /// - Returns: A ``JWTError`` with code ``JWTError/Code/storeFailure``.
    @inline(never)
    public static func storeFailure(
        _ reason: String,
        underlyingError: (any Error & Sendable)? = nil,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .storeFailure,
            reason: reason,
            underlyingError: underlyingError,
            fileID: fileID,
            line: line
        )
    }
}

extension JWTError {
    /// An access token minted at a sign-in or refresh that would exceed the policy's size limit: sets
    /// ``Code/tokenTooLarge``.
    @inline(never)
    static func mintedTokenTooLarge(
        byteCount: Int,
        limit: Int,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .tokenTooLarge,
            reason: "the access token would be \(byteCount) bytes; the limit is \(limit)",
            fileID: fileID,
            line: line
        )
    }
}
