import Synchronization

/// A bounded cache of tokens that verified, which lets a ``JWTVerifier`` skip the signature check when it sees the
/// same token again.
///
/// An API server verifies the same access token on every request of a session, and each verification pays for a
/// full signature check (about 70 µs for ES256, more for RSA). With a cache, a repeated token costs a hash of its
/// text, a lookup and the claim checks. Opt-in: pass one to
/// ``JWTVerifier/init(key:options:cache:)-(JWTVerificationKey,_,_)`` or ``JWTVerifier/init(keySet:options:cache:)``.
///
/// What a hit skips and what it does not:
/// - A hit skips **only** the signature check (and the decoding that precedes it). Every time- and option-dependent
///   check (`exp`, `nbf` and `iat` with the leeway, `typ`, issuer, audience, required claims) runs again at the
///   caller's `now`, so a cached token expires exactly when an uncached one would; an entry found expired is removed.
/// - Entries are keyed by the token's exact text (its UTF-8 code units, never Swift's canonical equivalence) and by
///   the verifier that made them: each verifier created with a cache gets a scope of its own, so a verifier with a
///   new key set or new options (key rotation, a revoked key taken out) never sees entries made under the old ones.
/// - Only tokens that passed every check are stored; a failure is never cached, so tokens an attacker makes up can
///   only cost misses, never fill the cache.
/// - The cache is bounded by ``maximumEntryCount`` and ``maximumByteCount``, and evicts with CLOCK (second chance):
///   a hit sets one flag instead of relinking a list, which keeps the critical section of a hit short, and entries
///   hit since the hand last passed survive.
/// - It is safe to share between tasks and threads: it is split into shards, each behind its own lock, and no lock
///   is held while a signature is checked.
///
/// Don't use it when a token must stop working before its `exp` (a deny-list or a revocation check that must take
/// effect at once): a cached token keeps verifying until its `exp` as long as the verifier is the same. Run such a
/// check on ``VerifiedJWT`` after every verification, cached or not, or make a new verifier (a new scope) when a key
/// is revoked. See the article "Caching verified tokens".
public final class JWTVerificationCache: Sendable {
    /// How many shards the cache is split into: each has its own lock, so concurrent hits on different tokens rarely
    /// wait for each other.
    static let shardCount = 8

    /// The most entries the cache holds.
    public let maximumEntryCount: Int
    /// The most bytes the entries are estimated to take (see ``Statistics/byteCount``).
    public let maximumByteCount: Int

    /// One shard behind its own lock. A class because a `Mutex` cannot be copied into an array; each is a separate
    /// allocation, so two shards' locks never share a cache line.
    private final class LockedShard: Sendable {
        let state: Mutex<VerificationCacheShard>

        init(_ shard: VerificationCacheShard) {
            state = Mutex(shard)
        }
    }

    private let shards: [LockedShard]
    /// The source of verifier scopes; never reused, so an entry can never be mistaken for another verifier's.
    private let nextScope = Atomic<UInt64>(0)

    /// A cache holding at most `maximumEntryCount` tokens and about `maximumByteCount` bytes.
    ///
    /// The defaults (10,000 entries, 16 MiB) suit a service: a 1 KiB token costs about 3.3 KiB, so the byte bound
    /// holds about 5,000 such tokens. Both bounds are split evenly between the shards; values below 1 are taken
    /// as 1 per shard.
    ///
    /// - Parameters:
    ///   - maximumEntryCount: the most entries.
    ///   - maximumByteCount: the most bytes, estimated as described at ``Statistics/byteCount``.
    public init(maximumEntryCount: Int = 10_000, maximumByteCount: Int = 16 << 20) {
        self.maximumEntryCount = max(maximumEntryCount, 1)
        self.maximumByteCount = max(maximumByteCount, 1)
        let shardCount = Self.shardCount
        let entriesPerShard = max(1, self.maximumEntryCount / shardCount)
        let bytesPerShard = max(1, self.maximumByteCount / shardCount)
        shards = (0..<shardCount).map { _ in
            LockedShard(VerificationCacheShard(maximumEntryCount: entriesPerShard, maximumByteCount: bytesPerShard))
        }
    }

    /// What the cache has done since it was made: hits, misses, insertions, evictions, expirations, and what it
    /// holds now. A consistent sum of the shards' counters, each read under its lock.
    public var statistics: Statistics {
        var total = Statistics()
        for shard in shards {
            let counted = shard.state.withLock { $0.statistics }
            total.add(counted)
        }
        return total
    }

    /// Forgets every entry (the counters are kept).
    public func removeAll() {
        for shard in shards {
            shard.state.withLock { $0.removeAll() }
        }
    }

    /// A scope for one verifier: its entries are seen by that verifier (and its copies) only.
    func makeScope() -> UInt64 {
        nextScope.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// Verifies `token` for the verifier of `scope`: from the cache when an entry exists, re-checking the claims
    /// with `options` at `now`, or through `verifySignature` (called with no lock held), storing the result only if
    /// it then passes the claim checks.
    func verify(
        _ token: String,
        scope: UInt64,
        now: NumericDate,
        options: JWTValidationOptions,
        verifySignature: () throws(JWTError) -> VerifiedJWT
    ) throws(JWTError) -> VerifiedJWT {
        let key = VerificationCacheKey(scope: scope, token: token)
        let shard = shards[key.shardIndex(of: shards.count)]
        if let cached = shard.state.withLock({ $0.lookUp(key) }) {
            do throws(JWTError) {
                try options.validate(header: cached.header, claims: cached.claims, now: now)
            } catch {
                if error.code == .expired {
                    // An entry never outlives its token: once it is past exp at the caller's clock, it goes.
                    shard.state.withLock { $0.removeExpired(key) }
                }
                throw error
            }
            return cached
        }
        let verified = try verifySignature()
        try options.validate(header: verified.header, claims: verified.claims, now: now)
        shard.state.withLock { $0.insert(verified, for: key, now: now.exactTime) }
        return verified
    }
}
