/// Adds custom attributes to a token that is already issued, keeping every original claim intact.
///
/// Given a valid token and a JSON object of custom attributes, ``augment(_:with:now:)`` returns a new ES256 token
/// whose claims are the original claims, untouched, followed by the attributes:
///
/// ```swift
/// let augmenter = ClaimsAugmenter(verifier: JWTVerifier(key: issuerPublicKey), signer: JWTSigner(key: issuerKey))
/// let result = try augmenter.augment(token, with: ["role": "admin", "user_id": 125], now: now)
/// result.token            // the new token
/// result.report.added     // ["role", "user_id"]
/// ```
///
/// The guarantees:
/// - The original token is verified first, with the configured ``JWTVerifier`` (signature, `alg`, `kid`, time
///   claims and its other options). A forged, foreign, expired or malformed token is refused with its error, and
///   nothing is signed.
/// - Merging works on the JSON object, never through a typed struct: every original claim keeps its name, position,
///   JSON shape and exact value (an `aud` string stays a string, integers stay integers, nested objects are written
///   byte for byte as they were parsed). New claims follow the originals, in the attributes' order.
/// - `exp`, `nbf`, `iat` and `jti` are kept: augmentation never extends a token's life (they are protected claims).
/// - The new token is signed by the configured ``JWTSigner`` (its key and `kid`) and keeps the original `typ`.
/// - The ``AugmentationPolicy`` decides about protected names, existing claims, `null`, sizes and names; every
///   refusal happens before anything is signed.
public struct ClaimsAugmenter: Sendable {
    /// Verifies the original tokens.
    public let verifier: JWTVerifier
    /// Signs the augmented tokens.
    public let signer: JWTSigner
    /// The rules for the attributes.
    public let policy: AugmentationPolicy

    /// An augmenter that accepts tokens `verifier` accepts and signs the results with `signer`.
    public init(verifier: JWTVerifier, signer: JWTSigner, policy: AugmentationPolicy = AugmentationPolicy()) {
        self.verifier = verifier
        self.signer = signer
        self.policy = policy
    }

    /// Verifies `token` at `now`, merges `attributes` into its claims, and signs the result.
    ///
    /// - Parameters:
    ///   - token: The original access or ID token.
    ///   - attributes: The custom attributes, a JSON object.
    ///   - now: The validation time for the original token.
    /// - Returns: The new token, its claims and a report.
    /// - Throws: For the attributes, before the token is verified, every error of
    ///   ``AugmentationPolicy/check(_:)`` (``JWTError/Code/invalidClaimName``, ``JWTError/Code/attributesTooLarge``,
    ///   ``JWTError/Code/protectedClaim``); for the token, every error of
    ///   ``JWTVerifier/verify(_:now:)-(_,NumericDate)`` (a token over the verifier's size limit is
    ///   ``JWTError/Code/limitExceeded``); then ``JWTError/Code/conflictingClaim`` under
    ///   ``AugmentationPolicy/ExistingClaimHandling/reject``; ``JWTError/Code/tokenTooLarge`` when the new token would
    ///   be larger than ``AugmentationPolicy/maximumTokenSize`` (nothing is signed).
    public func augment(
        _ token: String,
        with attributes: JSONObject,
        now: NumericDate
    ) throws(JWTError)
        -> AugmentedToken
    {
        try sign(prepare(token, with: attributes, now: now))
    }

    /// The checking half of ``augment(_:with:now:)``: checks the attributes, verifies the token and merges, without
    /// signing, so that a caller (binding to a refresh token) can sign only once its other steps have succeeded.
    func prepare(
        _ token: String,
        with attributes: JSONObject,
        now: NumericDate
    ) throws(JWTError) -> (claims: ClaimSet, report: AugmentationReport, type: String?) {
        try policy.check(attributes)
        let original = try verifier.verify(token, now: now)
        let (claims, report) = try mergeChecked(original.claims, with: attributes)
        return (claims, report, original.header.type)
    }

    /// The signing half of ``augment(_:with:now:)``, for what ``prepare(_:with:now:)`` returned.
    func sign(
        _ prepared: (claims: ClaimSet, report: AugmentationReport, type: String?)
    ) throws(JWTError) -> AugmentedToken {
        // The size limit is checked on the signing input, before the signature: a refused token is never signed.
        let newToken: String
        do {
            newToken = try signer.sign(prepared.claims, type: prepared.type, maximumTokenSize: policy.maximumTokenSize)
        } catch  where error.code == .tokenTooLarge {
            throw JWTError(code: .tokenTooLarge, reason: "the augmented token: \(error.reason)")
        }
        return AugmentedToken(
            token: newToken,
            header: try signer.header(type: prepared.type),
            claims: prepared.claims,
            report: prepared.report
        )
    }

