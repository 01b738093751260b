import Testing

@testable import JWTClaims

@Suite("Base64URL tables")
struct Base64URLTablesTests {
    @Test("use the alphabet of RFC 4648 section 5")
    func alphabet() {
        #expect(Base64URLTables.alphabet == Base64URLReference.alphabet)
        #expect(Set(Base64URLTables.alphabet).count == 64)
    }

    @Test("decode each alphabet character to its value and mark every other byte invalid")
    func decoding() {
        #expect(Base64URLTables.decoding.count == 256)
        for byte in UInt8.min...UInt8.max {
            let entry = Base64URLTables.decoding[Int(byte)]
            if let value = Base64URLReference.alphabet.firstIndex(of: byte) {
                #expect(Int(entry) == value, "byte \(byte)")
            } else {
                #expect(entry == Base64URLTables.invalid, "byte \(byte)")
            }
        }
        #expect(Base64URLTables.decoding.filter { $0 == Base64URLTables.invalid }.count == 192)
    }

    @Test("hold both characters of every 12-bit value, first in the low byte")
    func encodingPairs() {
        #expect(Base64URLTables.encodingPairs.count == 4096)
        for value in 0..<4096 {
            let pair = Base64URLTables.encodingPairs[value]
            #expect(UInt8(truncatingIfNeeded: pair) == Base64URLReference.alphabet[value >> 6])
            #expect(UInt8(truncatingIfNeeded: pair >> 8) == Base64URLReference.alphabet[value & 0x3F])
        }
    }
}
