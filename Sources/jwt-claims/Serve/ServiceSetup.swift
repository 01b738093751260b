import JWTClaims
import JWTClaimsHummingbird
import Logging
import ServiceLifecycle

#if !Hummingbird
#error("jwt-claims serve needs the package trait Hummingbird: build with the default traits")
#endif

/// Turns resolved settings into the library's `ServiceConfiguration`: reads the key files, the API-key file and
/// opens the store. Everything here fails before the socket is bound, as a usage error (status 2).
enum ServiceSetup {
    /// How long requests in flight may take to finish after SIGTERM before they are cancelled.
    static let gracefulShutdownLimit: Duration = .seconds(10)

    /// The message when no signing key is configured: how to make one and how to pass it.
    static let noSigningKeyMessage = """
        jwt-claims serve needs a signing key: make one with `jwt-claims keygen --private-out signing.pem` and \
        pass --signing-key signing.pem (or JWT_CLAIMS_SIGNING_KEY, or "signing-key" in the config file)
        """

    /// The service configuration for `settings`, and the services to run beside the server (the store's).
    ///
    /// - Throws: ``CLIError`` (status 2): no signing key, an unreadable or invalid key or API-key file, two keys
    ///   with one `kid`, a store that cannot be opened.
    ///   An upstream's JWK Set URL that is not https (or loopback http) is one too. `fetcher` fetches the upstream
    ///   issuers' key sets (nil when there is none).
    static func configuration(
        _ settings: ServeSettings,
        logger: Logger,
        fetcher: (any JWKSetFetcher)?
    ) async throws(CLIError) -> (configuration: ServiceConfiguration, services: [any Service]) {
        guard !settings.signingKeyPaths.isEmpty else { throw .badInput(noSigningKeyMessage) }
        var signingKeys: [SigningKey] = []
        for path in settings.signingKeyPaths {
            let (key, keyID) = try KeyFile(path: path).signingKey()
            signingKeys.append(SigningKey(key: try es256(key, path: path), keyID: keyID))
        }
        let apiKeys = try self.apiKeys(settings.apiKeysPath, logger: logger)
        let (store, services) = try await settings.store.open(logger: logger)
        var configuration: ServiceConfiguration
        do throws(JWTError) {
            configuration = try ServiceConfiguration(
                signingKeys: signingKeys,
                issuer: settings.effectiveIssuer,
                apiKeys: apiKeys,
                store: store
            )
        } catch {
            throw .badInput(error.reason)
        }
        configuration.host = settings.host
        configuration.port = settings.port
        configuration.accessTokenLifetime = .seconds(settings.accessTokenLifetime)
        configuration.refreshTokenLifetime = .seconds(settings.refreshTokenLifetime)
        configuration.rateLimit = settings.rateLimit.map { RateLimit(requestsPerSecond: $0) }
        configuration.maximumBodyBytes = settings.maxBodyBytes
        configuration.housekeepingInterval = settings.housekeepingInterval.map { .seconds($0) }
        configuration.verificationCache = settings.verifyCacheEntries.map {
            JWTVerificationCache(maximumEntryCount: $0)
        }
        if !settings.upstreams.isEmpty {
            guard let fetcher else { throw .badInput("upstream issuers are configured, but no HTTP client was made") }
            for upstream in settings.upstreams {
                do throws(JWTError) {
                    let keySet = try RemoteJWKSet(
                        url: upstream.jwksURL,
                        fetcher: fetcher,
                        configuration: settings.upstreamKeySetRules
                    )
                    configuration.upstreamIssuers.append(
                        UpstreamIssuer(issuer: upstream.issuer, audience: upstream.audience, keySet: keySet)
                    )
                } catch {
                    throw .badInput("--upstream-jwks: \(error.reason)")
                }
                logger.info(
                    "upstream issuer",
                    metadata: [
                        "issuer": "\(upstream.issuer)", "audience": "\(upstream.audience)",
                        "jwks": "\(upstream.jwksURL)",
                    ]
                )
            }
        }
        logger.info(
            "configured",
            metadata: [
                "signing_key_ids": "\(signingKeys.map(\.keyID).joined(separator: ","))",
                "api_keys": "\(apiKeys.keys.count)",
                "store": "\(settings.store)",
                "issuer": "\(settings.effectiveIssuer)",
            ]
        )
        return (configuration, services)
    }

    /// The ES256 key of a key file: the service signs with ES256 only (the key files now recognise every family).
    private static func es256(_ key: JWTSigningKey, path: String) throws(CLIError) -> ES256.PrivateKey {
        guard key.algorithm == .es256, let der = key.derRepresentation else {
            throw .badInput(
                "--signing-key \(JWTError.quoted(path)) is a \(key.algorithm) key; the service signs with ES256 "
                    + "(P-256) keys: make one with `jwt-claims keygen`"
            )
        }
        do throws(JWTError) {
            return try ES256.PrivateKey(derRepresentation: der)
        } catch {
            throw .badInput(error.reason)
        }
    }

    /// The API keys of `path`, or none (every call that needs credentials then gets 401, which is logged).
    private static func apiKeys(_ path: String?, logger: Logger) throws(CLIError) -> APIKeySet {
        guard let path else {
            logger.warning("no --api-keys file: every request that needs API credentials gets 401")
            do throws(JWTError) { return try APIKeySet([]) } catch { throw .badInput(error.reason) }
        }
        let source = InputSource(path, role: "API-key file")
        let bytes = try source.readAll(limit: APIKeySet.maximumFileSize)
        do throws(JWTError) {
            return try APIKeySet(parsing: bytes)
        } catch {
            throw .badInput(source.label, error)
        }
    }
}