    /// Verifies `token` at `now`, merges the attributes given as JSON text, and signs the result.
    ///
    /// - Throws: As ``parseAttributes(_:)``, then as ``augment(_:with:now:)``.
    public func augment(
        _ token: String,
        withJSON attributes: some Collection<UInt8>,
        now: NumericDate
    )
        throws(JWTError) -> AugmentedToken
    {
        try augment(token, with: parseAttributes(attributes), now: now)
    }

    /// Parses custom attributes from JSON text under the policy's size and depth limits.
    ///
    /// Parsing checks only the JSON; ``AugmentationPolicy/check(_:)`` checks the attributes against the rest of the
    /// policy.
    ///
    /// - Throws: ``JWTError/Code/attributesTooLarge`` when the text is larger than the policy allows (four times
    ///   ``AugmentationPolicy/maximumAttributesSize``, for whitespace, and at least 1 KiB) or nests deeper than
    ///   ``AugmentationPolicy/maximumDepth``; ``JWTError/Code/invalidJSON`` or ``JWTError/Code/duplicateMember`` for
    ///   bad JSON; ``JWTError/Code/invalidClaims`` when it is not an object.
    public func parseAttributes(_ bytes: some Collection<UInt8>) throws(JWTError) -> JSONObject {
        var options = JSONParsingOptions()
        options.maximumDepth = policy.maximumDepth
        // The text may carry insignificant whitespace, so its own bound is looser; the compact size is checked
        // again on the parsed object.
        options.maximumInputSize = max(policy.maximumAttributesSize * 4, 1024)
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes, options: options)
        } catch  where error.code == .limitExceeded {
            // Every parsing bound here is a bound on the attributes, so callers see one code for "too large".
            throw JWTError(code: .attributesTooLarge, reason: error.reason, offset: error.offset)
        }
        guard case .object(let attributes) = value else {
            throw JWTError(
                code: .invalidClaims,
                reason: "the custom attributes must be a JSON object, not \(value.kindDescription)"
            )
        }
        return attributes
    }

    /// Merges `attributes` into `claims` under the policy, without verifying or signing anything.
    ///
    /// - Returns: The merged claims (the originals, in place, then the new ones) and the report.
    /// - Throws: Every error of ``AugmentationPolicy/check(_:)`` (``JWTError/Code/invalidClaimName``,
    ///   ``JWTError/Code/attributesTooLarge``, ``JWTError/Code/protectedClaim``), then
    ///   ``JWTError/Code/conflictingClaim``; each names the offending attributes.
    public func merge(
        _ claims: ClaimSet,
        with attributes: JSONObject
    ) throws(JWTError) -> (ClaimSet, AugmentationReport) {
        try policy.check(attributes)
        return try mergeChecked(claims, with: attributes)
    }

    /// Merges attributes that ``AugmentationPolicy/check(_:)`` accepted.
    func mergeChecked(
        _ claims: ClaimSet,
        with attributes: JSONObject
    ) throws(JWTError)
        -> (ClaimSet, AugmentationReport)
    {
        if policy.onExistingClaim == .reject {
            let existing = attributes.names.filter {
                !policy.protectedClaims.contains($0) && claims.object.contains(name: $0)
            }
            if !existing.isEmpty {
                throw JWTError(
                    code: .conflictingClaim,
                    reason: "the token already has the claim\(existing.count == 1 ? "" : "s") "
                        + JWTError.quotedList(existing)
                        + ", and the policy forbids replacing claims"
                )
            }
        }
        var merged = claims
        var report = AugmentationReport()
        for (name, value) in attributes {
            if policy.protectedClaims.contains(name) {
                report.ignored.append(name)
                continue
            }
            let exists = merged.object.contains(name: name)
            if value == .null, policy.onNull == .removeClaim {
                if exists {
                    merged.object.removeValue(forName: name)
                    report.removed.append(name)
                }
                continue
            }
            if exists {
                if policy.onExistingClaim == .keep {
                    report.kept.append(name)
                    continue
                }
                report.replaced.append(name)
            } else {
                report.added.append(name)
            }
            merged.object[name] = value
        }
        return (merged, report)
    }
}
