import HTTPTypes
import Hummingbird
import JWTClaims
import Logging
import NIOCore

extension ReferenceAPIController {
    /// Runs a route's work and turns every outcome into the contract's answer: CORS headers on answers and errors
    /// (not on a 403 `origin_not_allowed`), an oversized body as 413, the library's stray errors as 500.
    func respond(
        to request: Request,
        _ context: Context,
        cors audience: CORSPolicy.Audience = .keyed,
        _ work: () async throws -> Response
    ) async throws -> Response {
        let origin = request.headers[.origin]
        do {
            var response = try await work()
            if let origin {
                CORSPolicy.addResponseHeaders(to: &response.headers, origin: origin, audience: audience)
            }
            return response
        } catch {
            var serviceError: ServiceError
            switch error {
            case let known as ServiceError:
                serviceError = known
            case is NIOTooManyBytesError:
                serviceError = .requestTooLarge(limit: configuration.maximumBodyBytes)
            case let library as JWTError:
                context.logger.error("unexpected library error", metadata: ["error": "\(library.code)"])
                serviceError = .serverError()
            default:
                throw error
            }
            if let origin, serviceError.code != .originNotAllowed {
                CORSPolicy.addResponseHeaders(to: &serviceError.headers, origin: origin, audience: audience)
            }
            throw serviceError
        }
    }

    /// Authenticates the caller under `requirement`, enforces the key's allowed origins, and draws from the rate
    /// limit: the key's bucket once authenticated, the client address's when no key applies or authentication
    /// failed (then a 429 replaces the 401 once the address is over its limit).
    ///
    /// - Returns: The key; nil only for ``ClientAuthenticator/Requirement/optionalID`` without an id.
    func admit(
        _ request: Request,
        _ context: Context,
        _ requirement: ClientAuthenticator.Requirement
    ) throws(ServiceError) -> APIKey? {
        let key: APIKey?
        do {
            key = try authenticator.authenticate(ClientCredentials(request), requirement)
        } catch {
            try limit(.address(Self.address(of: context)))
            throw error
        }
        try limit(key.map { .apiKey($0.id) } ?? .address(Self.address(of: context)))
        if let origin = request.headers[.origin], let key, !key.allowedOrigins.allows(origin) {
            throw .originNotAllowed()
        }
        return key
    }

    /// Draws one request from `client`'s bucket.
    ///
    /// - Throws: ``ServiceError`` `rate_limited` with `Retry-After` when the bucket is empty.
    func limit(_ client: RateLimiter.Client) throws(ServiceError) {
        guard let rateLimiter else { return }
        if case .limited(let seconds) = rateLimiter.admit(client) {
            throw .rateLimited(retryAfterSeconds: seconds)
        }
    }

    /// The client's address for rate limits: the connection's peer IP, or `unknown` without one.
    static func address(of context: Context) -> String {
        context.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Reads a JSON request body: checks `Content-Type`, refuses a declared length over the limit before reading,
    /// then collects at most the limit within the body-read deadline.
    ///
    /// - Throws: ``ServiceError`` `invalid_request` (wrong or missing `Content-Type`), `request_too_large`,
    ///   `request_timeout`.
    func readJSONBody(_ request: Request) async throws -> ByteBuffer {
        guard let type = request.headers[.contentType], Self.isJSON(type) else {
            throw ServiceError.invalidRequest("the request body must be JSON, with Content-Type: application/json")
        }
        let limit = configuration.maximumBodyBytes
        if let length = request.headers[.contentLength], let declared = Int(length), declared > limit {
            throw ServiceError.requestTooLarge(limit: limit)
        }
        let body = request.body
        let timeout = configuration.bodyReadTimeout
        guard let buffer = try await withDeadline(timeout, { try await body.collect(upTo: limit) }) else {
            throw ServiceError.requestTimeout(seconds: Int(timeout.components.seconds))
        }
        return buffer
    }

    /// Whether a `Content-Type` value is `application/json`, parameters (such as `charset=utf-8`) allowed.
    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return mediaType.trimmingSpaces().lowercased() == "application/json"
    }

    /// A 200 JSON answer; `Cache-Control: no-store` unless given another (token answers must not be cached, RFC
    /// 6749 section 5.1).
    static func json(_ bytes: [UInt8], cacheControl: String = "no-store") -> Response {
        var fields: HTTPFields = [:]
        fields[.contentType] = "application/json"
        fields[.cacheControl] = cacheControl
        return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A 200 JSON answer from text.
    static func json(_ text: String) -> Response {
        json(Array(text.utf8))
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[start...end]
    }
}
