import HTTPTypes
import Hummingbird
import HummingbirdCore
import JWTClaimsWireFormat
import NIOCore

/// Refuses oversized and slow bodies without reading them whole: a declared `Content-Length` over the limit gets
/// 413 before any of the body is read; a chunked body that crosses the limit, or one that does not arrive within
/// the body-read deadline (408), is refused by the route. Either way the answer carries `Connection: close` and the
/// connection is closed once it is written, because Hummingbird would otherwise read (and drop) the rest of the
/// body, however large, to keep the connection alive.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    /// The body limit, in bytes.
    let maximumBodyBytes: Int

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let length = request.headers[.contentLength] {
            guard let declared = Int(length), declared >= 0 else {
                throw ServiceError.invalidRequest("the Content-Length header is not a number")
            }
            if declared > maximumBodyBytes {
                return Self.closing(.requestTooLarge(limit: maximumBodyBytes), channel: context.channel)
            }
        }
        do {
            return try await next(request, context)
        } catch let error as ServiceError where error.code == .requestTooLarge || error.code == .requestTimeout {
            return Self.closing(error, channel: context.channel)
        } catch is NIOTooManyBytesError {
            return Self.closing(.requestTooLarge(limit: maximumBodyBytes), channel: context.channel)
        }
    }

    /// `error`'s response, whose body closes the connection once it is written.
    static func closing(_ error: ServiceError, channel: any Channel) -> Response {
        var response = error.makeResponse()
        response.headers[.connection] = "close"
        let buffer = ByteBuffer(bytes: error.body.serializedBytes())
        response.body = ResponseBody(contentLength: buffer.readableBytes) { writer in
            try await writer.write(buffer)
            try await writer.finish(nil)
            channel.close(promise: nil)
        }
        return response
    }
}
