/// The lookup tables behind ``Base64URL``, built once from the alphabet so that the two directions cannot disagree.
enum Base64URLTables {
    /// The 64 characters of RFC 4648 section 5 (table 2), in value order: the character for value `v` is
    /// `alphabet[v]`.
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The value a decode table holds for a byte outside the alphabet.
    ///
    /// Values of alphabet characters are 0...63 and never have this bit set, so OR-ing the values of a whole block
    /// and testing this one bit checks all of the block's characters at once.
    static let invalid: UInt8 = 0x80

    /// The 6-bit value of every byte, indexed by the byte itself (256 entries), or ``invalid`` for bytes outside the
    /// alphabet.
    static let decoding: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in alphabet.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()

    /// The two characters for every 12-bit value, indexed by the value (4096 entries): the first character in the
    /// low byte and the second in the high byte, so that storing the entry little-endian writes them in order.
    ///
    /// Encoding 3 bytes then costs two lookups instead of four.
    static let encodingPairs: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 4096)
        for value in 0..<4096 {
            table[value] = UInt16(alphabet[value >> 6]) | UInt16(alphabet[value & 0x3F]) << 8
        }
        return table
    }()
}
