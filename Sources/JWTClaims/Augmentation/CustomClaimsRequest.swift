/// The request body of the reference custom-claims endpoint:
/// `{"token": "...", "custom_attributes": {...}, "refresh_token": "..."}`.
///
/// Decoding is strict: `token` (a string) and `custom_attributes` (an object) are required, `refresh_token` (a
/// string) is optional, and any other member is refused, so a misspelt `refresh_tokenn` is an error rather than a
/// silently dropped refresh token.
public struct CustomClaimsRequest: Hashable, Sendable {
    /// The original access or ID token.
    public var token: String
    /// The custom attributes to add.
    public var customAttributes: JSONObject
    /// A refresh token whose successors should carry the custom attributes.
    public var refreshToken: String?

    /// A request with the given members.
    public init(token: String, customAttributes: JSONObject, refreshToken: String? = nil) {
        self.token = token
        self.customAttributes = customAttributes
        self.refreshToken = refreshToken
    }

    /// Decodes a request body.
    ///
    /// - Throws: ``JWTError/Code/invalidJSON`` and its relatives for bad JSON; ``JWTError/Code/typeMismatch`` for a
    ///   missing member, a member of the wrong type, or an unknown member.
    public init(
        parsing bytes: some Collection<UInt8>,
        options: JSONParsingOptions = JSONParsingOptions()
    )
        throws(JWTError)
    {
        let body = try ReferenceBody(bytes, options: options, kind: "request")
        try body.allowOnly(["token", "custom_attributes", "refresh_token"])
        self.token = try body.requiredString("token")
        guard let attributes = body.object["custom_attributes"] else {
            throw body.missing("custom_attributes")
        }
        guard case .object(let object) = attributes else {
            throw body.wrongType("custom_attributes", "an object", attributes)
        }
        self.customAttributes = object
        self.refreshToken = try body.optionalString("refresh_token")
    }

    /// The compact JSON body: `token`, `custom_attributes`, then `refresh_token` when present.
    public func serialized() -> String {
        var body: JSONObject = ["token": .string(token), "custom_attributes": .object(customAttributes)]
        if let refreshToken { body["refresh_token"] = .string(refreshToken) }
        return body.serialized()
    }
}

/// The response body of the reference custom-claims endpoint: `{"token": "...", "refresh_token": "..."}`.
///
/// The reference documentation spells the second member `refresh_tokenn` once; this type writes and accepts only
/// the correct `refresh_token`, and refuses any other member.
public struct CustomClaimsResponse: Hashable, Sendable {
    /// The augmented token.
    public var token: String
    /// The refresh token bound to the custom attributes, when one was requested.
    public var refreshToken: String?

    /// A response with the given members.
    public init(token: String, refreshToken: String? = nil) {
        self.token = token
        self.refreshToken = refreshToken
    }

    /// Decodes a response body.
    ///
    /// - Throws: as ``CustomClaimsRequest/init(parsing:options:)``.
    public init(
        parsing bytes: some Collection<UInt8>,
        options: JSONParsingOptions = JSONParsingOptions()
    )
        throws(JWTError)
    {
        let body = try ReferenceBody(bytes, options: options, kind: "response")
        try body.allowOnly(["token", "refresh_token"])
        self.token = try body.requiredString("token")
        self.refreshToken = try body.optionalString("refresh_token")
    }

    /// The compact JSON body: `token`, then `refresh_token` when present.
    public func serialized() -> String {
        var body: JSONObject = ["token": .string(token)]
        if let refreshToken { body["refresh_token"] = .string(refreshToken) }
        return body.serialized()
    }
}

/// Shared strict decoding of the reference API's JSON bodies.
private struct ReferenceBody {
    let object: JSONObject
    let kind: String

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

    func requiredString(_ name: String) throws(JWTError) -> String {
        guard let value = object[name] else { throw missing(name) }
        guard case .string(let string) = value else { throw wrongType(name, "a string", value) }
        return string
    }

    func optionalString(_ name: String) throws(JWTError) -> String? {
        guard let value = object[name] else { return nil }
        guard case .string(let string) = value else { throw wrongType(name, "a string", value) }
        return string
    }

    func missing(_ name: String) -> JWTError {
        JWTError(code: .typeMismatch, reason: "the \(kind) body has no \(JWTError.quoted(name)) member")
    }

    func wrongType(_ name: String, _ expected: String, _ value: JSONValue) -> JWTError {
        JWTError(
            code: .typeMismatch,
            reason: "the \(kind)'s \(JWTError.quoted(name)) must be \(expected), not \(value.kindDescription)"
        )
    }
}
