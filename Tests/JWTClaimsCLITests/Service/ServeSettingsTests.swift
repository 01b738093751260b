import Configuration
import Testing

@testable import jwt_claims

@Suite("serve settings: flags, environment, config file")
struct ServeSettingsTests {
    @Test("defaults without any source")
    func defaults() async throws {
        let settings = try await ServeSettings.resolve(flags: [:], configFile: nil, environment: [:])
        #expect(settings == ServeSettings())
        #expect(settings.host == "127.0.0.1" && settings.port == 8080)
        #expect(settings.store == .sqlite(path: "jwt-claims.sqlite"))
        #expect(settings.accessTokenLifetime == 3600 && settings.refreshTokenLifetime == 2_592_000)
        #expect(settings.rateLimit == nil && settings.maxBodyBytes == 65536)
        #expect(settings.effectiveIssuer == "http://127.0.0.1:8080")
    }

    @Test("flags beat the environment, which beats the file; a repeatable flag wins whole")
    func precedence() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            "c.json",
            #"{"host":"0.0.0.0","port":9000,"rate-limit":1,"signing-key":["f.pem"],"store":"memory","log-level":"debug"}"#
        )
        let fileOnly = try await ServeSettings.resolve(flags: [:], configFile: file, environment: [:])
        #expect(fileOnly.port == 9000 && fileOnly.host == "0.0.0.0" && fileOnly.rateLimit == 1)
        #expect(fileOnly.signingKeyPaths == ["f.pem"] && fileOnly.store == .memory && "\(fileOnly.logLevel)" == "debug")

        let environment = [
            "JWT_CLAIMS_CONFIG": file,
            "JWT_CLAIMS_RATE_LIMIT": "5",
            "JWT_CLAIMS_SIGNING_KEY": "a.pem, b.pem,",
            "RATE_LIMIT": "77",
        ]
        let withEnvironment = try await ServeSettings.resolve(flags: [:], configFile: nil, environment: environment)
        #expect(withEnvironment.rateLimit == 5 && withEnvironment.port == 9000)
        #expect(withEnvironment.signingKeyPaths == ["a.pem", "b.pem"])

        let flags: [String: ConfigValue] = [
            "port": ConfigValue(.int(7000), isSecret: false),
            "signing-key": ConfigValue(.stringArray(["x.pem", "y.pem"]), isSecret: false),
            "rate-limit": ConfigValue(.int(9), isSecret: false),
        ]
        let all = try await ServeSettings.resolve(flags: flags, configFile: nil, environment: environment)
        #expect(all.port == 7000 && all.rateLimit == 9 && all.signingKeyPaths == ["x.pem", "y.pem"])
        #expect(all.host == "0.0.0.0", "unset flags fall through to the file")
        #expect(all.effectiveIssuer == "http://0.0.0.0:7000")
    }

    @Test("malformed and out-of-range values are usage errors, never silent defaults")
    func refuses() async throws {
        let cases: [([String: String], String)] = [
            (["JWT_CLAIMS_PORT": "abc"], "JWT_CLAIMS_PORT"),
            (["JWT_CLAIMS_PORT": "70000"], "--port"),
            (["JWT_CLAIMS_RATE_LIMIT": "0"], "--rate-limit must be at least 1"),
            (["JWT_CLAIMS_MAX_BODY_BYTES": "-1"], "--max-body-bytes"),
            (["JWT_CLAIMS_LOG_LEVEL": "loud"], "--log-level"),
            (["JWT_CLAIMS_STORE": "postgres://u:hunter2@h:0/d"], "port"),
            (["JWT_CLAIMS_HOUSEKEEPING_INTERVAL": "-5"], "--housekeeping-interval"),
            (["JWT_CLAIMS_CONFIG": "/no/such/file.json"], "config file"),
        ]
        for (environment, message) in cases {
            let error = await #expect(throws: CLIError.self) {
                try await ServeSettings.resolve(flags: [:], configFile: nil, environment: environment)
            }
            #expect(error?.status == .badInput)
            #expect(error?.message.contains(message) == true, "\(environment): \(error?.message ?? "")")
            #expect(error?.message.contains("hunter2") == false)
        }
    }

    @Test("an IPv6 host is bracketed in the default issuer")
    func issuer() {
        var settings = ServeSettings()
        settings.host = "::1"
        settings.port = 9
        #expect(settings.effectiveIssuer == "http://[::1]:9")
        settings.issuer = "https://auth.example"
        #expect(settings.effectiveIssuer == "https://auth.example")
    }

    @Test("--verify-cache-entries: 10000 by default, 0 turns the cache off, a negative count is a usage error")
    func verifyCacheEntries() async throws {
        let defaults = try await ServeSettings.resolve(flags: [:], configFile: nil, environment: [:])
        #expect(defaults.verifyCacheEntries == 10_000)
        let off = try await ServeSettings.resolve(
            flags: [:],
            configFile: nil,
            environment: ["JWT_CLAIMS_VERIFY_CACHE_ENTRIES": "0"]
        )
        #expect(off.verifyCacheEntries == nil)
        let flagged = try await ServeSettings.resolve(
            flags: ["verify-cache-entries": ConfigValue(.int(64), isSecret: false)],
            configFile: nil,
            environment: ["JWT_CLAIMS_VERIFY_CACHE_ENTRIES": "5"]
        )
        #expect(flagged.verifyCacheEntries == 64)
        await #expect(throws: CLIError.self) {
            _ = try await ServeSettings.resolve(
                flags: [:],
                configFile: nil,
                environment: ["JWT_CLAIMS_VERIFY_CACHE_ENTRIES": "-1"]
            )
        }
    }
}
