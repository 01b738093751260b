/// The shape of a serialized origin (RFC 6454 section 6.1) as the key file writes it: `scheme://host[:port]`.
enum OriginSyntax {
    /// Whether `text` is `scheme://host[:port]`: a scheme of a letter then letters, digits, `+`, `-` or `.`; a
    /// non-empty host without `/`, `?`, `#`, `@` or whitespace; an optional port of 1 to 5 digits; nothing after.
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let separator = firstIndex(of: Array("://".utf8), in: bytes), separator > 0 else { return false }
        let scheme = bytes[..<separator]
        guard let first = scheme.first, isLetter(first),
            scheme.allSatisfy({
                isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: ".")
            })
        else { return false }
        var authority = bytes[(separator + 3)...]
        if let colon = authority.lastIndex(of: UInt8(ascii: ":")),
            !authority.contains(UInt8(ascii: "]"))
                || colon > (authority.lastIndex(of: UInt8(ascii: "]")) ?? authority.startIndex)
        {
            let port = authority[(colon + 1)...]
            guard (1...5).contains(port.count), port.allSatisfy(isDigit) else { return false }
            authority = authority[..<colon]
        }
        guard !authority.isEmpty else { return false }
        let forbidden: Set<UInt8> = [
            UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: " "),
            UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "*"),
        ]
        return authority.allSatisfy { $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where Array(bytes[start..<(start + needle.count)]) == needle {
            return start
        }
        return nil
    }
}
