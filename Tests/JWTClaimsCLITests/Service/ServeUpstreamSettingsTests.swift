import Configuration
import JWTClaims
import Testing

@testable import jwt_claims

@Suite("serve settings: upstream issuers")
struct ServeUpstreamSettingsTests {
    @Test("the n-th --upstream-jwks, --upstream-issuer and --upstream-audience form the n-th upstream")
    func groupedByPosition() async throws {
        let flags: [String: ConfigValue] = [
            "upstream-jwks": ConfigValue(
                .stringArray(["https://a.example/jwks", "https://b.example/jwks"]),
                isSecret: false
            ),
            "upstream-issuer": ConfigValue(
                .stringArray(["https://a.example/", "https://b.example/"]),
                isSecret: false
            ),
            "upstream-audience": ConfigValue(.stringArray(["api-a", "api-b"]), isSecret: false),
            "upstream-cool-down": ConfigValue(.int(5), isSecret: false),
        ]
        let settings = try await ServeSettings.resolve(flags: flags, configFile: nil, environment: [:])
        #expect(
            settings.upstreams == [
                .init(jwksURL: "https://a.example/jwks", issuer: "https://a.example/", audience: "api-a"),
                .init(jwksURL: "https://b.example/jwks", issuer: "https://b.example/", audience: "api-b"),
            ]
        )
        #expect(settings.upstreamKeySetRules.coolDown == .seconds(5))
        #expect(settings.upstreamKeySetRules.maximumStaleness == RemoteJWKSet.Configuration().maximumStaleness)
    }

    @Test("the environment gives the lists comma-separated")
    func environment() async throws {
        let environment = [
            "JWT_CLAIMS_UPSTREAM_JWKS": "https://a.example/jwks",
            "JWT_CLAIMS_UPSTREAM_ISSUER": "https://a.example/",
            "JWT_CLAIMS_UPSTREAM_AUDIENCE": "api-a",
            "JWT_CLAIMS_UPSTREAM_MAX_STALE": "60",
        ]
        let settings = try await ServeSettings.resolve(flags: [:], configFile: nil, environment: environment)
        #expect(settings.upstreams.map(\.audience) == ["api-a"])
        #expect(settings.upstreamKeySetRules.maximumStaleness == .seconds(60))
    }

    @Test("refuses lists of different lengths, a repeated issuer, the service's own issuer, a negative time")
    func refusals() async throws {
        func resolve(_ environment: [String: String]) async -> CLIError? {
            do {
                _ = try await ServeSettings.resolve(flags: [:], configFile: nil, environment: environment)
                return nil
            } catch {
                return error
            }
        }
        let uneven = await resolve([
            "JWT_CLAIMS_UPSTREAM_JWKS": "https://a.example/jwks,https://b.example/jwks",
            "JWT_CLAIMS_UPSTREAM_ISSUER": "https://a.example/",
            "JWT_CLAIMS_UPSTREAM_AUDIENCE": "api",
        ])
        #expect(uneven?.message.contains("got 2, 1 and 1") == true)
        let repeated = await resolve([
            "JWT_CLAIMS_UPSTREAM_JWKS": "https://a.example/jwks,https://b.example/jwks",
            "JWT_CLAIMS_UPSTREAM_ISSUER": "https://a.example/,https://a.example/",
            "JWT_CLAIMS_UPSTREAM_AUDIENCE": "api,api",
        ])
        #expect(repeated?.message.contains("given twice") == true)
        let own = await resolve([
            "JWT_CLAIMS_ISSUER": "https://me.example",
            "JWT_CLAIMS_UPSTREAM_JWKS": "https://a.example/jwks",
            "JWT_CLAIMS_UPSTREAM_ISSUER": "https://me.example",
            "JWT_CLAIMS_UPSTREAM_AUDIENCE": "api",
        ])
        #expect(own?.message.contains("the service's own issuer") == true)
        let negative = await resolve(["JWT_CLAIMS_UPSTREAM_COOL_DOWN": "-1"])
        #expect(negative?.message.contains("at least 0") == true)
    }
}
