/// An independent, deliberately simple model of strict Base64URL for the tests to compare the codec with: it works
/// bit by bit and shares no code or table with the library.
enum Base64URLReference {
    /// The alphabet of RFC 4648 section 5, table 2, spelled out range by range.
    static let alphabet: [UInt8] =
        Array(UInt8(ascii: "A")...UInt8(ascii: "Z")) + Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
        + Array(UInt8(ascii: "0")...UInt8(ascii: "9")) + [UInt8(ascii: "-"), UInt8(ascii: "_")]

    /// The unpadded encoding: the bits of `bytes`, most significant first, 6 at a time, the last group filled with
    /// zero bits.
    static func encode(_ bytes: [UInt8]) -> String {
        var bits: [Bool] = []
        for byte in bytes {
            for position in (0..<8).reversed() {
                bits.append(byte >> position & 1 == 1)
            }
        }
        var characters: [UInt8] = []
        var index = 0
        while index < bits.count {
            var value = 0
            for offset in 0..<6 {
                let bit = index + offset < bits.count ? bits[index + offset] : false
                value = value << 1 | (bit ? 1 : 0)
            }
            characters.append(alphabet[value])
            index += 6
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// What a strict decoder must report for `text`, or `nil` if it must accept it.
    enum Expected: Equatable {
        case padding(offset: Int)
        case outsideAlphabet(byte: UInt8, offset: Int)
        case impossibleLength(offset: Int)
        case nonCanonical(offset: Int)
    }

    /// The first rule `text` breaks: a byte outside the alphabet (first by position), else the length, else unused
    /// bits that are not zero.
    static func expectedFailure(for text: [UInt8]) -> Expected? {
        for (offset, byte) in text.enumerated() where !alphabet.contains(byte) {
            return byte == UInt8(ascii: "=") ? .padding(offset: offset) : .outsideAlphabet(byte: byte, offset: offset)
        }
        if text.count % 4 == 1 {
            return .impossibleLength(offset: text.count - 1)
        }
        if let last = text.last, text.count % 4 != 0, let value = alphabet.firstIndex(of: last) {
            // 2 characters carry 12 bits for 8 (4 unused), 3 carry 18 for 16 (2 unused).
            let unusedBitCount = text.count % 4 == 2 ? 4 : 2
            if value & (1 << unusedBitCount - 1) != 0 {
                return .nonCanonical(offset: text.count - 1)
            }
        }
        return nil
    }
}
