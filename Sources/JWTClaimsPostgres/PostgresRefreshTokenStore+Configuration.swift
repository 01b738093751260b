public import JWTClaims

extension PostgresRefreshTokenStore {
    /// Where the database is, how to reach it, and how long the store waits for it.
    ///
    /// Usually read from a URL (``init(url:)``), as `jwt-claims serve --store postgres://…` does:
    ///
    /// ```swift
    /// var configuration = try PostgresRefreshTokenStore.Configuration(
    ///     url: "postgres://jwt_claims:s3cret@db.internal:5432/auth?sslmode=verify-full")
    /// configuration.operationTimeout = .seconds(2)
    /// logger.info("refresh-token store: \(configuration)")  // postgres://jwt_claims:***@db.internal:5432/auth?sslmode=verify-full
    /// ```
    ///
    /// The password is kept out of sight: ``description``, `debugDescription` and the mirror (`dump`) show `***` in
    /// its place, and no error the store throws contains it. Two configurations are equal when every setting is,
    /// the password included.
    ///
    /// The time limits are what make the store fail fast rather than hang when the database is unreachable: every
    /// operation ends within ``operationTimeout`` (as `JWTError.Code.storeFailure`), whatever the network or the
    /// driver does.
    public struct Configuration: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
        CustomReflectable
    {
        /// The server's host name or IP address (an IPv6 address without brackets).
        public var host: String
        /// The server's TCP port. Default: 5432.
        public var port: Int
        /// The role to log in as.
        public var username: String
        /// The role's password, hidden from every description.
        var password: RedactedPassword?
        /// The database to open.
        public var database: String
        /// TLS for every connection. Default: ``TLSMode/prefer``, as libpq.
        public var tls: TLSMode
        /// The PostgreSQL schema that holds the store's tables, created by the first migration when missing (the
        /// role then needs the `CREATE` privilege on the database). Default: `public`. Lowercase letters, digits
        /// and `_`, not starting with a digit, at most 63 characters.
        public var schema = "public"
        /// How long opening one connection may take: TCP, TLS and authentication. Default: 3 seconds
        /// (`connect_timeout` in a URL).
        public var connectTimeout: Duration = .seconds(3)
        /// How long one operation of the store (a rotation, a lookup, an availability check, one batch of
        /// housekeeping) may take in all, waiting for a pooled connection included. Past it the operation fails with
        /// `JWTError.Code.storeFailure` at once, even when the driver would keep waiting. Default: 3 seconds.
        public var operationTimeout: Duration = .seconds(3)
        /// How long the store's creation may take to connect, wait for another instance's migration and run its
        /// own. Default: 60 seconds.
        public var migrationTimeout: Duration = .seconds(60)
        /// The most connections the store's pool opens. Default: 20 (postgres-nio's default).
        public var maximumConnections = 20
        /// How often the store checks, after a failure, whether the database is back; see
        /// ``PostgresRefreshTokenStore/run()``. Default: 1 second.
        public var probeInterval: Duration = .seconds(1)

        /// A configuration with the given server, credentials and TLS, and the default time limits.
        ///
        /// - Parameters:
        ///   - host: The server's host name or IP address (an IPv6 address without brackets).
        ///   - port: The server's TCP port. Default: 5432.
        ///   - username: The role to log in as.
        ///   - password: The role's password; nil to send none (an empty string is a password too).
        ///   - database: The database to open.
        ///   - tls: Whether and how to use TLS. Default: ``TLSMode/prefer``.
        public init(
            host: String,
            port: Int = 5432,
            username: String,
            password: String?,
            database: String,
            tls: TLSMode = .prefer
        ) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password.map(RedactedPassword.init(value:))
            self.database = database
            self.tls = tls
        }

