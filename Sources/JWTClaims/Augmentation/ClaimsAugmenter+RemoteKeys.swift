extension ClaimsAugmenter {
    /// Verifies `token` at `now` with ``JWTVerifier/verifyFetchingKeys(_:now:)`` (so a verifier over a
    /// ``RemoteJWKSet`` may fetch its keys), merges `attributes` into its claims, and signs the result with this
    /// augmenter's signer: a token exchange, where an identity provider's token comes back signed by your key with
    /// every original claim intact.
    ///
    /// - Parameters:
    ///   - token: The original token.
    ///   - attributes: The custom attributes, a JSON object.
    ///   - now: The validation time for the original token.
    /// - Returns: The new token, its claims and a report.
    /// - Throws: as ``augment(_:with:now:)``, with the verification errors of
    ///   ``JWTVerifier/verifyFetchingKeys(_:now:)`` (``JWTError/Code/keySetUnavailable`` among them).
    public func augmentFetchingKeys(
        _ token: String,
        with attributes: JSONObject,
        now: NumericDate
    ) async throws(JWTError) -> AugmentedToken {
        try policy.check(attributes)
        let original = try await verifier.verifyFetchingKeys(token, now: now)
        let (claims, report) = try mergeChecked(original.claims, with: attributes)
        return try sign((claims, report, original.header.type))
    }
}
