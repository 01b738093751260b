public import JWTClaims

extension APIKeySet {
    /// The largest key file accepted, in bytes (a million keys would not fit; a file this large is a mistake).
    public static let maximumFileSize = 16 * 1024 * 1024

    /// Parses an API-key file (see ``APIKeySet``).
    ///
    /// - Parameter bytes: The file's bytes.
    /// - Throws: `JWTError`: `invalidJSON`, `duplicateMember` or `limitExceeded` for bad JSON (with the offset);
    ///   `typeMismatch` for a document that is not `{"keys": [...]}`, a key that is not an object, an unknown or
    ///   missing member, or a member of the wrong type; `invalidKey` for an id, digest or origin that breaks its
    ///   rule or an id that appears twice. Every reason names the key by its index and the member involved.
    public init(parsing bytes: some Collection<UInt8>) throws(JWTError) {
        let keyObjects = try Self.keyObjects(in: bytes)
        var keys: [APIKey] = []
        keys.reserveCapacity(keyObjects.count)
        for (index, object) in keyObjects.enumerated() {
            keys.append(try Self.key(from: object, index: index))
        }
        try self.init(keys)
    }

    /// The bytes of `file` with `key` added at the end: what `jwt-claims apikey new` writes back.
    ///
    /// The existing file is checked as ``init(parsing:)`` checks it (a broken file is never rewritten) and kept as
    /// it is, member for member; the result is compact JSON ending in a line feed.
    ///
    /// - Parameters:
    ///   - key: The key to add.
    ///   - file: The file's current bytes, or nil when it does not exist yet.
    /// - Returns: The new file's bytes.
    /// - Throws: As ``init(parsing:)`` for the existing file; `invalidKey` when its id is already there.
    public static func adding(_ key: APIKey, toFile file: [UInt8]?) throws(JWTError) -> [UInt8] {
        var keyObjects: [JSONObject] = []
        if let file {
            let existing = try APIKeySet(parsing: file)
            guard existing.key(forID: key.id) == nil else {
                throw JWTError(code: .invalidKey, reason: "the API key id \(JWTError.quoted(key.id)) appears twice")
            }
            keyObjects = try Self.keyObjects(in: file)
        }
        keyObjects.append(Self.object(for: key))
        let document: JSONObject = ["keys": .array(keyObjects.map { .object($0) })]
        return document.serializedBytes() + [UInt8(ascii: "\n")]
    }

    /// The key file's member for `key`.
    static func object(for key: APIKey) -> JSONObject {
        var object: JSONObject = [
            "id": .string(key.id),
            "secret_sha256": .string(Hex.encode(key.secretDigest)),
        ]
        if case .only(let origins) = key.allowedOrigins {
            object["allowed_origins"] = .array(origins.sorted().map { .string($0) })
        }
        if let name = key.name {
            object["name"] = .string(name)
        }
        return object
    }

    /// The `keys` array's objects, after checking the document's shape.
    private static func keyObjects(in bytes: some Collection<UInt8>) throws(JWTError) -> [JSONObject] {
        guard bytes.count <= maximumFileSize else {
            throw JWTError(
                code: .limitExceeded,
                reason: "the API-key file is \(bytes.count) bytes; the limit is \(maximumFileSize)"
            )
        }
        var options = JSONParsingOptions()
        options.maximumInputSize = maximumFileSize
        let document = try JSONValue(parsing: bytes, options: options)
        guard case .object(let object) = document else {
            throw JWTError(
                code: .typeMismatch,
                reason: "an API-key file must be a JSON object {\"keys\": [...]}, not \(document.kindDescription)"
            )
        }
        for name in object.names where name != "keys" {
            throw JWTError(
                code: .typeMismatch,
                reason: "the API-key file has an unknown member \(JWTError.quoted(name)); allowed: \"keys\""
            )
        }
        guard let keysValue = object["keys"] else {
            throw JWTError(code: .typeMismatch, reason: "the API-key file has no \"keys\" member")
        }
        guard case .array(let values) = keysValue else {
            throw JWTError(
                code: .typeMismatch,
                reason: "the API-key file's \"keys\" must be an array, not \(keysValue.kindDescription)"
            )
        }
        var objects: [JSONObject] = []
        for (index, value) in values.enumerated() {
            guard case .object(let keyObject) = value else {
                throw JWTError(
                    code: .typeMismatch,
                    reason: "API key \(index) must be a JSON object, not \(value.kindDescription)"
                )
            }
            objects.append(keyObject)
        }
        return objects
    }

    /// One key from its object, checked member by member.
    private static func key(from object: JSONObject, index: Int) throws(JWTError) -> APIKey {
        let allowed = ["id", "secret_sha256", "allowed_origins", "name"]
        for name in object.names where !allowed.contains(name) {
            throw JWTError(
                code: .typeMismatch,
                reason: "API key \(index) has an unknown member \(JWTError.quoted(name)); allowed: "
                    + JWTError.quotedList(allowed)
            )
        }
        let id = try requiredString("id", in: object, index: index)
        let hex = try requiredString("secret_sha256", in: object, index: index)
        guard let digest = Hex.decodeLowercase(hex), digest.count == 32 else {
            throw JWTError(
                code: .invalidKey,
                reason: "API key \(index)'s \"secret_sha256\" must be 64 lowercase hex digits (the SHA-256 of the "
                    + "secret)"
            )
        }
        var origins = AllowedOrigins.any
        if let value = object["allowed_origins"] {
            origins = try allowedOrigins(value, index: index)
        }
        var name: String?
        if let value = object["name"] {
            guard case .string(let text) = value else {
                throw JWTError(
                    code: .typeMismatch,
                    reason: "API key \(index)'s \"name\" must be a string, not \(value.kindDescription)"
                )
            }
            name = text
        }
        do {
            return try APIKey(id: id, secretDigest: digest, allowedOrigins: origins, name: name)
        } catch {
            throw JWTError(code: error.code, reason: "API key \(index): \(error.reason)")
        }
    }

    /// A required string member of key `index`.
    private static func requiredString(_ name: String, in object: JSONObject, index: Int) throws(JWTError) -> String {
        guard let value = object[name] else {
            throw JWTError(code: .typeMismatch, reason: "API key \(index) has no \"\(name)\" member")
        }
        guard case .string(let text) = value else {
            throw JWTError(
                code: .typeMismatch,
                reason: "API key \(index)'s \"\(name)\" must be a string, not \(value.kindDescription)"
            )
        }
        return text
    }

    /// The `allowed_origins` member of key `index`.
    private static func allowedOrigins(_ value: JSONValue, index: Int) throws(JWTError) -> AllowedOrigins {
        guard case .array(let values) = value else {
            throw JWTError(
                code: .typeMismatch,
                reason: "API key \(index)'s \"allowed_origins\" must be an array of strings, not "
                    + value.kindDescription
            )
        }
        var origins: Set<String> = []
        for element in values {
            guard case .string(let origin) = element else {
                throw JWTError(
                    code: .typeMismatch,
                    reason: "API key \(index)'s \"allowed_origins\" must hold strings, not \(element.kindDescription)"
                )
            }
            if origin == "*" {
                return .any
            }
            guard OriginSyntax.isValid(origin) else {
                throw JWTError(
                    code: .invalidKey,
                    reason: "API key \(index)'s allowed origin \(JWTError.quoted(origin)) is not "
                        + "scheme://host[:port] (no path, no trailing slash)"
                )
            }
            origins.insert(origin.lowercased())
        }
        return .only(origins)
    }
}
