public import HTTPTypes
public import Hummingbird
public import JWTClaimsWireFormat
import NIOCore

/// An error answer of the reference API: a status, the contract's `error` code, a description and any headers the
/// contract asks for (`Allow`, `Retry-After`, `WWW-Authenticate`).
///
/// Thrown from a route or middleware, it becomes `{"error": CODE, "error_description": TEXT}` (RFC 6749 section
/// 5.2) with `Content-Type: application/json` and `Cache-Control: no-store`, in one place: ``response(from:context:)``.
/// The description never holds an API secret, a refresh token or a whole access token: the factories build it from
/// the library's reasons, which quote and cap untrusted text, and cap it again at ``maximumDescriptionLength``.
public struct ServiceError: HTTPResponseError, Sendable, CustomStringConvertible {
    /// The longest description written, in UTF-8 bytes; longer ones are cut with `…`.
    public static let maximumDescriptionLength = 512

    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The contract's error code.
    public var code: Code
    /// The human-readable explanation (`error_description`).
    public var errorDescription: String
    /// Extra response headers.
    public var headers: HTTPFields

    /// An error with the given status, code, description and headers.
    public init(status: HTTPResponse.Status, code: Code, description: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.errorDescription = Self.capped(description)
        self.headers = headers
    }

    /// The code and description: `invalid_grant: ...`.
    public var description: String {
        "\(code): \(errorDescription)"
    }

    /// The JSON body, as sent.
    public var body: ErrorResponse {
        ErrorResponse(error: code.rawValue, errorDescription: errorDescription)
    }

    /// The error as its response: the JSON body, `Content-Type: application/json`, `Cache-Control: no-store`, and
    /// ``headers``.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        makeResponse()
    }

    /// The response, without a request (for middleware that answers before routing).
    func makeResponse() -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        fields[.cacheControl] = "no-store"
        let buffer = ByteBuffer(bytes: body.serializedBytes())
        fields[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: buffer))
    }

    /// `text` cut to ``maximumDescriptionLength`` bytes on a character boundary.
    private static func capped(_ text: String) -> String {
        guard text.utf8.count > maximumDescriptionLength else { return text }
        var result = ""
        var count = 0
        for character in text {
            let size = character.utf8.count
            guard count + size <= maximumDescriptionLength - 3 else { break }
            result.append(character)
            count += size
        }
        return result + "…"
    }
}
