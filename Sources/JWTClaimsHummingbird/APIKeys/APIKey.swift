public import JWTClaims

/// One API key of the service: a public id, the SHA-256 digest of its secret, and the browser origins it allows.
///
/// The secret itself is never kept: a presented secret is hashed and its digest compared with ``secretDigest`` in
/// constant time. The id is public (it lives in front-end code and appears in the refresh path
/// `/api/v0/token/{API_KEY_ID}`), so it is validated to be safe as one path segment.
public struct APIKey: Hashable, Sendable, CustomStringConvertible {
    /// The longest id accepted, in bytes.
    public static let maximumIDLength = 128
    /// The path segments of the API that an id may not equal, compared ignoring ASCII case: the fixed routes under
    /// `/api/v0/token/` win over the refresh route's `{API_KEY_ID}`, so a key with such an id could never refresh.
    public static let reservedIDs: Set<String> = ["issue", "custom", "revoke", "jwks"]

    /// The key's id, the `API_KEY_ID` clients send and every minted token's `aud`.
    public let id: String
    /// The SHA-256 digest of the secret's UTF-8 bytes (32 bytes).
    public let secretDigest: [UInt8]
    /// The browser origins allowed to use this key.
    public let allowedOrigins: AllowedOrigins
    /// An optional human label from the key file's `name` member, for operators; never used for decisions.
    public let name: String?

    /// A key with the given id, secret digest and origins.
    ///
    /// - Parameters:
    ///   - id: 1 to ``maximumIDLength`` characters from `A-Z a-z 0-9 - . _ ~` (RFC 3986's unreserved characters,
    ///     which need no escaping in a path), not `.` or `..`, and none of ``reservedIDs``.
    ///   - secretDigest: The 32-byte SHA-256 digest of the secret.
    ///   - allowedOrigins: The browser origins allowed; default any.
    ///   - name: An optional label.
    /// - Throws: `invalidKey` naming the rule the id or digest breaks (the id quoted and escaped).
    public init(
        id: String,
        secretDigest: [UInt8],
        allowedOrigins: AllowedOrigins = .any,
        name: String? = nil
    ) throws(JWTError) {
        try Self.validate(id: id)
        guard secretDigest.count == 32 else {
            throw JWTError(
                code: .invalidKey,
                reason: "the API key \(JWTError.quoted(id))'s secret digest is \(secretDigest.count) bytes; a SHA-256 "
                    + "digest is 32"
            )
        }
        self.id = id
        self.secretDigest = secretDigest
        self.allowedOrigins = allowedOrigins
        self.name = name
    }

    /// Whether `secret` is this key's secret: its SHA-256 digest compared with ``secretDigest`` in constant time.
    ///
    /// - Parameter secret: The presented secret's text.
    /// - Returns: True when the digests are equal.
    public func matches(secret: String) -> Bool {
        guard let digest = try? SHA256.hash(Array(secret.utf8)) else { return false }
        return ConstantTime.isEqual(digest, secretDigest)
    }

    /// The id and the key's origins; never the digest.
    public var description: String {
        "APIKey(id: \(JWTError.quoted(id)), allowedOrigins: \(allowedOrigins))"
    }

    /// Checks an id against the rules of ``init(id:secretDigest:allowedOrigins:name:)``.
    static func validate(id: String) throws(JWTError) {
        guard !id.isEmpty else {
            throw JWTError(code: .invalidKey, reason: "an API key's id is empty")
        }
        guard id.utf8.count <= maximumIDLength else {
            throw JWTError(
                code: .invalidKey,
                reason: "the API key id \(JWTError.quoted(id)) is \(id.utf8.count) bytes long; the limit is "
                    + "\(maximumIDLength)"
            )
        }
        let unreserved = id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                return true
            default:
                return false
            }
        }
        guard unreserved else {
            throw JWTError(
                code: .invalidKey,
                reason: "the API key id \(JWTError.quoted(id)) may hold only the characters A-Z a-z 0-9 - . _ ~ "
                    + "(it is one path segment of the refresh endpoint)"
            )
        }
        guard id != ".", id != ".." else {
            throw JWTError(code: .invalidKey, reason: "the API key id \(JWTError.quoted(id)) is a path step")
        }
        guard !reservedIDs.contains(id.lowercased()) else {
            throw JWTError(
                code: .invalidKey,
                reason: "the API key id \(JWTError.quoted(id)) equals a fixed path segment of the API ("
                    + reservedIDs.sorted().joined(separator: ", ") + ")"
            )
        }
    }
}
