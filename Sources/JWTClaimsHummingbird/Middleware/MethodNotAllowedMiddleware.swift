import HTTPTypes
import Hummingbird

/// The last router middleware: Hummingbird wraps its not-found responder with every router middleware, so this
/// runs only for requests no route matched. A path some route has, with another method, gets 405
/// `method_not_allowed` with `Allow`; any other path 404 `not_found`.
///
/// Matching mirrors the router's trie: segments compare one to one (empty segments ignored, case-sensitive, no
/// percent decoding), and among the routes that match, those with the most fixed segments win (so `POST
/// /api/v0/token/jwks` is 405 `Allow: GET, OPTIONS`, not the refresh route).
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// One route: its path's elements and method.
    struct Route: Sendable {
        let elements: [RouterPath.Element]
        let method: HTTPRequest.Method
    }

    /// Every route of the router.
    let routes: [Route]

    /// A middleware for `router`'s routes as they are now (add it after the last route).
    init(routes: [Router<Context>.RouteDescription]) {
        self.routes = routes.map { Route(elements: $0.path.components, method: $0.method) }
    }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
        var best: (fixed: Int, methods: Set<HTTPRequest.Method>) = (-1, [])
        for route in routes where route.elements.count == segments.count {
            guard zip(route.elements, segments).allSatisfy({ $0 ~= $1 }) else { continue }
            let fixed = route.elements.filter { !$0.description.hasPrefix("{") && !$0.description.hasPrefix("*") }
                .count
            if fixed > best.fixed {
                best = (fixed, [route.method])
            } else if fixed == best.fixed {
                best.methods.insert(route.method)
            }
        }
        guard !best.methods.isEmpty else {
            throw ServiceError.notFound()
        }
        if best.methods.contains(request.method) {
            // Matched after all (should not happen: the router would have answered); let Hummingbird decide.
            return try await next(request, context)
        }
        throw ServiceError.methodNotAllowed(allowed: Array(best.methods))
    }
}
