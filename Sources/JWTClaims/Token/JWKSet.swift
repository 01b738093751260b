/// The ES256 verification keys of a JSON Web Key Set (RFC 7517 section 5), selected by `kid`.
///
/// Parsing keeps only the keys that can verify ES256 signatures: `kty` `EC`, `crv` `P-256`, a valid point, and, when
/// given, `use` `sig`, `alg` `ES256` and `key_ops` containing `verify`. Every other key (RSA, symmetric, another
/// curve, an encryption key, a malformed one) is skipped, not fatal, and listed in ``skipped`` with the reason, so a
/// provider that publishes mixed keys still works. Private members (`d`) are ignored: a verifier needs public keys
/// only.
///
/// A key set is an immutable value: rotate keys by making a new set.
public struct JWKSet: Sendable {
    /// A usable key and the `kid` it was published under.
    public struct Entry: Sendable, Hashable {
        /// The key's `kid`, if it had one.
        public let keyID: String?
        /// The verification key.
        public let key: ES256.PublicKey

        /// A key and its optional `kid`.
        public init(keyID: String?, key: ES256.PublicKey) {
            self.keyID = keyID
            self.key = key
        }
    }

    /// A key of the set that was not kept, and why.
    public struct SkippedKey: Sendable, Hashable {
        /// The key's position in the set's `keys` array.
        public let index: Int
        /// The key's `kid`, if it had one.
        public let keyID: String?
        /// Why the key cannot verify ES256 signatures.
        public let reason: String
    }

    /// The usable keys, in the set's order.
    public let entries: [Entry]
    /// The keys that were skipped, with reasons.
    public let skipped: [SkippedKey]

    /// The largest number of keys a set may hold; larger sets are refused before any key is imported.
    public static let defaultMaximumKeyCount = 1000

    /// A set of the given keys.
    public init(_ entries: [Entry]) {
        self.entries = entries
        self.skipped = []
    }

    /// Parses a JWK Set document, `{"keys": [...]}`.
    ///
    /// - Parameters:
    ///   - bytes: The JSON text.
    ///   - maximumKeyCount: The largest `keys` array accepted.
    ///   - options: Bounds for the JSON.
    /// - Throws: ``JWTError/Code/invalidJSON`` and its relatives for bad JSON; ``JWTError/Code/invalidKey`` when the
    ///   document is not an object with a `keys` array of objects; ``JWTError/Code/limitExceeded`` for too many keys.
    public init(
        parsing bytes: some Collection<UInt8>,
        maximumKeyCount: Int = JWKSet.defaultMaximumKeyCount,
        options: JSONParsingOptions = JSONParsingOptions()
    ) throws(JWTError) {
        let document = try JSONValue(parsing: bytes, options: options)
        guard case .object(let object) = document, let keysValue = object["keys"] else {
            throw JWTError(code: .invalidKey, reason: "a JWK Set must be a JSON object with a \"keys\" array")
        }
        guard case .array(let keys) = keysValue else {
            throw JWTError(
                code: .invalidKey,
                reason: "the JWK Set's \"keys\" must be an array, not \(keysValue.kindDescription)"
            )
        }
        guard keys.count <= maximumKeyCount else {
            throw JWTError(
                code: .limitExceeded,
                reason: "the JWK Set has \(keys.count) keys; the limit is \(maximumKeyCount)"
            )
        }
        var entries: [Entry] = []
        var skipped: [SkippedKey] = []
        for (index, key) in keys.enumerated() {
            guard case .object(let jwk) = key else {
                throw JWTError(
                    code: .invalidKey,
                    reason: "the JWK Set's key \(index) must be a JSON object, not \(key.kindDescription)"
                )
            }
            let keyID = jwk["kid"]?.stringValue
            do {
                entries.append(Entry(keyID: keyID, key: try Self.verificationKey(jwk)))
            } catch {
                skipped.append(SkippedKey(index: index, keyID: keyID, reason: error.reason))
            }
        }
        self.entries = entries
        self.skipped = skipped
    }

    /// Parses a JWK Set document from text.
    ///
    /// - Throws: as ``init(parsing:maximumKeyCount:options:)``.
    public init(
        parsing text: String,
        maximumKeyCount: Int = JWKSet.defaultMaximumKeyCount,
        options: JSONParsingOptions = JSONParsingOptions()
    ) throws(JWTError) {
        try self.init(parsing: Array(text.utf8), maximumKeyCount: maximumKeyCount, options: options)
    }

    /// The key a token's `kid` selects.
    ///
    /// - Parameter keyID: The token header's `kid`, or nil when it has none.
    /// - Returns: The one key published under `keyID`; without a `kid`, the only key of the set.
    /// - Throws: ``JWTError/Code/unknownKeyID`` when no key has that `kid` (never a fallback to another key);
    ///   ``JWTError/Code/ambiguousKey`` when several keys share it, or when there is no `kid` and the set holds
    ///   several keys.
    public func key(forKeyID keyID: String?) throws(JWTError) -> ES256.PublicKey {
        guard let keyID else {
            guard entries.count == 1, let only = entries.first else {
                throw JWTError(
                    code: entries.isEmpty ? .unknownKeyID : .ambiguousKey,
                    reason: entries.isEmpty
                        ? "the key set holds no usable ES256 key"
                        : "the token has no \"kid\" and the key set holds \(entries.count) keys, so none can be chosen"
                )
            }
            return only.key
        }
        var found: ES256.PublicKey?
        // Code unit by code unit, as RFC 7515 section 5.3 requires: Swift's `==` would also match a `kid` that is
        // only canonically equivalent ("\u{212A}1", KELVIN SIGN, equals "K1").
        for entry in entries where entry.keyID.map({ CodeUnitString.equal($0, keyID) }) == true {
            guard found == nil else {
                throw JWTError(
                    code: .ambiguousKey,
                    reason: "several keys of the key set have the kid \(JWTError.quoted(keyID))"
                )
            }
            found = entry.key
        }
        guard let found else {
            throw JWTError(code: .unknownKeyID, reason: "no key of the key set has the kid \(JWTError.quoted(keyID))")
        }
        return found
    }

    /// Imports one JWK as an ES256 verification key, or says why it is not one.
    static func verificationKey(_ jwk: JSONObject) throws(JWTError) -> ES256.PublicKey {
        if let use = jwk["use"], use.stringValue != "sig" {
            throw JWTError(code: .unsupportedKey, reason: "the key's \"use\" is \(JWTError.describe(use)), not \"sig\"")
        }
        if let alg = jwk["alg"], alg.stringValue != "ES256" {
            throw JWTError(
                code: .unsupportedKey,
                reason: "the key's \"alg\" is \(JWTError.describe(alg)), not \"ES256\""
            )
        }
        if let operations = jwk["key_ops"] {
            guard let list = operations.arrayValue, list.contains(.string("verify")) else {
                throw JWTError(
                    code: .unsupportedKey,
                    reason: "the key's \"key_ops\" \(JWTError.describe(operations)) does not allow \"verify\""
                )
            }
        }
        var publicMembers = jwk
        publicMembers.removeValue(forName: "d")
        return try ES256.PublicKey(jwk: publicMembers)
    }
}
