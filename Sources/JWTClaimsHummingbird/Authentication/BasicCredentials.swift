import HTTPTypes

/// HTTP Basic credentials (RFC 7617), parsed by the service itself: hummingbird-auth's parser refuses an empty
/// password, which the contract's revoke allows (`curl -u KEY_ID:`).
///
/// Accepted: the scheme `Basic` in any case, one or more spaces, then padded standard Base64 of UTF-8
/// `user-id:password`, split at the first colon; the user id must not be empty, the password may be.
struct BasicCredentials: Sendable {
    /// The user id: the API key id.
    let userID: String
    /// The password: the API secret, possibly empty.
    let password: String

    /// The longest `Authorization` value parsed, in bytes; longer ones are refused unread.
    static let maximumLength = 1024

    /// The credentials of an `Authorization` header value, or nil when it is not Basic (another scheme).
    ///
    /// - Throws: ``ServiceError`` `invalid_client` when the value says Basic but is malformed.
    static func parse(_ value: String) -> Result<BasicCredentials, ServiceError>? {
        let bytes = Array(value.utf8)
        let scheme = Array("basic".utf8)
        guard bytes.count > scheme.count,
            zip(bytes, scheme).allSatisfy({ lowercased($0) == $1 }),
            bytes[scheme.count] == UInt8(ascii: " ")
        else {
            return nil
        }
        let failure = Result<BasicCredentials, ServiceError>.failure(.invalidClient(afterBasic: true))
        guard bytes.count <= maximumLength else { return failure }
        let encoded = bytes[(scheme.count + 1)...].drop { $0 == UInt8(ascii: " ") }
        guard let decoded = StandardBase64.decode(encoded),
            let text = String(validating: decoded, as: UTF8.self),
            let colon = text.firstIndex(of: ":")
        else {
            return failure
        }
        let userID = String(text[..<colon])
        guard !userID.isEmpty else { return failure }
        return .success(BasicCredentials(userID: userID, password: String(text[text.index(after: colon)...])))
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
