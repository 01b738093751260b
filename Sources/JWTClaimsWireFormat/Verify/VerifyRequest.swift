public import JWTClaims

/// The request body of serverless verification, `POST /verify`: `{"oauth_token": {"access_token": "...", ...}}`.
///
/// The top level is strict (only `oauth_token`); `oauth_token` may carry the other members of the token object a
/// client SDK returns (`id_token`, `refresh_token`, `expires_in`, ...), which are ignored and never echoed.
public struct VerifyRequest: Hashable, Sendable {
    /// The access token to verify.
    public var accessToken: String

    /// A request for `accessToken`.
    public init(accessToken: String) {
        self.accessToken = accessToken
    }

    /// Decodes a request body.
    ///
    /// - Throws: `JWTError`: the parser's codes for bad JSON; `typeMismatch` for a body that is not an object, an
    ///   unknown top-level member, a missing or non-object `oauth_token`, or a missing or non-string `access_token`.
    public init(
        parsing bytes: some Collection<UInt8>,
        options: JSONParsingOptions = JSONParsingOptions()
    ) throws(JWTError) {
        let body = try ReferenceBody(bytes, options: options, kind: "request")
        try body.allowOnly(["oauth_token"])
        let token = try body.requiredObject("oauth_token")
        guard let value = token["access_token"] else {
            throw JWTError(code: .typeMismatch, reason: "the request's \"oauth_token\" has no \"access_token\" member")
        }
        guard case .string(let accessToken) = value else {
            throw JWTError(
                code: .typeMismatch,
                reason: "the request's \"oauth_token.access_token\" must be a string, not \(value.kindDescription)"
            )
        }
        self.accessToken = accessToken
    }

    /// The compact JSON body.
    public func serialized() -> String {
        let token: JSONObject = ["access_token": .string(accessToken)]
        return JSONObject(dictionaryLiteral: ("oauth_token", .object(token))).serialized()
    }
}
