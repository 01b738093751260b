extension RemoteJWKSet {
    /// The timing and size rules of a ``RemoteJWKSet``.
    ///
    /// The defaults follow panva/jose's `createRemoteJWKSet` where it has one (a 30 s cool-down, a 10-minute cache),
    /// and bound what it leaves open (staleness, response size, timeout).
    public struct Configuration: Sendable, Hashable {
        /// The shortest time a fetched set is used before it is fetched again, whatever the response's
        /// `Cache-Control` says (`max-age=0` and `no-cache` included). Default 30 seconds.
        public var minimumCacheDuration: Duration
        /// The longest time a fetched set is used before it is fetched again; also the time for a response without
        /// a usable `max-age`. Default 10 minutes.
        public var maximumCacheDuration: Duration
        /// The least time between the starts of two fetches, however many unknown `kid`s or failures arrive in
        /// between: random `kid`s cannot drive more than one fetch per cool-down. Default 30 seconds.
        public var coolDown: Duration
        /// How long after its cache time a set is still used when fetching a new one fails; after that, every key
        /// lookup fails with ``JWTError/Code/keySetUnavailable`` until a fetch succeeds. Default 1 hour.
        public var maximumStaleness: Duration
        /// The largest response body accepted, in bytes. Default 256 KiB.
        public var maximumResponseSize: Int
        /// The longest one fetch may take, body included. Default 5 seconds.
        public var timeout: Duration
        /// The algorithm of RSA and `oct` keys that have no `alg` member, as in
        /// ``JWKSet/init(parsing:maximumKeyCount:options:defaultAlgorithm:)-(Collection<UInt8>,_,_,_)``; nil (the
        /// default) skips such keys.
        public var defaultAlgorithm: JWSAlgorithm?

        /// The default rules, or the ones given.
        public init(
            minimumCacheDuration: Duration = .seconds(30),
            maximumCacheDuration: Duration = .seconds(600),
            coolDown: Duration = .seconds(30),
            maximumStaleness: Duration = .seconds(3600),
            maximumResponseSize: Int = 262_144,
            timeout: Duration = .seconds(5),
            defaultAlgorithm: JWSAlgorithm? = nil
        ) {
            self.minimumCacheDuration = minimumCacheDuration
            self.maximumCacheDuration = maximumCacheDuration
            self.coolDown = coolDown
            self.maximumStaleness = maximumStaleness
            self.maximumResponseSize = maximumResponseSize
            self.timeout = timeout
            self.defaultAlgorithm = defaultAlgorithm
        }

        /// The cache time for a response with this `Cache-Control` value: its `max-age` clamped to the bounds;
        /// ``maximumCacheDuration`` without a usable `max-age`; ``minimumCacheDuration`` for `no-cache`,
        /// `no-store` or `max-age=0`.
        func cacheDuration(forCacheControl header: String?) -> Duration {
            let lower = minimumCacheDuration
            let upper = max(maximumCacheDuration, lower)
            guard let header, let directive = CacheControl(header).maxAge else {
                return upper
            }
            return min(max(directive, lower), upper)
        }
    }
}
