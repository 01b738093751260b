import JWTClaims
import JWTClaimsPostgres
import JWTClaimsSQLite
import Logging
import ServiceLifecycle

/// Where `jwt-claims serve` keeps its refresh tokens, parsed from `--store` in this one place.
///
/// The routes only ever see `RefreshTokenStore`; this type turns the flag's text into a store. A backend is one case
/// here and one branch in ``open(logger:)``, nothing else.
enum StoreSpecifier: Equatable, Sendable, CustomStringConvertible {
    /// Refresh tokens in memory: lost when the process ends (tests, demos, a single short-lived instance).
    case memory
    /// An SQLite database file, created and migrated when needed.
    case sqlite(path: String)
    /// A PostgreSQL database shared by any number of instances:
    /// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=...&sslrootcert=PATH&connect_timeout=SECONDS]`.
    /// The configuration hides its password from every description.
    case postgres(PostgresRefreshTokenStore.Configuration)

    /// The SQLite file used when `--store` is not given: in the working directory.
    static let defaultSQLitePath = "jwt-claims.sqlite"

    /// The default store: ``defaultSQLitePath`` in the working directory.
    static let `default` = StoreSpecifier.sqlite(path: defaultSQLitePath)

    /// Parses a `--store` value: `memory`, `sqlite:PATH` or `postgres://...` (`postgresql://` too).
    ///
    /// - Throws: ``CLIError`` (status 2): an empty path, a PostgreSQL URL that does not parse (the reason names the
    ///   problem, never the URL or the password), an unknown scheme, or anything else. The text is never echoed
    ///   whole: a PostgreSQL specifier holds a password.
    init(parsing text: String) throws(CLIError) {
        if text == "memory" {
            self = .memory
            return
        }
        let sqlitePrefix = "sqlite:"
        if text.hasPrefix(sqlitePrefix) {
            let path = String(text.dropFirst(sqlitePrefix.count))
            guard !path.isEmpty else {
                throw .badInput("--store sqlite:PATH needs a file path after 'sqlite:'")
            }
            self = .sqlite(path: path)
            return
        }
        if let scheme = Self.scheme(of: text) {
            if scheme == "postgres" || scheme == "postgresql" {
                do throws(JWTError) {
                    self = .postgres(try PostgresRefreshTokenStore.Configuration(url: text))
                    return
                } catch {
                    throw .badInput("--store \(scheme)://...: \(error.reason)")
                }
            }
            throw .badInput("--store: unsupported store \(JWTError.quoted(scheme)); \(Self.choices)")
        }
        // Without a scheme the text holds no URL, so no password: quoting it is safe.
        throw .badInput("--store must be memory, sqlite:PATH or postgres://..., not \(JWTError.quoted(text))")
    }

    /// The accepted forms, for messages.
    private static let choices = "use memory, sqlite:PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"

    /// Opens the store: creates the SQLite file and its schema, or migrates an older one; connects to PostgreSQL
    /// (a wrong password, an unknown database or a refused TLS handshake fail here, at once) and migrates its schema
    /// under an advisory lock, so that instances starting together migrate once.
    ///
    /// - Parameter logger: Where the PostgreSQL store logs (never the password).
    /// - Returns: The store, and the services to run beside the server (the PostgreSQL store's connection pool).
    /// - Throws: ``CLIError`` (status 2) when the database cannot be opened, reached or migrated.
    func open(logger: Logger) async throws(CLIError) -> (store: any RefreshTokenStore, services: [any Service]) {
        switch self {
        case .memory:
            return (InMemoryRefreshTokenStore(), [])
        case .sqlite(let path):
            do throws(JWTError) {
                return (try SQLiteRefreshTokenStore(path: path), [])
            } catch {
                throw .badInput("--store sqlite:\(path): \(error.reason)")
            }
        case .postgres(let configuration):
            do throws(JWTError) {
                let store = try await PostgresRefreshTokenStore(configuration: configuration, logger: logger)
                return (store, [store])
            } catch {
                // The reason names the host, port, user and database, never the password.
                throw .badInput("--store: \(error.reason)")
            }
        }
    }

    /// The specifier as `--store` takes it, the PostgreSQL password replaced by `***`.
    var description: String {
        switch self {
        case .memory: return "memory"
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let configuration): return "\(configuration)"
        }
    }

    /// The lowercased scheme of `scheme:...` or `scheme://...`, when the text starts with one (RFC 3986 syntax).
    private static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return nil }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter,
            scheme.unicodeScalars.allSatisfy({
                $0.isASCIILetter || $0.isASCIIDigit || "+-.".unicodeScalars.contains($0)
            })
        else { return nil }
        return scheme.lowercased()
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
