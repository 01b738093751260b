import JWTClaims

/// The process exit statuses of `jwt-claims`, which scripts rely on (see the CLI contract in the README).
enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything asked for was done.
    case success = 0
    /// A token was refused: bad signature, expired, wrong audience, malformed token text, unknown `kid`, ...; with
    /// `--jsonl`, at least one item was refused.
    case rejected = 1
    /// Bad usage or bad input that is not a token: an unknown flag, an unreadable or invalid key file, invalid or
    /// non-object claims JSON, custom attributes the policy refuses, a file that would be overwritten.
    case badInput = 2

    /// The status for an error the library raised while decoding, verifying or augmenting a token.
    ///
    /// Everything about the token is a refusal; only a failure of the cryptographic backend, which says nothing
    /// about the token, is not. Attribute errors of `augment` are classified before the token is looked at (see
    /// `AugmentRequest`), so they never reach here as refusals.
    static func forTokenError(_ error: JWTError) -> ExitStatus {
        error.code == .cryptographicFailure ? .badInput : .rejected
    }

    /// The status for an error of `augment` that arose after its attributes were checked on their own.
    ///
    /// `conflictingClaim` and `protectedClaim` are the policy refusing the request (2); every other code is about
    /// the token (1). `limitExceeded` can be either (the original token is too large, or the augmented one would
    /// be), so the caller resolves it with `tokenIsValid`: the token's own verification.
    static func forAugmentError(_ error: JWTError, tokenIsValid: () -> Bool) -> ExitStatus {
        switch error.code {
        case .conflictingClaim, .protectedClaim, .invalidClaimName, .cryptographicFailure:
            return .badInput
        case .limitExceeded:
            return tokenIsValid() ? .badInput : .rejected
        default:
            return .rejected
        }
    }
}
