internal import JWTClaims

/// The parts of a `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?OPTIONS]` URL, decoded and checked; see
/// ``PostgresRefreshTokenStore/Configuration/init(url:)`` for the grammar.
///
/// The URL holds a password, so no error quotes it or any part of it; only option names (which are not secret) are
/// shown. The text is read as UTF-8 bytes: every delimiter is ASCII.
struct PostgresURL: Sendable {
    var username: String
    var password: String?
    var host: String
    var port = 5432
    var database: String
    var tls = PostgresRefreshTokenStore.TLSMode.prefer
    var connectTimeout: Duration?

    /// What a reason adds when a delimiter appeared where it cannot be: the usual cause is a password with one of
    /// them unencoded.
    private static let encodingHint =
        "(a / ? # @ : or % in the user name or password must be percent-encoded, such as %2F for /)"

    init(parsing text: String) throws(JWTError) {
        let bytes = Array(text.utf8)
        guard let schemeEnd = Self.firstIndex(of: Array("://".utf8), in: bytes[...]) else {
            throw .invalidConfiguration("a PostgreSQL URL starts with postgres:// or postgresql://")
        }
        let scheme = String(decoding: bytes[..<schemeEnd], as: UTF8.self).lowercased()
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw .invalidConfiguration("a PostgreSQL URL starts with postgres:// or postgresql://")
        }
        let rest = bytes[(schemeEnd + 3)...]
        guard !rest.contains(UInt8(ascii: "#")) else {
            throw .invalidConfiguration("the URL has a fragment (#) \(Self.encodingHint)")
        }
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else {
            throw .invalidConfiguration("the URL names no database (/DATABASE after the host) \(Self.encodingHint)")
        }
        let authority = rest[..<slash]
        guard !authority.contains(UInt8(ascii: "?")) else {
            throw .invalidConfiguration("the URL has a ? before the database \(Self.encodingHint)")
        }
        // The last @ ends the user information, so a user name such as name@example.com may stay unencoded.
        guard let at = authority.lastIndex(of: UInt8(ascii: "@")) else {
            throw .invalidConfiguration("the URL names no user (USER@HOST) \(Self.encodingHint)")
        }
        let userInformation = authority[..<at]
        if let colon = userInformation.firstIndex(of: UInt8(ascii: ":")) {
            username = try Self.decode(userInformation[..<colon], "the user name")
            password = try Self.decode(userInformation[(colon + 1)...], "the password")
        } else {
            username = try Self.decode(userInformation, "the user name")
            password = nil
        }
        guard !username.isEmpty else {
            throw .invalidConfiguration("the URL's user name is empty (USER@HOST)")
        }
        host = ""
        database = ""
        try readHostAndPort(authority[(at + 1)...])

