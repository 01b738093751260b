import JWTClaims
import Synchronization

/// A ``JWKSetFetcher`` whose answer a test sets, and which counts the fetches that reach it.
final class ScriptedFetcher: JWKSetFetcher {
    enum Answer: Sendable {
        case respond(JWKSetFetchResponse)
        case fail(String)
        /// Waits until the test opens the gate, then responds.
        case gated(JWKSetFetchResponse)
        /// Never answers until cancelled.
        case hang
    }

    struct TransportError: Error, CustomStringConvertible {
        let description: String
    }

    private struct State {
        var answer: Answer
        var count = 0
        var requests: [JWKSetFetchRequest] = []
        var gate: [CheckedContinuation<Void, Never>] = []
        var open = false
    }

    private let state: Mutex<State>

    init(_ answer: Answer) {
        state = Mutex(State(answer: answer))
    }

    /// How many fetches started.
    var count: Int { state.withLock { $0.count } }
    /// The requests received.
    var requests: [JWKSetFetchRequest] { state.withLock { $0.requests } }
    /// How many fetches wait at the gate.
    var waiting: Int { state.withLock { $0.gate.count } }

    func answer(_ answer: Answer) {
        state.withLock { $0.answer = answer }
    }

    /// Lets every gated fetch (now and later) respond.
    func openGate() {
        let waiters = state.withLock { state in
            state.open = true
            let waiters = state.gate
            state.gate = []
            return waiters
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    func fetch(_ request: JWKSetFetchRequest) async throws -> JWKSetFetchResponse {
        let answer = state.withLock { state in
            state.count += 1
            state.requests.append(request)
            return state.answer
        }
        switch answer {
        case .respond(let response):
            return response
        case .fail(let message):
            throw TransportError(description: message)
        case .gated(let response):
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let open = state.withLock { state in
                    if !state.open {
                        state.gate.append(continuation)
                    }
                    return state.open
                }
                if open {
                    continuation.resume()
                }
            }
            return response
        case .hang:
            while true {
                try await Task.sleep(for: .seconds(3600))
            }
        }
    }
}

/// ES256 keys and their JWK Sets, for the remote key-set tests.
struct RemoteTestKeys {
    let keys: [(kid: String, key: ES256.PrivateKey)]

    init(_ kids: [String]) throws {
        keys = try kids.map { ($0, try ES256.PrivateKey()) }
    }

    /// The JWK Set document of the public keys.
    var document: [UInt8] {
        let jwks: [JSONValue] = keys.map { entry in
            var jwk = entry.key.publicKey.jwk
            jwk["kid"] = .string(entry.kid)
            return .object(jwk)
        }
        let set: JSONObject = ["keys": .array(jwks)]
        return set.serializedBytes()
    }

    /// A 200 response with this set and `Cache-Control`.
    func response(cacheControl: String? = "max-age=300") -> JWKSetFetchResponse {
        JWKSetFetchResponse(status: 200, cacheControl: cacheControl, body: document)
    }

    /// A token signed by the key with `kid`.
    func token(kid: String, claims: ClaimSet = ["sub": "user-1", "iss": "https://idp.example"]) throws -> String {
        guard let key = keys.first(where: { $0.kid == kid })?.key else {
            return try JWTSigner(key: ES256.PrivateKey(), keyID: kid).sign(claims)
        }
        return try JWTSigner(key: key, keyID: kid).sign(claims)
    }
}
