public import HTTPTypes

extension ServiceError {
    /// How long a client should wait after a 503, in seconds (`Retry-After`).
    static let storeRetryAfterSeconds = 5

    /// 400 `invalid_request`.
    public static func invalidRequest(_ description: String) -> ServiceError {
        ServiceError(status: .badRequest, code: .invalidRequest, description: description)
    }

    /// 401 `invalid_client`, the same text for a missing, unknown or wrong credential; with
    /// `WWW-Authenticate: Basic` when the client sent Basic credentials (RFC 7617), or asked for them.
    public static func invalidClient(afterBasic: Bool) -> ServiceError {
        var headers: HTTPFields = [:]
        if afterBasic {
            headers[.wwwAuthenticate] = #"Basic realm="jwt-claims", charset="UTF-8""#
        }
        return ServiceError(
            status: .unauthorized,
            code: .invalidClient,
            description: "client authentication failed: send a known API key id and its secret",
            headers: headers
        )
    }

    /// 403 `origin_not_allowed`.
    public static func originNotAllowed() -> ServiceError {
        ServiceError(
            status: .forbidden,
            code: .originNotAllowed,
            description: "the request's Origin is not among the API key's allowed origins"
        )
    }

    /// 404 `not_found`.
    public static func notFound() -> ServiceError {
        ServiceError(status: .notFound, code: .notFound, description: "no such endpoint")
    }

    /// 405 `method_not_allowed` with `Allow` listing `methods`.
    public static func methodNotAllowed(allowed methods: [HTTPRequest.Method]) -> ServiceError {
        let names = methods.map(\.rawValue).sorted()
        var headers: HTTPFields = [:]
        headers[.allow] = names.joined(separator: ", ")
        return ServiceError(
            status: .methodNotAllowed,
            code: .methodNotAllowed,
            description: "this endpoint allows " + names.joined(separator: ", "),
            headers: headers
        )
    }

    /// 408 `request_timeout`: the body did not arrive in time.
    public static func requestTimeout(seconds: Int) -> ServiceError {
        var headers: HTTPFields = [:]
        headers[.connection] = "close"
        return ServiceError(
            status: .requestTimeout,
            code: .requestTimeout,
            description: "the request body did not arrive within \(seconds) seconds",
            headers: headers
        )
    }

    /// 413 `request_too_large`.
    public static func requestTooLarge(limit: Int) -> ServiceError {
        var headers: HTTPFields = [:]
        headers[.connection] = "close"
        return ServiceError(
            status: .contentTooLarge,
            code: .requestTooLarge,
            description: "the request body is larger than \(limit) bytes",
            headers: headers
        )
    }

    /// 429 `rate_limited` with `Retry-After`.
    public static func rateLimited(retryAfterSeconds: Int) -> ServiceError {
        var headers: HTTPFields = [:]
        headers[.retryAfter] = String(retryAfterSeconds)
        return ServiceError(
            status: .tooManyRequests,
            code: .rateLimited,
            description: "too many requests; retry after \(retryAfterSeconds) seconds",
            headers: headers
        )
    }

    /// 500 `server_error`; the cause goes to the log, not to the client.
    public static func serverError() -> ServiceError {
        ServiceError(
            status: .internalServerError,
            code: .serverError,
            description: "the service failed; the failure is logged"
        )
    }

    /// 503 `temporarily_unavailable` with `Retry-After`.
    public static func temporarilyUnavailable() -> ServiceError {
        var headers: HTTPFields = [:]
        headers[.retryAfter] = String(storeRetryAfterSeconds)
        return ServiceError(
            status: .serviceUnavailable,
            code: .temporarilyUnavailable,
            description: "the token store cannot be reached; retry later",
            headers: headers
        )
    }

    /// 503 `temporarily_unavailable` with `Retry-After`, for an upstream issuer's key set that cannot be fetched
    /// (and whose last good copy is past its stale period).
    ///
    /// - Parameter reason: The library's reason: the key set's URL and why it failed (no secret).
    public static func upstreamUnavailable(_ reason: String) -> ServiceError {
        var headers: HTTPFields = [:]
        headers[.retryAfter] = String(storeRetryAfterSeconds)
        return ServiceError(
            status: .serviceUnavailable,
            code: .temporarilyUnavailable,
            description: "the upstream issuer's keys cannot be fetched; retry later (\(reason))",
            headers: headers
        )
    }
}
