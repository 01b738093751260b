public import JWTClaims

/// The service's API keys, by id: what `--api-keys FILE` holds.
///
/// The file is JSON, read strictly with the package's own parser (duplicate member names, unknown members and
/// values of the wrong type are refused, each with a reason naming the problem):
///
/// ```json
/// {"keys": [
///   {"id": "k7Jc...", "secret_sha256": "<64 lowercase hex digits>",
///    "allowed_origins": ["https://app.example"], "name": "web app"}
/// ]}
/// ```
///
/// Members of a key: `id` and `secret_sha256` (the SHA-256 of the secret's UTF-8 bytes, 64 lowercase hex digits)
/// are required; `allowed_origins` (an array of `scheme://host[:port]` strings, or `["*"]`; absent means any) and
/// `name` (a label for operators) are optional. Ids are unique and follow ``APIKey``'s rules.
///
/// `jwt-claims apikey new` adds a key with ``NewAPIKey/generate(allowedOrigins:name:)`` and
/// ``adding(_:toFile:)``; the command does the file I/O.
public struct APIKeySet: Sendable {
    /// The keys, in the file's order.
    public let keys: [APIKey]
    /// The keys by id.
    private let byID: [String: APIKey]

    /// A set of the given keys.
    ///
    /// - Throws: `invalidKey` when two keys share an id.
    public init(_ keys: [APIKey]) throws(JWTError) {
        var byID: [String: APIKey] = [:]
        for key in keys {
            guard byID.updateValue(key, forKey: key.id) == nil else {
                throw JWTError(code: .invalidKey, reason: "the API key id \(JWTError.quoted(key.id)) appears twice")
            }
        }
        self.keys = keys
        self.byID = byID
    }

    /// The key whose id is `id`, or nil.
    public func key(forID id: String) -> APIKey? {
        byID[id]
    }

    /// Whether no key is configured.
    public var isEmpty: Bool { keys.isEmpty }
}
