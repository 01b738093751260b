public import JWTClaims

/// The answer of serverless verification: `{"success": true}` or `{"success": false, "reason": "..."}`, always with
/// status 200, as the reference's verifier answers.
public struct VerifyResponse: Hashable, Sendable {
    /// Whether the token verified.
    public var success: Bool
    /// Why it did not; nil on success. Never contains the token.
    public var reason: String?

    /// A response with the given members.
    public init(success: Bool, reason: String? = nil) {
        self.success = success
        self.reason = reason
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
        try body.allowOnly(["success", "reason"])
        self.success = try body.requiredBool("success")
        self.reason = try body.optionalString("reason")
    }

    /// The compact JSON body: `success`, then `reason` when present.
    public func serialized() -> String {
        var body: JSONObject = ["success": .bool(success)]
        if let reason { body["reason"] = .string(reason) }
        return body.serialized()
    }
}
