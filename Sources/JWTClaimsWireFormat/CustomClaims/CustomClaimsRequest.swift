public import JWTClaims

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
    /// - Parameters:
    ///   - bytes: The body's JSON text.
    ///   - options: The JSON parser's bounds; the defaults suit a body of up to 1 MiB.
    /// - Throws: `JWTError`: `invalidJSON`, `duplicateMember` or `limitExceeded` for bad JSON; `typeMismatch` for a
    ///   body that is not an object, a missing member, a member of the wrong type, or an unknown member (its name
    ///   quoted and escaped in the reason, as all untrusted text is).
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
