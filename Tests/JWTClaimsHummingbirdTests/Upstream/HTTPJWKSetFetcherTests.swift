import AsyncHTTPClient
import JWTClaims
import JWTClaimsHummingbird
import Testing

/// `HTTPJWKSetFetcher` and `RemoteJWKSet` against a real Hummingbird server on 127.0.0.1 (real clock, short times).
@Suite("HTTPJWKSetFetcher against a loopback issuer")
struct HTTPJWKSetFetcherTests {
    static func rsaKey() throws -> JWTSigningKey {
        JWTSigningKey(try RSA.PrivateKey(algorithm: .rs256))
    }

    /// Runs `body` with a fetcher over a fresh client, shut down afterwards.
    static func withFetcher<Value: Sendable>(
        connectTimeout: Duration = .seconds(2),
        _ body: (HTTPJWKSetFetcher) async throws -> Value
    ) async throws -> Value {
        let client = HTTPJWKSetFetcher.makeClient(connectTimeout: connectTimeout, readTimeout: .seconds(2))
        do {
            let value = try await body(HTTPJWKSetFetcher(client: client))
            try await client.shutdown()
            return value
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    @Test("fetches the key set, honours Cache-Control, and picks up a rotation through an unknown kid")
    func fetchCacheRotate() async throws {
        let first = try Self.rsaKey()
        let second = try JWTSigningKey(ES256.PrivateKey())
        let server = UpstreamServer(keys: [("k1", first)], cacheControl: "public, max-age=1")
        try await Self.withFetcher { fetcher in
            try await server.run { base in
                var configuration = RemoteJWKSet.Configuration()
                configuration.minimumCacheDuration = .zero
                configuration.coolDown = .zero
                let set = try RemoteJWKSet(url: base + "/jwks", fetcher: fetcher, configuration: configuration)
                #expect(try await set.key(forKeyID: "k1") == first.verificationKey)
                #expect(try await set.key(forKeyID: "k1").algorithm == .rs256)
                #expect(server.fetches == 1, "the second lookup was served from the cache")
                try await Task.sleep(for: .milliseconds(1100))
                _ = try await set.key(forKeyID: "k1")
                #expect(server.fetches == 2, "max-age=1 expired: fetched again")
                server.publish([("k2", second), ("k1", first)])
                #expect(try await set.key(forKeyID: "k2") == second.verificationKey)
                #expect(server.fetches == 3, "the unknown kid fetched the rotated set")
            }
        }
    }

    @Test("server down: the last good set is served stale, then a typed error names the URL")
    func serverDown() async throws {
        let key = try Self.rsaKey()
        let server = UpstreamServer(keys: [("k1", key)], cacheControl: "max-age=1")
        try await Self.withFetcher { fetcher in
            var configuration = RemoteJWKSet.Configuration()
            configuration.minimumCacheDuration = .zero
            configuration.coolDown = .zero
            // Generous: stopping the live server alone took about 2 s on a loaded machine.
            configuration.maximumStaleness = .seconds(8)
            let rules = configuration
            let (set, url) = try await server.run { base in
                let set = try RemoteJWKSet(url: base + "/jwks", fetcher: fetcher, configuration: rules)
                _ = try await set.key(forKeyID: "k1")
                return (set, base + "/jwks")
            }
            // The server is gone now.
            try await Task.sleep(for: .milliseconds(1100))
            #expect(try await set.key(forKeyID: "k1") == key.verificationKey, "stale, within the stale period")
            try await Task.sleep(for: .milliseconds(8000))
            let error = await #expect(throws: JWTError.self) { try await set.key(forKeyID: "k1") }
            #expect(error?.code == .keySetUnavailable)
            #expect(error?.reason.contains("\"\(url)\"") == true)
            #expect(error?.reason.contains("stale limit") == true)
        }
    }

    @Test("a refused connection fails the fetch with the connection's error, not at the fetch's deadline")
    func refusedConnectionFailsAtOnce() async throws {
        // Nothing listens on port 1 of the loopback address: every connection attempt is refused at once.
        // With AsyncHTTPClient's default (retry the connection with back-off until the connect timeout) the fetch took
        // the whole connect timeout. The timeout is long so that the bound below tells the two apart even when the
        // machine stalls this test for half a minute (CI once measured 15.7 s for the fixed client on a loaded run).
        let request = JWKSetFetchRequest(url: "http://127.0.0.1:1/jwks", maximumBytes: 65_536, timeout: .seconds(180))
        let (failure, elapsed) = try await Self.withFetcher(connectTimeout: .seconds(180)) { fetcher in
            let started = ContinuousClock.now
            do {
                _ = try await fetcher.fetch(request)
                return ((any Error)?.none, ContinuousClock.now - started)
            } catch {
                return (error, ContinuousClock.now - started)
            }
        }
        let error = try #require(failure, "a fetch from a closed port succeeded")
        #expect(elapsed < .seconds(90), "the refused connection was retried until the connect timeout")
        #expect(!(error is HTTPJWKSetFetcher.FetchError), "\(error)")
        #expect(String(describing: error).lowercased().contains("refused"), "\(error)")
    }

    @Test("a chunked body over the limit is cut off while streaming, within seconds")
    func streamingCap() async throws {
        // The bound is far below the fetch's timeout, and far above the milliseconds the cut-off takes: the whole
        // suite shares two cores, and a test can stand still for half a minute while others run.
        let server = UpstreamServer(keys: [])
        try await Self.withFetcher { fetcher in
            try await server.run { base in
                let started = ContinuousClock.now
                let error = await #expect(throws: HTTPJWKSetFetcher.FetchError.self) {
                    try await fetcher.fetch(
                        JWKSetFetchRequest(url: base + "/big", maximumBytes: 65536, timeout: .seconds(180))
                    )
                }
                #expect(error?.description.contains("over the limit of 65536 bytes") == true)
                #expect(ContinuousClock.now - started < .seconds(90), "the body was read to the fetch's timeout")
                let declared = await #expect(throws: HTTPJWKSetFetcher.FetchError.self) {
                    try await fetcher.fetch(
                        JWKSetFetchRequest(url: base + "/declared", maximumBytes: 65536, timeout: .seconds(10))
                    )
                }
                #expect(declared?.description.contains("declares 1048576 bytes") == true)
                try await Task.sleep(for: .milliseconds(300))
            }
        }
    }

