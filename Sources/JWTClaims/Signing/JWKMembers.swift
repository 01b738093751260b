/// The members of an EC P-256 JSON Web Key (RFC 7517, RFC 7518 section 6.2) that ES256 uses, read and checked.
///
/// Policy, the same for public and private imports:
/// - `kty` must be `"EC"` and `crv` `"P-256"`; other key types and curves are ``JWTError/Code/unsupportedKey``.
/// - `x` and `y` (and `d` for a private key) must be strict Base64URL of exactly 32 bytes each; a coordinate with
///   its leading zero byte stripped (31 bytes) is ``JWTError/Code/invalidKey`` (RFC 7518 section 6.2.1.2 fixes the
///   length).
/// - `use`, if present, must be `"sig"`; `key_ops`, if present, must be an array of distinct strings that includes
///   the operation the key is imported for (`"verify"` for a public key, `"sign"` for a private key); `alg`, if
///   present, must be `"ES256"`. A key meant for something else is ``JWTError/Code/unsupportedKey``.
/// - Other members (`kid`, `x5c`, private extensions, ...) are ignored.
struct JWKMembers {
    /// The public point `04 || x || y`.
    let uncompressedPoint: [UInt8]
    /// The private scalar d, if the JWK has one.
    let privateScalar: [UInt8]?

    /// What the key is imported for, which decides the `key_ops` it must allow.
    enum Purpose {
        case verify
        case sign

        var operation: String { self == .verify ? "verify" : "sign" }
    }

    /// Reads and checks the members of `jwk` for `purpose`.
    init(_ jwk: JSONObject, for purpose: Purpose) throws(JWTError) {
        let keyType = try Self.string("kty", in: jwk, required: true)
        guard keyType == "EC" else {
            throw .unsupportedKey(
                "the JWK has kty \(JWTError.quoted(keyType ?? "")); ES256 needs an EC key (kty \"EC\")"
            )
        }
        let curve = try Self.string("crv", in: jwk, required: true)
        guard curve == "P-256" else {
            throw .unsupportedKey("the JWK is on curve \(JWTError.quoted(curve ?? "")); ES256 needs crv \"P-256\"")
        }
        if let use = try Self.string("use", in: jwk, required: false), use != "sig" {
            throw .unsupportedKey(
                "the JWK has use \(JWTError.quoted(use)); ES256 keys must be for signatures (use \"sig\")"
            )
        }
        if let algorithm = try Self.string("alg", in: jwk, required: false), algorithm != "ES256" {
            throw .unsupportedKey("the JWK has alg \(JWTError.quoted(algorithm)); this key type only does ES256")
        }
        try Self.checkKeyOperations(in: jwk, for: purpose)
        let x = try Self.coordinate("x", in: jwk)
        let y = try Self.coordinate("y", in: jwk)
        uncompressedPoint = [0x04] + x + y
        if jwk["d"] != nil {
            privateScalar = try Self.coordinate("d", in: jwk)
        } else {
            privateScalar = nil
        }
    }

    /// A string member; nil if absent and not required.
    private static func string(_ name: String, in jwk: JSONObject, required: Bool) throws(JWTError) -> String? {
        guard let value = jwk[name] else {
            if required { throw .invalidKey("the JWK has no \"\(name)\" member") }
            return nil
        }
        guard let text = value.stringValue else {
            throw .invalidKey("the JWK member \"\(name)\" must be a string")
        }
        return text
    }

    /// A 32-byte Base64URL member (`x`, `y` or `d`).
    private static func coordinate(_ name: String, in jwk: JSONObject) throws(JWTError) -> [UInt8] {
        guard let text = try string(name, in: jwk, required: true) else {
            throw .invalidKey("the JWK has no \"\(name)\" member")
        }
        let bytes: [UInt8]
        do {
            bytes = try Base64URL.decode(text)
        } catch {
            throw .invalidKey("the JWK member \"\(name)\" is not canonical Base64URL: \(error.reason)")
        }
        guard bytes.count == P256.scalarByteCount else {
            throw .invalidKey(
                "the JWK member \"\(name)\" must encode exactly 32 bytes for P-256 (RFC 7518 section 6.2), "
                    + "got \(bytes.count)"
            )
        }
        return bytes
    }

    /// `key_ops`, if present, must be distinct strings (RFC 7517 section 4.3) allowing `purpose`.
    private static func checkKeyOperations(in jwk: JSONObject, for purpose: Purpose) throws(JWTError) {
        guard let value = jwk["key_ops"] else { return }
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

    /// The JWK of a public key: `kty`, `crv`, `x`, `y`, in that order.
    static func publicJWK(uncompressedPoint point: [UInt8]) -> JSONObject {
        makeObject(point: point, privateScalar: nil)
    }

    /// The JWK of a private key: `kty`, `crv`, `x`, `y`, `d`, in that order.
    static func privateJWK(uncompressedPoint point: [UInt8], privateScalar: [UInt8]) -> JSONObject {
        makeObject(point: point, privateScalar: privateScalar)
    }

    private static func makeObject(point: [UInt8], privateScalar: [UInt8]?) -> JSONObject {
        var members: [(String, JSONValue)] = [
            ("kty", .string("EC")),
            ("crv", .string("P-256")),
            ("x", .string(Base64URL.encode(point[1...P256.scalarByteCount]))),
            ("y", .string(Base64URL.encode(point[(P256.scalarByteCount + 1)...]))),
        ]
        if let privateScalar {
            members.append(("d", .string(Base64URL.encode(privateScalar))))
        }
        var object = JSONObject()
        for (name, value) in members {
            // The names above are fixed and distinct, so `append` (which throws only for a repeated name) cannot
            // fail here.
            try? object.append(name: name, value: value)
        }
        return object
    }

    /// The RFC 7638 JWK thumbprint: Base64URL(SHA-256(`{"crv":"P-256","kty":"EC","x":"…","y":"…"}`)), the
    /// required members in lexicographic order with no whitespace. Base64URL text never needs JSON escaping, so the
    /// canonical form is assembled directly.
    static func thumbprint(uncompressedPoint point: [UInt8]) throws(JWTError) -> String {
        let x = Base64URL.encode(point[1...P256.scalarByteCount])
        let y = Base64URL.encode(point[(P256.scalarByteCount + 1)...])
        let canonical = #"{"crv":"P-256","kty":"EC","x":""# + x + #"","y":""# + y + #""}"#
        return Base64URL.encode(try SHA256.hash(canonical.utf8))
    }
}
