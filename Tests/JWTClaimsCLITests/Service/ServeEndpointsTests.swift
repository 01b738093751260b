import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// The built `jwt-claims serve` over real HTTP on loopback: one service process for the whole contract walk (a
/// process per row would cost more than the rows), stopped with SIGTERM at the end.
@Suite("jwt-claims serve: the contract's endpoints end to end")
struct ServeEndpointsTests {
    /// The service, its API keys and the tokens the walk collects.
    struct World: Sendable {
        let service: ServiceProcess
        let alpha: ServiceKeys.Key
        let beta: ServiceKeys.Key
        let browser: ServiceKeys.Key
        static let origin = "https://app.example"
    }

    @Test("every endpoint and error of the contract, then SIGTERM exits 0, and the logs hold no secret")
    func contractWalk() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signing = try await ServiceKeys.signingKey("signing.pem", in: directory)
        let file = directory.path("api-keys.json")
        let alpha = try await ServiceKeys.apiKey(file: file, in: directory)
        let beta = try await ServiceKeys.apiKey(file: file, in: directory)
        let browser = try await ServiceKeys.apiKey(file: file, allowedOrigins: [World.origin], in: directory)
        let service = try await ServiceProcess(
            [
                "--port", "0", "--signing-key", signing, "--api-keys", file, "--store", "memory",
                "--max-body-bytes", "4096", "--issuer", "https://issuer.example",
            ],
            in: directory
        )
        let world = World(service: service, alpha: alpha, beta: beta, browser: browser)
        var secrets = [alpha.secret, beta.secret, browser.secret]
        try await Self.publicEndpoints(world)
        secrets += try await Self.issueAndCustom(world)
        secrets += try await Self.refreshGrant(world)
        try await Self.revokeAndVerify(world)
        try await Self.errors(world)
        try await Self.browser(world)
        #expect(await service.stop() == 0)
        let logs = service.logs
        #expect(logs.contains("request"), "the request log is on stderr")
        for secret in secrets {
            #expect(!logs.contains(secret), "a secret or token reached the log")
        }
    }

    /// healthz, both JWK Set paths with Cache-Control, the OpenAPI document.
    static func publicEndpoints(_ world: World) async throws {
        let health = try await world.service.request(.GET, "/healthz")
        #expect(health.status == 200, "\(health)")
        var keySets: [String] = []
        for path in ["/api/v0/token/jwks", "/.well-known/jwks.json"] {
            let response = try await world.service.request(.GET, path)
            #expect(response.status == 200, "\(path): \(response)")
            #expect(response.headers.first(name: "Cache-Control")?.contains("max-age=") == true)
            let keys = try #require(response.json["keys"] as? [[String: Any]])
            #expect(keys.count == 1)
            #expect(keys.first?["kid"] is String && keys.first?["alg"] as? String == "ES256")
            #expect(keys.first?["use"] as? String == "sig")
            #expect(keys.first?["d"] == nil, "no private part is published")
            keySets.append(response.body)
        }
        #expect(keySets.first == keySets.last)
        let openAPI = try await world.service.request(.GET, "/openapi.json")
        #expect(openAPI.status == 200 && openAPI.string("openapi")?.hasPrefix("3.1") == true)
    }

    /// issue, and custom with and without a refresh token; returns the tokens seen (they must not be logged).
    static func issueAndCustom(_ world: World) async throws -> [String] {
        let service = world.service
        let issued = try await service.post(
            "/api/v0/token/issue",
            #"{"claims":{"sub":"user-1","scope":"read","n":1.50}}"#,
            key: world.alpha
        )
        try #require(issued.status == 200, "\(issued)")
        #expect(issued.string("token_type") == "Bearer")
        #expect(issued.json["expires_in"] as? Int == 3600)
        let access = try #require(issued.string("access_token"))
        let refresh = try #require(issued.string("refresh_token"))
        let claims = try payload(access)
        #expect(claims.hasPrefix(#"{"iss":"https://issuer.example","aud":"\#(world.alpha.id)","sub":"user-1","#))
        #expect(claims.contains(#""scope":"read","n":1.50"#), "request claims keep order and number text")

        let plain = try await service.post(
            "/api/v0/token/custom",
            #"{"token":"\#(access)","custom_attributes":{"role":"admin"}}"#,
            key: world.alpha
        )
        #expect(plain.status == 200, "\(plain)")
        #expect(plain.json["refresh_token"] == nil)
        let augmented = try payload(try #require(plain.string("token")))
        #expect(augmented.contains(#""aud":"\#(world.alpha.id)""#) && augmented.hasSuffix(#""role":"admin"}"#))

        let bound = try await service.post(
            "/api/v0/token/custom",
            #"{"token":"\#(access)","custom_attributes":{"user_id":125},"refresh_token":"\#(refresh)"}"#,
            key: world.alpha
        )
        #expect(bound.status == 200, "\(bound)")
        let successor = try #require(bound.string("refresh_token"))
        #expect(successor != refresh)
        let again = try await service.post(
            "/api/v0/token/custom",
            #"{"token":"\#(access)","custom_attributes":{"user_id":125},"refresh_token":"\#(refresh)"}"#,
            key: world.alpha
        )
        #expect(again.status == 400 && again.string("error") == "invalid_grant", "a used refresh token: \(again)")
        #expect(!again.body.contains(refresh))
        return [access, refresh, successor]
    }

    /// The refresh grant: rotation, reuse detection revoking the family, the path id rules.
    static func refreshGrant(_ world: World) async throws -> [String] {
        let service = world.service
        let issued = try await service.post("/api/v0/token/issue", #"{"claims":{"sub":"user-2"}}"#, key: world.alpha)
        var refresh = try #require(issued.string("refresh_token"))
        var seen = [refresh]
        let path = "/api/v0/token/\(world.alpha.id)"
        // Rotation: each answer carries a new refresh token, and the old one is used up.
        for _ in 0..<3 {
            let response = try await service.request(
                .POST,
                path,
                body: #"{"grant_type":"refresh_token","refresh_token":"\#(refresh)"}"#
            )
            try #require(response.status == 200, "\(response)")
            let next = try #require(response.string("refresh_token"))
            #expect(next != refresh)
            #expect(try payload(try #require(response.string("access_token"))).contains(#""sub":"user-2""#))
            refresh = next
            seen.append(next)
        }
        // Reuse of the first token revokes the family: the newest one fails afterwards too.
        let reuse = try await service.request(
            .POST,
            path,
            body: #"{"grant_type":"refresh_token","refresh_token":"\#(seen[0])"}"#
        )
        #expect(reuse.status == 400 && reuse.string("error") == "invalid_grant", "\(reuse)")
        let newest = try await service.request(
            .POST,
            path,
            body: #"{"grant_type":"refresh_token","refresh_token":"\#(refresh)"}"#
        )
        #expect(newest.status == 400 && newest.string("error") == "invalid_grant", "family revoked: \(newest)")
        // Another key's path, a header id that differs from the path, another grant type.
        let other = try await service.post("/api/v0/token/issue", #"{"claims":{"sub":"user-3"}}"#, key: world.alpha)
        let token = try #require(other.string("refresh_token"))
        seen.append(token)
        let foreign = try await service.request(
            .POST,
            "/api/v0/token/\(world.beta.id)",
            body: #"{"grant_type":"refresh_token","refresh_token":"\#(token)"}"#
        )
        #expect(foreign.status == 400 && foreign.string("error") == "invalid_grant", "\(foreign)")
        let mismatch = try await service.request(
            .POST,
            path,
            body: #"{"grant_type":"refresh_token","refresh_token":"\#(token)"}"#,
            headers: [("API_KEY_ID", world.beta.id)]
        )
        #expect(mismatch.status == 401 && mismatch.string("error") == "invalid_client", "\(mismatch)")
        let grant = try await service.request(
            .POST,
            path,
            body: #"{"grant_type":"password","refresh_token":"\#(token)"}"#
        )
        #expect(grant.status == 400 && grant.string("error") == "unsupported_grant_type", "\(grant)")
        let unknown = try await service.request(
            .POST,
            "/api/v0/token/no-such-key",
            body: #"{"grant_type":"refresh_token","refresh_token":"\#(token)"}"#
        )
        #expect(unknown.status == 401 && unknown.string("error") == "invalid_client", "\(unknown)")
        return seen
    }

    /// revoke (header id, Basic with an empty password, unknown token) and verify.
    static func revokeAndVerify(_ world: World) async throws {
        let service = world.service
        let issued = try await service.post("/api/v0/token/issue", #"{"claims":{"sub":"user-4"}}"#, key: world.alpha)
        let refresh = try #require(issued.string("refresh_token"))
        let access = try #require(issued.string("access_token"))
        // Another key's revoke answers 200 and leaves the token alone.
        let foreign = try await service.request(
            .POST,
            "/api/v0/token/revoke",
            body: #"{"refresh_token":"\#(refresh)"}"#,
            headers: [("API_KEY_ID", world.beta.id)]
        )
        #expect(foreign.status == 200 && foreign.body.contains("{}"), "\(foreign)")
        let basic = Data("\(world.alpha.id):".utf8).base64EncodedString()
        let revoked = try await service.request(
            .POST,
            "/api/v0/token/revoke",
            body: #"{"refresh_token":"\#(refresh)"}"#,
            headers: [("Authorization", "Basic \(basic)")]
        )
        #expect(revoked.status == 200, "\(revoked)")
        let after = try await service.request(
            .POST,
            "/api/v0/token/\(world.alpha.id)",
            body: #"{"grant_type":"refresh_token","refresh_token":"\#(refresh)"}"#
        )
        #expect(after.status == 400 && after.string("error") == "invalid_grant", "\(after)")

        let verified = try await service.request(
            .POST,
            "/verify",
            body: #"{"oauth_token":{"access_token":"\#(access)"}}"#
        )
        #expect(verified.status == 200 && verified.json["success"] as? Bool == true, "\(verified)")
        let asOther = try await service.request(
            .POST,
            "/verify",
            body: #"{"oauth_token":{"access_token":"\#(access)"}}"#,
            headers: world.beta.headers
        )
        #expect(asOther.json["success"] as? Bool == false, "another key's token: \(asOther)")
        let broken = try await service.request(
            .POST,
            "/verify",
            body: #"{"oauth_token":{"access_token":"\#(access.dropLast(2))"}}"#
        )
        #expect(broken.status == 200 && broken.json["success"] as? Bool == false && broken.string("reason") != nil)
        #expect(!broken.body.contains(access.dropLast(2)))
    }

    /// Wrong credentials, size limit, unknown paths and methods, malformed bodies.
    static func errors(_ world: World) async throws {
        let service = world.service
        let body = #"{"claims":{"sub":"user-5"}}"#
        let wrongSecret = ServiceKeys.Key(id: world.alpha.id, secret: world.beta.secret)
        let unknownID = ServiceKeys.Key(id: "nobody", secret: world.alpha.secret)
        var descriptions: Set<String> = []
        for key in [wrongSecret, unknownID] {
            let response = try await service.post("/api/v0/token/issue", body, key: key)
            #expect(response.status == 401 && response.string("error") == "invalid_client", "\(response)")
            descriptions.insert(response.string("error_description") ?? "")
        }
        #expect(descriptions.count == 1, "a wrong secret and an unknown id read the same")
        let basic = try await service.request(.POST, "/api/v0/token/issue", body: body, headers: wrongSecret.basic)
        #expect(basic.status == 401 && basic.headers.first(name: "WWW-Authenticate")?.hasPrefix("Basic") == true)
        let viaBasic = try await service.request(.POST, "/api/v0/token/issue", body: body, headers: world.alpha.basic)
        #expect(viaBasic.status == 200, "Basic credentials work: \(viaBasic)")

        let large = #"{"claims":{"sub":"user-5","pad":""# + String(repeating: "x", count: 5000) + #""}}"#
        let tooLarge = try await service.post("/api/v0/token/issue", large, key: world.alpha)
        #expect(tooLarge.status == 413 && tooLarge.string("error") == "request_too_large", "\(tooLarge)")

        let notJSON = try await service.post("/api/v0/token/issue", "{", key: world.alpha)
        #expect(notJSON.status == 400 && notJSON.string("error") == "invalid_request")
        let protected = try await service.post(
            "/api/v0/token/issue",
            #"{"claims":{"sub":"u","iss":"x","exp":1}}"#,
            key: world.alpha
        )
        #expect(protected.status == 400 && protected.string("error") == "invalid_claims")
        let noSubject = try await service.post("/api/v0/token/issue", #"{"claims":{}}"#, key: world.alpha)
        #expect(noSubject.status == 400 && noSubject.string("error") == "invalid_request")
        let missing = try await service.request(.GET, "/nope")
        #expect(missing.status == 404 && missing.string("error") == "not_found")
        let method = try await service.request(.DELETE, "/api/v0/token/jwks")
        #expect(method.status == 405 && method.headers.first(name: "Allow")?.contains("GET") == true)
        let badToken = try await service.post(
            "/api/v0/token/custom",
            #"{"token":"a.b.c","custom_attributes":{}}"#,
            key: world.alpha
        )
        #expect(badToken.status == 401 && badToken.string("error") == "invalid_token", "\(badToken)")
    }

    /// CORS: a preflight the key allows, one it does not, and a refused browser call.
    static func browser(_ world: World) async throws {
        let service = world.service
        let allowed = try await service.request(
            .OPTIONS,
            "/api/v0/token/\(world.browser.id)",
            headers: [("Origin", World.origin), ("Access-Control-Request-Method", "POST")]
        )
        #expect(allowed.status == 204 || allowed.status == 200, "\(allowed)")
        #expect(allowed.headers.first(name: "Access-Control-Allow-Origin") == World.origin)
        let refused = try await service.request(
            .OPTIONS,
            "/api/v0/token/\(world.browser.id)",
            headers: [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "POST")]
        )
        #expect(refused.status == 403 && refused.string("error") == "origin_not_allowed", "\(refused)")
        let call = try await service.request(
            .POST,
            "/api/v0/token/issue",
            body: #"{"claims":{"sub":"u"}}"#,
            headers: world.browser.headers + [("Origin", "https://evil.example")]
        )
        #expect(call.status == 403 && call.string("error") == "origin_not_allowed", "\(call)")
        let good = try await service.request(
            .POST,
            "/api/v0/token/issue",
            body: #"{"claims":{"sub":"u"}}"#,
            headers: world.browser.headers + [("Origin", World.origin)]
        )
        #expect(good.status == 200 && good.headers.first(name: "Access-Control-Allow-Origin") == World.origin)
    }

    /// The claims of a token, as their JSON text (not verified: the service's own verify is tested separately).
    static func payload(_ token: String) throws -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        try #require(parts.count == 3)
        var text = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return String(decoding: try #require(Data(base64Encoded: text)), as: UTF8.self)
    }
}
