import JWTClaims
import JWTClaimsSQLite

/// Where `jwt-claims serve` keeps its refresh tokens, parsed from `--store` in this one place.
///
/// The routes only ever see `RefreshTokenStore`; this type turns the flag's text into a store. A new backend (the
/// PostgreSQL one, `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`) is one more case here and one more branch in
/// ``open()``, nothing else: until it exists, its scheme is a usage error that says so.
enum StoreSpecifier: Equatable, Sendable, CustomStringConvertible {
    /// Refresh tokens in memory: lost when the process ends (tests, demos, a single short-lived instance).
    case memory
    /// An SQLite database file, created and migrated when needed.
    case sqlite(path: String)

    /// The SQLite file used when `--store` is not given: in the working directory.
    static let defaultSQLitePath = "jwt-claims.sqlite"

    /// The default store: ``defaultSQLitePath`` in the working directory.
    static let `default` = StoreSpecifier.sqlite(path: defaultSQLitePath)

    /// Parses a `--store` value: `memory` or `sqlite:PATH`.
    ///
    /// - Throws: ``CLIError`` (status 2): an empty path, a scheme this build does not support (PostgreSQL among
    ///   them, for now), or anything else. The text is never echoed whole: a PostgreSQL specifier holds a password.
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
                throw .badInput(
                    "--store \(scheme)://... is not supported by this build yet; use memory or sqlite:PATH"
                )
            }
            throw .badInput(
                "--store: unsupported store \(JWTError.quoted(scheme)); use memory or sqlite:PATH"
            )
        }
        throw .badInput("--store must be memory or sqlite:PATH, not \(JWTError.quoted(text))")
    }

    /// Opens the store: creates the SQLite file and its schema, or migrates an older one.
    ///
    /// - Throws: ``CLIError`` (status 2) when the database cannot be opened or migrated.
    func open() throws(CLIError) -> any RefreshTokenStore {
        switch self {
        case .memory:
            return InMemoryRefreshTokenStore()
        case .sqlite(let path):
            do throws(JWTError) {
                return try SQLiteRefreshTokenStore(path: path)
            } catch {
                throw .badInput("--store sqlite:\(path): \(error.reason)")
            }
        }
    }

    /// The specifier as `--store` takes it (no secrets: the cases that exist hold none).
    var description: String {
        switch self {
        case .memory: return "memory"
        case .sqlite(let path): return "sqlite:\(path)"
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
