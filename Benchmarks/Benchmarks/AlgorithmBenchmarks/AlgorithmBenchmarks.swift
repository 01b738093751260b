import Benchmark
import BenchmarkFixtures
import JWTClaims

// Every JOSE algorithm beside ES256: the signature step alone, named "<sign|verify>/<ALG>-<input>/ours", which
// Scripts/bench.sh pairs with `openssl speed` for the same primitive (rsa2048, ecdsap384, ecdsap521, ed25519, and
// `-hmac sha256|sha384|sha512 -bytes 566`), and the whole token with the reference page's 11 claims, named
// "<signJWT|verifyJWT>/<ALG>-claims11/<implementation>", ours beside jwt-kit's (JWTKitAlgorithms.swift).
//
// `openssl speed` signs a short fixed message for RSA, ECDSA and Ed25519 (so "message32" here: 32 bytes) and MACs a
// buffer of the given size for HMAC (so "input566": the length of the reference token's signing input). RSA keys are
// 2048 bits, as in `openssl speed rsa2048`; PS* costs the same private-key operation as RS*, so both are compared
// with it.

/// Ten minutes after the reference token's `iat`.
private let validationTime = NumericDate(secondsSince1970: 1_599_177_603 + 600)

/// The input of the signature-step benchmarks for `algorithm`, and its label.
private func signatureInput(for algorithm: JWSAlgorithm) -> (label: String, bytes: [UInt8]) {
    algorithm.rawValue.hasPrefix("HS")
        ? ("input566", DeterministicBytes.make(count: 566)) : ("message32", DeterministicBytes.make(count: 32))
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .reported(maxDuration: .seconds(1), maxIterations: 20_000)

    let claims: ClaimSet
    do {
        claims = try ClaimSet(parsing: ReferencePayload.original)
    } catch {
        fatalError("algorithm benchmark: the reference claims do not parse: \(error)")
    }
    var keys: [JWSAlgorithm: JWTSigningKey] = [:]
    for algorithm in JWSAlgorithm.allCases where algorithm != .es256 {
        let key: JWTSigningKey
        let verificationKey: JWTVerificationKey
        let signature: [UInt8]
        let token: String
        let input = signatureInput(for: algorithm)
        do {
            if algorithm.rawValue.hasPrefix("HS") {
                key = JWTSigningKey(try HMAC.Key(bytes: Array(hmacSecret.utf8), algorithm: algorithm))
            } else {
                key = try JWTSigningKey(generatingFor: algorithm)
            }
            keys[algorithm] = key
            verificationKey = key.verificationKey
            signature = try key.signature(for: input.bytes)
            token = try JWTSigner(key: key).sign(claims)
            let verified = try JWTVerifier(key: verificationKey).verify(token, now: validationTime)
            guard verificationKey.isValidSignature(signature, for: input.bytes),
                verified.claims.serialized() == ReferencePayload.originalText
            else {
                fatalError("algorithm benchmark: \(algorithm) does not verify its own signature or claims")
            }
        } catch {
            fatalError("algorithm benchmark: cannot set up \(algorithm): \(error)")
        }
        let signer = JWTSigner(key: key)
        let verifier = JWTVerifier(key: verificationKey)
        let name = algorithm.rawValue
        // An HMAC takes well under a microsecond, about what the benchmark package spends around each sample
        // (clock reads, malloc counters), so HS* samples time 1000 operations each, as `openssl speed` times a loop.
        let configuration: Benchmark.Configuration =
            name.hasPrefix("HS")
            ? .reported(scale: 1000, maxDuration: .seconds(1), maxIterations: 200) : Benchmark.defaultConfiguration

        Benchmark("sign/\(name)-\(input.label)/ours", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try key.signature(for: input.bytes))
            }
        }
        Benchmark("verify/\(name)-\(input.label)/ours", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(verificationKey.isValidSignature(signature, for: input.bytes))
            }
        }
        Benchmark("signJWT/\(name)-claims11/ours", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try signer.sign(claims))
            }
        }
        Benchmark("verifyJWT/\(name)-claims11/ours", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try verifier.verify(token, now: validationTime))
            }
        }
    }
    registerJWTKitAlgorithmBenchmarks(keys: keys)
}
