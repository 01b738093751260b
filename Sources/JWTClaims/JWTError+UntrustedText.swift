// The one way untrusted text (a token's header values, JSON member names, claim names, a request body's members,
// text a decoder reports) enters a ``JWTError/reason``. Applications log reasons, so every reason that shows such
// text builds it here; `package` so that the other modules of this package (the wire format) use the same path.

extension JWTError {
    /// The longest untrusted text, in UTF-8 bytes, that a reason quotes in full; longer text is cut short.
    package static let quotedTextLimit = 64

    /// The most untrusted names one reason lists; the rest are counted, not shown.
    ///
    /// 16 is the size of the default protected-claim set, so a request that names every default protected claim
    /// still has them all reported at once.
    package static let quotedListLimit = 16

    /// `text` quoted for a ``reason``, when `text` came from untrusted input (a token's `kid`, `alg`, `crit`, `typ` or
    /// `iss`, a JWK's members, a JSON member name, a claim name).
    ///
    /// Applications log reasons, so a reason must not let a token write into the log: control characters (a line feed
    /// would forge a log line, an ANSI escape would recolour or erase the terminal), quotes, backslashes, C1
    /// controls, the Unicode line and paragraph separators and the bidirectional overrides (which can make a log line
    /// read differently from its bytes) are all written as escapes, and text over ``quotedTextLimit`` bytes is cut short (one
    /// hostile value cannot bloat every log line). The result is a double-quoted string, such as `"key-1"` or
    /// `"a\nb"` or `"xxx…" (16384 bytes)`.
    ///
    /// - Parameter text: The untrusted text.
    /// - Returns: The quoted, escaped text, cut after ``quotedTextLimit`` bytes.
    package static func quoted(_ text: String) -> String {
        quoted(text, limit: quotedTextLimit)
    }

    /// `text` quoted as ``quoted(_:)`` quotes it, cut after `limit` UTF-8 bytes instead: for longer untrusted text
    /// than a name, such as the message of an error a decoder threw.
    ///
    /// - Parameters:
    ///   - text: The untrusted text.
    ///   - limit: How many UTF-8 bytes of `text` to show at most.
    /// - Returns: The quoted, escaped, length-capped text.
    package static func quoted(_ text: String, limit: Int) -> String {
        let (escapedText, truncated) = escaped(text, limit: limit)
        return "\"" + escapedText + "\"" + (truncated ? "… (\(text.utf8.count) bytes)" : "")
    }

    /// Untrusted names for a ``reason``: each as ``quoted(_:)``, separated by commas, at most
    /// ``quotedListLimit`` of them, then how many there are in all: `"a", "b", … (40 names)`.
    ///
    /// - Parameter names: The untrusted names, in the order to show them.
    /// - Returns: The list, never longer than ``quotedListLimit`` quoted names and a count.
    package static func quotedList(_ names: some Collection<String>) -> String {
        list(names, limit: quotedListLimit, noun: "names", describe: quoted)
    }

    /// `text` escaped as ``quoted(_:)`` escapes it, without the quotes, cut after ``quotedTextLimit`` bytes (on a
    /// scalar boundary) with a trailing `…` when cut: for untrusted text that is part of a larger quoted string, such
    /// as one member name of a coding path.
    static func escapedComponent(_ text: String) -> String {
        let (escapedText, truncated) = escaped(text, limit: quotedTextLimit)
        return truncated ? escapedText + "…" : escapedText
    }

    /// An untrusted JSON value for a ``reason``: a string as ``quoted(_:)``, an array as its first four
    /// elements described the same way, anything else by its kind; never the raw JSON, which could be as large as
    /// the input.
    static func describe(_ value: JSONValue) -> String {
        if let string = value.stringValue {
            return quoted(string)
        }
        guard let elements = value.arrayValue else {
            return value.kindDescription
        }
        return "[" + list(elements, limit: 4, noun: "elements") { $0.stringValue.map(quoted) ?? $0.kindDescription }
            + "]"
    }

    /// The first `limit` items, each described, separated by commas, then `… (N <noun>)` when there are more.
    private static func list<Items: Collection>(
        _ items: Items,
        limit: Int,
        noun: String,
        describe: (Items.Element) -> String
    ) -> String {
        let shown = items.prefix(limit).map(describe).joined(separator: ", ")
        let count = items.count
        return count > limit ? shown + ", … (\(count) \(noun))" : shown
    }

    /// The escaped text of at most `limit` UTF-8 bytes of `text`, and whether `text` was longer.
    private static func escaped(_ text: String, limit: Int) -> (text: String, truncated: Bool) {
        var result = ""
        var shownBytes = 0
        for scalar in text.unicodeScalars {
            shownBytes += UTF8.width(scalar)
            if shownBytes > limit {
                return (result, true)
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
        return (result, false)
    }

    /// Whether a scalar could change how a log line reads: controls, line separators, bidirectional formatting.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 and C1 controls (ESC of ANSI sequences among them), DEL
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional marks and overrides
        default: false
        }
    }
}
