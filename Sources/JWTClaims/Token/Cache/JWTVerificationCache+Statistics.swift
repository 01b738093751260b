extension JWTVerificationCache {
    /// Counters of a ``JWTVerificationCache``, for export to metrics.
    ///
    /// `hits + misses` is the number of verifications that consulted the cache (a token over the verifier's size
    /// limit never does). Counters only grow; ``entryCount`` and ``byteCount`` describe the cache now.
    public struct Statistics: Hashable, Sendable {
        /// Verifications answered from the cache (the signature check skipped; the claims re-checked).
        public var hits = 0
        /// Verifications that found no entry and checked the signature.
        public var misses = 0
        /// Tokens stored after they passed every check.
        public var insertions = 0
        /// Entries removed to stay within the bounds.
        public var evictions = 0
        /// Entries removed because a hit found the token expired at the caller's `now`.
        public var expirations = 0
        /// The entries held now.
        public var entryCount = 0
        /// The bytes the entries are counted as now: for each, three times the token's length (the text, and its
        /// decoded header and claims) plus 256 bytes of bookkeeping.
        public var byteCount = 0

        /// Zero counters.
        public init() {}

        mutating func add(_ other: Statistics) {
            hits += other.hits
            misses += other.misses
            insertions += other.insertions
            evictions += other.evictions
            expirations += other.expirations
            entryCount += other.entryCount
            byteCount += other.byteCount
        }
    }
}
