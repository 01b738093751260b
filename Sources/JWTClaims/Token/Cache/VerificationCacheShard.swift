/// One shard of a ``JWTVerificationCache``: a dictionary from key to slot, and the slots swept by a CLOCK hand.
///
/// CLOCK (second chance) approximates LRU: each slot has a `referenced` flag that a hit sets; when room is needed
/// the hand walks the slots, clearing set flags and evicting the first slot whose flag was already clear. A hit
/// therefore writes one flag and moves nothing, which keeps the lock short and allocation-free; a full sweep is at
/// most one pass over the slots. Only ever used under its shard's lock.
struct VerificationCacheShard: Sendable {
    private struct Slot: Sendable {
        let key: VerificationCacheKey
        let verified: VerifiedJWT
        let cost: Int
        /// The token's `exp`, for the sweep: an expired entry is evicted first, whatever its flag.
        let expiration: ExactTime?
        var referenced: Bool
    }

    let maximumEntryCount: Int
    let maximumByteCount: Int
    private var index: [VerificationCacheKey: Int] = [:]
    /// Occupied slots (nil: freed by a removal, reused before the array grows).
    private var slots: [Slot?] = []
    private var freeSlots: [Int] = []
    private var hand = 0
    private(set) var statistics = JWTVerificationCache.Statistics()

    init(maximumEntryCount: Int, maximumByteCount: Int) {
        self.maximumEntryCount = maximumEntryCount
        self.maximumByteCount = maximumByteCount
    }

    /// The bytes an entry is counted as: the token text, its decoded header and claims (about twice the token's
    /// length as parsed JSON values), and a fixed 256 bytes of bookkeeping.
    static func cost(ofTokenByteCount byteCount: Int) -> Int {
        3 * byteCount + 256
    }

    /// The cached result for `key`, marking it recently used; counts a hit or a miss.
    mutating func lookUp(_ key: VerificationCacheKey) -> VerifiedJWT? {
        guard let position = index[key], let slot = slots[position] else {
            statistics.misses += 1
            return nil
        }
        statistics.hits += 1
        if !slot.referenced {
            slots[position]?.referenced = true
        }
        return slot.verified
    }

    /// Stores `verified` for `key`, evicting entries (expired ones at `now` first in the hand's path) until both
    /// bounds hold. A token too large for the shard's byte bound on its own is not stored.
    mutating func insert(_ verified: VerifiedJWT, for key: VerificationCacheKey, now: ExactTime) {
        let cost = Self.cost(ofTokenByteCount: key.token.utf8.count)
        guard cost <= maximumByteCount, index[key] == nil else { return }
        while statistics.entryCount >= maximumEntryCount || statistics.byteCount + cost > maximumByteCount {
            guard evictOne(now: now) else { return }
        }
        let slot = Slot(
            key: key,
            verified: verified,
            cost: cost,
            expiration: verified.claims.expiration?.exactTime,
            referenced: false
        )
        let position: Int
        if let free = freeSlots.popLast() {
            position = free
            slots[position] = slot
        } else {
            position = slots.count
            slots.append(slot)
        }
        index[key] = position
        statistics.insertions += 1
        statistics.entryCount += 1
        statistics.byteCount += cost
    }

    /// Removes the entry for `key`, found expired at the caller's clock.
    mutating func removeExpired(_ key: VerificationCacheKey) {
        guard let position = index[key] else { return }
        remove(at: position)
        statistics.expirations += 1
    }

    /// Forgets every entry.
    mutating func removeAll() {
        index.removeAll()
        slots.removeAll()
        freeSlots.removeAll()
        hand = 0
        statistics.entryCount = 0
        statistics.byteCount = 0
    }

    /// Advances the hand to the first occupied slot not referenced since it last passed, or expired at `now`, and
    /// evicts it. Returns false when there is nothing to evict.
    private mutating func evictOne(now: ExactTime) -> Bool {
        guard statistics.entryCount > 0 else { return false }
        // Two passes at most: the first may only clear flags.
        for _ in 0..<(2 * slots.count) {
            if hand >= slots.count {
                hand = 0
            }
            let position = hand
            hand += 1
            guard let slot = slots[position] else { continue }
            let isExpired = slot.expiration.map { $0 <= now } ?? false
            if slot.referenced && !isExpired {
                slots[position]?.referenced = false
                continue
            }
            remove(at: position)
            if isExpired {
                statistics.expirations += 1
            } else {
                statistics.evictions += 1
            }
            return true
        }
        return false
    }

    private mutating func remove(at position: Int) {
        guard let slot = slots[position] else { return }
        index[slot.key] = nil
        slots[position] = nil
        freeSlots.append(position)
        statistics.entryCount -= 1
        statistics.byteCount -= slot.cost
    }
}
