import Benchmark
import BenchmarkFixtures
import Dispatch
import JWTClaims
import Synchronization

// ES256 sign and verify of a 32-byte message with our OpenSSL-backed keys, and signing throughput with one signer
// against two concurrent signers sharing one key. Scripts/bench.sh runs `openssl speed ecdsap256` in the same run
// for the reference figure; see Docs/Benchmarks.md for what that does and does not measure.

/// Signatures per batch in the throughput benchmarks: enough that starting tasks costs little beside the work.
private let batchSize = 64

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .reported()

    let message = DeterministicBytes.make(count: 32)
    let privateKey: ES256.PrivateKey
    let publicKey: ES256.PublicKey
    let signature: ES256.Signature
    do {
        privateKey = try ES256.PrivateKey(pemRepresentation: BenchmarkKey.privateKeyPEM)
        publicKey = try ES256.PublicKey(pemRepresentation: BenchmarkKey.publicKeyPEM)
        signature = try privateKey.signature(for: message)
    } catch {
        fatalError("ES256 benchmark: cannot set up the benchmark key: \(error)")
    }
    guard privateKey.publicKey == publicKey, publicKey.isValidSignature(signature, for: message)
    else {
        fatalError("ES256 benchmark: the benchmark key does not verify its own signature")
    }

    Benchmark("sign/message32/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try privateKey.signature(for: message))
        }
    }
    Benchmark("verify/message32/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(publicKey.isValidSignature(signature, for: message))
        }
    }

    // Throughput: the same batch of signatures made by one signer, then split between two concurrent signers that
    // share the key, once on two threads and once as two tasks. On 2 idle cores two signers should come close to
    // halving the batch time; the thread variant shows what the key allows, the task variant what async code gets.
    let batchConfiguration = Benchmark.Configuration(
        tags: ["scale": "1"],
        warmupIterations: 2,
        maxIterations: 10_000
    )
    Benchmark("signBatch\(batchSize)/1signer/ours", configuration: batchConfiguration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try signBatch(privateKey, message, count: batchSize))
        }
    }
    Benchmark("signBatch\(batchSize)/2threads/ours", configuration: batchConfiguration) { benchmark in
        for _ in benchmark.scaledIterations {
            let failures = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                if (try? signBatch(privateKey, message, count: batchSize / 2)) == nil {
                    failures.withLock { $0 += 1 }
                }
            }
            if failures.withLock({ $0 }) != 0 {
                benchmark.error("a concurrent signer failed")
            }
        }
    }
    Benchmark("signBatch\(batchSize)/2tasks/ours", configuration: batchConfiguration) { benchmark in
        for _ in benchmark.scaledIterations {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 {
                    group.addTask { try signBatch(privateKey, message, count: batchSize / 2) }
                }
                for try await signed in group {
                    blackHole(signed)
                }
            }
        }
    }
}

/// Signs `message` `count` times; returns how many signatures it made, so the work cannot be optimized away.
private func signBatch(_ key: ES256.PrivateKey, _ message: [UInt8], count: Int) throws -> Int {
    var signed = 0
    for _ in 0..<count {
        blackHole(try key.signature(for: message))
        signed += 1
    }
    return signed
}