        let afterSlash = rest[(slash + 1)...]
        let question = afterSlash.firstIndex(of: UInt8(ascii: "?"))
        let path = afterSlash[..<(question ?? afterSlash.endIndex)]
        guard !path.contains(UInt8(ascii: "/")) else {
            throw .invalidConfiguration("the URL's path has more than one segment: it is /DATABASE alone")
        }
        database = try Self.decode(path, "the database name")
        guard !database.isEmpty else {
            throw .invalidConfiguration("the URL names no database (/DATABASE after the host)")
        }
        if let question {
            try readOptions(afterSlash[(question + 1)...])
        }
    }

    /// Reads `HOST[:PORT]`, the host a name, an IPv4 address or an IPv6 address in brackets.
    private mutating func readHostAndPort(_ text: ArraySlice<UInt8>) throws(JWTError) {
        let portText: ArraySlice<UInt8>?
        if text.first == UInt8(ascii: "[") {
            guard let close = text.firstIndex(of: UInt8(ascii: "]")) else {
                throw .invalidConfiguration("the URL's IPv6 address has no closing ]")
            }
            // The zone of a link-local address is written %25eth0 and decodes to %eth0.
            host = try Self.decode(text[(text.startIndex + 1)..<close], "the IPv6 address")
            guard host.contains(":"), host.utf8.allSatisfy(Self.isIPv6Character) else {
                throw .invalidConfiguration("the URL's host in brackets is not an IPv6 address")
            }
            let after = text[(close + 1)...]
            if after.isEmpty {
                portText = nil
            } else if after.first == UInt8(ascii: ":") {
                portText = after.dropFirst()
            } else {
                throw .invalidConfiguration("the URL has text after its IPv6 address's ] that is not :PORT")
            }
        } else {
            let colons = text.indices.filter { text[$0] == UInt8(ascii: ":") }
            guard colons.count <= 1 else {
                throw .invalidConfiguration("the URL's host has several colons: write an IPv6 address in brackets")
            }
            host = try Self.decode(text[..<(colons.first ?? text.endIndex)], "the host")
            portText = colons.first.map { text[($0 + 1)...] }
            guard !host.contains("/") else {
                throw .invalidConfiguration("the URL's host is a path: Unix-domain sockets are not supported")
            }
        }
        guard !host.isEmpty else {
            throw .invalidConfiguration("the URL names no host (USER@HOST/DATABASE)")
        }
        if let portText {
            guard let port = Self.wholeNumber(portText), (1...65_535).contains(port) else {
                throw .invalidConfiguration("the URL's port is not a number from 1 to 65535")
            }
            self.port = port
        }
    }

    /// Reads `name=value&…`: the options this store knows, each at most once.
    private mutating func readOptions(_ text: ArraySlice<UInt8>) throws(JWTError) {
        var seen: Set<String> = []
        var sslMode: String?
        var rootCertificate: String?
        for pair in text.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false) {
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else {
                throw .invalidConfiguration("the URL has an option without a value (name=value)")
            }
            let name = try Self.decode(pair[..<equals], "an option name")
            let value = pair[(equals + 1)...]
            guard seen.insert(name).inserted else {
                throw .invalidConfiguration("the URL sets the option \(JWTError.quoted(name)) twice")
            }
            switch name {
            case "sslmode":
                sslMode = try Self.decode(value, "the sslmode")
            case "sslrootcert":
                rootCertificate = try Self.decode(value, "the sslrootcert path")
                guard rootCertificate?.isEmpty == false else {
                    throw .invalidConfiguration("the URL's sslrootcert is empty")
                }
            case "connect_timeout":
                guard let seconds = Self.wholeNumber(value), (1...3600).contains(seconds) else {
                    throw .invalidConfiguration("the URL's connect_timeout is not a whole number of seconds, 1 to 3600")
                }
                connectTimeout = .seconds(seconds)
            default:
                throw .invalidConfiguration(
                    "the URL has an unknown option \(JWTError.quoted(name)) (known: sslmode, sslrootcert, "
                        + "connect_timeout)"
                )
            }
        }
        switch (sslMode ?? "prefer", rootCertificate) {
        case ("disable", nil): tls = .disable
        case ("prefer", nil): tls = .prefer
        case ("require", let path): tls = .require(rootCertificatePath: path)
        case ("verify-ca", let path): tls = .verifyCA(rootCertificatePath: path)
        case ("verify-full", let path): tls = .verifyFull(rootCertificatePath: path)
        case ("disable", _), ("prefer", _):
            throw .invalidConfiguration("sslrootcert needs sslmode=require, verify-ca or verify-full")
        default:
            // The value is not shown: it is URL text.
            throw .invalidConfiguration(
                "the URL's sslmode is none of disable, prefer, require, verify-ca, verify-full"
            )
        }
    }

    // MARK: Percent-encoding

    /// Percent-decodes `text` strictly (`%` and two hex digits; a `%` otherwise is refused) into UTF-8 text.
    ///
    /// - Parameter part: What the text is, for the reason (never the text itself).
    private static func decode(_ text: ArraySlice<UInt8>, _ part: String) throws(JWTError) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            guard byte == UInt8(ascii: "%") else {
                decoded.append(byte)
                index += 1
                continue
            }
            guard index + 2 < text.endIndex, let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2])
            else {
                throw .invalidConfiguration(
                    "\(part) in the URL has a % that is not followed by two hexadecimal digits (write % as %25)"
                )
            }
            decoded.append(high << 4 | low)
            index += 3
        }
        guard let string = String(validating: decoded, as: UTF8.self) else {
            throw .invalidConfiguration("\(part) in the URL does not decode to UTF-8 text")
        }
        guard !decoded.contains(0) else {
            throw .invalidConfiguration("\(part) in the URL contains a NUL character (%00)")
        }
        return string
    }

    /// Unreserved characters (RFC 3986), which ``encode(_:allowing:)`` writes as they are in a user or database name.
    static let userCharacters: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
    )

    /// ``userCharacters`` and `:`, for a host (an IPv6 address; a zone's `%` is encoded).
    static let hostCharacters: Set<UInt8> = userCharacters.union([UInt8(ascii: ":")])

    /// ``userCharacters`` and `/`, for a file path.
    static let pathCharacters: Set<UInt8> = userCharacters.union([UInt8(ascii: "/")])

    /// Percent-encodes every byte of `text` outside `allowed`, for a URL that ``init(parsing:)`` reads back.
    static func encode(_ text: String, allowing allowed: Set<UInt8>) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var encoded: [UInt8] = []
        for byte in text.utf8 {
            if allowed.contains(byte) {
                encoded.append(byte)
            } else {
                encoded += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Characters of an IPv6 address as written in a URL: hex digits, colons, dots (an embedded IPv4 address) and a
    /// zone after `%`.
    private static func isIPv6Character(_ byte: UInt8) -> Bool {
        hexValue(byte) != nil || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "%")
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    /// A decimal number of 1 to 5 digits, nothing else (no sign, no space).
    private static func wholeNumber(_ text: ArraySlice<UInt8>) -> Int? {
        guard (1...5).contains(text.count) else { return nil }
        var value = 0
        for byte in text {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Where `needle` first occurs in `haystack`.
    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return haystack.indices.dropLast(needle.count - 1).first { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
