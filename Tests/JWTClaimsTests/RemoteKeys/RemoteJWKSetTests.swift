import JWTClaims
import Testing

@Suite("RemoteJWKSet")
struct RemoteJWKSetTests {
    static let url = "https://idp.example/.well-known/jwks.json"

    private func makeSet(
        _ fetcher: ScriptedFetcher,
        clock: ManualClock,
        configuration: RemoteJWKSet.Configuration = RemoteJWKSet.Configuration()
    ) throws -> RemoteJWKSet {
        try RemoteJWKSet(url: Self.url, fetcher: fetcher, configuration: configuration, clock: clock)
    }

    @Test("fetches the configured URL once under the configured limits, then serves the cache")
    func fetchesOnceAndCaches() async throws {
        let keys = try RemoteTestKeys(["a", "b"])
        let fetcher = ScriptedFetcher(.respond(keys.response()))
        let clock = ManualClock()
        var configuration = RemoteJWKSet.Configuration()
        configuration.maximumResponseSize = 4096
        configuration.timeout = .seconds(2)
        let set = try makeSet(fetcher, clock: clock, configuration: configuration)
        let a = try await set.key(forKeyID: "a")
        let b = try await set.key(forKeyID: "b")
        #expect(a == JWTVerificationKey(keys.keys[0].key.publicKey))
        #expect(b == JWTVerificationKey(keys.keys[1].key.publicKey))
        #expect(fetcher.count == 1)
        #expect(fetcher.requests == [JWKSetFetchRequest(url: Self.url, maximumBytes: 4096, timeout: .seconds(2))])
    }

    struct CacheCase: Sendable, CustomTestStringConvertible {
        let header: String?
        let expected: Duration
        var testDescription: String { "\(header ?? "no header") -> \(expected)" }
    }

    @Test(
        "caches for max-age clamped to the bounds",
        arguments: [
            CacheCase(header: "public, max-age=120", expected: .seconds(120)),
            CacheCase(header: "max-age=5", expected: .seconds(30)),
            CacheCase(header: "MAX-AGE=100000", expected: .seconds(600)),
            CacheCase(header: nil, expected: .seconds(600)),
            CacheCase(header: "public", expected: .seconds(600)),
            CacheCase(header: "no-store", expected: .seconds(30)),
            CacheCase(header: "max-age=abc", expected: .seconds(30)),
            CacheCase(header: "max-age=\"90\"", expected: .seconds(90)),
            CacheCase(header: "max-age=99999999999999999999999", expected: .seconds(600)),
        ]
    )
    func maxAgeClamp(_ cacheCase: CacheCase) async throws {
        let keys = try RemoteTestKeys(["a"])
        let fetcher = ScriptedFetcher(.respond(keys.response(cacheControl: cacheCase.header)))
        let clock = ManualClock()
        let set = try makeSet(fetcher, clock: clock)
        _ = try await set.key(forKeyID: "a")
        clock.advance(by: cacheCase.expected - .seconds(1))
        _ = try await set.key(forKeyID: "a")
        #expect(fetcher.count == 1, "still fresh one second before the cache time ends")
        clock.advance(by: .seconds(1))
        _ = try await set.key(forKeyID: "a")
        #expect(fetcher.count == 2, "fetched again when the cache time ends")
    }

    @Test("an unknown kid fetches again and finds a rotated key")
    func unknownKeyIDPicksUpRotation() async throws {
        let before = try RemoteTestKeys(["old"])
        let after = try RemoteTestKeys(["new"])
        let fetcher = ScriptedFetcher(.respond(before.response()))
        let clock = ManualClock()
        let set = try makeSet(fetcher, clock: clock)
        _ = try await set.key(forKeyID: "old")
        fetcher.answer(.respond(after.response()))
        clock.advance(by: .seconds(30))
        let key = try await set.key(forKeyID: "new")
        #expect(key == JWTVerificationKey(after.keys[0].key.publicKey))
        #expect(fetcher.count == 2)
        let gone = await #expect(throws: JWTError.self) { try await set.key(forKeyID: "old") }
        #expect(gone?.code == .unknownKeyID)
    }

    @Test("an unknown kid within the cool-down fails at once, without a fetch")
    func coolDown() async throws {
        let keys = try RemoteTestKeys(["a"])
        let fetcher = ScriptedFetcher(.respond(keys.response()))
        let clock = ManualClock()
        let set = try makeSet(fetcher, clock: clock)
        _ = try await set.key(forKeyID: "a")
        clock.advance(by: .seconds(29))
        let error = await #expect(throws: JWTError.self) { try await set.key(forKeyID: "x") }
        #expect(error?.code == .unknownKeyID)
        #expect(error?.reason.contains("cool-down") == true)
        #expect(error?.reason.contains("\"\(Self.url)\"") == true)
        #expect(fetcher.count == 1)
        clock.advance(by: .seconds(1))
        let again = await #expect(throws: JWTError.self) { try await set.key(forKeyID: "x") }
        #expect(again?.code == .unknownKeyID)
        #expect(fetcher.count == 2, "the cool-down has passed: one more fetch")
    }

