import Testing

@testable import JWTClaims

@Suite("ES256.Signature")
struct ES256SignatureTests {
    @Test("keeps exactly the 64 raw bytes it was given")
    func roundTrip() throws {
        let bytes = (0..<64).map { UInt8($0 * 3 & 0xFF) }
        let signature = try ES256.Signature(rawRepresentation: bytes)
        #expect(signature.rawRepresentation == bytes)
        #expect(try ES256.Signature(rawRepresentation: bytes[...]) == signature)
        #expect(try ES256.Signature(rawRepresentation: AnySequenceCollection(bytes)) == signature)
    }

    @Test("refuses every length other than 64", arguments: [0, 1, 8, 63, 65, 70, 71, 72, 128])
    func refusesOtherLengths(length: Int) {
        let error = #expect(throws: JWTError.self) {
            try ES256.Signature(rawRepresentation: [UInt8](repeating: 1, count: length))
        }
        #expect(error?.code == .invalidSignatureEncoding)
        #expect(error?.reason.contains("64 bytes") == true)
    }

    @Test("compares and hashes by its bytes")
    func equality() throws {
        var bytes = [UInt8](repeating: 7, count: 64)
        let first = try ES256.Signature(rawRepresentation: bytes)
        bytes[63] = 8
        let second = try ES256.Signature(rawRepresentation: bytes)
        #expect(first != second)
        #expect(Set([first, second, first]).count == 2)
    }
}

/// A collection without contiguous storage, to exercise the copying path of the generic entry points.
struct AnySequenceCollection: Collection {
    private let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var startIndex: Int { bytes.startIndex }
    var endIndex: Int { bytes.endIndex }
    subscript(position: Int) -> UInt8 { bytes[position] }
    func index(after index: Int) -> Int { index + 1 }
}
