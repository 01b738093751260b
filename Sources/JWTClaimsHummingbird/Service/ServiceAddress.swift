/// Where the service listens once its socket is bound: what `jwt-claims serve` prints as its address line.
public struct ServiceAddress: Hashable, Sendable, CustomStringConvertible {
    /// The bound host, as an IP address (`127.0.0.1`, `::1`) or the configured host when the socket has none.
    public let host: String
    /// The bound port: the real one when port 0 (any free port) was asked for.
    public let port: Int

    /// An address with the given host and port.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `http://HOST:PORT`, an IPv6 host in brackets (`http://[::1]:8080`).
    public var url: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "http://\(bracketed):\(port)"
    }

    /// The ``url``.
    public var description: String { url }
}
