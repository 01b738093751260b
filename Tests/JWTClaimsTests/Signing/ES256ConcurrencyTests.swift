import Testing

@testable import JWTClaims

@Suite("ES256 under concurrency")
struct ES256ConcurrencyTests {
    @Test("8 tasks × 200 operations sign and verify with shared keys at once, all succeeding")
    func sharedKeysAcrossTasks() async throws {
        let keys = [try ES256.PrivateKey(), try ES256.PrivateKey()]
        let publicKeys = keys.map(\.publicKey)
        let taskCount = 8
        let operations = 200
        let failures = await withTaskGroup(of: Int.self) { group in
            for task in 0..<taskCount {
                group.addTask {
                    var failures = 0
                    for operation in 0..<operations {
                        let index = (task + operation) % keys.count
                        let message = Array("task \(task) operation \(operation)".utf8)
                        guard let signature = try? keys[index].signature(for: message) else {
                            failures += 1
                            continue
                        }
                        if !publicKeys[index].isValidSignature(signature, for: message) { failures += 1 }
                        // The other key must say no, also under contention.
                        if publicKeys[1 - index].isValidSignature(signature, for: message) { failures += 1 }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }

    @Test("keys imported concurrently are equal and usable")
    func concurrentImports() async throws {
        let pem = try ES256.PrivateKey().pemRepresentation
        let points = await withTaskGroup(of: [UInt8]?.self) { group in
            for _ in 0..<16 {
                group.addTask { try? ES256.PrivateKey(pemRepresentation: pem).publicKey.x963Representation }
            }
            return await group.reduce(into: [[UInt8]?]()) { $0.append($1) }
        }
        #expect(points.count == 16)
        #expect(Set(points.compactMap { $0 }).count == 1)
        #expect(!points.contains(nil))
    }
}
