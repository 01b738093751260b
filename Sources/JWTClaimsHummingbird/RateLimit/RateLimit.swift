/// How many requests a client may make: a token bucket per API key, and per client address for requests that no
/// key authenticates (failed authentication included).
///
/// A bucket holds up to ``burst`` requests and refills at ``requestsPerSecond``; a request finding it empty gets 429
/// `rate_limited` with `Retry-After`. `jwt-claims serve --rate-limit N` means `RateLimit(requestsPerSecond: N)`, a
/// burst of N. `/healthz`, the JWK Set and `/openapi.json` are exempt.
public struct RateLimit: Hashable, Sendable {
    /// The sustained rate, in requests per second (at least 1).
    public var requestsPerSecond: Int
    /// The most requests allowed at once (at least 1).
    public var burst: Int
    /// The most buckets kept at once; past it the fullest (least recently throttled) are dropped, which can only
    /// favour the clients they belonged to. Bounds memory whatever the number of client addresses.
    public var maximumBuckets: Int

    /// A limit of `requestsPerSecond` with a burst of `burst` (default: the same number).
    ///
    /// Values below 1 are raised to 1.
    public init(requestsPerSecond: Int, burst: Int? = nil, maximumBuckets: Int = 100_000) {
        self.requestsPerSecond = max(1, requestsPerSecond)
        self.burst = max(1, burst ?? requestsPerSecond)
        self.maximumBuckets = max(1, maximumBuckets)
    }
}
