import JWTClaims
import Testing

@testable import JWTClaimsPostgres

/// ``PostgresRefreshTokenStore/Configuration``: reading `postgres://` URLs, refusing bad ones with a reason that never
/// shows the password, and describing itself without the password. No database needed.
@Suite("PostgresRefreshTokenStore.Configuration")
struct ConfigurationTests {
    /// A URL and what it must read as.
    struct Valid: Sendable, CustomTestStringConvertible {
        let url: String
        let host: String
        var port = 5432
        let username: String
        let password: String?
        let database: String
        var tls = PostgresRefreshTokenStore.TLSMode.prefer
        var connectTimeout: Duration = .seconds(3)

        var testDescription: String { url }
    }

    static let valid: [Valid] = [
        Valid(
            url: "postgres://app:secret@db.internal:6543/auth",
            host: "db.internal",
            port: 6543,
            username: "app",
            password: "secret",
            database: "auth"
        ),
        Valid(
            url: "postgresql://app@localhost/auth",
            host: "localhost",
            username: "app",
            password: nil,
            database: "auth"
        ),
        Valid(
            url: "POSTGRES://app:@127.0.0.1/auth",
            host: "127.0.0.1",
            username: "app",
            password: "",
            database: "auth"
        ),
        Valid(
            url: "postgres://a%40b:p%3Aw%2Fd%25%40%3F%23@h/d%20b",
            host: "h",
            username: "a@b",
            password: "p:w/d%@?#",
            database: "d b"
        ),
        Valid(
            url: "postgres://name@example.com:pw@h/d",
            host: "h",
            username: "name@example.com",
            password: "pw",
            database: "d"
        ),
        Valid(
            url: "postgres://u:p:with:colons@h/d",
            host: "h",
            username: "u",
            password: "p:with:colons",
            database: "d"
        ),
        Valid(url: "postgres://u:%C3%A9t%C3%A9@h/d", host: "h", username: "u", password: "été", database: "d"),
        Valid(url: "postgres://u@[::1]:5433/d", host: "::1", port: 5433, username: "u", password: nil, database: "d"),
        Valid(
            url: "postgres://u@[fe80::1%25eth0]/d",
            host: "fe80::1%eth0",
            username: "u",
            password: nil,
            database: "d"
        ),
        Valid(
            url: "postgres://u@h/d?sslmode=disable",
            host: "h",
            username: "u",
            password: nil,
            database: "d",
            tls: .disable
        ),
        Valid(
            url: "postgres://u@h/d?sslmode=require",
            host: "h",
            username: "u",
            password: nil,
            database: "d",
            tls: .require()
        ),
        Valid(
            url: "postgres://u@h/d?sslmode=require&sslrootcert=/etc/ca.pem",
            host: "h",
            username: "u",
            password: nil,
            database: "d",
            tls: .require(rootCertificatePath: "/etc/ca.pem")
        ),
        Valid(
            url: "postgres://u@h/d?sslmode=verify-ca&sslrootcert=%2Fetc%2Fca%20file.pem",
            host: "h",
            username: "u",
            password: nil,
            database: "d",
            tls: .verifyCA(rootCertificatePath: "/etc/ca file.pem")
        ),
        Valid(
            url: "postgres://u@h/d?sslmode=verify-full",
            host: "h",
            username: "u",
            password: nil,
            database: "d",
            tls: .verifyFull()
        ),
        Valid(
            url: "postgres://u@h:1/d?connect_timeout=10&sslmode=verify-full&sslrootcert=ca.pem",
            host: "h",
            port: 1,
            username: "u",
            password: nil,
            database: "d",
            tls: .verifyFull(rootCertificatePath: "ca.pem"),
            connectTimeout: .seconds(10)
        ),
    ]

    @Test("reads valid URLs", arguments: valid)
    func readsValidURLs(_ vector: Valid) throws {
        let configuration = try PostgresRefreshTokenStore.Configuration(url: vector.url)
        #expect(configuration.host == vector.host)
        #expect(configuration.port == vector.port)
        #expect(configuration.username == vector.username)
        #expect(configuration.password?.value == vector.password)
        #expect(configuration.hasPassword == (vector.password != nil))
        #expect(configuration.database == vector.database)
        #expect(configuration.tls == vector.tls)
        #expect(configuration.connectTimeout == vector.connectTimeout)
        #expect(configuration.schema == "public")
        try configuration.validate()
        // The description reads back as the same settings, with *** for the password.
        let described = try PostgresRefreshTokenStore.Configuration(url: configuration.description)
        #expect(described.host == vector.host)
        #expect(described.port == vector.port)
        #expect(described.username == vector.username)
        #expect(described.database == vector.database)
        #expect(described.tls == vector.tls)
        #expect(described.password?.value == (vector.password == nil ? nil : "***"))
    }