    @Test("random kids cannot drive more than one fetch per cool-down")
    func randomKeyIDsAreBounded() async throws {
        let keys = try RemoteTestKeys(["a"])
        let fetcher = ScriptedFetcher(.respond(keys.response(cacheControl: "max-age=600")))
        let clock = ManualClock()
        let set = try makeSet(fetcher, clock: clock)
        var generator = SplitMix64(seed: 14)
        // 1200 tokens over 120 simulated seconds, each with a fresh random kid.
        for second in 0..<120 {
            for _ in 0..<10 {
                let kid = String(generator.next(), radix: 36)
                await #expect(throws: JWTError.self) { try await set.key(forKeyID: kid) }
            }
            #expect(fetcher.count == 1 + second / 30)
            clock.advance(by: .seconds(1))
        }
        #expect(fetcher.count == 4)
    }

    @Test("50 concurrent callers share one fetch (single flight)")
    func singleFlight() async throws {
        let keys = try RemoteTestKeys(["a"])
        let fetcher = ScriptedFetcher(.gated(keys.response()))
        let clock = ManualClock()
        let set = try makeSet(fetcher, clock: clock)
        let expected = JWTVerificationKey(keys.keys[0].key.publicKey)
        try await withThrowingTaskGroup(of: JWTVerificationKey.self) { group in
            for _ in 0..<50 {
                group.addTask { try await set.key(forKeyID: "a") }
            }
            // Let every caller arrive while the one fetch waits at the gate.
            while fetcher.waiting == 0 {
                await Task.yield()
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(fetcher.count == 1)
            fetcher.openGate()
            var results = 0
            for try await key in group {
                #expect(key == expected)
                results += 1
            }
            #expect(results == 50)
        }
        #expect(fetcher.count == 1)
    }

    @Test("50 concurrent callers with an unknown kid share one refetch")
    func singleFlightOnUnknownKeyID() async throws {
        let before = try RemoteTestKeys(["a"])
        let after = try RemoteTestKeys(["b"])
        let fetcher = ScriptedFetcher(.respond(before.response()))
        let clock = ManualClock()
        let set = try makeSet(fetcher, clock: clock)
        _ = try await set.key(forKeyID: "a")
        clock.advance(by: .seconds(31))
        fetcher.answer(.gated(after.response()))
        try await withThrowingTaskGroup(of: JWTVerificationKey.self) { group in
            for _ in 0..<50 {
                group.addTask { try await set.key(forKeyID: "b") }
            }
            while fetcher.waiting == 0 {
                await Task.yield()
            }
            try await Task.sleep(for: .milliseconds(300))
            fetcher.openGate()
            var results = 0
            for try await _ in group {
                results += 1
            }
            #expect(results == 50)
        }
        #expect(fetcher.count == 2)
    }

    @Test("a failed fetch serves the last good set for the stale period, then fails with a typed error")
    func staleWindow() async throws {
        let keys = try RemoteTestKeys(["a"])
        let fetcher = ScriptedFetcher(.respond(keys.response(cacheControl: "max-age=300")))
        let clock = ManualClock()
        let set = try makeSet(fetcher, clock: clock)
        _ = try await set.key(forKeyID: "a")
        fetcher.answer(.fail("connection refused"))
        clock.advance(by: .seconds(300))
        _ = try await set.key(forKeyID: "a")
        #expect(fetcher.count == 2, "the expired set was fetched again, failed, and served stale")
        clock.advance(by: .seconds(3599))
        _ = try await set.key(forKeyID: "a")
        #expect(fetcher.count == 3)
        clock.advance(by: .seconds(1))
        let error = await #expect(throws: JWTError.self) { try await set.key(forKeyID: "a") }
        #expect(error?.code == .keySetUnavailable)
        #expect(error?.reason.contains("\"\(Self.url)\"") == true)
        #expect(error?.reason.contains("stale limit") == true)
        #expect(error?.reason.contains("connection refused") == true)
        #expect(error?.underlyingError is ScriptedFetcher.TransportError)
        // The server comes back: the next fetch (after the cool-down) restores service.
        fetcher.answer(.respond(keys.response()))
        clock.advance(by: .seconds(30))
        _ = try await set.key(forKeyID: "a")
    }

    @Test("with no set ever fetched a failure is keySetUnavailable, and retries wait for the cool-down")
    func neverFetched() async throws {
        let fetcher = ScriptedFetcher(.fail("no route to host"))
        let clock = ManualClock()
        let set = try makeSet(fetcher, clock: clock)
        for _ in 0..<5 {
            let error = await #expect(throws: JWTError.self) { try await set.key(forKeyID: "a") }
            #expect(error?.code == .keySetUnavailable)
            #expect(error?.reason.contains("no route to host") == true)
        }
        #expect(fetcher.count == 1)
    }

    @Test("a body over the size limit is refused even if the fetcher returns it")
    func sizeLimit() async throws {
        let fetcher = ScriptedFetcher(
            .respond(JWKSetFetchResponse(status: 200, cacheControl: nil, body: Array(repeating: 0x20, count: 2001)))
        )
        var configuration = RemoteJWKSet.Configuration()
        configuration.maximumResponseSize = 2000
        let set = try makeSet(fetcher, clock: ManualClock(), configuration: configuration)
        let error = await #expect(throws: JWTError.self) { try await set.keySet() }
        #expect(error?.code == .keySetUnavailable)
        #expect(error?.reason.contains("2001 bytes; the limit is 2000") == true)
        #expect(fetcher.requests.first?.maximumBytes == 2000)
    }

    struct BadResponse: Sendable, CustomTestStringConvertible {
        let name: String
        let response: JWKSetFetchResponse
        let reasonPart: String
        var testDescription: String { name }
    }

    @Test(
        "a bad response is keySetUnavailable, naming the URL and the cause",
        arguments: [
            BadResponse(
                name: "status 404",
                response: JWKSetFetchResponse(status: 404, cacheControl: nil, body: Array("{}".utf8)),
                reasonPart: "status 404"
            ),
            BadResponse(
                name: "not JSON",
                response: JWKSetFetchResponse(status: 200, cacheControl: nil, body: Array("<html>".utf8)),
                reasonPart: "not a usable JWK Set"
            ),
            BadResponse(
                name: "no usable key",
                response: JWKSetFetchResponse(
                    status: 200,
                    cacheControl: nil,
                    body: Array(#"{"keys":[{"kty":"EC","crv":"P-256","x":"AA","y":"AA","use":"enc"}]}"#.utf8)
                ),
                reasonPart: "holds no usable key"
            ),
        ]
    )
    func badResponses(_ bad: BadResponse) async throws {
        let set = try makeSet(ScriptedFetcher(.respond(bad.response)), clock: ManualClock())
        let error = await #expect(throws: JWTError.self) { try await set.key(forKeyID: "a") }
        #expect(error?.code == .keySetUnavailable)
        #expect(error?.reason.contains(bad.reasonPart) == true)
        #expect(error?.reason.contains("\"\(Self.url)\"") == true)
    }

    @Test("a fetch that outlives the timeout is abandoned")
    func timeout() async throws {
        let fetcher = ScriptedFetcher(.hang)
        let clock = ManualClock()
        var configuration = RemoteJWKSet.Configuration()
        configuration.timeout = .seconds(3)
        let set = try makeSet(fetcher, clock: clock, configuration: configuration)
        let lookup = Task { try await set.key(forKeyID: "a") }
        while clock.sleeperCount == 0 {
            await Task.yield()
        }
        clock.advance(by: .seconds(3))
        let error = await #expect(throws: JWTError.self) { try await lookup.value }
        #expect(error?.code == .keySetUnavailable)
        #expect(error?.reason.contains("longer than the timeout of 3 s") == true)
    }

    struct URLCase: Sendable, CustomTestStringConvertible {
        let url: String
        let accepted: Bool
        var testDescription: String { url }
    }

    @Test(
        "accepts https, and plain http to loopback only",
        arguments: [
            URLCase(url: "https://idp.example/jwks", accepted: true),
            URLCase(url: "HTTPS://IDP.example:8443/jwks?x=1", accepted: true),
            URLCase(url: "http://127.0.0.1:8080/jwks", accepted: true),
            URLCase(url: "http://localhost/jwks", accepted: true),
            URLCase(url: "http://[::1]:9000/jwks", accepted: true),
            URLCase(url: "http://idp.example/jwks", accepted: false),
            URLCase(url: "http://127.0.0.1.evil.example/jwks", accepted: false),
            URLCase(url: "http://localhost@evil.example/jwks", accepted: false),
            URLCase(url: "https://user:pass@idp.example/jwks", accepted: false),
            URLCase(url: "ftp://idp.example/jwks", accepted: false),
            URLCase(url: "https:///jwks", accepted: false),
            URLCase(url: "https://idp.example/jwks\n", accepted: false),
            URLCase(url: "/jwks", accepted: false),
        ]
    )
    func urls(_ urlCase: URLCase) throws {
        let fetcher = ScriptedFetcher(.fail("unused"))
        if urlCase.accepted {
            _ = try RemoteJWKSet(url: urlCase.url, fetcher: fetcher)
        } else {
            let error = #expect(throws: JWTError.self) { try RemoteJWKSet(url: urlCase.url, fetcher: fetcher) }
            #expect(error?.code == .invalidKeySetURL)
            #expect(error?.reason.contains("JWK Set URL \"") == true)
        }
    }
}
