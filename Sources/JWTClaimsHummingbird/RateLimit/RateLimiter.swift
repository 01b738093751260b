import Synchronization

/// Token buckets, one per API key and one per client address, under a ``RateLimit``.
///
/// State is a dictionary behind a mutex (each decision is a few arithmetic steps, so a lock is cheaper than an
/// actor hop). Memory is bounded by ``RateLimit/maximumBuckets``: a full bucket is the same as no bucket, so when the
/// table is full, full buckets are dropped first, then the quarter with the most tokens left - which can only favour
/// the clients they belonged to, never throttle anyone more.
final class RateLimiter: Sendable {
    /// Whose bucket a request draws from.
    enum Client: Hashable, Sendable {
        /// An authenticated API key.
        case apiKey(String)
        /// A client address (no key applies, or authentication failed).
        case address(String)
    }

    /// The outcome of one request.
    enum Decision: Equatable, Sendable {
        /// Allowed.
        case allowed
        /// Refused; the client may retry after this many whole seconds (at least 1).
        case limited(retryAfterSeconds: Int)
    }

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    /// The limit.
    let limit: RateLimit
    private let clock: ContinuousClock
    private let buckets: Mutex<[Client: Bucket]>

    /// A limiter with no buckets yet.
    init(limit: RateLimit) {
        self.limit = limit
        self.clock = ContinuousClock()
        self.buckets = Mutex([:])
    }

    /// Draws one request from `client`'s bucket.
    func admit(_ client: Client) -> Decision {
        admit(client, at: clock.now)
    }

    /// Draws one request from `client`'s bucket at `now` (tests pass their own instants).
    func admit(_ client: Client, at now: ContinuousClock.Instant) -> Decision {
        let rate = Double(limit.requestsPerSecond)
        let burst = Double(limit.burst)
        return buckets.withLock { table in
            var bucket = table[client] ?? Bucket(tokens: burst, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + max(0, seconds) * rate)
            bucket.updated = max(bucket.updated, now)
            let decision: Decision
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                decision = .allowed
            } else {
                let wait = (1 - bucket.tokens) / rate
                decision = .limited(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
            }
            if table[client] == nil && table.count >= limit.maximumBuckets {
                Self.evict(from: &table, now: now, rate: rate, burst: burst, limit: limit.maximumBuckets)
            }
            table[client] = bucket
            return decision
        }
    }

    /// How many buckets are kept (for tests of the memory bound).
    var bucketCount: Int {
        buckets.withLock { $0.count }
    }

    /// Makes room: drops the buckets that are full by now, then, if that freed nothing, the quarter with the most
    /// tokens (amortised: one sort per quarter of the table's inserts).
    private static func evict(
        from table: inout [Client: Bucket],
        now: ContinuousClock.Instant,
        rate: Double,
        burst: Double,
        limit: Int
    ) {
        func tokens(_ bucket: Bucket) -> Double {
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return min(burst, bucket.tokens + max(0, seconds) * rate)
        }
        table = table.filter { tokens($0.value) < burst }
        guard table.count >= limit else { return }
        let ranked = table.sorted { tokens($0.value) > tokens($1.value) }
        for (client, _) in ranked.prefix(max(1, limit / 4)) {
            table[client] = nil
        }
    }
}
