import Testing

@testable import JWTClaims

/// The pool of OpenSSL contexts behind every key: one context in an atomic slot, the rest in a locked list, never more
/// than `capacity` idle, and every context handed out to one caller at a time. Driven through real HMAC keys, whose
/// MACs are checked, so a context handed to two callers at once or one freed while in use shows as a wrong MAC or a
/// crash under the sanitizers.
@Suite("OpenSSL context pool")
struct ContextPoolTests {
    /// The most idle contexts a key keeps. Read through an instance, so that no test names the OpenSSL backend's types
    /// (the `.ci/run` fence keeps them inside Sources/JWTClaims/Signing/).
    private static let capacity: Int = {
        guard let key = try? HMAC.Key(bytes: Array(repeating: 1, count: 32), algorithm: .hs256) else { return 0 }
        return type(of: key.backing.contexts).capacity
    }()

    /// A fresh HS256 key over `secret`, with a context pool of its own.
    private static func key(_ secret: [UInt8]) throws -> HMAC.Key {
        try HMAC.Key(bytes: secret, algorithm: .hs256)
    }

    @Test("one caller at a time reuses one context; none is kept before the first MAC")
    func sequentialUseKeepsOne() throws {
        let key = try Self.key(Array(repeating: 7, count: 32))
        #expect(key.backing.contexts.idleCount == 0)
        let first = try key.signature(for: Array("first".utf8))
        for _ in 0..<50 {
            #expect(try key.signature(for: Array("first".utf8)) == first)
            #expect(key.isValidSignature(first, for: Array("first".utf8)))
            #expect(key.backing.contexts.idleCount == 1)
        }
    }

    @Test("contexts taken at once are distinct, and giving them back keeps at most the capacity")
    func capacityBoundsIdleContexts() throws {
        let key = try Self.key(Array(repeating: 9, count: 32))
        let pool = key.backing.contexts
        let wanted = Self.capacity + 5
        var taken: [OpaquePointer] = unsafe []
        for _ in 0..<wanted {
            unsafe taken.append(try pool.take(make: key.backing.makeContext))
        }
        let addresses = unsafe Set(taken.map { UInt(bitPattern: Int(bitPattern: $0)) })
        #expect(addresses.count == wanted)
        #expect(pool.idleCount == 0)
        for index in 0..<wanted {
            unsafe pool.giveBack(taken[index])
        }
        #expect(pool.idleCount == Self.capacity)
        // Every context that stayed still computes the right MAC.
        let expected = try Self.key(Array(repeating: 9, count: 32)).signature(for: Array("after".utf8))
        for _ in 0..<Self.capacity + 2 {
            #expect(try key.signature(for: Array("after".utf8)) == expected)
        }
    }

    @Test("a discarded context is not reused")
    func discardedContextIsFreed() throws {
        let key = try Self.key(Array(repeating: 3, count: 32))
        let pool = key.backing.contexts
        let context = try unsafe pool.take(make: key.backing.makeContext)
        unsafe pool.discard(context)
        #expect(pool.idleCount == 0)
        _ = try key.signature(for: Array("x".utf8))
        #expect(pool.idleCount == 1)
    }

    @Test("16 tasks × 500 MACs on one key at once all come out right")
    func concurrentCallersGetTheirOwnContexts() async throws {
        let key = try Self.key(Array(0..<48))
        let messages = (0..<16).map { Array("message \($0)".utf8) }
        let expected = try messages.map { try Self.key(Array(0..<48)).signature(for: $0) }
        let wrong = try await withThrowingTaskGroup(of: Int.self) { group in
            for (index, message) in messages.enumerated() {
                group.addTask {
                    var wrong = 0
                    for _ in 0..<500 {
                        let code = try key.signature(for: message)
                        if code != expected[index] || !key.isValidSignature(code, for: message) {
                            wrong += 1
                        }
                    }
                    return wrong
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(wrong == 0)
        #expect((1...Self.capacity).contains(key.backing.contexts.idleCount))
    }
}
