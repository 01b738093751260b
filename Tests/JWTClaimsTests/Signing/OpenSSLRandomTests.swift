import Testing

@testable import JWTClaims

/// The random-bytes and constant-time helpers over OpenSSL.
@Suite("OpenSSLRandom and OpenSSLConstantTime")
struct OpenSSLRandomTests {
    @Test("draws the number of bytes asked for, different each time")
    func drawsBytes() throws {
        #expect(try OpenSSLRandom.bytes(count: 0).isEmpty)
        let first = try OpenSSLRandom.bytes(count: 32)
        let second = try OpenSSLRandom.bytes(count: 32)
        #expect(first.count == 32 && second.count == 32)
        #expect(first != second)
        // 4096 random bytes use every byte value with overwhelming probability (a miss has odds below 1e-5).
        #expect(Set(try OpenSSLRandom.bytes(count: 4096)).count > 240)
    }

    @Test("refuses a negative count with a typed error")
    func refusesNegativeCount() {
        let error = #expect(throws: JWTError.self) { try OpenSSLRandom.bytes(count: -1) }
        #expect(error?.code == .cryptographicFailure)
    }

    @Test("compares equal bytes as equal and any difference, at any position or length, as unequal")
    func comparesInConstantTime() {
        let bytes: [UInt8] = Array(0..<32)
        #expect(OpenSSLConstantTime.equals(bytes, bytes))
        #expect(OpenSSLConstantTime.equals([], []))
        for position in bytes.indices {
            var other = bytes
            other[position] ^= 0x01
            #expect(!OpenSSLConstantTime.equals(bytes, other), "differs at \(position)")
        }
        #expect(!OpenSSLConstantTime.equals(bytes, Array(bytes.dropLast())))
        #expect(!OpenSSLConstantTime.equals([], [0]))
    }
}
