#if canImport(FoundationEssentials)
/// `Date` appears in this file's public API, so its module is imported publicly (FoundationEssentials only).
public import FoundationEssentials
#endif

/// Verifies compact JWTs and validates their claims.
///
/// A verifier holds either one key, used for every token whatever its `kid`, or a ``JWKSet``, from which the token's
/// `kid` selects the key. **The key decides the algorithm; the header never does.** Verification proceeds so that
/// nothing untrusted is acted on early:
///
/// 1. the envelope: size limit, three non-empty segments, canonical Base64URL;
/// 2. the header: a JSON object whose `alg` names a supported algorithm exactly (`none`, `None`, `es256` and every
///    other value are rejected before any cryptography), whose `crit` names only understood parameters, and whose
///    `jku`, `x5u` and `jwk` members are never used to find a key;
/// 3. the key: selected by `kid` from a key set (an unknown `kid` is an error, never a fallback), and its algorithm
///    must equal the header's `alg`: an RS256 key never checks an HS256 token, so a public key can never be used as an
///    HMAC secret (the classic algorithm-confusion attack), and a PS256 key never accepts RS256;
/// 4. the signature: exactly the length the key's algorithm makes (64 bytes of R||S for ES256, never DER; the
///    modulus's length for RSA; the full MAC for HMAC), verified over the exact signing input;
/// 5. only then the claims: a JSON object, registered claims of the right types, `exp`, `nbf` and `iat` against the
///    injected `now` with the leeway, then issuer, audience, `typ` and required claims.
///
/// ```swift
/// let verifier = JWTVerifier(key: publicKey, options: JWTValidationOptions(audiences: ["my-api"]))
/// let verified = try verifier.verify(token, now: NumericDate(secondsSince1970: 1599180000))
/// print(verified.claims["role"] ?? "none")
/// ```
public struct JWTVerifier: Sendable {
    private enum Keys: Sendable {
        case single(JWTVerificationKey)
        case set(JWKSet)
        case remote(RemoteJWKSet)
    }

    /// A cache and this verifier's scope in it: entries made by this verifier (and its copies) only.
    private struct CacheScope: Sendable {
        let cache: JWTVerificationCache
        let scope: UInt64
    }

    private let keys: Keys
    /// What is validated beyond the signature.
    public let options: JWTValidationOptions
    private let cacheScope: CacheScope?

    /// The cache of verified tokens this verifier consults, if any.
    public var cache: JWTVerificationCache? { cacheScope?.cache }

    /// A verifier that checks every token with `key`, in the key's algorithm, whatever `kid` the token carries.
    ///
    /// - Parameters:
    ///   - key: the one key.
    ///   - options: what is validated beyond the signature.
    ///   - cache: a cache of verified tokens, to skip the signature check of a token seen before (the claims are
    ///     re-checked on every hit); nil (the default) checks every signature. This verifier gets a scope of its own
    ///     in the cache, so a cache may be shared with verifiers of other keys or options.
    public init(
        key: JWTVerificationKey,
        options: JWTValidationOptions = JWTValidationOptions(),
        cache: JWTVerificationCache? = nil
    ) {
        self.keys = .single(key)
        self.options = options
        self.cacheScope = cache.map { CacheScope(cache: $0, scope: $0.makeScope()) }
    }

    /// A verifier that checks every ES256 token with `key`, whatever `kid` the token carries.
    ///
    /// - Parameters:
    ///   - key: the one ES256 key.
    ///   - options: what is validated beyond the signature.
    ///   - cache: a cache of verified tokens, as in ``init(key:options:cache:)-(JWTVerificationKey,_,_)``.
    public init(
        key: ES256.PublicKey,
        options: JWTValidationOptions = JWTValidationOptions(),
        cache: JWTVerificationCache? = nil
    ) {
        self.init(key: JWTVerificationKey(key), options: options, cache: cache)
    }

