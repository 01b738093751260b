public import JWTClaims

/// The request body of the refresh grant, `POST /api/v0/token/{API_KEY_ID}`:
/// `{"grant_type": "refresh_token", "refresh_token": "..."}` (RFC 6749 section 6).
///
/// `grant_type` is decoded first and `refresh_token` is optional here, so that a server can answer a grant type it
/// does not support with `unsupported_grant_type` before complaining about the members that grant would need.
public struct RefreshGrantRequest: Hashable, Sendable {
    /// The grant type the only supported value of which is ``refreshTokenGrantType``.
    public var grantType: String
    /// The refresh token, when present.
    public var refreshToken: String?

    /// The grant type of a refresh: `refresh_token`.
    public static let refreshTokenGrantType = "refresh_token"

    /// A request with the given members.
    public init(grantType: String = RefreshGrantRequest.refreshTokenGrantType, refreshToken: String?) {
        self.grantType = grantType
        self.refreshToken = refreshToken
    }

    /// Decodes a request body.
    ///
    /// - Throws: `JWTError`: the parser's codes for bad JSON; `typeMismatch` for a body that is not an object, a
    ///   missing or non-string `grant_type`, a non-string `refresh_token`, or an unknown member (quoted).
    public init(
        parsing bytes: some Collection<UInt8>,
        options: JSONParsingOptions = JSONParsingOptions()
    ) throws(JWTError) {
        let body = try ReferenceBody(bytes, options: options, kind: "request")
        self.grantType = try body.requiredString("grant_type")
        try body.allowOnly(["grant_type", "refresh_token"])
        self.refreshToken = try body.optionalString("refresh_token")
    }

    /// The compact JSON body.
    public func serialized() -> String {
        var body: JSONObject = ["grant_type": .string(grantType)]
        if let refreshToken { body["refresh_token"] = .string(refreshToken) }
        return body.serialized()
    }
}
