extension ServiceError {
    /// The `error` codes of the service contract (RFC 6749 section 5.2's, RFC 6750's, and the contract's own).
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        /// The code as written in the body, such as `invalid_grant`.
        public let rawValue: String

        /// A code with the given text.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The code's text.
        public var description: String { rawValue }

        /// 400: not JSON, duplicate member names, a missing or mistyped field, a wrong `Content-Type`.
        public static let invalidRequest = Code(rawValue: "invalid_request")
        /// 400: protected or invalid claim names (every one named), attributes or a token over the size limit.
        public static let invalidClaims = Code(rawValue: "invalid_claims")
        /// 400: a refresh token that is unknown, malformed, expired, revoked, used before, or of another key.
        public static let invalidGrant = Code(rawValue: "invalid_grant")
        /// 400: a `grant_type` other than `refresh_token`.
        public static let unsupportedGrantType = Code(rawValue: "unsupported_grant_type")
        /// 401: missing, unknown or wrong API credentials.
        public static let invalidClient = Code(rawValue: "invalid_client")
        /// 401: a token that fails verification (signature, `kid`, time claims, `aud` of another key).
        public static let invalidToken = Code(rawValue: "invalid_token")
        /// 403: a verified bearer token without a required claim (RFC 6750 section 3.1).
        public static let insufficientScope = Code(rawValue: "insufficient_scope")
        /// 403: a browser `Origin` the key does not allow.
        public static let originNotAllowed = Code(rawValue: "origin_not_allowed")
        /// 404: no such path.
        public static let notFound = Code(rawValue: "not_found")
        /// 405: the path exists, the method does not (with `Allow`).
        public static let methodNotAllowed = Code(rawValue: "method_not_allowed")
        /// 408: the request body did not arrive within the body-read timeout.
        public static let requestTimeout = Code(rawValue: "request_timeout")
        /// 413: a body over the limit.
        public static let requestTooLarge = Code(rawValue: "request_too_large")
        /// 429: over the rate limit (with `Retry-After`).
        public static let rateLimited = Code(rawValue: "rate_limited")
        /// 500: a failure of the service itself (logged; never details in the answer).
        public static let serverError = Code(rawValue: "server_error")
        /// 503: the store cannot be reached (with `Retry-After`).
        public static let temporarilyUnavailable = Code(rawValue: "temporarily_unavailable")
    }
}
