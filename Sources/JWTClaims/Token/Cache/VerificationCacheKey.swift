/// The key of a cache entry: the verifier's scope and the token's exact text.
///
/// Hashed and compared by the token's UTF-8 code units (``CodeUnitString``), never by Swift's canonical equivalence:
/// "K" and the Kelvin sign U+212A are equal `String`s, and a token spelt with the one must never find the entry of
/// the other (only the one spelt in Base64URL's ASCII verifies). The hash is computed once, with the process's
/// random seed, so an attacker cannot aim tokens at one bucket or one shard.
struct VerificationCacheKey: Hashable, Sendable {
    /// The verifier the entry belongs to.
    let scope: UInt64
    /// The token, compared in full on every hit.
    let token: String
    /// The seeded hash of both, computed once.
    let hash: Int

    init(scope: UInt64, token: String) {
        self.scope = scope
        self.token = token
        var hasher = Hasher()
        hasher.combine(scope)
        CodeUnitString.hash(token, into: &hasher)
        hash = hasher.finalize()
    }

    /// Which of `count` shards holds this key.
    func shardIndex(of count: Int) -> Int {
        // The low bits pick the dictionary bucket too; the high bits are as well mixed and independent of them.
        Int(UInt(bitPattern: hash) >> (UInt.bitWidth - 8)) % count
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    static func == (lhs: VerificationCacheKey, rhs: VerificationCacheKey) -> Bool {
        lhs.hash == rhs.hash && lhs.scope == rhs.scope && CodeUnitString.equal(lhs.token, rhs.token)
    }
}