        /// Reads a configuration from a URL: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?OPTIONS]`.
        ///
        /// - `postgresql://` is accepted too. User, password, host and database may be percent-encoded (a `@`, `:`,
        ///   `/` or `%` in a password must be); the decoded text must be UTF-8 without NUL characters.
        /// - HOST is a name, an IPv4 address, or an IPv6 address in brackets (`[::1]`, `[fe80::1%25eth0]`).
        ///   PORT defaults to 5432. A Unix-domain socket is not supported.
        /// - `USER:@HOST` sends an empty password; `USER@HOST` sends none.
        /// - OPTIONS, each at most once, joined by `&`:
        ///   - `sslmode=disable|prefer|require|verify-ca|verify-full` (default `prefer`; see ``TLSMode``);
        ///   - `sslrootcert=PATH`, a PEM file of trusted certificate authorities, for `require`, `verify-ca` and
        ///     `verify-full` only;
        ///   - `connect_timeout=SECONDS`, a whole number from 1 (default 3): ``connectTimeout``.
        ///
        /// Any other option, and anything else that does not fit, is refused.
        ///
        /// - Parameter url: The URL.
        /// - Throws: `JWTError.Code.invalidConfiguration` naming what is wrong. The reason never contains the
        ///   URL or any part of it that could be the password.
        public init(url: String) throws(JWTError) {
            let components = try PostgresURL(parsing: url)
            self.init(
                host: components.host,
                port: components.port,
                username: components.username,
                password: components.password,
                database: components.database,
                tls: components.tls
            )
            if let connectTimeout = components.connectTimeout {
                self.connectTimeout = connectTimeout
            }
        }

        /// Whether a password is set (it is never readable from outside the store).
        public var hasPassword: Bool { password != nil }

        /// The URL with `***` for the password, for logs:
        /// `postgres://jwt_claims:***@127.0.0.1:5432/auth?sslmode=prefer`, then the schema when it is not `public`.
        public var description: String {
            var text = "postgres://" + PostgresURL.encode(username, allowing: PostgresURL.userCharacters)
            if password != nil { text += ":***" }
            let encodedHost = PostgresURL.encode(host, allowing: PostgresURL.hostCharacters)
            text += "@" + (host.contains(":") ? "[\(encodedHost)]" : encodedHost) + ":\(port)"
            text += "/" + PostgresURL.encode(database, allowing: PostgresURL.userCharacters)
            text += "?sslmode=" + tls.name
            if let path = tls.rootCertificatePath {
                text += "&sslrootcert=" + PostgresURL.encode(path, allowing: PostgresURL.pathCharacters)
            }
            if schema != "public" { text += " (schema \(schema))" }
            return text
        }

        /// The same as ``description``.
        public var debugDescription: String { description }

        /// The settings, with `***` for the password (what `dump` shows).
        public var customMirror: Mirror {
            Mirror(
                self,
                children: [
                    "host": host,
                    "port": port,
                    "username": username,
                    "password": password == nil ? "none" : "***",
                    "database": database,
                    "tls": tls,
                    "schema": schema,
                    "connectTimeout": connectTimeout,
                    "operationTimeout": operationTimeout,
                    "migrationTimeout": migrationTimeout,
                    "maximumConnections": maximumConnections,
                    "probeInterval": probeInterval,
                ],
                displayStyle: .struct
            )
        }

        /// Refuses settings the store cannot work with.
        func validate() throws(JWTError) {
            guard !host.isEmpty else { throw .invalidConfiguration("the host is empty") }
            guard (1...65_535).contains(port) else {
                throw .invalidConfiguration("the port \(port) is outside 1-65535")
            }
            guard !username.isEmpty else { throw .invalidConfiguration("the user name is empty") }
            guard !database.isEmpty else { throw .invalidConfiguration("the database name is empty") }
            // PostgreSQL's startup message holds C strings: a NUL would cut the text short. Not quoted: it could be the
            // password.
            guard ![host, username, database, password?.value ?? ""].contains(where: { $0.utf8.contains(0) }) else {
                throw .invalidConfiguration("the host, user name, password or database name contains a NUL character")
            }
            guard Self.isPlainIdentifier(schema) else {
                throw .invalidConfiguration(
                    "the schema name \(JWTError.quoted(schema)) is not lowercase letters, digits and _ "
                        + "(starting with a letter or _, at most 63 characters)"
                )
            }
            for (name, duration) in [
                ("connect", connectTimeout), ("operation", operationTimeout), ("migration", migrationTimeout),
                ("probe interval", probeInterval),
            ] where duration <= .zero {
                throw .invalidConfiguration("the \(name) time limit must be positive")
            }
            guard maximumConnections >= 1 else {
                throw .invalidConfiguration("the pool needs at least one connection (maximumConnections)")
            }
        }

        /// Whether `name` can stand in SQL as it is: what PostgreSQL folds to itself, so that quoting changes nothing.
        private static func isPlainIdentifier(_ name: String) -> Bool {
            let bytes = Array(name.utf8)
            guard let first = bytes.first, bytes.count <= 63 else { return false }
            let isLetter = { (byte: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == 0x5F }
            let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
            return isLetter(first) && bytes.allSatisfy { isLetter($0) || isDigit($0) }
        }
    }
}
