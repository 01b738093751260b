import Configuration
import Foundation
import JWTClaimsPostgres
import Testing

@testable import jwt_claims

/// `--store postgres://...`: the one parser reads it, and the password stays out of every message, description and
/// log line.
@Suite("--store postgres://")
struct PostgresStoreSpecifierTests {
    static let password = "pw-" + UUID().uuidString

    @Test("memory, sqlite:PATH, postgres:// and postgresql:// URLs")
    func parses() throws {
        #expect(try StoreSpecifier(parsing: "memory") == .memory)
        #expect(try StoreSpecifier(parsing: "sqlite:/tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        for scheme in ["postgres", "postgresql"] {
            let text = "\(scheme)://app:\(Self.password)@db.internal:6543/auth?sslmode=verify-full"
            let specifier = try StoreSpecifier(parsing: text)
            guard case .postgres(let configuration) = specifier else {
                Issue.record("\(scheme): not a PostgreSQL store")
                continue
            }
            #expect(configuration.host == "db.internal")
            #expect(configuration.port == 6543)
            #expect(configuration.username == "app")
            #expect(configuration.database == "auth")
            #expect(configuration.tls == .verifyFull())
            #expect(configuration.hasPassword)
            #expect(specifier.description == "postgres://app:***@db.internal:6543/auth?sslmode=verify-full")
            #expect(!String(reflecting: specifier).contains(Self.password))
            var dumped = ""
            dump(specifier, to: &dumped)
            #expect(!dumped.contains(Self.password))
        }
        // Two URLs that differ only in the password are different stores.
        #expect(
            try StoreSpecifier(parsing: "postgres://app:a@db/auth")
                != StoreSpecifier(parsing: "postgres://app:b@db/auth")
        )
    }

    @Test(
        "a PostgreSQL URL that does not parse is a usage error naming the problem, never the password",
        arguments: [
            "postgres://app:PASSWORD@db:0/auth",
            "postgres://app:PASSWORD@db:99999/auth",
            "postgres://app:PASSWORD@db/auth?sslmode=sometimes",
            "postgres://app:PASSWORD@db/auth?schema=x",
            "postgres://app:PASSWORD@db",
            "postgres://app:PASSWORD@/auth",
            "postgres://app:PASSWORD@db/auth/more",
            "postgres://app:PASS%ZZWORD@db/auth",
            "postgresql://app:PASSWORD",
        ]
    )
    func refusesBadURLs(url: String) {
        let text = url.replacingOccurrences(of: "PASSWORD", with: Self.password)
        #expect {
            _ = try StoreSpecifier(parsing: text)
        } throws: { error in
            guard let error = error as? CLIError else { return false }
            return error.status == .badInput && error.message.hasPrefix("--store postgres")
                && !error.message.contains(Self.password) && !error.message.contains("PASS")
        }
    }

    @Test("other schemes and bare words are refused with the accepted forms")
    func refusesOthers() {
        for text in ["mysql://app:x@db/auth", "redis:6379", "sqlite:", "", "postgres"] {
            #expect(throws: CLIError.self, "\(text)") { _ = try StoreSpecifier(parsing: text) }
        }
    }

    @Test("--store from the environment is read as a secret; --housekeeping-interval 0 turns housekeeping off")
    func settings() async throws {
        let url = "postgres://app:\(Self.password)@db/auth"
        let fromEnvironment = try await ServeSettings.resolve(
            flags: [:],
            configFile: nil,
            environment: ["JWT_CLAIMS_STORE": url, "JWT_CLAIMS_HOUSEKEEPING_INTERVAL": "0"]
        )
        #expect(fromEnvironment.store == (try StoreSpecifier(parsing: url)))
        #expect(fromEnvironment.housekeepingInterval == nil)
        let defaults = try await ServeSettings.resolve(flags: [:], configFile: nil, environment: [:])
        #expect(defaults.housekeepingInterval == 3600)
        let flagged = try await ServeSettings.resolve(
            flags: ["housekeeping-interval": ConfigValue(.int(60), isSecret: false)],
            configFile: nil,
            environment: ["JWT_CLAIMS_HOUSEKEEPING_INTERVAL": "5"]
        )
        #expect(flagged.housekeepingInterval == 60)
        await #expect(throws: CLIError.self) {
            _ = try await ServeSettings.resolve(
                flags: [:],
                configFile: nil,
                environment: ["JWT_CLAIMS_HOUSEKEEPING_INTERVAL": "-1"]
            )
        }
    }

    @Test("serve with an unreachable or refusing database exits 2 at once, and never shows the password")
    func unreachableDatabase() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keygen = try await directory.run("keygen", "--private-out", "signing.pem")
        try #require(keygen.status == 0, "\(keygen)")
        var urls = ["postgres://app:\(Self.password)@127.0.0.1:1/auth"]
        // With the test cluster: a wrong password on a real server (SCRAM refuses it: 28P01).
        if let cluster = ProcessInfo.processInfo.environment["JWT_CLAIMS_TEST_POSTGRES_URL"],
            let at = cluster.lastIndex(of: "@"), let schemeEnd = cluster.range(of: "://")
        {
            let userinfo = cluster[schemeEnd.upperBound..<at]
            let user = userinfo.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            urls.append("postgres://\(user):\(Self.password)@\(cluster[cluster.index(after: at)...])")
        }
        for url in urls {
            let started = ContinuousClock.now
            let output = try await directory.run(
                ["serve", "--port", "0", "--signing-key", "signing.pem", "--store", url],
                inputBytes: nil
            )
            #expect(output.status == 2, "\(output)")
            #expect(ContinuousClock.now - started < .seconds(30), "waited, not reported")
            #expect(output.standardOutput.isEmpty, "it printed an address line: \(output.standardOutput)")
            #expect(output.standardError.contains("postgres://"), "\(output.standardError)")
            #expect(output.standardError.contains(":***@"), "\(output.standardError)")
            #expect(!output.standardError.contains(Self.password), "the password leaked: \(output.standardError)")
        }
    }
}
