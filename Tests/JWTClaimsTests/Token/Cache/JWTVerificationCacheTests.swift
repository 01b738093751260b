import JWTClaims
import Testing

/// The verified-token cache: a hit skips only the signature check, everything time- and option-dependent is checked
/// again at the caller's `now`, entries are bounded and scoped to the verifier that made them, failures are never
/// stored, and a hit never answers for a different token.
@Suite("JWT verification cache")
struct JWTVerificationCacheTests {
    static let key = Result { try ES256.PrivateKey() }
    static let otherKey = Result { try ES256.PrivateKey() }

    static func token(_ claims: ClaimSet, key: Result<ES256.PrivateKey, any Error> = key) throws -> String {
        try JWTSigner(key: key.get()).sign(claims)
    }

    static func verifier(
        _ cache: JWTVerificationCache,
        _ options: JWTValidationOptions = JWTValidationOptions()
    ) throws -> JWTVerifier {
        JWTVerifier(key: try key.get().publicKey, options: options, cache: cache)
    }

    static func date(_ text: String) throws -> NumericDate {
        try #require(NumericDate(text))
    }

    /// Verifies and expects the error `code`.
    static func expectRejection(
        _ code: JWTError.Code,
        _ verifier: JWTVerifier,
        _ token: String,
        at now: NumericDate,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: JWTError.self, sourceLocation: sourceLocation) {
            _ = try verifier.verify(token, now: now)
        }
        #expect(error?.code == code, "\(error?.description ?? "")", sourceLocation: sourceLocation)
    }

    @Test("a repeated token is a hit with the same result as an uncached verify")
    func hit() throws {
        let cache = JWTVerificationCache()
        let verifier = try Self.verifier(cache)
        let token = try Self.token(["sub": "alice", "exp": 2000])
        let now = try Self.date("1000")
        let first = try verifier.verify(token, now: now)
        let second = try verifier.verify(token, now: now)
        let uncached = try JWTVerifier(key: Self.key.get().publicKey).verify(token, now: now)
        #expect(first == uncached)
        #expect(second == uncached)
        let statistics = cache.statistics
        #expect(statistics.misses == 1)
        #expect(statistics.hits == 1)
        #expect(statistics.insertions == 1)
        #expect(statistics.entryCount == 1)
        #expect(statistics.byteCount == 3 * token.utf8.count + 256)
        #expect(verifier.cache === cache)
    }

    @Test("exp on a hit: valid until exp + leeway, expired from then on, and the entry removed")
    func expirationOnHit() throws {
        let token = try Self.token(["exp": 1000])
        let cache = JWTVerificationCache()
        let verifier = try Self.verifier(cache)
        _ = try verifier.verify(token, now: Self.date("500"))
        _ = try verifier.verify(token, now: Self.date("999.999999999"))
        #expect(cache.statistics.hits == 1)
        Self.expectRejection(.expired, verifier, token, at: try Self.date("1000"))
        #expect(cache.statistics.hits == 2)
        #expect(cache.statistics.expirations == 1)
        #expect(cache.statistics.entryCount == 0)

        let lenient = try Self.verifier(cache, JWTValidationOptions(leeway: .seconds(30)))
        _ = try lenient.verify(token, now: Self.date("1000"))
        _ = try lenient.verify(token, now: Self.date("1029.999"))
        Self.expectRejection(.expired, lenient, token, at: try Self.date("1030"))
        #expect(cache.statistics.hits == 4)
        #expect(cache.statistics.expirations == 2)
    }

    @Test("nbf on a hit: refused before nbf - leeway, accepted from then on")
    func notBeforeOnHit() throws {
        let token = try Self.token(["nbf": 1000, "exp": 5000])
        let verifier = try Self.verifier(JWTVerificationCache())
        _ = try verifier.verify(token, now: Self.date("2000"))
        Self.expectRejection(.notYetValid, verifier, token, at: try Self.date("999.999"))
        _ = try verifier.verify(token, now: Self.date("1000"))
        let lenient = try Self.verifier(
            try #require(verifier.cache),
            JWTValidationOptions(leeway: .seconds(10))
        )
        _ = try lenient.verify(token, now: Self.date("2000"))
        _ = try lenient.verify(token, now: Self.date("990"))
        Self.expectRejection(.notYetValid, lenient, token, at: try Self.date("989.999"))
        #expect(verifier.cache?.statistics.hits == 4)
    }

    @Test("iat on a hit: refused when issued after now + leeway")
    func issuedAtOnHit() throws {
        let token = try Self.token(["iat": 1000])
        let cache = JWTVerificationCache()
        let verifier = try Self.verifier(cache)
        _ = try verifier.verify(token, now: Self.date("2000"))
        _ = try verifier.verify(token, now: Self.date("1000"))
        Self.expectRejection(.issuedInFuture, verifier, token, at: try Self.date("999.999"))
        #expect(cache.statistics.hits == 2)
        #expect(cache.statistics.entryCount == 1, "a token issued in the future at one now is valid at a later one")
    }

    @Test("a verifier with other options never sees the entries of the first")
    func optionChange() throws {
        let cache = JWTVerificationCache()
        let token = try Self.token(["aud": "shop", "exp": 5000])
        let now = try Self.date("1000")
        _ = try Self.verifier(cache).verify(token, now: now)
        let strict = try Self.verifier(cache, JWTValidationOptions(audiences: ["bank"]))
        Self.expectRejection(.wrongAudience, strict, token, at: now)
        Self.expectRejection(.wrongAudience, strict, token, at: now)
        let typed = try Self.verifier(cache, JWTValidationOptions(type: "at+jwt"))
        Self.expectRejection(.wrongType, typed, token, at: now)
        let statistics = cache.statistics
        #expect(statistics.hits == 0)
        #expect(statistics.misses == 4)
        #expect(statistics.insertions == 1, "failures are never stored")
    }

    @Test("after key rotation a token of the removed key is checked again and refused")
    func keyRotation() throws {
        let cache = JWTVerificationCache()
        let now = try Self.date("1000")
        let token = try Self.token(["sub": "alice"])
        let old = try Self.key.get().publicKey
        let new = try Self.otherKey.get().publicKey
        let before = JWTVerifier(
            keySet: JWKSet([JWKSet.Entry(keyID: "old", key: old), JWKSet.Entry(keyID: "new", key: new)]),
            cache: cache
        )
        let oldToken = try JWTSigner(key: Self.key.get(), keyID: "old").sign(["sub": "alice"])
        _ = try before.verify(oldToken, now: now)
        _ = try before.verify(oldToken, now: now)
        #expect(cache.statistics.hits == 1)
        let after = JWTVerifier(keySet: JWKSet([JWKSet.Entry(keyID: "new", key: new)]), cache: cache)
        Self.expectRejection(.unknownKeyID, after, oldToken, at: now)
        let single = JWTVerifier(key: new, cache: cache)
        Self.expectRejection(.invalidSignature, single, token, at: now)
        Self.expectRejection(.invalidSignature, single, oldToken, at: now)
        #expect(cache.statistics.hits == 1)
    }

    @Test("failures are never stored: a bad signature and a claim failure both miss every time")
    func failuresNotCached() throws {
        let cache = JWTVerificationCache()
        let verifier = try Self.verifier(cache, JWTValidationOptions(issuers: ["https://issuer"]))
        let now = try Self.date("1000")
        let wrongIssuer = try Self.token(["iss": "https://other"])
        let forged = try Self.token(["iss": "https://issuer"], key: Self.otherKey)
        for _ in 0..<3 {
            Self.expectRejection(.wrongIssuer, verifier, wrongIssuer, at: now)
            Self.expectRejection(.invalidSignature, verifier, forged, at: now)
        }
        let statistics = cache.statistics
        #expect(statistics.misses == 6)
        #expect(statistics.hits == 0)
        #expect(statistics.insertions == 0)
        #expect(statistics.entryCount == 0)
    }

    @Test("the entry bound holds and the oldest unreferenced entries go first")
    func entryBound() throws {
        let cache = JWTVerificationCache(maximumEntryCount: 8)
        let verifier = try Self.verifier(cache)
        let now = try Self.date("1000")
        let tokens = try (0..<64).map { index in try Self.token(["sub": .string("user\(index)")]) }
        for token in tokens {
            _ = try verifier.verify(token, now: now)
            #expect(cache.statistics.entryCount <= 8)
        }
        let statistics = cache.statistics
        #expect(statistics.insertions == 64)
        #expect(statistics.evictions == 64 - statistics.entryCount)
        #expect(statistics.entryCount >= 1)
        // Every token still verifies, cached or not.
        for (index, token) in tokens.enumerated() {
            #expect(try verifier.verify(token, now: now).claims.subject == "user\(index)")
        }
    }

    @Test("the byte bound holds, and a token larger than a shard's share is not stored")
    func byteBound() throws {
        let probe = try Self.token(["sub": "user0"])
        let cost = 3 * probe.utf8.count + 256
        // Room for two entries per shard.
        let cache = JWTVerificationCache(maximumByteCount: 8 * (2 * cost + cost / 2))
        let verifier = try Self.verifier(cache)
        let now = try Self.date("1000")
        for index in 0..<64 {
            _ = try verifier.verify(try Self.token(["sub": .string("user\(index)")]), now: now)
            #expect(cache.statistics.byteCount <= cache.maximumByteCount)
        }
        #expect(cache.statistics.evictions > 0)
        let large = try Self.token(["sub": .string(String(repeating: "x", count: 4 * cost))])
        _ = try verifier.verify(large, now: now)
        _ = try verifier.verify(large, now: now)
        #expect(cache.statistics.insertions == 64, "the large token was verified twice and stored never")
    }

    @Test("an expired entry in the hand's path is evicted before a live one")
    func expiredFirst() throws {
        // One entry per shard: every insertion into a full shard evicts.
        let cache = JWTVerificationCache(maximumEntryCount: 8)
        let verifier = try Self.verifier(cache)
        for index in 0..<32 {
            let token = try Self.token(["sub": .string("user\(index)"), "exp": 100])
            _ = try verifier.verify(token, now: Self.date("50"))
        }
        for index in 0..<32 {
            let token = try Self.token(["sub": .string("late\(index)")])
            _ = try verifier.verify(token, now: Self.date("500"))
        }
        let statistics = cache.statistics
        #expect(statistics.expirations > 0)
        #expect(statistics.evictions + statistics.expirations + statistics.entryCount == statistics.insertions)
    }

    @Test("removeAll empties the cache and keeps the counters")
    func removeAll() throws {
        let cache = JWTVerificationCache()
        let verifier = try Self.verifier(cache)
        let token = try Self.token(["sub": "alice"])
        _ = try verifier.verify(token, now: Self.date("1"))
        cache.removeAll()
        #expect(cache.statistics.entryCount == 0)
        #expect(cache.statistics.byteCount == 0)
        _ = try verifier.verify(token, now: Self.date("1"))
        #expect(cache.statistics.misses == 2)
        #expect(cache.statistics.insertions == 2)
    }

    @Test("never answers for a different token: near-identical tokens and canonically equal spellings")
    func nearIdenticalTokens() throws {
        let cache = JWTVerificationCache()
        let verifier = try Self.verifier(cache)
        let now = try Self.date("1000")
        var generator = SplitMix64(seed: 0x15CA_C4E)
        // Tokens whose claims differ in one character, each verified twice, interleaved.
        let tokens = try (0..<16).map { index in try Self.token(["sub": .string("user-\(index)"), "n": 1]) }
        for _ in 0..<3 {
            for (index, token) in tokens.enumerated().shuffled(using: &generator) {
                #expect(try verifier.verify(token, now: now).claims.subject == "user-\(index)")
            }
        }
        // Every one-character change of a cached token is a different token, and none of them verifies.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
        for token in tokens.prefix(4) {
            var characters = Array(token)
            for _ in 0..<64 {
                let position = Int(generator.next() % UInt64(characters.count))
                let original = characters[position]
                let replacement = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                guard replacement != original else { continue }
                characters[position] = replacement
                let variant = String(characters)
                characters[position] = original
                #expect(throws: JWTError.self, "\(variant)") { _ = try verifier.verify(variant, now: now) }
            }
        }
        // "K" and the Kelvin sign are equal Strings (canonical equivalence), but different tokens.
        #expect("\u{212A}" == "K")
        var withK: String?
        for index in 0..<64 where withK == nil {
            let candidate = try Self.token(["sub": .string("kelvin\(index)")])
            if candidate.contains("K") { withK = candidate }
        }
        let original = try #require(withK)
        _ = try verifier.verify(original, now: now)
        let kelvin = original.replacingFirstK()
        #expect(kelvin == original)
        #expect(Array(kelvin.utf8) != Array(original.utf8))
        let hitsBefore = cache.statistics.hits
        #expect(throws: JWTError.self) { _ = try verifier.verify(kelvin, now: now) }
        #expect(cache.statistics.hits == hitsBefore)
    }

    @Test("8 tasks hammering one cache with hits, misses and expiries agree with an uncached verifier")
    func hammering() async throws {
        let cache = JWTVerificationCache(maximumEntryCount: 16)
        let verifier = try Self.verifier(cache)
        let tokens = try (0..<24).map { index in
            try Self.token(["sub": .string("user\(index)"), "exp": JSONValue(1000 + index * 10)])
        }
        let forged = try Self.token(["sub": "mallory", "exp": 5000], key: Self.otherKey)
        let iterations = 300
        let outcomes = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var generator = SplitMix64(seed: UInt64(task + 1))
                    var wrong = 0
                    for _ in 0..<iterations {
                        let pick = Int(generator.next() % 26)
                        let now = NumericDate(secondsSince1970: 990 + Int64(generator.next() % 260))
                        if pick >= 24 {
                            if (try? verifier.verify(forged, now: now)) != nil { wrong += 1 }
                            continue
                        }
                        let index = pick
                        let expiry = Int64(1000 + index * 10)
                        do throws(JWTError) {
                            let verified = try verifier.verify(tokens[index], now: now)
                            if verified.claims.subject != "user\(index)" || now.secondsSince1970 >= expiry {
                                wrong += 1
                            }
                        } catch {
                            if error.code != .expired || now.secondsSince1970 < expiry { wrong += 1 }
                        }
                    }
                    return wrong
                }
            }
            var total = 0
            for try await wrong in group { total += wrong }
            return total
        }
        #expect(outcomes == 0)
        let statistics = cache.statistics
        #expect(statistics.hits + statistics.misses == 8 * iterations)
        #expect(statistics.entryCount <= 16)
        #expect(statistics.insertions == statistics.entryCount + statistics.evictions + statistics.expirations)
    }
}

extension String {
    /// The same text with its first "K" spelt as the Kelvin sign U+212A, which is canonically equivalent.
    fileprivate func replacingFirstK() -> String {
        guard let index = firstIndex(of: "K") else { return self }
        return String(self[..<index]) + "\u{212A}" + String(self[self.index(after: index)...])
    }
}
