import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The built `jwt-claims serve` across its life: rate limits, key rotation over a restart with an SQLite store,
/// graceful shutdown with a request in flight, configuration precedence and the refusals at start.
@Suite("jwt-claims serve: limits, restarts, shutdown and configuration")
struct ServeLifecycleTests {
    @Test("--rate-limit answers 429 with Retry-After per key; another key and /healthz are not throttled")
    func rateLimit() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signing = try await ServiceKeys.signingKey("signing.pem", in: directory)
        let file = directory.path("api-keys.json")
        let alpha = try await ServiceKeys.apiKey(file: file, in: directory)
        let beta = try await ServiceKeys.apiKey(file: file, in: directory)
        let service = try await ServiceProcess(
            ["--port", "0", "--signing-key", signing, "--api-keys", file, "--store", "memory", "--rate-limit", "2"],
            in: directory
        )
        var statuses: [Int] = []
        var retryAfter: String?
        for _ in 0..<6 {
            let response = try await service.post("/api/v0/token/issue", #"{"claims":{"sub":"u"}}"#, key: alpha)
            statuses.append(response.status)
            if response.status == 429 {
                #expect(response.string("error") == "rate_limited")
                retryAfter = response.headers.first(name: "Retry-After")
            }
        }
        #expect(statuses.prefix(2) == [200, 200], "\(statuses)")
        #expect(statuses.contains(429), "\(statuses)")
        #expect(
            retryAfter.flatMap { Int($0) }.map { $0 >= 1 } == true,
            "Retry-After in seconds: \(String(describing: retryAfter))"
        )
        let other = try await service.post("/api/v0/token/issue", #"{"claims":{"sub":"u"}}"#, key: beta)
        #expect(other.status == 200, "one key's burst never throttles another: \(other)")
        for _ in 0..<6 {
            #expect(try await service.request(.GET, "/healthz").status == 200)
        }
        #expect(await service.stop() == 0)
    }

