/// Reads and checks the members of a JSON Web Key (RFC 7517) that every key type shares: `kty`, `use`, `key_ops` and
/// `alg`, and the Base64URL members that carry key material.
///
/// Policy, the same for every key type:
/// - `use`, if present, must be `"sig"`; `key_ops`, if present, must be an array of distinct strings that includes
///   the operation the key is imported for (`"verify"` for a verification key, `"sign"` for a signing key); a key
///   meant for something else is ``JWTError/Code/unsupportedKey``.
/// - `alg`, if present, must name a supported JWS algorithm the key type can do, else
///   ``JWTError/Code/unsupportedKey``.
/// - Key material must be canonical Base64URL, else ``JWTError/Code/invalidKey``.
/// - Other members (`kid`, `x5c`, private extensions, ...) are ignored.
struct JWKReader {
    /// What the key is imported for, which decides the `key_ops` it must allow.
    enum Purpose {
        case verify
        case sign

        var operation: String { self == .verify ? "verify" : "sign" }
    }

    /// The JWK.
    let object: JSONObject

    init(_ object: JSONObject) {
        self.object = object
    }

    /// Whether the JWK has the member `name`.
    func has(_ name: String) -> Bool {
        object[name] != nil
    }

    /// The `kty` member, which every JWK must have.
    func keyType() throws(JWTError) -> String {
        guard let keyType = try string("kty", required: true) else {
            throw .invalidKey("the JWK has no \"kty\" member")
        }
        return keyType
    }

    /// A string member; nil if absent and not required.
    func string(_ name: String, required: Bool) throws(JWTError) -> String? {
        guard let value = object[name] else {
            if required { throw .invalidKey("the JWK has no \"\(name)\" member") }
            return nil
        }
        guard let text = value.stringValue else {
            throw .invalidKey("the JWK member \"\(name)\" must be a string")
        }
        return text
    }

    /// The bytes of the required Base64URL member `name`.
    func bytes(_ name: String) throws(JWTError) -> [UInt8] {
        guard let text = try string(name, required: true) else {
            throw .invalidKey("the JWK has no \"\(name)\" member")
        }
        do {
            return try Base64URL.decode(text)
        } catch {
            throw .invalidKey("the JWK member \"\(name)\" is not canonical Base64URL: \(error.reason)")
        }
    }

    /// The bytes of the required Base64URL member `name`, which must be exactly `count` bytes long; `rule` says why
    /// in the error (`"for P-256 (RFC 7518 section 6.2)"`).
    func bytes(_ name: String, count: Int, rule: String) throws(JWTError) -> [UInt8] {
        let bytes = try bytes(name)
        guard bytes.count == count else {
            throw .invalidKey(
                "the JWK member \"\(name)\" must encode exactly \(count) bytes \(rule), got \(bytes.count)"
            )
        }
        return bytes
    }

    /// Checks `use` and `key_ops` for `purpose`.
    func checkIntendedUse(for purpose: Purpose) throws(JWTError) {
        if let use = try string("use", required: false), use != "sig" {
            throw .unsupportedKey(
                "the JWK has use \(JWTError.quoted(use)); signing and verification keys must have use \"sig\""
            )
        }
        try checkKeyOperations(for: purpose)
    }

    /// `key_ops`, if present, must be distinct strings (RFC 7517 section 4.3) allowing `purpose`.
    private func checkKeyOperations(for purpose: Purpose) throws(JWTError) {
        guard let value = object["key_ops"] else { return }
        guard case .array(let elements) = value else {
            throw .invalidKey("the JWK member \"key_ops\" must be an array of strings")
        }
        var operations: [String] = []
        for element in elements {
            guard let operation = element.stringValue else {
                throw .invalidKey("the JWK member \"key_ops\" must be an array of strings")
            }
            guard !operations.contains(operation) else {
                throw .invalidKey("the JWK member \"key_ops\" lists \(JWTError.quoted(operation)) twice")
            }
            operations.append(operation)
        }
        guard operations.contains(purpose.operation) else {
            throw .unsupportedKey(
                "the JWK's key_ops [\(operations.map(JWTError.quoted).joined(separator: ", "))] do not include "
                    + "\"\(purpose.operation)\""
            )
        }
    }

