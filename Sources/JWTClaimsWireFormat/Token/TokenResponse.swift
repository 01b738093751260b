public import JWTClaims

/// The answer of the issue endpoint and of the refresh grant:
/// `{"access_token", "refresh_token", "expires_in", "token_type": "Bearer"}` (RFC 6749 section 5.1).
public struct TokenResponse: Hashable, Sendable {
    /// The access token, a compact JWS.
    public var accessToken: String
    /// The refresh token, `<id>:<secret>`.
    public var refreshToken: String
    /// The access token's lifetime in seconds.
    public var expiresIn: Int64
    /// Always `Bearer` (RFC 6750).
    public var tokenType: String

    /// A response with the given members; `tokenType` defaults to `Bearer`.
    public init(accessToken: String, refreshToken: String, expiresIn: Int64, tokenType: String = "Bearer") {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresIn = expiresIn
        self.tokenType = tokenType
    }

    /// Decodes a response body (for clients and tests).
    ///
    /// - Throws: `JWTError`: the parser's codes for bad JSON; `typeMismatch` for a missing, mistyped or unknown
    ///   member.
    public init(
        parsing bytes: some Collection<UInt8>,
        options: JSONParsingOptions = JSONParsingOptions()
    ) throws(JWTError) {
        let body = try ReferenceBody(bytes, options: options, kind: "response")
        try body.allowOnly(["access_token", "refresh_token", "expires_in", "token_type"])
        self.accessToken = try body.requiredString("access_token")
        self.refreshToken = try body.requiredString("refresh_token")
        self.expiresIn = try body.requiredInteger("expires_in")
        self.tokenType = try body.requiredString("token_type")
    }

    /// The compact JSON body, members in the order above.
    public func serialized() -> String {
        let body: JSONObject = [
            "access_token": .string(accessToken),
            "refresh_token": .string(refreshToken),
            "expires_in": JSONValue(expiresIn),
            "token_type": .string(tokenType),
        ]
        return body.serialized()
    }
}