    @Test(
        "a restart with a new first key rotates: old tokens verify, old refresh tokens work (SQLite), new tokens use the new kid; SIGTERM lets a half-sent request finish"
    )
    func rotationAndShutdown() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try await ServiceKeys.signingKey("old.pem", in: directory)
        let new = try await ServiceKeys.signingKey("new.pem", in: directory)
        let file = directory.path("api-keys.json")
        let alpha = try await ServiceKeys.apiKey(file: file, in: directory)
        let store = "sqlite:" + directory.path("tokens.sqlite")
        let first = try await ServiceProcess(
            ["--port", "0", "--signing-key", old, "--api-keys", file, "--store", store],
            in: directory
        )
        let issued = try await first.post("/api/v0/token/issue", #"{"claims":{"sub":"user-1"}}"#, key: alpha)
        try #require(issued.status == 200, "\(issued)")
        let access = try #require(issued.string("access_token"))
        let refresh = try #require(issued.string("refresh_token"))
        let oldKeyID = try Self.keyID(of: access)

        // A request whose body arrives in two halves, the second after SIGTERM: it still gets its answer.
        let body = Array(#"{"oauth_token":{"access_token":"\#(access)"}}"#.utf8)
        let half = body.count / 2
        let (parts, feed) = AsyncStream.makeStream(of: ByteBuffer.self)
        var request = HTTPClientRequest(url: first.baseURL + "/verify")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .stream(parts, length: .known(Int64(body.count)))
        feed.yield(ByteBuffer(bytes: body[..<half]))
        let inFlight = Task { try await ServiceProcess.send(request) }
        try await Task.sleep(for: .milliseconds(500))
        first.signal(SIGTERM)
        try await Task.sleep(for: .milliseconds(500))
        feed.yield(ByteBuffer(bytes: body[half...]))
        feed.finish()
        let answer = try await inFlight.value
        #expect(answer.status == 200 && answer.json["success"] as? Bool == true, "\(answer)")
        #expect(await first.waitForExit() == 0, "graceful shutdown exits 0")

        let second = try await ServiceProcess(
            ["--port", "0", "--signing-key", new, "--signing-key", old, "--api-keys", file, "--store", store],
            in: directory
        )
        let keySet = try await second.request(.GET, "/.well-known/jwks.json")
        let kids = (keySet.json["keys"] as? [[String: Any]] ?? []).compactMap { $0["kid"] as? String }
        #expect(kids.count == 2 && kids.last == oldKeyID, "both keys published, the new one first: \(kids)")
        let verified = try await second.request(
            .POST,
            "/verify",
            body: #"{"oauth_token":{"access_token":"\#(access)"}}"#
        )
        #expect(verified.json["success"] as? Bool == true, "an old token still verifies: \(verified)")
        let refreshed = try await second.request(
            .POST,
            "/api/v0/token/\(alpha.id)",
            body: #"{"grant_type":"refresh_token","refresh_token":"\#(refresh)"}"#
        )
        try #require(refreshed.status == 200, "the refresh token survived the restart: \(refreshed)")
        let newAccess = try #require(refreshed.string("access_token"))
        #expect(try Self.keyID(of: newAccess) == kids.first)
        #expect(try Self.keyID(of: newAccess) != oldKeyID)
        #expect(await second.stop() == 0)
    }

    @Test("flags beat the environment, the environment beats the config file")
    func configurationPrecedence() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signing = try await ServiceKeys.signingKey("signing.pem", in: directory)
        let file = directory.path("api-keys.json")
        let alpha = try await ServiceKeys.apiKey(file: file, in: directory)
        // The file alone gives the signing key, the API keys and the access-token lifetime.
        let config = try directory.write(
            "serve.json",
            """
            {"signing-key": ["\(signing)"], "api-keys": "\(file)", "store": "memory",
             "issuer": "https://file.example", "max-body-bytes": 100, "access-token-lifetime": 111}
            """
        )
        let service = try await ServiceProcess(
            ["--port", "0", "--max-body-bytes", "3000"],
            environment: [
                "JWT_CLAIMS_CONFIG": config,
                "JWT_CLAIMS_ISSUER": "https://env.example",
                "JWT_CLAIMS_MAX_BODY_BYTES": "200",
            ],
            in: directory
        )
        let padding = String(repeating: "x", count: 1000)
        let issued = try await service.post(
            "/api/v0/token/issue",
            #"{"claims":{"sub":"u","pad":"\#(padding)"}}"#,
            key: alpha
        )
        try #require(issued.status == 200, "the flag's 3000-byte limit, not the environment's 200: \(issued)")
        #expect(issued.json["expires_in"] as? Int == 111, "the file's lifetime")
        let claims = try ServeEndpointsTests.payload(try #require(issued.string("access_token")))
        #expect(claims.hasPrefix(#"{"iss":"https://env.example""#), "the environment's issuer: \(claims)")
        let tooLarge = try await service.post(
            "/api/v0/token/issue",
            #"{"claims":{"sub":"u","pad":"\#(padding)\#(padding)\#(padding)"}}"#,
            key: alpha
        )
        #expect(tooLarge.status == 413)
        #expect(await service.stop() == 0)
    }

    @Test("bad configuration exits 2 before binding, with a message and no secret")
    func refusedStarts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let noKey = try await directory.run("serve", "--port", "0", "--store", "memory")
        #expect(noKey.status == 2 && noKey.standardError.contains("jwt-claims keygen"), "\(noKey)")
        let signing = try await ServiceKeys.signingKey("signing.pem", in: directory)
        let postgres = try await directory.run(
            "serve",
            "--port",
            "0",
            "--signing-key",
            signing,
            "--store",
            "postgres://user:hunter2@db/tokens"
        )
        #expect(postgres.status == 2 && postgres.standardError.contains("postgres"), "\(postgres)")
        #expect(!postgres.standardError.contains("hunter2"))
        let unknown = try await directory.run("serve", "--signing-key", signing, "--store", "redis://cache")
        #expect(unknown.status == 2 && unknown.standardError.contains("unsupported"), "\(unknown)")
        let port = try await CLIProcess.run(
            ["serve", "--signing-key", signing, "--store", "memory", "--port", "0", "--api-keys", "missing.json"],
            in: directory.url
        )
        #expect(port.status == 2 && port.standardError.contains("missing.json"), "\(port)")
    }

    @Test("apikey new creates the file with mode 0600, appends, and prints each secret once")
    func apiKeyNew() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path("keys.json")
        let first = try await ServiceKeys.apiKey(file: file, in: directory)
        let second = try await ServiceKeys.apiKey(file: file, allowedOrigins: ["https://app.example"], in: directory)
        #expect(first.id != second.id && first.secret != second.secret)
        #expect(first.secret.utf8.count >= 43, "at least 256 bits")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try directory.read("keys.json")
        #expect(text.contains(first.id) && text.contains(second.id) && text.contains("https://app.example"))
        #expect(!text.contains(first.secret) && !text.contains(second.secret), "only digests are kept")
        let broken = try directory.write("broken.json", "{")
        let refused = try await directory.run("apikey", "new", "--file", broken)
        #expect(refused.status == 2 && refused.standardOutput.isEmpty, "\(refused)")
        #expect(try directory.read("broken.json") == "{", "a broken file is never rewritten")
    }

    /// The `kid` of a token's header.
    static func keyID(of token: String) throws -> String? {
        let header = try #require(token.split(separator: ".").first)
        var text = header.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        let object = try JSONSerialization.jsonObject(with: try #require(Data(base64Encoded: text)))
        return (object as? [String: Any])?["kid"] as? String
    }
}