    /// A URL that must be refused, and a word its reason must contain.
    struct Invalid: Sendable, CustomTestStringConvertible {
        let url: String
        let reason: String
        var testDescription: String { url }
    }

    /// Every one carries the password `Pa55word`, which no reason may show.
    static let invalid: [Invalid] = [
        Invalid(url: "", reason: "starts with postgres://"),
        Invalid(url: "mysql://u:Pa55word@h/d", reason: "starts with postgres://"),
        Invalid(url: "postgres:/u:Pa55word@h/d", reason: "starts with postgres://"),
        Invalid(url: "postgres://u:Pa55word@h", reason: "no database"),
        Invalid(url: "postgres://u:Pa55word@h/", reason: "no database"),
        Invalid(url: "postgres://u:Pa55word@h/d/e", reason: "more than one segment"),
        Invalid(url: "postgres://h/d?x=Pa55word", reason: "no user"),
        Invalid(url: "postgres://:Pa55word@h/d", reason: "user name is empty"),
        Invalid(url: "postgres://u:Pa5/5word@h/d", reason: "no user"),
        Invalid(url: "postgres://u:Pa5?5word@h/d", reason: "a ? before the database"),
        Invalid(url: "postgres://u:Pa5#5word@h/d", reason: "fragment"),
        Invalid(url: "postgres://u:Pa55word%@h/d", reason: "two hexadecimal digits"),
        Invalid(url: "postgres://u:Pa55word%4@h/d", reason: "two hexadecimal digits"),
        Invalid(url: "postgres://u:Pa55word%zz@h/d", reason: "two hexadecimal digits"),
        Invalid(url: "postgres://u:Pa55word%FF@h/d", reason: "UTF-8"),
        Invalid(url: "postgres://u:Pa55word%00@h/d", reason: "NUL"),
        Invalid(url: "postgres://u:Pa55word@/d", reason: "no host"),
        Invalid(url: "postgres://u:Pa55word@:5432/d", reason: "no host"),
        Invalid(url: "postgres://u:Pa55word@h:/d", reason: "port"),
        Invalid(url: "postgres://u:Pa55word@h:0/d", reason: "port"),
        Invalid(url: "postgres://u:Pa55word@h:65536/d", reason: "port"),
        Invalid(url: "postgres://u:Pa55word@h:+5/d", reason: "port"),
        Invalid(url: "postgres://u:Pa55word@h:54a/d", reason: "port"),
        Invalid(url: "postgres://u:Pa55word@::1/d", reason: "brackets"),
        Invalid(url: "postgres://u:Pa55word@[::1/d", reason: "closing ]"),
        Invalid(url: "postgres://u:Pa55word@[::1]x/d", reason: ":PORT"),
        Invalid(url: "postgres://u:Pa55word@[example.com]/d", reason: "not an IPv6 address"),
        Invalid(url: "postgres://u:Pa55word@%2Fvar%2Frun/d", reason: "Unix-domain"),
        Invalid(url: "postgres://u:Pa55word@h/d?sslmode=on", reason: "sslmode is none of"),
        Invalid(url: "postgres://u:Pa55word@h/d?sslmode=Pa55word", reason: "sslmode is none of"),
        Invalid(url: "postgres://u:Pa55word@h/d?sslmode", reason: "without a value"),
        Invalid(url: "postgres://u:Pa55word@h/d?sslmode=require&", reason: "without a value"),
        Invalid(url: "postgres://u:Pa55word@h/d?sslmode=require&sslmode=disable", reason: "twice"),
        Invalid(url: "postgres://u:Pa55word@h/d?password=Pa55word", reason: "unknown option \"password\""),
        Invalid(url: "postgres://u:Pa55word@h/d?sslrootcert=/ca.pem", reason: "needs sslmode"),
        Invalid(url: "postgres://u:Pa55word@h/d?sslmode=disable&sslrootcert=/ca.pem", reason: "needs sslmode"),
        Invalid(url: "postgres://u:Pa55word@h/d?sslmode=require&sslrootcert=", reason: "sslrootcert is empty"),
        Invalid(url: "postgres://u:Pa55word@h/d?connect_timeout=0", reason: "connect_timeout"),
        Invalid(url: "postgres://u:Pa55word@h/d?connect_timeout=-1", reason: "connect_timeout"),
        Invalid(url: "postgres://u:Pa55word@h/d?connect_timeout=3601", reason: "connect_timeout"),
    ]

