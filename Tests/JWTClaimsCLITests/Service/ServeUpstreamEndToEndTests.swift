import AsyncHTTPClient
import Foundation
import JWTClaims
import NIOCore
import NIOHTTP1
import Testing

/// `jwt-claims serve --upstream-jwks ...` end to end: an identity provider played by Python's `http.server` on
/// loopback (its JWK Set a file the test rewrites), the built binary as the service, real HTTP throughout.
@Suite("jwt-claims serve: tokens from an upstream issuer, end to end")
struct ServeUpstreamEndToEndTests {
    static let issuer = "https://idp.example/"
    static let audience = "https://api.example"

    /// Serves the file `jwks.json` of a directory at `/jwks` with `Cache-Control: max-age=1`; prints its port.
    ///
    /// It restores SIGTERM first: a child inherits the signals its parent blocks or ignores, and the test process
    /// blocks SIGTERM (a signal source listening for it does), which left the upstream running after `terminate()`.
    static let upstreamScript = #"""
        import http.server, os, signal, sys
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
        path = sys.argv[1]
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path != "/jwks":
                    self.send_response(404); self.end_headers(); return
                with open(path, "rb") as f:
                    body = f.read()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Cache-Control", "public, max-age=1")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    /// The upstream's JWK Set document for `keys`, each with `kid`, `alg` and `use`.
    static func document(_ keys: [(kid: String, key: JWTSigningKey)]) -> [UInt8] {
        let jwks: [JSONValue] = keys.map { entry in
            var jwk = entry.key.verificationKey.publicJWK ?? [:]
            jwk["kid"] = .string(entry.kid)
            jwk["alg"] = .string(entry.key.algorithm.rawValue)
            jwk["use"] = "sig"
            return .object(jwk)
        }
        let set: JSONObject = ["keys": .array(jwks)]
        return set.serializedBytes()
    }

    /// Publishes `keys` atomically (write, then rename), so the server never serves half a file.
    static func publish(_ keys: [(kid: String, key: JWTSigningKey)], in directory: TemporaryDirectory) throws {
        try Data(document(keys)).write(to: URL(fileURLWithPath: directory.path("jwks.json")), options: .atomic)
    }

    /// Starts the Python upstream; returns the process and its base URL.
    static func startUpstream(in directory: TemporaryDirectory) async throws -> (Process, String) {
        let script = try directory.write("upstream.py", upstreamScript)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, directory.path("jwks.json")]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while !bytes.contains(UInt8(ascii: "\n")) {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    bytes.append(contentsOf: chunk)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
        let port = try #require(Int(line.trimmingCharacters(in: .whitespacesAndNewlines)), "upstream said \(line)")
        return (process, "http://127.0.0.1:\(port)")
    }

    /// Waits, without blocking a thread, until `process` has exited: Foundation's `waitUntilExit()` spins its run
    /// loop at full speed on a cooperative thread on Linux, and never returned here.
    static func waitForExit(of process: Process, within limit: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                kill(process.processIdentifier, SIGKILL)
                Issue.record("the upstream did not exit within \(limit) of SIGTERM; killed")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// `custom` with `token` and one attribute.
    static func exchange(
        _ token: String,
        _ service: ServiceProcess,
        key: ServiceKeys.Key
    ) async throws
        -> ServiceResponse
    {
        try await service.post(
            "/api/v0/token/custom",
            #"{"token":"\#(token)","custom_attributes":{"role":"admin"}}"#,
            key: key
        )
    }

    @Test("an RS256 upstream token comes back ES256-signed with every claim; rotation; upstream down: stale, then 503")
    func exchange() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = JWTSigningKey(try RSA.PrivateKey(algorithm: .rs256))
        let second = JWTSigningKey(try RSA.PrivateKey(algorithm: .rs256))
        try Self.publish([("rsa-1", first)], in: directory)
        let (upstream, upstreamURL) = try await Self.startUpstream(in: directory)
        defer { if upstream.isRunning { upstream.terminate() } }
        let signing = try await ServiceKeys.signingKey("signing.pem", in: directory)
        let file = directory.path("api-keys.json")
        let key = try await ServiceKeys.apiKey(file: file, in: directory)
        let service = try await ServiceProcess(
            [
                "--port", "0", "--signing-key", signing, "--api-keys", file, "--store", "memory",
                "--issuer", "https://service.example",
                "--upstream-jwks", upstreamURL + "/jwks", "--upstream-issuer", Self.issuer,
                "--upstream-audience", Self.audience,
                "--upstream-cool-down", "1", "--upstream-min-cache", "0", "--upstream-max-stale", "2",
            ],
            in: directory
        )
        let now = Int64(Date().timeIntervalSince1970)
        // Written as text so that the numbers keep theirs (a 20-digit integer, a trailing zero).
        let claims = try ClaimSet(
            parsing: #"{"iss":"\#(Self.issuer)","sub":"user-42","aud":["\#(Self.audience)","account"],"#
                + #""iat":\#(now),"exp":\#(now + 3600),"azp":"spa","big":12345678901234567890,"price":12.50,"#
                + #""roles":["a","b"]}"#
        )

        // 1. The exchange: our ES256 key, the upstream's claims intact, the attribute added.
        let token = try JWTSigner(key: first, keyID: "rsa-1").sign(claims)
        let answer = try await Self.exchange(token, service, key: key)
        #expect(answer.status == 200, "\(answer)")
        let exchanged = try #require(answer.string("token"))
        let ours = try await service.request(.GET, "/.well-known/jwks.json")
        let verified = try JWTVerifier(keySet: JWKSet(parsing: ours.body)).verify(
            exchanged,
            now: NumericDate(secondsSince1970: now)
        )
        #expect(verified.header.algorithm == "ES256")
        var expected = claims
        expected.object["role"] = "admin"
        #expect(verified.claims.serialized() == expected.serialized())
        #expect(verified.claims.serialized().contains(#""big":12345678901234567890,"price":12.50"#))

        // 2. Rotation: the upstream publishes a new key; a token with its kid goes through after the cool-down.
        try Self.publish([("rsa-2", second)], in: directory)
        try await Task.sleep(for: .milliseconds(1100))
        let rotated = try JWTSigner(key: second, keyID: "rsa-2").sign(claims)
        let afterRotation = try await Self.exchange(rotated, service, key: key)
        #expect(afterRotation.status == 200, "\(afterRotation)")

        // 3. The upstream goes down: the cached set is served stale, then the exchange is 503 with Retry-After.
        upstream.terminate()
        try await Self.waitForExit(of: upstream)
        try await Task.sleep(for: .milliseconds(1100))
        let stale = try await Self.exchange(rotated, service, key: key)
        #expect(stale.status == 200, "within the stale period: \(stale)")
        try await Task.sleep(for: .milliseconds(2500))
        let down = try await Self.exchange(rotated, service, key: key)
        #expect(down.status == 503, "\(down)")
        #expect(down.string("error") == "temporarily_unavailable")
        #expect(down.headers.first(name: "Retry-After") != nil)
        #expect(down.string("error_description")?.contains(upstreamURL) == true)

        // 4. Tokens of other issuers keep the service's own path: not signed by it, so invalid_token.
        var foreignClaims = claims
        foreignClaims.issuer = "https://elsewhere.example/"
        let foreign = try await Self.exchange(
            try JWTSigner(key: second, keyID: "rsa-2").sign(foreignClaims),
            service,
            key: key
        )
        #expect(foreign.status == 401)
        #expect(foreign.string("error") == "invalid_token")

        #expect(await service.stop() == 0)
        #expect(!service.logs.contains(key.secret))
    }
}
