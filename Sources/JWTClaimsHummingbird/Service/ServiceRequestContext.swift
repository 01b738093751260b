public import Hummingbird
public import NIOCore

/// The request context of the application ``buildApplication(configuration:logger:onServerRunning:)`` builds.
///
/// Your own context works with ``ReferenceAPIController`` when it conforms to `RemoteAddressRequestContext` (the
/// client address keys the rate limit for unauthenticated requests).
public struct ServiceRequestContext: RemoteAddressRequestContext {
    /// Hummingbird's per-request storage (logger, route parameters, endpoint path).
    public var coreContext: CoreRequestContextStorage
    /// The client's address: the peer of the TCP connection (a proxy's address behind a proxy; `X-Forwarded-For` is
    /// not trusted). Nil in HummingbirdTesting's `.router` mode.
    public let remoteAddress: SocketAddress?
    /// The connection, so that a refused oversized or slow body can close it instead of draining it.
    let channel: any Channel

    /// A context for a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        channel = source.channel
    }
}
