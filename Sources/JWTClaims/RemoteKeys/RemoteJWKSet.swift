/// A JWK Set fetched from a configured URL and kept fresh for verifiers: the keys of an identity provider (Auth0,
/// Cognito, Google, Keycloak, ...) that signs the tokens you verify.
///
/// ```swift
/// let keys = try RemoteJWKSet(url: "https://issuer.example/.well-known/jwks.json", fetcher: HTTPJWKSetFetcher())
/// let verifier = JWTVerifier(remoteKeySet: keys, options: JWTValidationOptions(
///     issuers: ["https://issuer.example/"], audiences: ["my-api"]))
/// let verified = try await verifier.verifyFetchingKeys(token, now: .now)
/// ```
///
/// The rules, each bounded by ``Configuration``:
/// - **Keys come from the configured URL only**, never from a token's `jku`, `x5u` or `jwk` header: whoever chooses
///   the key set chooses which tokens verify.
/// - **Cache.** A fetched set is used for its response's `Cache-Control` `max-age`, clamped to
///   ``Configuration/minimumCacheDuration`` and ``Configuration/maximumCacheDuration`` (the latter without a
///   `max-age`). When it has expired, the next lookup fetches it again.
/// - **Unknown `kid`.** A `kid` the fresh set lacks triggers a fetch (the issuer may have rotated its keys), but
///   fetches start at most once per ``Configuration/coolDown``, whatever their cause: a stream of tokens with random
///   `kid`s costs the issuer one request per cool-down, not one per token (PyJWT's cache refetches on every unknown
///   `kid`). Within the cool-down an unknown `kid` is ``JWTError/Code/unknownKeyID`` at once.
/// - **Single flight.** One fetch at a time: every caller that needs the set while a fetch runs waits for that
///   fetch. A caller's cancellation does not cancel the shared fetch.
/// - **Stale on failure.** When a fetch fails (transport, timeout, status, size, not a usable set), the last good set
///   is still used for up to ``Configuration/maximumStaleness`` past its cache time; after that, and when no set was
///   ever fetched, lookups fail with ``JWTError/Code/keySetUnavailable`` naming the URL and the last failure.
/// - **Bounds.** The fetcher is asked to stop at ``Configuration/maximumResponseSize`` bytes and
///   ``Configuration/timeout``; the set enforces both again (it refuses a larger body and abandons a fetch that
///   outlives the timeout).
///
/// Time comes from the injected clock (a `ContinuousClock` by default), so tests can drive every rule.
public actor RemoteJWKSet {
    /// The URL the keys are fetched from, as configured.
    public nonisolated let url: String
    /// The timing and size rules.
    public nonisolated let configuration: Configuration

    private let fetcher: any JWKSetFetcher
    /// Time since the set was made, on the injected clock.
    private let elapsed: @Sendable () -> Duration
    /// Sleeps on the injected clock (for the timeout).
    private let sleep: @Sendable (Duration) async throws -> Void

    /// The last good set and when its cache time ends.
    private var cached: (keySet: JWKSet, expiresAt: Duration)?
    /// When the last fetch started.
    private var lastFetchStart: Duration?
    /// Why the last fetch failed, until one succeeds.
    private var lastFailure: JWTError?
    /// The fetch that is running, which every caller shares.
    private var inFlight: Task<Void, Never>?

    /// A remote set of `url`, fetched with `fetcher` on the first lookup, timed by a `ContinuousClock`.
    ///
    /// - Parameters:
    ///   - url: The key set's URL: `https://`, or `http://` to a loopback host (`localhost`, 127.0.0.0/8, `::1`).
    ///   - fetcher: The HTTP transport.
    ///   - configuration: The timing and size rules.
    /// - Throws: ``JWTError/Code/invalidKeySetURL`` for a URL that is not https (or loopback http).
    public init(
        url: String,
        fetcher: any JWKSetFetcher,
        configuration: Configuration = Configuration()
    ) throws(JWTError) {
        try self.init(url: url, fetcher: fetcher, configuration: configuration, clock: ContinuousClock())
    }

    /// A remote set of `url` timed by `clock`: a test clock makes cache, cool-down and staleness deterministic.
    ///
    /// - Throws: as ``init(url:fetcher:configuration:)``.
    public init<C: Clock>(
        url: String,
        fetcher: any JWKSetFetcher,
        configuration: Configuration = Configuration(),
        clock: C
    ) throws(JWTError) where C.Duration == Duration {
        self.url = try KeySetURL(url).text
        self.fetcher = fetcher
        self.configuration = configuration
        let origin = clock.now
        self.elapsed = { origin.duration(to: clock.now) }
        self.sleep = { duration in try await clock.sleep(for: duration) }
    }

    /// The verification key a token's `kid` selects, fetching the set when it is missing, expired, or lacks the
    /// `kid` (at most once per cool-down).
    ///
    /// - Parameter keyID: The token header's `kid`, or nil.
    /// - Returns: The key, bound to its algorithm.
    /// - Throws: ``JWTError/Code/unknownKeyID`` or ``JWTError/Code/ambiguousKey`` as ``JWKSet/key(forKeyID:)``
    ///   throws them on the newest usable set; ``JWTError/Code/keySetUnavailable`` when there is no usable set.
    public func key(forKeyID keyID: String?) async throws(JWTError) -> JWTVerificationKey {
        if let fresh = freshKeySet() {
            do {
                return try fresh.key(forKeyID: keyID)
            } catch  where error.code == .unknownKeyID {
                // The issuer may have rotated its keys: fetch once, unless a fetch started within the cool-down.
                guard await fetchUnlessCoolingDown() else {
                    throw JWTError(
                        code: .unknownKeyID,
                        reason: error.reason + " from \(JWTError.quoted(url, limit: 200)); it was fetched "
                            + "again less than \(Self.describe(configuration.coolDown)) ago (the cool-down)"
                    )
                }
            }
        } else {
            await fetchUnlessCoolingDown()
        }
        return try usableKeySet().key(forKeyID: keyID)
    }

    /// The newest usable set: the cached one while fresh, else fetched again (at most once per cool-down), else the
    /// cached one while within its stale period.
    ///
    /// - Returns: The key set.
    /// - Throws: ``JWTError/Code/keySetUnavailable`` when there is no usable set.
    public func keySet() async throws(JWTError) -> JWKSet {
        if let fresh = freshKeySet() {
            return fresh
        }
        await fetchUnlessCoolingDown()
        return try usableKeySet()
    }

    /// The cached set while its cache time lasts.
    private func freshKeySet() -> JWKSet? {
        guard let cached, elapsed() < cached.expiresAt else {
            return nil
        }
        return cached.keySet
    }

    /// The cached set while fresh or within its stale period; otherwise why there is none.
    private func usableKeySet() throws(JWTError) -> JWKSet {
        let now = elapsed()
        if let cached, now < cached.expiresAt + configuration.maximumStaleness {
            return cached.keySet
        }
        let why = lastFailure?.reason ?? "it has not been fetched yet"
        guard let cached else {
            throw JWTError(
                code: .keySetUnavailable,
                reason: "no key set from \(JWTError.quoted(url, limit: 200)) is available: \(why)",
                underlyingError: lastFailure?.underlyingError
            )
        }
        throw JWTError(
            code: .keySetUnavailable,
            reason: "the key set from \(JWTError.quoted(url, limit: 200)) expired "
                + "\(Self.describe(now - cached.expiresAt)) ago, past the stale limit of "
                + "\(Self.describe(configuration.maximumStaleness)), and could not be fetched again: \(why)",
            underlyingError: lastFailure?.underlyingError
        )
    }

    /// Waits for the running fetch, or starts one when none started within the cool-down.
    ///
    /// - Returns: Whether a fetch was waited for (false: cooling down, nothing happened).
    @discardableResult
    private func fetchUnlessCoolingDown() async -> Bool {
        if let inFlight {
            await inFlight.value
            return true
        }
        let now = elapsed()
        if let lastFetchStart, now - lastFetchStart < configuration.coolDown {
            return false
        }
        lastFetchStart = now
        let task = Task { await self.fetch() }
        inFlight = task
        await task.value
        return true
    }

    /// One fetch: updates the cache on success, the failure otherwise, then lets the next fetch start.
    private func fetch() async {
        defer { inFlight = nil }
        do {
            let (keySet, cacheControl) = try await fetchKeySet()
            cached = (keySet, elapsed() + configuration.cacheDuration(forCacheControl: cacheControl))
            lastFailure = nil
        } catch {
            lastFailure = error
        }
    }

    /// Fetches and parses the set, under the size limit and the timeout; also returns the `Cache-Control` header.
    private func fetchKeySet() async throws(JWTError) -> (JWKSet, String?) {
        let request = JWKSetFetchRequest(
            url: url,
            maximumBytes: configuration.maximumResponseSize,
            timeout: configuration.timeout
        )
        let response: JWKSetFetchResponse
        do {
            response = try await Self.fetch(request, with: fetcher, sleep: sleep)
        } catch let error as JWTError {
            throw error
        } catch {
            throw JWTError(
                code: .keySetUnavailable,
                reason: "fetching \(JWTError.quoted(url, limit: 200)) failed: "
                    + JWTError.quoted(String(describing: error), limit: 200),
                underlyingError: error
            )
        }
        guard response.status == 200 else {
            throw JWTError(
                code: .keySetUnavailable,
                reason: "\(JWTError.quoted(url, limit: 200)) answered HTTP status \(response.status), not 200"
            )
        }
        guard response.body.count <= configuration.maximumResponseSize else {
            throw JWTError(
                code: .keySetUnavailable,
                reason: "the response from \(JWTError.quoted(url, limit: 200)) is \(response.body.count) bytes; "
                    + "the limit is \(configuration.maximumResponseSize)"
            )
        }
        let keySet: JWKSet
        do {
            keySet = try JWKSet(parsing: response.body, defaultAlgorithm: configuration.defaultAlgorithm)
        } catch {
            throw JWTError(
                code: .keySetUnavailable,
                reason: "the response from \(JWTError.quoted(url, limit: 200)) is not a usable JWK Set: "
                    + error.reason,
                underlyingError: error
            )
        }
        guard !keySet.entries.isEmpty else {
            throw JWTError(
                code: .keySetUnavailable,
                reason: "the JWK Set from \(JWTError.quoted(url, limit: 200)) holds no usable key"
                    + (keySet.skipped.first.map { " (key \($0.index) was skipped: \($0.reason))" } ?? "")
            )
        }
        return (keySet, response.cacheControl)
    }

    /// Runs the fetcher, abandoning it (cancelled) when the timeout passes first.
    private static func fetch(
        _ request: JWKSetFetchRequest,
        with fetcher: any JWKSetFetcher,
        sleep: @escaping @Sendable (Duration) async throws -> Void
    ) async throws -> JWKSetFetchResponse {
        try await withThrowingTaskGroup(of: JWKSetFetchResponse?.self) { group in
            group.addTask { try await fetcher.fetch(request) }
            group.addTask {
                try await sleep(request.timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw JWTError(
                    code: .keySetUnavailable,
                    reason: "fetching \(JWTError.quoted(request.url, limit: 200)) took longer than the timeout of "
                        + Self.describe(request.timeout)
                )
            }
            return response
        }
    }

    /// A duration for a reason, in whole seconds, or milliseconds under one second.
    static func describe(_ duration: Duration) -> String {
        let seconds = duration.components.seconds
        if seconds == 0 {
            return "\(duration.components.attoseconds / 1_000_000_000_000_000) ms"
        }
        return "\(seconds) s"
    }
}