    /// The algorithm the key is bound to: the JWK's `alg` and `explicit` (the caller's), which must agree when both
    /// are given, and one of `allowed` (the algorithms the key type can do). With neither, the only allowed algorithm
    /// when there is one; otherwise the key cannot be bound and the import fails.
    ///
    /// - Parameter keyDescription: names the key in messages (`"a P-256 key"`, `"an RSA key"`).
    /// - Throws: ``JWTError/Code/unsupportedKey`` for an `alg` that is not a supported JWS algorithm, one the key
    ///   cannot do, an `explicit` one that disagrees with the JWK's, or no algorithm for a key that could do several;
    ///   ``JWTError/Code/invalidKey`` for an `alg` that is not a string.
    func algorithm(
        explicit: JWSAlgorithm?,
        allowed: [JWSAlgorithm],
        keyDescription: String
    ) throws(JWTError) -> JWSAlgorithm {
        var declared: JWSAlgorithm?
        if let name = try string("alg", required: false) {
            guard let algorithm = JWSAlgorithm(rawValue: name), allowed.contains(algorithm) else {
                throw .unsupportedKey(
                    "the JWK has alg \(JWTError.quoted(name)); \(keyDescription) can only do "
                        + allowed.map(\.rawValue).joined(separator: ", ")
                )
            }
            declared = algorithm
        }
        return try JWKReader.bind(
            declared: declared,
            explicit: explicit,
            allowed: allowed,
            keyDescription: keyDescription,
            declaredBy: "the JWK's alg"
        )
    }

    /// The algorithm a key is bound to, from what the key declares and what the caller passes; see
    /// ``algorithm(explicit:allowed:keyDescription:)``.
    static func bind(
        declared: JWSAlgorithm?,
        explicit: JWSAlgorithm?,
        allowed: [JWSAlgorithm],
        keyDescription: String,
        declaredBy: String
    ) throws(JWTError) -> JWSAlgorithm {
        if let explicit {
            guard allowed.contains(explicit) else {
                throw .unsupportedKey(
                    "\(keyDescription) cannot do \(explicit); it can only do "
                        + allowed.map(\.rawValue).joined(separator: ", ")
                )
            }
            if let declared, declared != explicit {
                throw .unsupportedKey("\(declaredBy) is \(declared), but the key was asked to do \(explicit)")
            }
            return explicit
        }
        if let declared {
            return declared
        }
        guard allowed.count == 1, let only = allowed.first else {
            throw .unsupportedKey(
                "\(keyDescription) can do " + allowed.map(\.rawValue).joined(separator: ", ")
                    + "; say which one (the JWK's alg, or the algorithm parameter)"
            )
        }
        return only
    }

    /// The JSON object of `members`, in order. The names are fixed and distinct, so `append` (which throws only for
    /// a repeated name) cannot fail.
    static func object(_ members: [(String, String)]) -> JSONObject {
        var object = JSONObject()
        for (name, value) in members {
            try? object.append(name: name, value: .string(value))
        }
        return object
    }

    /// The RFC 7638 thumbprint of the required members `members` (name, value), which must be given in
    /// lexicographic order: Base64URL(SHA-256 of the compact JSON object). The values are Base64URL text or fixed
    /// names, which never need JSON escaping, so the canonical form is assembled directly.
    static func thumbprint(_ members: [(String, String)]) throws(JWTError) -> String {
        let canonical = "{" + members.map { #""\#($0.0)":"\#($0.1)""# }.joined(separator: ",") + "}"
        return Base64URL.encode(try SHA256.hash(canonical.utf8))
    }
}
