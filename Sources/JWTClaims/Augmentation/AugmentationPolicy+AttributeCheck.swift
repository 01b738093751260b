extension AugmentationPolicy {
    /// Checks custom attributes against every rule of this policy that does not depend on a token: claim names,
    /// nesting depth, size, and (when ``onProtectedClaim`` is ``ProtectedClaimHandling/reject``) protected names.
    ///
    /// ``ClaimsAugmenter`` runs this check first, before it verifies the token, so a refused request costs no
    /// cryptography. Call it yourself to refuse bad attributes before a token is at hand, such as when a command
    /// line reads its arguments or a service validates a request body. Whether an attribute names a claim the token
    /// already has (``onExistingClaim`` ``ExistingClaimHandling/reject``) and whether the augmented token fits
    /// ``maximumTokenSize`` can only be known with the token, so they are checked by
    /// ``ClaimsAugmenter/augment(_:with:now:)``.
    ///
    /// ```swift
    /// let attributes = try augmenter.parseAttributes(body)
    /// try augmenter.policy.check(attributes)  // before any token is verified
    /// ```
    ///
    /// - Parameter attributes: The custom attributes.
    /// - Throws: In this order: ``JWTError/Code/invalidClaimName`` naming every name that is empty, longer than
    ///   ``maximumClaimNameLength`` bytes, or holds a control character; ``JWTError/Code/attributesTooLarge`` when
    ///   the attributes nest deeper than ``maximumDepth`` or their compact JSON is larger than
    ///   ``maximumAttributesSize``; ``JWTError/Code/protectedClaim`` naming every protected name, unless
    ///   ``onProtectedClaim`` is ``ProtectedClaimHandling/ignore``. Names are quoted and escaped in the reason, and
    ///   a long list is cut short.
    public func check(_ attributes: JSONObject) throws(JWTError) {
        let badNames = attributes.names.filter { !isAcceptableName($0) }
        if !badNames.isEmpty {
            throw JWTError(
                code: .invalidClaimName,
                reason: "invalid claim name\(badNames.count == 1 ? "" : "s") " + JWTError.quotedList(badNames)
                    + ": names must be non-empty, at most \(maximumClaimNameLength) bytes, without control characters"
            )
        }
        let depth = JSONValue.object(attributes).nestingDepth(limit: maximumDepth)
        guard depth <= maximumDepth else {
            throw JWTError(
                code: .attributesTooLarge,
                reason: "the custom attributes nest deeper than \(maximumDepth) levels"
            )
        }
        let size = attributes.serializedBytes().count
        guard size <= maximumAttributesSize else {
            throw JWTError(
                code: .attributesTooLarge,
                reason: "the custom attributes are \(size) bytes of JSON; the limit is \(maximumAttributesSize)"
            )
        }
        let protected = attributes.names.filter { protectedClaims.contains($0) }
        if !protected.isEmpty, onProtectedClaim == .reject {
            throw JWTError(
                code: .protectedClaim,
                reason: "custom attributes may not set the protected claim\(protected.count == 1 ? "" : "s") "
                    + JWTError.quotedList(protected)
            )
        }
    }

    /// Whether `name` may be a claim name under this policy (the rule the type's documentation states).
    private func isAcceptableName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= maximumClaimNameLength
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
