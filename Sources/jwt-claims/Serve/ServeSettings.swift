import Configuration
import JWTClaims
import Logging
import SystemPackage

/// The settings of `jwt-claims serve`, resolved from its three sources: flags win over the environment
/// (`JWT_CLAIMS_` + the flag's name in capitals, `-` as `_`), the environment over a JSON config file
/// (`--config FILE` or `JWT_CLAIMS_CONFIG`; members named like the flags, e.g. `"rate-limit": 5`,
/// `"signing-key": ["new.pem", "old.pem"]`).
///
/// Every value is read strictly (swift-configuration's throwing `fetch` getters): a malformed `JWT_CLAIMS_PORT`
/// is a usage error, never a silent default.
struct ServeSettings: Equatable, Sendable {
    /// The names shared by flags, environment and config file, in one place.
    enum Key {
        static let host = "host"
        static let port = "port"
        static let signingKey = "signing-key"
        static let issuer = "issuer"
        static let apiKeys = "api-keys"
        static let store = "store"
        static let accessTokenLifetime = "access-token-lifetime"
        static let refreshTokenLifetime = "refresh-token-lifetime"
        static let rateLimit = "rate-limit"
        static let maxBodyBytes = "max-body-bytes"
        static let logLevel = "log-level"
        static let housekeepingInterval = "housekeeping-interval"
        static let verifyCacheEntries = "verify-cache-entries"
        static let upstreamJWKS = "upstream-jwks"
        static let upstreamIssuer = "upstream-issuer"
        static let upstreamAudience = "upstream-audience"
        static let upstreamCoolDown = "upstream-cool-down"
        static let upstreamMinCache = "upstream-min-cache"
        static let upstreamMaxStale = "upstream-max-stale"
    }

    /// An identity provider whose tokens `custom` exchanges: the n-th `--upstream-jwks`, `--upstream-issuer` and
    /// `--upstream-audience` together.
    struct Upstream: Equatable, Sendable {
        /// The URL of its JWK Set (https, or http to a loopback host).
        var jwksURL: String
        /// The `iss` of its tokens.
        var issuer: String
        /// The audience its tokens must name.
        var audience: String
    }

    /// The environment variable naming the config file when `--config` is not given.
    static let configFileVariable = "JWT_CLAIMS_CONFIG"
    /// The prefix of the environment variables (`jwt-claims` encodes as `JWT_CLAIMS_`).
    static let environmentPrefix = "jwt-claims"

    var host = "127.0.0.1"
    var port = 8080
    var signingKeyPaths: [String] = []
    /// The `iss` of minted tokens; nil means `http://HOST:PORT`.
    var issuer: String?
    var apiKeysPath: String?
    var store = StoreSpecifier.default
    var accessTokenLifetime = 3600
    var refreshTokenLifetime = 30 * 24 * 3600
    var rateLimit: Int?
    var maxBodyBytes = 65536
    var logLevel = Logger.Level.info
    /// Seconds between two runs of the store's expiry housekeeping; nil (`--housekeeping-interval 0`) turns it off.
    var housekeepingInterval: Int? = 3600
    /// The most verified tokens the verification cache holds; nil (`--verify-cache-entries 0`) turns it off.
    var verifyCacheEntries: Int? = 10_000
    /// The upstream issuers, in the order given.
    var upstreams: [Upstream] = []
    /// The timing rules of every upstream's key set: cool-down, least cache time and stale period (seconds, from
    /// `--upstream-cool-down`, `--upstream-min-cache`, `--upstream-max-stale`), else the library's defaults.
    var upstreamKeySetRules = RemoteJWKSet.Configuration()

    /// The issuer: `--issuer`, else `http://HOST:PORT` of the configured (not the bound) address.
    var effectiveIssuer: String {
        if let issuer { return issuer }
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "http://\(host):\(port)"
    }

