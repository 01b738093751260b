public import JWTClaims

/// The request body of the revocation endpoint, `POST /api/v0/token/revoke`: `{"refresh_token": "..."}`.
public struct RevokeRequest: Hashable, Sendable {
    /// The refresh token whose family to revoke.
    public var refreshToken: String

    /// A request for `refreshToken`.
    public init(refreshToken: String) {
        self.refreshToken = refreshToken
    }

    /// Decodes a request body.
    ///
    /// - Throws: `JWTError`: the parser's codes for bad JSON; `typeMismatch` for a body that is not an object, a
    ///   missing or non-string `refresh_token`, or an unknown member (quoted).
    public init(
        parsing bytes: some Collection<UInt8>,
        options: JSONParsingOptions = JSONParsingOptions()
    ) throws(JWTError) {
        let body = try ReferenceBody(bytes, options: options, kind: "request")
        try body.allowOnly(["refresh_token"])
        self.refreshToken = try body.requiredString("refresh_token")
    }

    /// The compact JSON body.
    public func serialized() -> String {
        JSONObject(dictionaryLiteral: ("refresh_token", .string(refreshToken))).serialized()
    }
}
