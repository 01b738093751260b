import Hummingbird
import Logging
import NIOCore

/// Turns every failure into the contract's JSON error, in one place: a ``ServiceError`` as it is, Hummingbird's
/// own errors by status (404 `not_found`, 413 `request_too_large`, ...), and anything else as a logged 500
/// `server_error` (a `CancellationError` after the graceful-shutdown deadline as 503).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The body limit, for the 413 text.
    let maximumBodyBytes: Int

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            throw error
        } catch is NIOTooManyBytesError {
            throw ServiceError.requestTooLarge(limit: maximumBodyBytes)
        } catch is CancellationError {
            throw ServiceError.temporarilyUnavailable()
        } catch let error as any HTTPResponseError {
            switch error.status {
            case .notFound:
                throw ServiceError.notFound()
            case .contentTooLarge:
                throw ServiceError.requestTooLarge(limit: maximumBodyBytes)
            case .unauthorized:
                throw ServiceError.invalidClient(afterBasic: false)
            default:
                context.logger.error("unexpected HTTP error", metadata: ["status": "\(error.status.code)"])
                throw ServiceError.serverError()
            }
        } catch {
            // The type only: an error's text could hold request data.
            context.logger.error("unexpected error", metadata: ["type": "\(type(of: error))"])
            throw ServiceError.serverError()
        }
    }
}
