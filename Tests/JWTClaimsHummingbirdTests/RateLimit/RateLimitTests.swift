import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsWireFormat
import NIOCore
import Testing

@testable import JWTClaimsHummingbird

/// The token buckets, alone and through the routes.
@Suite("Rate limits")
struct RateLimitTests {
    @Test("a bucket allows its burst, then refuses with Retry-After, and refills at the rate")
    func bucket() {
        let limiter = RateLimiter(limit: RateLimit(requestsPerSecond: 2, burst: 3))
        let start = ContinuousClock.now
        let key = RateLimiter.Client.apiKey("a")
        for _ in 0..<3 { #expect(limiter.admit(key, at: start) == .allowed) }
        #expect(limiter.admit(key, at: start) == .limited(retryAfterSeconds: 1))
        #expect(limiter.admit(.apiKey("b"), at: start) == .allowed, "one key's burst never throttles another")
        #expect(limiter.admit(key, at: start + .milliseconds(500)) == .allowed)
        #expect(limiter.admit(key, at: start + .milliseconds(500)) == .limited(retryAfterSeconds: 1))
        let slow = RateLimiter(limit: RateLimit(requestsPerSecond: 1, burst: 1))
        #expect(slow.admit(key, at: start) == .allowed)
        #expect(slow.admit(key, at: start + .milliseconds(100)) == .limited(retryAfterSeconds: 1))
    }

    @Test("memory stays bounded whatever the number of clients")
    func bounded() {
        let limiter = RateLimiter(limit: RateLimit(requestsPerSecond: 1, burst: 5, maximumBuckets: 100))
        let start = ContinuousClock.now
        for index in 0..<10_000 {
            _ = limiter.admit(.address("10.0.\(index / 256).\(index % 256)"), at: start)
        }
        #expect(limiter.bucketCount <= 100)
        // Full buckets go first: a client that used its burst survives a flood of idle ones.
        let hot = RateLimiter.Client.apiKey("hot")
        let small = RateLimiter(limit: RateLimit(requestsPerSecond: 1, burst: 2, maximumBuckets: 8))
        #expect(small.admit(hot, at: start) == .allowed)
        #expect(small.admit(hot, at: start) == .allowed)
        for index in 0..<50 { _ = small.admit(.address("b\(index)"), at: start + .seconds(10)) }
        #expect(small.bucketCount <= 8)
    }

    @Test("routes: 429 rate_limited with Retry-After per key; failed authentication draws from the address")
    func routes() async throws {
        let fixture = try ServiceFixture(rateLimit: RateLimit(requestsPerSecond: 1, burst: 2))
        try await fixture.test { client in
            // The bucket refills at 1/s; on a loaded machine a request may take long, so send until refused
            // (at most 20) rather than expect the third to be.
            var limited: TestResponse?
            for _ in 0..<20 where limited == nil {
                let response = try await client.post("/api/v0/token/issue", #"{"claims":{"sub":"a"}}"#)
                if response.status == .tooManyRequests { limited = response }
            }
            let refused = try #require(limited)
            #expect(refused.headers[.retryAfter] == "1")
            #expect(try refused.error().error == "rate_limited")
            let other = try await client.post(
                "/api/v0/token/issue",
                #"{"claims":{"sub":"a"}}"#,
                headers: Headers.json(id: ServiceFixture.otherKeyID, secret: ServiceFixture.otherSecret)
            )
            #expect(other.status == .ok, "one key's burst never throttles another")
            // Failed authentication draws from the address: 401s until the address's bucket is empty, then 429.
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<20 where statuses.last != .tooManyRequests {
                statuses.append(
                    try await client.post("/api/v0/token/issue", "{}", headers: Headers.json(secret: "wrong")).status
                )
            }
            #expect(statuses.prefix(2) == [.unauthorized, .unauthorized])
            #expect(statuses.last == .tooManyRequests)
            // Exempt: health and the key set.
            for _ in 0..<5 {
                #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
                #expect(try await client.execute(uri: "/.well-known/jwks.json", method: .get).status == .ok)
            }
        }
    }
}
