import Testing

@testable import JWTClaims

/// The constant-time comparison front of the Signing layer.
@Suite("ConstantTime")
struct ConstantTimeTests {
    @Test("compares equal bytes as equal and any difference, at any position or length, as unequal")
    func compares() {
        let bytes: [UInt8] = Array(0..<32)
        #expect(ConstantTime.isEqual(bytes, bytes))
        #expect(ConstantTime.isEqual([], []))
        for position in bytes.indices {
            var other = bytes
            other[position] ^= 0x01
            #expect(!ConstantTime.isEqual(bytes, other), "differs at \(position)")
        }
        #expect(!ConstantTime.isEqual(bytes, Array(bytes.dropLast())))
        #expect(!ConstantTime.isEqual([], [0]))
    }
}
