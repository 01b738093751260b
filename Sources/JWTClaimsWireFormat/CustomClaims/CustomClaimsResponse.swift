public import JWTClaims

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
    /// - Parameters:
    ///   - bytes: The body's JSON text.
    ///   - options: The JSON parser's bounds.
    /// - Throws: `JWTError`, as ``CustomClaimsRequest/init(parsing:options:)`` does.
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
