import JWTClaims

/// Strict decoding shared by every body of the reference API: a JSON object whose members are all known, required
/// members present, each of the right type.
///
/// Every refusal is ``JWTError`` with code `typeMismatch` (bad JSON keeps the parser's own code), and every member
/// name in a reason goes through `JWTError.quoted`: the sender chooses the names, and reasons are logged.
struct ReferenceBody {
    /// The body's members.
    let object: JSONObject
    /// What the body is, for reasons: `request` or `response`.
    let kind: String

    /// Parses `bytes` under `options` and requires a JSON object.
    init(_ bytes: some Collection<UInt8>, options: JSONParsingOptions, kind: String) throws(JWTError) {
        let value = try JSONValue(parsing: bytes, options: options)
        guard case .object(let object) = value else {
            throw JWTError(
                code: .typeMismatch,
                reason: "the \(kind) body must be a JSON object, not \(value.kindDescription)"
            )
        }
        self.object = object
        self.kind = kind
    }

    /// Refuses the first member not in `names`. The member's name is the sender's text, so it is quoted as
    /// untrusted (a name holding a line feed or an ANSI escape must not reach a log line raw).
    func allowOnly(_ names: Set<String>) throws(JWTError) {
        for name in object.names where !names.contains(name) {
            throw JWTError(
                code: .typeMismatch,
                reason: "the \(kind) body has an unknown member \(JWTError.quoted(name)); allowed: "
                    + JWTError.quotedList(names.sorted())
            )
        }
    }

    /// The string member `name`, which must be present.
    func requiredString(_ name: String) throws(JWTError) -> String {
        guard let value = object[name] else { throw missing(name) }
        guard case .string(let string) = value else { throw wrongType(name, "a string", value) }
        return string
    }

    /// The string member `name`, or nil when it is absent.
    func optionalString(_ name: String) throws(JWTError) -> String? {
        guard let value = object[name] else { return nil }
        guard case .string(let string) = value else { throw wrongType(name, "a string", value) }
        return string
    }

    /// The object member `name`, which must be present.
    func requiredObject(_ name: String) throws(JWTError) -> JSONObject {
        guard let value = object[name] else { throw missing(name) }
        guard case .object(let member) = value else { throw wrongType(name, "an object", value) }
        return member
    }

    /// The integer member `name`, which must be present and fit 64 bits.
    func requiredInteger(_ name: String) throws(JWTError) -> Int64 {
        guard let value = object[name] else { throw missing(name) }
        guard let integer = value.int64Value else { throw wrongType(name, "an integer", value) }
        return integer
    }

    /// The Boolean member `name`, which must be present.
    func requiredBool(_ name: String) throws(JWTError) -> Bool {
        guard let value = object[name] else { throw missing(name) }
        guard case .bool(let bool) = value else { throw wrongType(name, "a Boolean", value) }
        return bool
    }

    /// The error for a required member that is absent.
    func missing(_ name: String) -> JWTError {
        JWTError(code: .typeMismatch, reason: "the \(kind) body has no \(JWTError.quoted(name)) member")
    }

    /// The error for a member of the wrong JSON type.
    func wrongType(_ name: String, _ expected: String, _ value: JSONValue) -> JWTError {
        JWTError(
            code: .typeMismatch,
            reason: "the \(kind)'s \(JWTError.quoted(name)) must be \(expected), not \(value.kindDescription)"
        )
    }
}
