/// Padded standard Base64 (RFC 4648 section 4), strict: what HTTP Basic credentials use.
enum StandardBase64 {
    /// The bytes `text` encodes, or nil unless it is canonical padded Base64: a length that is a multiple of 4,
    /// only alphabet characters before the padding, at most two `=` at the end, and zero pad bits.
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        let input = Array(text)
        guard !input.isEmpty, input.count % 4 == 0 else { return nil }
        var padding = 0
        if input[input.count - 1] == UInt8(ascii: "=") {
            padding = input[input.count - 2] == UInt8(ascii: "=") ? 2 : 1
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3)
        var index = 0
        while index < input.count {
            var quantum: UInt32 = 0
            let last = index + 4 == input.count
            for offset in 0..<4 {
                let byte = input[index + offset]
                let value: UInt32
                if last && offset >= 4 - padding {
                    value = 0
                } else if let sextet = sextet(byte) {
                    value = sextet
                } else {
                    return nil
                }
                quantum = quantum << 6 | value
            }
            let bytes = [UInt8(quantum >> 16 & 0xFF), UInt8(quantum >> 8 & 0xFF), UInt8(quantum & 0xFF)]
            if last {
                // Non-zero pad bits would let two texts decode to the same bytes.
                guard padding < 2 || bytes[1] == 0, padding < 1 || bytes[2] == 0 else { return nil }
                output.append(contentsOf: bytes[..<(3 - padding)])
            } else {
                output.append(contentsOf: bytes)
            }
            index += 4
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(byte - UInt8(ascii: "a") + 26)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0") + 52)
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
