public import JWTClaims

/// The request body of the service's issue endpoint, `POST /api/v0/token/issue`: `{"claims": {...}}`.
///
/// The claims are kept losslessly, in their order; the service adds `iss`, `aud`, `iat`, `exp` and `jti` itself.
public struct TokenIssueRequest: Hashable, Sendable {
    /// The claims of the access token to mint (must hold `sub`).
    public var claims: JSONObject

    /// A request with the given claims.
    public init(claims: JSONObject) {
        self.claims = claims
    }

    /// Decodes a request body.
    ///
    /// - Parameters:
    ///   - bytes: The body's JSON text.
    ///   - options: The JSON parser's bounds.
    /// - Throws: `JWTError`: the parser's codes for bad JSON; `typeMismatch` for a body that is not an object, a
    ///   missing or non-object `claims`, or an unknown member (quoted).
    public init(
        parsing bytes: some Collection<UInt8>,
        options: JSONParsingOptions = JSONParsingOptions()
    ) throws(JWTError) {
        let body = try ReferenceBody(bytes, options: options, kind: "request")
        try body.allowOnly(["claims"])
        self.claims = try body.requiredObject("claims")
    }

    /// The compact JSON body.
    public func serialized() -> String {
        JSONObject(dictionaryLiteral: ("claims", .object(claims))).serialized()
    }
}
