import JWTClaims

/// `jwt-claims speed`: ES256 operations per second on this machine, one thread, like `openssl speed`.
///
/// Each operation runs on the reference page's access token (11 claims) for the given time: `sign` signs it,
/// `verify` verifies it and validates its claims, `verify (cached)` does the same through a verifier with a
/// ``JWTVerificationCache`` that already holds the token (a hit: the claims re-checked, the signature not), `augment` adds the page's three custom attributes (verify, merge,
/// sign), and `decode` decodes it without verifying.
enum SpeedTest {
    /// One operation's measurement.
    struct Measurement: Sendable {
        /// The operation's name.
        let name: String
        /// How many times it ran.
        let count: Int
        /// How long that took.
        let elapsed: Duration

        /// Operations per second.
        var perSecond: Double {
            Double(count) / seconds
        }

        /// Microseconds per operation.
        var microsecondsEach: Double {
            seconds * 1_000_000 / Double(max(count, 1))
        }

        private var seconds: Double {
            let (whole, attoseconds) = elapsed.components
            return max(Double(whole) + Double(attoseconds) / 1e18, 1e-9)
        }
    }

    /// Runs each operation for `duration` and returns the measurements, in the order sign, verify, verify (cached),
    /// augment, decode.
    ///
    /// - Parameter now: The Unix time the token is issued and checked at.
    /// - Throws: ``JWTError`` if an operation fails (which would be a bug: the inputs are valid).
    static func run(for duration: Duration, now: Int64) throws(JWTError) -> [Measurement] {
        let key = try ES256.PrivateKey()
        let signer = JWTSigner(key: key, keyID: key.publicKey.thumbprint)
        let verifier = JWTVerifier(key: key.publicKey)
        let cachedVerifier = JWTVerifier(key: key.publicKey, cache: JWTVerificationCache())
        let augmenter = ClaimsAugmenter(verifier: verifier, signer: signer)
        let claims = Demo.originalClaims(now: now)
        let token = try signer.sign(claims)
        let attributes = try augmenter.parseAttributes(Array(Demo.customAttributes.utf8))
        let instant = NumericDate(secondsSince1970: now)
        // The miss that stores the token, so that every measured call is a hit.
        _ = try cachedVerifier.verify(token, now: instant)
        return [
            try measure("sign", for: duration) { () throws(JWTError) in _ = try signer.sign(claims) },
            try measure("verify", for: duration) { () throws(JWTError) in _ = try verifier.verify(token, now: instant)
            },
            try measure("verify (cached)", for: duration) { () throws(JWTError) in
                _ = try cachedVerifier.verify(token, now: instant)
            },
            try measure("augment", for: duration) { () throws(JWTError) in
                _ = try augmenter.augment(token, with: attributes, now: instant)
            },
            try measure("decode", for: duration) { () throws(JWTError) in _ = try UnverifiedJWT(decoding: token) },
        ]
    }

    /// Runs `operation` repeatedly for at least `duration` (and at least once), reading the clock every few runs.
    static func measure(
        _ name: String,
        for duration: Duration,
        operation: () throws(JWTError) -> Void
    ) throws(JWTError) -> Measurement {
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        var elapsed = Duration.zero
        repeat {
            for _ in 0..<8 { try operation() }
            count += 8
            elapsed = clock.now - start
        } while elapsed < duration
        return Measurement(name: name, count: count, elapsed: elapsed)
    }

    /// The table printed by `speed`.
    static func table(_ measurements: [Measurement]) -> [String] {
        var lines = ["operation             ops/s      us/op     count"]
        for measurement in measurements {
            lines.append(
                pad(measurement.name, 15, left: true) + pad(format(measurement.perSecond, 1), 12)
                    + pad(format(measurement.microsecondsEach, 2), 11) + pad(String(measurement.count), 10)
            )
        }
        return lines
    }

    /// `value` with `decimals` digits after the point, without Foundation's formatting.
    static func format(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled.isFinite, scaled < 9e15 else { return "\(value)" }
        let integer = Int64(scaled)
        let divisor = Int64(scale)
        let fraction = String(integer % divisor)
        let padded = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        return decimals == 0 ? "\(integer)" : "\(integer / divisor).\(padded)"
    }

    private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + fill : fill + text
    }
}
