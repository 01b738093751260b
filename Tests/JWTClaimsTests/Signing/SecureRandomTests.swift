import Testing

@testable import JWTClaims

/// The random-bytes front of the Signing layer.
@Suite("SecureRandom")
struct SecureRandomTests {
    @Test("draws the number of bytes asked for, different each time")
    func drawsBytes() throws {
        #expect(try SecureRandom.bytes(count: 0).isEmpty)
        let first = try SecureRandom.bytes(count: 32)
        let second = try SecureRandom.bytes(count: 32)
        #expect(first.count == 32 && second.count == 32)
        #expect(first != second)
        // 4096 random bytes use every byte value with overwhelming probability (a miss has odds below 1e-5).
        #expect(Set(try SecureRandom.bytes(count: 4096)).count > 240)
    }

    @Test("refuses a negative or oversized count with a typed error")
    func refusesBadCounts() {
        for count in [-1, Int(Int32.max) + 1] {
            let error = #expect(throws: JWTError.self) { try SecureRandom.bytes(count: count) }
            #expect(error?.code == .cryptographicFailure, "count \(count)")
        }
    }
}