    /// A verifier that selects each token's key from `keySet` by the token's `kid`; each key verifies its own
    /// algorithm only.
    ///
    /// - Parameters:
    ///   - keySet: the keys, selected by `kid`.
    ///   - options: what is validated beyond the signature.
    ///   - cache: a cache of verified tokens, as in ``init(key:options:cache:)-(JWTVerificationKey,_,_)``. A verifier
    ///     made for a new key set (rotation, a revoked key removed) gets a new scope, so it never sees entries made
    ///     under the old set.
    public init(
        keySet: JWKSet,
        options: JWTValidationOptions = JWTValidationOptions(),
        cache: JWTVerificationCache? = nil
    ) {
        self.keys = .set(keySet)
        self.options = options
        self.cacheScope = cache.map { CacheScope(cache: $0, scope: $0.makeScope()) }
    }

    /// A verifier that selects each token's key by `kid` from the set fetched from `remoteKeySet`'s configured URL
    /// (never from the token's `jku`, `x5u` or `jwk`); each key verifies its own algorithm only. Verify with
    /// ``verifyFetchingKeys(_:now:)``, which may fetch; the synchronous ``verify(_:now:)-(_,NumericDate)`` cannot.
    ///
    /// Such a verifier has no ``cache``: its keys change under it whenever the set is fetched again.
    public init(remoteKeySet: RemoteJWKSet, options: JWTValidationOptions = JWTValidationOptions()) {
        self.keys = .remote(remoteKeySet)
        self.options = options
        self.cacheScope = nil
    }

    /// Verifies `token` and validates its claims at the instant `now`.
    ///
    /// - Parameters:
    ///   - token: The compact serialization.
    ///   - now: The validation time. The library never reads a clock itself.
    /// - Returns: The header and claims, which may now be trusted.
    /// - Throws: A ``JWTError`` whose code says what failed: the decoding codes of ``UnverifiedJWT``, then
    ///   ``JWTError/Code/unsupportedAlgorithm``, ``JWTError/Code/unsupportedCriticalHeader``,
    ///   ``JWTError/Code/unknownKeyID``, ``JWTError/Code/ambiguousKey``, ``JWTError/Code/invalidSignature``,
    ///   ``JWTError/Code/invalidClaims``, ``JWTError/Code/invalidClaimValue``, ``JWTError/Code/expired``,
    ///   ``JWTError/Code/notYetValid``, ``JWTError/Code/issuedInFuture``, ``JWTError/Code/wrongType``,
    ///   ``JWTError/Code/wrongIssuer``, ``JWTError/Code/wrongAudience`` or ``JWTError/Code/missingClaim``; for a
    ///   verifier over a ``RemoteJWKSet``, ``JWTError/Code/keySetUnavailable`` (use
    ///   ``verifyFetchingKeys(_:now:)``).
    ///
    /// With a ``cache``, a token this verifier verified before skips steps 1 to 4; step 5 runs on every call.
    public func verify(_ token: String, now: NumericDate) throws(JWTError) -> VerifiedJWT {
        // A token over the size limit is refused by TokenParts before it is hashed or copied.
        if let cacheScope, token.utf8.count <= options.limits.maximumTokenSize {
            return try cacheScope.cache.verify(token, scope: cacheScope.scope, now: now, options: options) {
                () throws(JWTError) in try verifySignature(token)
            }
        }
        let verified = try verifySignature(token)
        try options.validate(header: verified.header, claims: verified.claims, now: now)
        return verified
    }

    /// Checks everything except the claims (steps 1 to 4), then parses the claims as a JSON object.
    func verifySignature(_ token: String) throws(JWTError) -> VerifiedJWT {
        let verified = try verifiedPayload(token)
        return VerifiedJWT(header: verified.header, claims: try verified.parseClaims())
    }

