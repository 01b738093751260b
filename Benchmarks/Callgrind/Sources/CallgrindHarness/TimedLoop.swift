import JWTClaims

/// `CallgrindHarness loop ALG sign|verify SECONDS`: the signature step of one algorithm, timed in a tight loop for
/// about SECONDS, as `openssl speed` times its own (Benchmarks/Callgrind/loop.sh runs the two side by side). The input
/// is what `openssl speed` signs: 32 bytes for RSA, ECDSA and Ed25519 (`message32` in the benchmark package), and 566
/// bytes (`-bytes 566`) for HMAC. Prints "ALG OPERATION NS_PER_OP OPS".
func timedLoop(_ arguments: [String]) throws -> String {
    guard arguments.count == 5, let algorithm = JWSAlgorithm(rawValue: arguments[2]),
        ["sign", "verify"].contains(arguments[3]), let seconds = Double(arguments[4]), seconds > 0
    else {
        throw HarnessError(description: "usage: CallgrindHarness loop ALG sign|verify SECONDS")
    }
    let key: JWTSigningKey =
        algorithm.rawValue.hasPrefix("HS")
        ? JWTSigningKey(
            try HMAC.Key(bytes: Array(String(repeating: "0123456789abcdef", count: 4).utf8), algorithm: algorithm)
        )
        : try JWTSigningKey(generatingFor: algorithm)
    let message = [UInt8](repeating: 0x5A, count: algorithm.rawValue.hasPrefix("HS") ? 566 : 32)
    let verificationKey = key.verificationKey
    let signature = try key.signature(for: message)
    guard verificationKey.isValidSignature(signature, for: message) else {
        throw HarnessError(description: "\(algorithm) does not verify its own signature")
    }
    let clock = ContinuousClock()
    let budget = Duration.milliseconds(Int(seconds * 1000))
    let start = clock.now
    var operations = 0
    var accepted = 0
    // Batches of 64 between clock reads, so the clock costs nothing next to even an HMAC.
    while clock.now - start < budget {
        for _ in 0..<64 {
            if arguments[3] == "sign" {
                accepted += try key.signature(for: message).count
            } else if verificationKey.isValidSignature(signature, for: message) {
                accepted += 1
            }
        }
        operations += 64
    }
    let elapsed = clock.now - start
    let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
    guard accepted > 0 else { throw HarnessError(description: "nothing was signed or verified") }
    return "\(algorithm) \(arguments[3]) \(nanoseconds / Double(operations)) \(operations)"
}
