import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTClaims
import Logging
import NIOCore
import Synchronization
import Testing

/// An identity provider on loopback for the fetcher tests: a real Hummingbird server that publishes a JWK Set whose
/// keys and `Cache-Control` a test changes, counts the fetches, and has routes that answer too much.
final class UpstreamServer: Sendable {
    private struct State {
        var keys: [(kid: String, key: JWTSigningKey)]
        var cacheControl: String
        var fetches = 0
        var bigCompleted = false
    }

    private let state: Mutex<State>

    init(keys: [(kid: String, key: JWTSigningKey)], cacheControl: String = "public, max-age=300") {
        state = Mutex(State(keys: keys, cacheControl: cacheControl))
    }

    /// How many times `/jwks` was fetched.
    var fetches: Int { state.withLock { $0.fetches } }
    /// Whether `/big` was ever written to its end (it must not be: the client stops reading).
    var bigCompleted: Bool { state.withLock { $0.bigCompleted } }

    /// Publishes other keys (a rotation).
    func publish(_ keys: [(kid: String, key: JWTSigningKey)]) {
        state.withLock { $0.keys = keys }
    }

    /// The published document.
    var document: [UInt8] {
        let keys = state.withLock { $0.keys }
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

    /// Runs `body` with the server listening on 127.0.0.1; it stops when `body` returns.
    func run<Value: Sendable>(_ body: @Sendable (_ baseURL: String) async throws -> Value) async throws -> Value {
        let router = Router()
        router.get("jwks") { _, _ -> Response in
            let cacheControl = self.state.withLock { state in
                state.fetches += 1
                return state.cacheControl
            }
            var headers: HTTPFields = [.contentType: "application/json"]
            headers[.cacheControl] = cacheControl
            return Response(
                status: .ok,
                headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: self.document))
            )
        }
        // 32 MiB, chunked (no Content-Length): only a streaming cap stops it early.
        router.get("big") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: ResponseBody { writer in
                    let chunk = ByteBuffer(repeating: 0x20, count: 65536)
                    for _ in 0..<512 {
                        try await writer.write(chunk)
                    }
                    try await writer.finish(nil)
                    self.state.withLock { $0.bigCompleted = true }
                }
            )
        }
        // 1 MiB announced by Content-Length: refused before reading.
        router.get("declared") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(repeating: 0x20, count: 1 << 20))
            )
        }
        router.get("missing") { _, _ -> Response in
            Response(status: .notFound)
        }
        var logger = Logger(label: "upstream")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logger: logger
        )
        return try await app.test(.live) { client in
            let port = try #require(client.port)
            return try await body("http://127.0.0.1:\(port)")
        }
    }
}
