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
    /// The policy refusing the request is bad input (2): the attribute rules (which `AugmentRequest` checks before
    /// any token, so they are listed for completeness), a claim the token already has under `--on-existing reject`,
    /// and a result over `--max-token-size` (`tokenTooLarge`). Every other code is about the token (1), including
    /// `limitExceeded`, which after the attribute check is always the original token's (its size or its JSON's
    /// bounds), so no second verification is needed to tell the two size limits apart.
    static func forAugmentError(_ error: JWTError) -> ExitStatus {
        switch error.code {
        case .conflictingClaim, .protectedClaim, .invalidClaimName, .attributesTooLarge, .tokenTooLarge,
            .cryptographicFailure:
            return .badInput
        default:
            return .rejected
        }
    }
}
