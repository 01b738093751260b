import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// A wrong secret and an unknown id: the same 401 in the same time.
///
/// Both paths run the same code by construction (the authenticator hashes the presented secret and compares it in
/// constant time against the key's digest, or a dummy one for an unknown id). This test guards against a
/// regression that would make one path measurably slower or faster (an early return, a store lookup, a log call).
/// Method, made robust for a shared, noisy 2-core machine:
/// - the two kinds are interleaved (A, B, A, B, ...) so drifts in machine load hit both equally;
/// - in router mode (no sockets), so the route's own work dominates;
/// - compared by median and by 20%-trimmed mean, which ignore the scheduler's outliers;
/// - tolerance: 25% of the larger value or 40 µs, whichever is more. Measured here (debug build, shared 2-core
///   machine): a 401 takes about 230 µs in router mode, and the two medians of 400 interleaved samples differed by
///   0.6% to 2.2% over three runs (trimmed means by up to 3%); under the full parallel test run the noise grows
///   several-fold, hence the margin. A path that skipped the hash (about 1 µs) would not be caught, but anything on
///   the scale of a store lookup, a second key derivation or a log write would, without the test being flaky.
@Suite("Secret timing", .serialized)
struct SecretTimingTests {
    @Test("unknown-id and wrong-secret 401s agree in time within noise")
    func sameTime() async throws {
        let fixture = try ServiceFixture()
        let (unknown, wrong) = try await fixture.test { client in
            var unknown: [Duration] = []
            var wrong: [Duration] = []
            let body = #"{"claims":{"sub":"a"}}"#
            let unknownHeaders = Headers.json(id: "no-such-key", secret: "guess-0123456789")
            let wrongHeaders = Headers.json(id: ServiceFixture.keyID, secret: "guess-0123456789")
            for round in 0..<(50 + 400) {
                for kind in 0..<2 {
                    let headers = (kind + round) % 2 == 0 ? unknownHeaders : wrongHeaders
                    let start = ContinuousClock.now
                    let response = try await client.post("/api/v0/token/issue", body, headers: headers)
                    let elapsed = ContinuousClock.now - start
                    #expect(response.status == .unauthorized)
                    guard round >= 50 else { continue }  // warm-up
                    if headers == unknownHeaders { unknown.append(elapsed) } else { wrong.append(elapsed) }
                }
            }
            return (unknown, wrong)
        }
        let (unknownMedian, wrongMedian) = (Self.median(unknown), Self.median(wrong))
        let (unknownTrimmed, wrongTrimmed) = (Self.trimmedMean(unknown), Self.trimmedMean(wrong))
        let comment = Comment(
            rawValue: "medians \(unknownMedian) vs \(wrongMedian); trimmed means \(unknownTrimmed) vs \(wrongTrimmed)"
        )
        print("secret timing (µs): \(comment.rawValue)")
        #expect(Self.agree(unknownMedian, wrongMedian), comment)
        #expect(Self.agree(unknownTrimmed, wrongTrimmed), comment)
    }

    static func agree(_ lhs: Double, _ rhs: Double) -> Bool {
        abs(lhs - rhs) <= max(0.25 * max(lhs, rhs), 40)
    }

    /// Microseconds.
    static func micros(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }

    static func median(_ samples: [Duration]) -> Double {
        let sorted = samples.map(micros).sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func trimmedMean(_ samples: [Duration]) -> Double {
        let sorted = samples.map(micros).sorted()
        let cut = sorted.count / 5
        let kept = sorted.dropFirst(cut).dropLast(cut)
        return kept.isEmpty ? 0 : kept.reduce(0, +) / Double(kept.count)
    }
}
