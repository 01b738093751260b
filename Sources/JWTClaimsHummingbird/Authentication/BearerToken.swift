import HTTPTypes

/// The token of an `Authorization: Bearer` header (RFC 6750 section 2.1), parsed strictly: the scheme in any case,
/// one or more spaces, then a token68 (letters, digits, `-._~+/`, trailing `=`), nothing else.
enum BearerToken {
    /// The longest token accepted, in bytes (a JWT larger than this is refused unread).
    static let maximumLength = 16 * 1024

    /// The Bearer token of the first `Authorization` header with the Bearer scheme, or nil when there is none.
    ///
    /// - Throws: ``ServiceError`` 401 `invalid_token` for a Bearer header whose token is missing or malformed.
    static func token(in fields: HTTPFields) throws(ServiceError) -> String? {
        for value in fields[values: .authorization] {
            let bytes = Array(value.utf8)
            let scheme = Array("bearer".utf8)
            guard bytes.count >= scheme.count,
                zip(bytes, scheme).allSatisfy({ ($0 | 0x20) == $1 })
            else { continue }
            let rest = bytes[scheme.count...]
            guard rest.first == UInt8(ascii: " ") else {
                guard rest.isEmpty else { continue }  // another scheme that starts with "bearer"
                throw .invalidBearerToken("the Authorization header has no bearer token")
            }
            let token = rest.drop { $0 == UInt8(ascii: " ") }
            guard !token.isEmpty else {
                throw .invalidBearerToken("the Authorization header has no bearer token")
            }
            guard token.count <= maximumLength else {
                throw .invalidBearerToken("the bearer token is longer than \(maximumLength) bytes")
            }
            guard isToken68(token) else {
                throw .invalidBearerToken("the bearer token holds characters a token may not (RFC 6750 section 2.1)")
            }
            return String(decoding: token, as: UTF8.self)
        }
        return nil
    }

    private static func isToken68(_ bytes: ArraySlice<UInt8>) -> Bool {
        var seenPadding = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "="):
                seenPadding = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                if seenPadding { return false }
            default:
                return false
            }
        }
        return true
    }
}