    /// Resolves the settings from `flags` (what the command line gave, keyed by flag name), `environment`, and the
    /// config file that `configFile` or `JWT_CLAIMS_CONFIG` names.
    ///
    /// - Throws: ``CLIError`` (status 2) for an unreadable or malformed config file, a value of the wrong type in
    ///   any source (named by its key), or a value out of range.
    static func resolve(
        flags: [String: ConfigValue],
        configFile: String?,
        environment: [String: String]
    ) async throws(CLIError) -> ServeSettings {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for (name, value) in flags { values[AbsoluteConfigKey([name])] = value }
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "flags", values: values),
            EnvironmentVariablesProvider(
                environmentVariables: environment,
                secretsSpecifier: .specific(["JWT_CLAIMS_STORE"])
            ).prefixKeys(with: ConfigKey([environmentPrefix])),
        ]
        if let path = configFile ?? environment[configFileVariable] {
            do {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(path)))
            } catch {
                throw .badInput("config file \(JWTError.quoted(path)): \(error)")
            }
        }
        let reader = ConfigReader(providers: providers)
        do {
            return try await read(reader)
        } catch let error as CLIError {
            throw error
        } catch {
            throw .badInput("configuration: \(error)")
        }
    }

    private static func read(_ reader: ConfigReader) async throws -> ServeSettings {
        var settings = ServeSettings()
        if let host = try await reader.fetchString(forKey: ConfigKey([Key.host])) {
            guard !host.isEmpty else { throw CLIError.badInput("--host must not be empty") }
            settings.host = host
        }
        if let port = try await reader.fetchInt(forKey: ConfigKey([Key.port])) {
            guard (0...65535).contains(port) else { throw CLIError.badInput("--port must be 0...65535, not \(port)") }
            settings.port = port
        }
        // An environment list "a.pem, b.pem," keeps empty elements; they name no file.
        settings.signingKeyPaths =
            try await reader.fetchStringArray(forKey: ConfigKey([Key.signingKey]))?.filter { !$0.isEmpty } ?? []
        settings.issuer = try await reader.fetchString(forKey: ConfigKey([Key.issuer]))
        if settings.issuer == "" { throw CLIError.badInput("--issuer must not be empty") }
        settings.apiKeysPath = try await reader.fetchString(forKey: ConfigKey([Key.apiKeys]))
        if let store = try await reader.fetchString(forKey: ConfigKey([Key.store]), isSecret: true) {
            settings.store = try StoreSpecifier(parsing: store)
        }
        settings.accessTokenLifetime =
            try await positive(reader, Key.accessTokenLifetime) ?? settings.accessTokenLifetime
        settings.refreshTokenLifetime =
            try await positive(reader, Key.refreshTokenLifetime) ?? settings.refreshTokenLifetime
        settings.rateLimit = try await positive(reader, Key.rateLimit)
        settings.maxBodyBytes = try await positive(reader, Key.maxBodyBytes) ?? settings.maxBodyBytes
        if let interval = try await reader.fetchInt(forKey: ConfigKey([Key.housekeepingInterval])) {
            guard interval >= 0 else {
                throw CLIError.badInput("--\(Key.housekeepingInterval) must be 0 (off) or more, not \(interval)")
            }
            settings.housekeepingInterval = interval == 0 ? nil : interval
        }
        if let entries = try await reader.fetchInt(forKey: ConfigKey([Key.verifyCacheEntries])) {
            guard entries >= 0 else {
                throw CLIError.badInput("--\(Key.verifyCacheEntries) must be 0 (off) or more, not \(entries)")
            }
            settings.verifyCacheEntries = entries == 0 ? nil : entries
        }
        if let level = try await reader.fetchString(forKey: ConfigKey([Key.logLevel])) {
            guard let parsed = Logger.Level(rawValue: level) else {
                let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw CLIError.badInput("--log-level must be one of \(names), not \(JWTError.quoted(level))")
            }
            settings.logLevel = parsed
        }
        settings.upstreams = try await upstreams(reader, issuer: settings.effectiveIssuer)
        if let seconds = try await nonNegative(reader, Key.upstreamCoolDown) {
            settings.upstreamKeySetRules.coolDown = .seconds(seconds)
        }
        if let seconds = try await nonNegative(reader, Key.upstreamMinCache) {
            settings.upstreamKeySetRules.minimumCacheDuration = .seconds(seconds)
        }
        if let seconds = try await nonNegative(reader, Key.upstreamMaxStale) {
            settings.upstreamKeySetRules.maximumStaleness = .seconds(seconds)
        }
        return settings
    }

    /// The upstream issuers: the three repeatable settings are grouped by position (the first JWK Set URL, issuer
    /// and audience form the first upstream, and so on), so each must be given the same number of times; issuers
    /// must differ from each other and from the service's own.
    private static func upstreams(_ reader: ConfigReader, issuer ownIssuer: String) async throws -> [Upstream] {
        func list(_ key: String) async throws -> [String] {
            try await reader.fetchStringArray(forKey: ConfigKey([key]))?.filter { !$0.isEmpty } ?? []
        }
        let urls = try await list(Key.upstreamJWKS)
        let issuers = try await list(Key.upstreamIssuer)
        let audiences = try await list(Key.upstreamAudience)
        guard urls.count == issuers.count, issuers.count == audiences.count else {
            throw CLIError.badInput(
                "each upstream needs one --upstream-jwks, one --upstream-issuer and one --upstream-audience, grouped "
                    + "by position; got \(urls.count), \(issuers.count) and \(audiences.count)"
            )
        }
        var seen: Set<String> = []
        for issuer in issuers {
            guard issuer != ownIssuer else {
                throw CLIError.badInput(
                    "--upstream-issuer \(JWTError.quoted(issuer)) is the service's own issuer; an upstream must be "
                        + "another issuer"
                )
            }
            guard seen.insert(issuer).inserted else {
                throw CLIError.badInput("--upstream-issuer \(JWTError.quoted(issuer)) is given twice")
            }
        }
        return (0..<urls.count).map { Upstream(jwksURL: urls[$0], issuer: issuers[$0], audience: audiences[$0]) }
    }

    /// An integer that must be at least 0, when given.
    private static func nonNegative(_ reader: ConfigReader, _ key: String) async throws -> Int? {
        guard let value = try await reader.fetchInt(forKey: ConfigKey([key])) else { return nil }
        guard value >= 0 else { throw CLIError.badInput("--\(key) must be at least 0, not \(value)") }
        return value
    }

    /// An integer that must be at least 1, when given.
    private static func positive(_ reader: ConfigReader, _ key: String) async throws -> Int? {
        guard let value = try await reader.fetchInt(forKey: ConfigKey([key])) else { return nil }
        guard value >= 1 else { throw CLIError.badInput("--\(key) must be at least 1, not \(value)") }
        return value
    }
}
