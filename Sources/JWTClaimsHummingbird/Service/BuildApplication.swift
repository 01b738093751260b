public import Hummingbird
import HummingbirdCore
public import JWTClaims
public import Logging
import NIOCore

/// Builds the reference API as a Hummingbird application: every endpoint of the service contract, with API-key
/// authentication, rate limits, CORS, body limits and timeouts, request logs, JSON errors for everything (404, 405
/// with `Allow`, 413, 500), the JWK Set, `/healthz` and `/openapi.json`.
///
/// The application is a swift-service-lifecycle `Service`: run it in a `ServiceGroup` with the graceful-shutdown
/// signals, so that SIGTERM stops accepting connections and finishes the requests in flight:
///
/// ```swift
/// let app = try buildApplication(configuration: configuration, logger: logger) { address in
///     print("jwt-claims listening on \(address.url)")   // then flush stdout
/// }
/// let group = ServiceGroup(configuration: .init(
///     services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
/// try await group.run()
/// ```
///
/// - Parameters:
///   - configuration: The service's keys, store, limits and clock.
///   - logger: Where the server's and the request log's lines go (never headers, bodies, tokens or secrets).
///   - onServerRunning: Called once the listening socket is bound, with the real address (the real port when
///     ``ServiceConfiguration/port`` is 0).
/// - Returns: The application, ready to run (or to test with HummingbirdTesting).
/// - Throws: `invalidKey` when the configuration's keys cannot make a JWK Set.
public func buildApplication(
    configuration: ServiceConfiguration,
    logger: Logger,
    onServerRunning: @escaping @Sendable (ServiceAddress) async -> Void = { _ in }
) throws(JWTError) -> some ApplicationProtocol {
    let router = try ServiceRouter.build(configuration: configuration)
    var http1 = HTTP1Channel.Configuration()
    http1.idleTimeout = TimeAmount(configuration.idleTimeout)
    let host = configuration.host
    let port = configuration.port
    return Application(
        router: router,
        server: .http1(configuration: http1),
        configuration: ApplicationConfiguration(
            address: .hostname(host, port: port),
            serverName: "jwt-claims"
        ),
        onServerRunning: { channel in
            let bound = channel.localAddress
            await onServerRunning(ServiceAddress(host: bound?.ipAddress ?? host, port: bound?.port ?? port))
        },
        logger: logger
    )
}