    @Test("through RemoteJWKSet: an oversized response or a 404 is keySetUnavailable")
    func remoteSetFailures() async throws {
        let server = UpstreamServer(keys: [])
        try await Self.withFetcher { fetcher in
            try await server.run { base in
                var configuration = RemoteJWKSet.Configuration()
                configuration.maximumResponseSize = 65536
                let big = try RemoteJWKSet(url: base + "/big", fetcher: fetcher, configuration: configuration)
                let tooLarge = await #expect(throws: JWTError.self) { try await big.keySet() }
                #expect(tooLarge?.code == .keySetUnavailable)
                #expect(tooLarge?.reason.contains("over the limit") == true)
                let missing = try RemoteJWKSet(url: base + "/missing", fetcher: fetcher)
                let notFound = await #expect(throws: JWTError.self) { try await missing.keySet() }
                #expect(notFound?.reason.contains("status 404") == true)
            }
        }
    }

    @Test("refuses plain http to a host that is not loopback, before any connection")
    func refusesInsecureURL() async throws {
        try await Self.withFetcher { fetcher in
            let error = await #expect(throws: JWTError.self) {
                try await fetcher.fetch(
                    JWKSetFetchRequest(url: "http://idp.example/jwks", maximumBytes: 1024, timeout: .seconds(1))
                )
            }
            #expect(error?.code == .invalidKeySetURL)
        }
    }
}
