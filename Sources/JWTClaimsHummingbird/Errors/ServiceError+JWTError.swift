import HTTPTypes
public import JWTClaims

extension ServiceError {
    /// What the request was doing when the library refused it: some codes mean different things in different
    /// steps (`invalidClaims` is a caller's bad claim set in `issue`, but a token whose payload is no object while
    /// verifying).
    public enum Step: Sendable {
        /// Decoding the request body: every refusal is `invalid_request`.
        case decodingBody
        /// Checking or minting claims the caller sent (issue, custom attributes).
        case mintingClaims
        /// Verifying a presented access token (and, for `custom`, augmenting it and using a refresh token).
        case verifyingToken
        /// Using a refresh token (the refresh grant, revoke).
        case usingRefreshToken
    }

    /// The one mapping from the library's errors to the contract's answers.
    ///
    /// | `JWTError` code | status | `error` |
    /// |---|---|---|
    /// | `storeFailure` | 503 | `temporarily_unavailable`, `Retry-After` |
    /// | `keySetUnavailable` (an upstream issuer's key set cannot be had) | 503 | `temporarily_unavailable`, `Retry-After` |
    /// | `invalidRefreshToken`, `refreshTokenExpired`, `refreshTokenRevoked`, `refreshTokenReused`, `subjectMismatch` | 400 | `invalid_grant` |
    /// | `protectedClaim`, `invalidClaimName`, `conflictingClaim`, `attributesTooLarge`, `tokenTooLarge` | 400 | `invalid_claims` |
    /// | `cryptographicFailure`, `invalidKey`, `unsupportedKey`, `augmentationFailed` | 500 | `server_error` (reason logged, not sent) |
    /// | anything else while decoding a body | 400 | `invalid_request` |
    /// | anything else while verifying a token | 401 | `invalid_token` |
    /// | `missingClaim`, `typeMismatch` while minting | 400 | `invalid_request` |
    /// | anything else while minting (`invalidClaims`, `invalidClaimValue`, ...) | 400 | `invalid_claims` |
    ///
    /// The description is the library's reason (it quotes and caps untrusted text and never holds a secret or a
    /// refresh token), except for 500s, whose reasons stay in the log.
    ///
    /// - Parameters:
    ///   - error: The library's error.
    ///   - step: What the request was doing.
    public init(_ error: JWTError, while step: Step) {
        switch error.code {
        case .storeFailure:
            self = .temporarilyUnavailable()
        case .keySetUnavailable:
            self = .upstreamUnavailable(error.reason)
        case .invalidRefreshToken, .refreshTokenExpired, .refreshTokenRevoked, .refreshTokenReused, .subjectMismatch:
            self.init(status: .badRequest, code: .invalidGrant, description: error.reason)
        case .protectedClaim, .invalidClaimName, .conflictingClaim, .attributesTooLarge, .tokenTooLarge:
            self.init(status: .badRequest, code: .invalidClaims, description: error.reason)
        case .cryptographicFailure, .invalidKey, .unsupportedKey, .augmentationFailed:
            self = .serverError()
        default:
            switch step {
            case .decodingBody:
                self.init(status: .badRequest, code: .invalidRequest, description: error.reason)
            case .verifyingToken, .usingRefreshToken:
                self.init(status: .unauthorized, code: .invalidToken, description: error.reason)
            case .mintingClaims where error.code == .missingClaim || error.code == .typeMismatch:
                self.init(status: .badRequest, code: .invalidRequest, description: error.reason)
            case .mintingClaims:
                self.init(status: .badRequest, code: .invalidClaims, description: error.reason)
            }
        }
    }
}
