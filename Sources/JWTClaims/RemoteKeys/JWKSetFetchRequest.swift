/// What a ``RemoteJWKSet`` asks its ``JWKSetFetcher`` for: one URL, under a size limit and a timeout.
public struct JWKSetFetchRequest: Sendable, Hashable {
    /// The configured URL of the key set, never a URL taken from a token.
    public let url: String
    /// The largest body accepted, in bytes; the fetcher stops reading past it.
    public let maximumBytes: Int
    /// The longest the whole fetch may take, body included.
    public let timeout: Duration

    /// A request for `url` with the given limits.
    public init(url: String, maximumBytes: Int, timeout: Duration) {
        self.url = url
        self.maximumBytes = maximumBytes
        self.timeout = timeout
    }
}
