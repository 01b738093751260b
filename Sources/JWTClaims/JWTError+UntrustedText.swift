extension JWTError {
    /// The longest untrusted text, in UTF-8 bytes, that a reason quotes in full; longer text is cut short.
    static let quotedTextLimit = 64

    /// `text` quoted for a ``reason``, when `text` came from untrusted input (a token's `kid`, `alg`, `crit`, `typ` or
    /// `iss`, a JWK's members).
    ///
    /// Applications log reasons, so a reason must not let a token write into the log: control characters (a line feed
    /// would forge a log line), quotes, backslashes, C1 controls, the Unicode line and paragraph separators and the
    /// bidirectional overrides (which can make a log line read differently from its bytes) are all written as
    /// escapes, and text over ``quotedTextLimit`` bytes is cut short (one hostile value cannot bloat every log line).
    /// The result is a double-quoted string, such as `"key-1"` or `"a\nb"` or `"xxx…" (16384 bytes)`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        var shownBytes = 0
        var truncated = false
        for scalar in text.unicodeScalars {
            shownBytes += UTF8.width(scalar)
            if shownBytes > quotedTextLimit {
                truncated = true
                break
            }
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result += "\""
        if truncated {
            result += "… (\(text.utf8.count) bytes)"
        }
        return result
    }

    /// Whether a scalar could change how a log line reads: controls, line separators, bidirectional formatting.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 and C1 controls, DEL
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional marks and overrides
        default: false
        }
    }

    /// An untrusted JSON value for a ``reason``: a string as ``quoted(_:)``, an array as its first four elements
    /// described the same way, anything else by its kind; never the raw JSON, which could be as large as the input.
    static func describe(_ value: JSONValue) -> String {
        if let string = value.stringValue {
            return quoted(string)
        }
        guard let elements = value.arrayValue else {
            return value.kindDescription
        }
        let shown = elements.prefix(4).map { $0.stringValue.map(quoted) ?? $0.kindDescription }
        let more = elements.count > 4 ? ", … (\(elements.count) elements)" : ""
        return "[" + shown.joined(separator: ", ") + more + "]"
    }
}