    @Test("refuses bad URLs with invalidConfiguration, naming the problem but never the password", arguments: invalid)
    func refusesBadURLs(_ vector: Invalid) {
        let error = #expect(throws: JWTError.self) { try PostgresRefreshTokenStore.Configuration(url: vector.url) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.reason.contains(vector.reason) == true, "\(error?.reason ?? "")")
        for text in [error?.reason ?? "", String(describing: error), String(reflecting: error)] {
            #expect(!text.contains("Pa55word"), "the password leaked: \(text)")
        }
    }

    @Test("describes itself, in print, debugPrint and dump, without the password")
    func redacted() throws {
        var configuration = try PostgresRefreshTokenStore.Configuration(
            url: "postgres://jwt%20claims:Pa55word@[::1]:6543/auth?sslmode=verify-full&sslrootcert=/etc/ca.pem"
        )
        configuration.schema = "tokens"
        #expect(
            configuration.description
                == "postgres://jwt%20claims:***@[::1]:6543/auth?sslmode=verify-full&sslrootcert=/etc/ca.pem (schema tokens)"
        )
        var dumped = ""
        dump(configuration, to: &dumped)
        var dumpedPassword = ""
        dump(try #require(configuration.password), to: &dumpedPassword)
        for text in [
            configuration.description, String(reflecting: configuration), "\(configuration)", dumped, dumpedPassword,
            String(describing: configuration.password), String(reflecting: configuration.password),
        ] {
            #expect(!text.contains("Pa55word"), "the password leaked: \(text)")
        }
        #expect(dumped.contains("***"))
        let withoutPassword = PostgresRefreshTokenStore.Configuration(
            host: "h",
            username: "u",
            password: nil,
            database: "d"
        )
        #expect(withoutPassword.description == "postgres://u@h:5432/d?sslmode=prefer")
    }

    @Test("refuses settings the store cannot work with")
    func validation() throws {
        let base = PostgresRefreshTokenStore.Configuration(
            host: "h",
            username: "u",
            password: "Pa55word",
            database: "d"
        )
        let changes: [(String, (inout PostgresRefreshTokenStore.Configuration) -> Void)] = [
            ("host is empty", { $0.host = "" }),
            ("port", { $0.port = 70_000 }),
            ("user name is empty", { $0.username = "" }),
            ("database name is empty", { $0.database = "" }),
            ("NUL", { $0.database = "a\u{0}b" }),
            ("schema name", { $0.schema = "Tokens" }),
            ("schema name", { $0.schema = "1tokens" }),
            ("schema name", { $0.schema = "a\"; DROP TABLE x; --" }),
            ("schema name", { $0.schema = String(repeating: "a", count: 64) }),
            ("must be positive", { $0.operationTimeout = .zero }),
            ("must be positive", { $0.connectTimeout = .seconds(-1) }),
            ("at least one connection", { $0.maximumConnections = 0 }),
        ]
        try base.validate()
        for (reason, change) in changes {
            var configuration = base
            change(&configuration)
            let error = #expect(throws: JWTError.self) { try configuration.validate() }
            #expect(error?.code == .invalidConfiguration)
            #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "")")
            #expect(error?.reason.contains("Pa55word") == false)
        }
        var nulPassword = base
        nulPassword.password = RedactedPassword(value: "Pa55\u{0}word")
        let error = #expect(throws: JWTError.self) { try nulPassword.validate() }
        #expect(error?.reason.contains("Pa55") == false)
    }

    @Test("a root certificate file that cannot be read is refused when the store is configured")
    func unreadableRootCertificate() {
        let configuration = PostgresRefreshTokenStore.Configuration(
            host: "h",
            username: "u",
            password: "Pa55word",
            database: "d",
            tls: .verifyFull(rootCertificatePath: "/no/such/ca.pem")
        )
        let error = #expect(throws: JWTError.self) { try ConnectionSettings(configuration) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.reason.contains("/no/such/ca.pem") == true, "\(error?.reason ?? "")")
    }
}
