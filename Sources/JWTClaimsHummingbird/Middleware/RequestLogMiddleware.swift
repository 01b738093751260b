import HTTPTypes
import Hummingbird
import Logging

/// One log line per request, at the end: method, route pattern (`/api/v0/token/{apiKeyID}`, never the raw path or
/// its query, which could hold a token), status, duration in milliseconds, and the API key id when the request
/// named a configured key. Never headers, bodies, tokens or secrets.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The configured keys: only their ids are logged, so a client cannot write text of its own into the log.
    let apiKeys: APIKeySet
    /// The level of the lines.
    let level: Logger.Level

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, start: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context, status: error.status.code, start: start)
            throw error
        } catch {
            log(request, context, status: 500, start: start)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)",
            "route": "\(context.endpointPath ?? "unmatched")",
            "status": "\(status)",
            "duration_ms": "\((milliseconds * 1000).rounded() / 1000)",
        ]
        if let keyID = keyID(of: request, context) {
            metadata["api_key_id"] = "\(keyID)"
        }
        context.logger.log(level: level, "request", metadata: metadata)
    }

    /// The configured key the request names (path, header or Basic user id), if any.
    private func keyID(of request: Request, _ context: Context) -> String? {
        var candidates: [String] = []
        if let pathID = context.parameters.get("apiKeyID") { candidates.append(pathID) }
        if let credentials = try? ClientCredentials(request), let id = credentials.keyID { candidates.append(id) }
        return candidates.first { apiKeys.key(forID: $0) != nil }
    }
}
