public import JWTClaims

/// An error answer: `{"error": CODE, "error_description": TEXT}` (RFC 6749 section 5.2), as the service writes every
/// error.
public struct ErrorResponse: Hashable, Sendable {
    /// The stable error code, such as `invalid_grant`.
    public var error: String
    /// A human-readable explanation; never holds a secret, a refresh token or a whole access token.
    public var errorDescription: String

    /// A response with the given members.
    public init(error: String, errorDescription: String) {
        self.error = error
        self.errorDescription = errorDescription
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
        try body.allowOnly(["error", "error_description"])
        self.error = try body.requiredString("error")
        self.errorDescription = try body.requiredString("error_description")
    }

    /// The compact JSON body.
    public func serialized() -> String {
        let body: JSONObject = ["error": .string(error), "error_description": .string(errorDescription)]
        return body.serialized()
    }

    /// The compact JSON body's bytes.
    public func serializedBytes() -> [UInt8] {
        let body: JSONObject = ["error": .string(error), "error_description": .string(errorDescription)]
        return body.serializedBytes()
    }
}
