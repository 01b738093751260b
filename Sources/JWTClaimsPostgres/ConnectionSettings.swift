internal import JWTClaims
internal import NIOCore
internal import NIOSSL
internal import PostgresNIO

/// A ``PostgresRefreshTokenStore/Configuration`` turned into postgres-nio's two configurations: the pool's
/// (`PostgresClient`) and a single connection's (`PostgresConnection`, for migrations and probes), with the same
/// server, credentials and TLS.
///
/// postgres-nio's configurations hold the password in plain text and describe themselves with it: they stay inside
/// this type and are never logged or interpolated.
struct ConnectionSettings: Sendable, CustomStringConvertible, CustomReflectable {
    let client: PostgresClient.Configuration
    let connection: PostgresConnection.Configuration

    /// Says nothing of the settings: they hold the password.
    var description: String { "ConnectionSettings(redacted)" }

    /// No children, for the same reason: `dump` of a store must not reach the password.
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// The name the store's connections give the server (`application_name`, shown in `pg_stat_activity`).
    static let applicationName = "jwt-claims"

    /// Checks `configuration` and builds both configurations; a root certificate file that cannot be used is
    /// reported here, once, rather than at every connection attempt.
    ///
    /// - Throws: `JWTError.Code.invalidConfiguration`.
    init(_ configuration: PostgresRefreshTokenStore.Configuration) throws(JWTError) {
        try configuration.validate()
        let password = configuration.password?.value
        let (clientTLS, connectionTLS) = try Self.tls(for: configuration.tls)

        var client = PostgresClient.Configuration(
            host: configuration.host,
            port: configuration.port,
            username: configuration.username,
            password: password,
            database: configuration.database,
            tls: clientTLS
        )
        client.options.connectTimeout = configuration.connectTimeout
        client.options.maximumConnections = configuration.maximumConnections
        client.options.additionalStartupParameters = [("application_name", Self.applicationName)]
        self.client = client

        var connection = PostgresConnection.Configuration(
            host: configuration.host,
            port: configuration.port,
            username: configuration.username,
            password: password,
            database: configuration.database,
            tls: connectionTLS
        )
        connection.options.connectTimeout = TimeAmount(configuration.connectTimeout)
        connection.options.additionalStartupParameters = [("application_name", Self.applicationName)]
        self.connection = connection
    }

    /// The TLS settings of a mode, as the pool takes them (a `TLSConfiguration`) and as a single connection takes
    /// them (an `NIOSSLContext`, which also proves that the root certificate file can be read).
    private static func tls(
        for mode: PostgresRefreshTokenStore.TLSMode
    ) throws(JWTError) -> (PostgresClient.Configuration.TLS, PostgresConnection.Configuration.TLS) {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return (.disable, .disable)
        case .prefer, .require(rootCertificatePath: nil):
            tls.certificateVerification = .none
        case .require(let path?), .verifyCA(let path?):
            tls.certificateVerification = .noHostnameVerification
            tls.trustRoots = .file(path)
        case .verifyCA(nil):
            tls.certificateVerification = .noHostnameVerification
        case .verifyFull(let path):
            tls.certificateVerification = .fullVerification
            if let path { tls.trustRoots = .file(path) }
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            let root = mode.rootCertificatePath.map {
                " with the root certificates in \(JWTError.quoted($0, limit: 256))"
            }
            throw .invalidConfiguration("cannot set up TLS (sslmode=\(mode.name))\(root ?? ""): \(error)")
        }
        if case .prefer = mode {
            return (.prefer(tls), .prefer(context))
        }
        return (.require(tls), .require(context))
    }
}
