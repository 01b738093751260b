/// The verification keys of a JSON Web Key Set (RFC 7517 section 5), selected by `kid`.
///
/// Parsing keeps every key this library can verify with: `kty` `EC` (P-256, P-384, P-521), `OKP` (Ed25519), `RSA`
/// and `oct`, each valid, and, when given, with `use` `sig` and `key_ops` containing `verify`. Each key is bound to
/// one algorithm: its `alg` member, else its type's only one (ES256, ES384, ES512 by curve; EdDSA for Ed25519), else
/// `defaultAlgorithm` for an RSA or `oct` key without `alg`. Every other key (an encryption key, an unknown curve or
/// type, a weak key, an RSA key with no algorithm, a malformed one) is skipped, not fatal, and listed in ``skipped``
/// with the reason, so a provider that publishes mixed keys still works. Private members (`d`, `p`, ...) are
/// ignored: a verifier needs public keys only.
///
/// A set that mixes secret (`oct`) keys with public ones is refused: a document that publishes public keys must not
/// carry a secret, and Wycheproof's `MixedKeySet` test calls such a set ambiguous.
///
/// A key set is an immutable value: rotate keys by making a new set.
public struct JWKSet: Sendable {
    /// A usable key and the `kid` it was published under.
    public struct Entry: Sendable, Hashable {
        /// The key's `kid`, if it had one.
        public let keyID: String?
        /// The verification key, bound to its algorithm.
        public let key: JWTVerificationKey

        /// A key and its optional `kid`.
        public init(keyID: String?, key: JWTVerificationKey) {
            self.keyID = keyID
            self.key = key
        }

        /// An ES256 key and its optional `kid`.
        public init(keyID: String?, key: ES256.PublicKey) {
            self.init(keyID: keyID, key: JWTVerificationKey(key))
        }
    }

    /// A key of the set that was not kept, and why.
    public struct SkippedKey: Sendable, Hashable {
        /// The key's position in the set's `keys` array.
        public let index: Int
        /// The key's `kid`, if it had one.
        public let keyID: String?
        /// Why the key cannot be used.
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
    ///   - defaultAlgorithm: The algorithm of RSA and `oct` keys that have no `alg` member (their type allows
    ///     several); nil skips such keys. Keys with `alg`, and EC and OKP keys, ignore it.
    /// - Throws: ``JWTError/Code/invalidJSON`` and its relatives for bad JSON; ``JWTError/Code/invalidKey`` when the
    ///   document is not an object with a `keys` array of objects; ``JWTError/Code/limitExceeded`` for too many keys;
    ///   ``JWTError/Code/unsupportedKey`` for a set that mixes `oct` keys with public ones.
    public init(
        parsing bytes: some Collection<UInt8>,
        maximumKeyCount: Int = JWKSet.defaultMaximumKeyCount,
        options: JSONParsingOptions = JSONParsingOptions(),
        defaultAlgorithm: JWSAlgorithm? = nil
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
        var objects: [JSONObject] = []
        for (index, key) in keys.enumerated() {
            guard case .object(let jwk) = key else {
                throw JWTError(
                    code: .invalidKey,
                    reason: "the JWK Set's key \(index) must be a JSON object, not \(key.kindDescription)"
                )
            }
            objects.append(jwk)
        }
        let types = Set(objects.compactMap { $0["kty"]?.stringValue })
        if types.contains("oct"), !types.isDisjoint(with: ["EC", "RSA", "OKP"]) {
            throw JWTError(
                code: .unsupportedKey,
                reason: "the JWK Set mixes secret (kty \"oct\") keys with public ones; a set that publishes public "
                    + "keys must not carry a secret, so keep HMAC keys in a set of their own"
            )
        }
        var entries: [Entry] = []
        var skipped: [SkippedKey] = []
        for (index, jwk) in objects.enumerated() {
            let keyID = jwk["kid"]?.stringValue
            do {
                entries.append(
                    Entry(keyID: keyID, key: try Self.verificationKey(jwk, defaultAlgorithm: defaultAlgorithm))
                )
            } catch {
                skipped.append(SkippedKey(index: index, keyID: keyID, reason: error.reason))
            }
        }
        self.entries = entries
        self.skipped = skipped
    }

    /// Parses a JWK Set document from text.
    ///
    /// - Throws: as ``init(parsing:maximumKeyCount:options:defaultAlgorithm:)-(Collection<UInt8>,_,_,_)``.
    public init(
        parsing text: String,
        maximumKeyCount: Int = JWKSet.defaultMaximumKeyCount,
        options: JSONParsingOptions = JSONParsingOptions(),
        defaultAlgorithm: JWSAlgorithm? = nil
    ) throws(JWTError) {
        try self.init(
            parsing: Array(text.utf8),
            maximumKeyCount: maximumKeyCount,
            options: options,
            defaultAlgorithm: defaultAlgorithm
        )
    }

    /// The key a token's `kid` selects.
    ///
    /// - Parameter keyID: The token header's `kid`, or nil when it has none.
    /// - Returns: The one key published under `keyID`; without a `kid`, the only key of the set.
    /// - Throws: ``JWTError/Code/unknownKeyID`` when no key has that `kid` (never a fallback to another key);
    ///   ``JWTError/Code/ambiguousKey`` when several keys share it, or when there is no `kid` and the set holds
    ///   several keys.
    public func key(forKeyID keyID: String?) throws(JWTError) -> JWTVerificationKey {
        guard let keyID else {
            guard entries.count == 1, let only = entries.first else {
                throw JWTError(
                    code: entries.isEmpty ? .unknownKeyID : .ambiguousKey,
                    reason: entries.isEmpty
                        ? "the key set holds no usable key"
                        : "the token has no \"kid\" and the key set holds \(entries.count) keys, so none can be chosen"
                )
            }
            return only.key
        }
        var found: JWTVerificationKey?
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

    /// Imports one JWK of a set as a verification key, or says why it is not one: the private members of an
    /// asymmetric key are dropped first, and `defaultAlgorithm` binds an RSA or `oct` key that has no `alg`.
    static func verificationKey(
        _ jwk: JSONObject,
        defaultAlgorithm: JWSAlgorithm? = nil
    ) throws(JWTError)
        -> JWTVerificationKey
    {
        let keyType = jwk["kty"]?.stringValue
        var members = jwk
        if keyType != "oct" {
            for name in ["d", "p", "q", "dp", "dq", "qi", "oth"] {
                members.removeValue(forName: name)
            }
        }
        let takesDefault = jwk["alg"] == nil && (keyType == "RSA" || keyType == "oct")
        return try JWTVerificationKey(jwk: members, algorithm: takesDefault ? defaultAlgorithm : nil)
    }
}
