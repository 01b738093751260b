/// The part of an HTTP `Cache-Control` header (RFC 9111 section 5.2) that a JWK Set cache needs: how long a response
/// may be reused.
struct CacheControl: Sendable, Hashable {
    /// The `max-age`; zero for `no-cache`, `no-store`, or an unparsable or repeated `max-age` (RFC 9111 section 4.2.1
    /// says to treat those as stale, so the lower bound applies); nil when the header gives none.
    let maxAge: Duration?

    /// Parses the directives of `header`, case-insensitively; unknown directives are ignored.
    init(_ header: String) {
        var maxAge: Duration?
        var seenMaxAge = false
        var noCache = false
        for rawDirective in header.split(separator: ",") {
            let parts = rawDirective.split(separator: "=", maxSplits: 1)
            let name = parts.first.map { $0.trimmingASCIISpaces().lowercased() } ?? ""
            switch name {
            case "no-cache", "no-store":
                noCache = true
            case "max-age":
                var text = parts.count == 2 ? parts[1].trimmingASCIISpaces() : ""
                // RFC 9111 section 5.2: the argument is a token, but a quoted one must be accepted too.
                if text.count >= 2, text.first == "\"", text.last == "\"" {
                    text = String(text.dropFirst().dropLast())
                }
                // Digits only (no sign); a huge value saturates rather than overflowing.
                if seenMaxAge || text.isEmpty || !text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    maxAge = .zero
                } else {
                    maxAge = .seconds(Int64(text.prefix(12)) ?? 0)
                }
                seenMaxAge = true
            default:
                continue
            }
        }
        self.maxAge = noCache ? .zero : maxAge
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs (HTTP's optional whitespace).
    fileprivate func trimmingASCIISpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(self.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