    /// Verifies `token` and validates its claims at the instant `now`, fetching the keys first when the verifier
    /// is over a ``RemoteJWKSet`` (as its rules allow); for any other verifier, the same as
    /// ``verify(_:now:)-(_,NumericDate)``.
    ///
    /// The envelope, the header and its `alg` are checked before any key is looked up, so a malformed token or an
    /// unsupported algorithm never causes a fetch.
    ///
    /// - Parameters:
    ///   - token: The compact serialization.
    ///   - now: The validation time (the remote set's cache runs on its own clock).
    /// - Returns: The header and claims, which may now be trusted.
    /// - Throws: as ``verify(_:now:)-(_,NumericDate)``; for a remote set, ``JWTError/Code/unknownKeyID`` when the
    ///   `kid` is in no fetched set (or the set was fetched within the cool-down) and
    ///   ``JWTError/Code/keySetUnavailable`` when no usable set could be had.
    public func verifyFetchingKeys(_ token: String, now: NumericDate) async throws(JWTError) -> VerifiedJWT {
        // Any other verifier has its keys at hand, and its cache (if any) applies.
        guard case .remote(let remote) = keys else { return try verify(token, now: now) }
        let envelope = try envelope(token)
        let key = try await remote.key(forKeyID: envelope.header.keyID)
        let verified = try check(envelope, with: key)
        let result = VerifiedJWT(header: verified.header, claims: try verified.parseClaims())
        try options.validate(header: result.header, claims: result.claims, now: now)
        return result
    }

    /// Steps 1 to 4: the JWS layer. Returns the verified payload bytes, not yet parsed.
    func verifiedPayload(_ token: String) throws(JWTError) -> VerifiedPayload {
        let envelope = try envelope(token)
        let key: JWTVerificationKey
        switch keys {
        case .single(let only): key = only
        case .set(let set): key = try set.key(forKeyID: envelope.header.keyID)
        case .remote(let remote):
            throw JWTError(
                code: .keySetUnavailable,
                reason: "the verifier's keys come from \(JWTError.quoted(remote.url, limit: 200)), which may need "
                    + "fetching: verify with verifyFetchingKeys(_:now:)"
            )
        }
        return try check(envelope, with: key)
    }

    /// Steps 1 and 2: the envelope and the header, with its `alg` a supported algorithm and its `crit` understood.
    private func envelope(
        _ token: String
    ) throws(JWTError) -> (parts: TokenParts, header: JWTHeader, algorithm: JWSAlgorithm) {
        let parts = try TokenParts(token, limits: options.limits)
        let header = try parts.decodeHeader()
        guard let algorithm = JWSAlgorithm(rawValue: header.algorithm) else {
            throw JWTError(
                code: .unsupportedAlgorithm,
                reason: "the header's \"alg\" is \(JWTError.quoted(header.algorithm)), which is not a supported JWS "
                    + "algorithm (\"none\" never is)"
            )
        }
        try options.checkCritical(header)
        return (parts, header, algorithm)
    }

    /// Steps 3 (the selected key's algorithm must be the header's) and 4 (the signature).
    private func check(
        _ envelope: (parts: TokenParts, header: JWTHeader, algorithm: JWSAlgorithm),
        with key: JWTVerificationKey
    ) throws(JWTError) -> VerifiedPayload {
        let (parts, header, algorithm) = envelope
        guard key.algorithm == algorithm else {
            throw JWTError(
                code: .unsupportedAlgorithm,
                reason: "the header's \"alg\" is \(algorithm), but the "
                    + (header.keyID.map { "key \(JWTError.quoted($0))" } ?? "configured key")
                    + " is a \(key.algorithm) key: a key verifies its own algorithm only"
            )
        }
        let signature = try parts.decodeSignature(for: key)
        let payload = try parts.decodePayload()
        guard try parts.verify(signature, with: key) else {
            throw JWTError(
                code: .invalidSignature,
                reason: "the signature does not verify with the "
                    + (header.keyID.map { "key \(JWTError.quoted($0))" } ?? "configured key")
            )
        }
        return VerifiedPayload(parts: parts, header: header, payload: payload)
    }
}

#if canImport(FoundationEssentials)
extension JWTVerifier {
    /// Verifies `token` and validates its claims at the instant `now`.
    ///
    /// - Throws: as the `NumericDate` overload.
    public func verify(_ token: String, now: Date) throws(JWTError) -> VerifiedJWT {
        try verify(token, now: NumericDate(now))
    }
}
#endif
