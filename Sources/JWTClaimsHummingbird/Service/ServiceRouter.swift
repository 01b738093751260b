import Hummingbird
import JWTClaims
import Logging

/// Assembles the service's router: the application-level middleware in their order, the reference API's routes,
/// then the 404/405 fallback.
enum ServiceRouter {
    /// The service's router for `configuration`.
    static func build(configuration: ServiceConfiguration) throws(JWTError) -> Router<ServiceRequestContext> {
        let controller = try ReferenceAPIController<ServiceRequestContext>(configuration: configuration)
        let router = Router(context: ServiceRequestContext.self)
        // Outermost first: the log sees the final status of every request, errors included.
        router.add(middleware: RequestLogMiddleware(apiKeys: configuration.apiKeys, level: .info))
        router.add(middleware: ErrorMiddleware(maximumBodyBytes: configuration.maximumBodyBytes))
        router.add(middleware: BodyLimitMiddleware(maximumBodyBytes: configuration.maximumBodyBytes))
        controller.addRoutes(to: router)
        // Last: it runs only for requests no route matched (Hummingbird wraps its not-found responder with every
        // router middleware), and it needs the finished route table.
        router.add(middleware: MethodNotAllowedMiddleware<ServiceRequestContext>(routes: router.routes))
        return router
    }
}
