#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import Logging
import NIOCore
import Synchronization
import Testing

@testable import JWTClaimsPostgres

/// The service (`JWTClaimsHummingbird`) on the PostgreSQL store, through HummingbirdTesting: the store plugs into the
/// service's store seam and runs as one of the application's services; when PostgreSQL stops, requests that need the
/// store get 503 `temporarily_unavailable` with `Retry-After` within the store's time limit (never 500), `/healthz`
/// turns 503, the JWK Set and `/verify` keep working, and the same application serves again within seconds of the
/// restart.
@Suite(
    "The service on PostgreSQL",
    .enabled(
        if: PostgresTestDatabase.isOutageEnabled,
        "needs the test cluster: eval \"$(Scripts/postgres-cluster.sh setup)\" sets the URL and the cluster directory"
    ),
    .serialized
)
struct ServiceOnPostgresTests {
    static let keyID = "key-pg"
    static let secret = "secret-pg-0123456789"
    static let customAttributes = #"{"username":"helloworld","role":"admin","user_id":125}"#

    /// Headers of a credentialed JSON request.
    static var credentials: HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        fields[headerName("API_KEY_ID")] = keyID
        fields[headerName("API_SECRET_KEY")] = secret
        return fields
    }

    /// A header name the test spells; a misspelt constant is a bug in the test, so it stops the run.
    static func headerName(_ text: String) -> HTTPField.Name {
        guard let name = HTTPField.Name(text) else { preconditionFailure("not a header name: \(text)") }
        return name
    }

    /// Runs `body` against the service on a new PostgreSQL store (a schema of its own), the store running as one of
    /// the application's services, with the store's time limit shortened to `operationTimeout`.
    static func withService<Result: Sendable>(
        operationTimeout: Duration = .seconds(2),
        housekeepingInterval: Duration? = nil,
        now: (@Sendable () -> NumericDate)? = nil,
        _ body: @Sendable (any TestClientProtocol, PostgresRefreshTokenStore) async throws -> Result
    ) async throws -> Result {
        var storeConfiguration = try PostgresTestDatabase.makeConfiguration()
        storeConfiguration.operationTimeout = operationTimeout
        storeConfiguration.probeInterval = .milliseconds(250)
        let store = try await PostgresRefreshTokenStore(
            configuration: storeConfiguration,
            logger: PostgresTestDatabase.quietLogger
        )
        let digest = try SHA256.hash(Array(secret.utf8))
        var configuration = try ServiceConfiguration(
            signingKeys: [SigningKey(key: ES256.PrivateKey())],
            issuer: "https://issuer.example",
            apiKeys: APIKeySet([APIKey(id: keyID, secretDigest: digest)]),
            store: store
        )
        configuration.housekeepingInterval = housekeepingInterval
        configuration.refreshTokenLifetime = .seconds(600)
        if let now { configuration.now = now }
        let app = try buildApplication(
            configuration: configuration,
            logger: PostgresTestDatabase.quietLogger,
            services: [store]
        )
        do {
            let result = try await app.test(.router) { client in try await body(client, store) }
            await PostgresTestDatabase.dropSchema(storeConfiguration.schema)
            return result
        } catch {
            await PostgresTestDatabase.dropSchema(storeConfiguration.schema)
            throw error
        }
    }

    @Test("issue, add custom claims with a refresh token, refresh five times, replay: the family is revoked")
    func referenceFlow() async throws {
        try await ClusterAccess.sharing {
            try await Self.withService { client, _ in
                let issued = try await client.issue()
                let custom = try await client.post(
                    "/api/v0/token/custom",
                    #"{"token":"\#(issued.accessToken)","custom_attributes":\#(Self.customAttributes),"#
                        + #""refresh_token":"\#(issued.refreshToken)"}"#
                )
                #expect(custom.status == .ok, "custom: \(custom.text)")
                var refreshToken = try #require(
                    try CustomClaimsResponse(parsing: custom.body.readableBytesView).refreshToken
                )
                let first = refreshToken
                for round in 1...5 {
                    let response = try await client.refresh(refreshToken)
                    #expect(response.status == .ok, "round \(round): \(response.text)")
                    let tokens = try TokenResponse(parsing: response.body.readableBytesView)
                    let claims = try UnverifiedJWT(decoding: tokens.accessToken).claims
                    #expect(claims["role"] == "admin", "round \(round)")
                    #expect(claims["user_id"]?.numberValue?.text == "125", "round \(round)")
                    #expect(claims["aud"] == .string(Self.keyID), "round \(round)")
                    refreshToken = tokens.refreshToken
                }
                let replay = try await client.refresh(first)
                #expect(replay.status == .badRequest)
                #expect(try replay.error().error == "invalid_grant")
                let newest = try await client.refresh(refreshToken)
                #expect(try newest.error().error == "invalid_grant", "the replay revoked the newest token too")
            }
        }
    }

    @Test("the application's housekeeping deletes expired families from PostgreSQL")
    func housekeeping() async throws {
        try await ClusterAccess.sharing {
            let seconds = Mutex<Int64>(1_700_000_000)
            let now: @Sendable () -> NumericDate = { NumericDate(secondsSince1970: seconds.withLock { $0 }) }
            try await Self.withService(housekeepingInterval: .milliseconds(100), now: now) { client, store in
                // The first family expires (lifetime 600 s) by the time the second is issued.
                let expired = try RefreshToken(parsing: try await client.issue().refreshToken).id
                seconds.withLock { $0 += 601 }
                let live = try RefreshToken(parsing: try await client.issue().refreshToken).id
                var removed = false
                for _ in 0..<50 where !removed {
                    try await Task.sleep(for: .milliseconds(100))
                    removed = try await store.record(forID: expired) == nil
                }
                #expect(removed, "the expired family is still there after 5 seconds")
                #expect(try await store.record(forID: live) != nil, "a live family was deleted")
            }
        }
    }

    /// PostgreSQL stopped: 503 `temporarily_unavailable` with `Retry-After`, never 500; the key set and verify keep
    /// working; started again, the same application recovers within seconds.
    @Test("PostgreSQL stops under load and starts again: 503 not 500, then recovery", arguments: ["fast", "immediate"])
    func outage(mode: String) async throws {
        try await ClusterAccess.alone {
            try await Self.withService { client, _ in
                let issued = try await client.issue()
                #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)

                let load = HTTPLoad()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for worker in 0..<4 {
                        group.addTask { try await load.run(worker: worker, client: client) }
                    }
                    try await Task.sleep(for: .milliseconds(500))
                    try await PostgresOutageTests.cluster("stop", mode)
                    let stoppedAt = ContinuousClock.now

                    // While it is down: the store's answers are 503, the rest works.
                    let asked = ContinuousClock.now
                    let issue = try await client.post("/api/v0/token/issue", #"{"claims":{"sub":"during"}}"#)
                    let issueTime = ContinuousClock.now - asked
                    #expect(issue.status == .serviceUnavailable, "issue: \(issue.status) \(issue.text)")
                    #expect(try issue.error().error == "temporarily_unavailable")
                    #expect(issue.headers[.retryAfter].flatMap { Int($0) }.map { (1...10).contains($0) } == true)
                    #expect(issueTime < .seconds(4), "the 503 took \(issueTime)")
                    let refresh = try await client.refresh(issued.refreshToken)
                    #expect(refresh.status == .serviceUnavailable, "refresh: \(refresh.status) \(refresh.text)")
                    #expect(refresh.headers[.retryAfter] != nil)
                    let health = try await client.execute(uri: "/healthz", method: .get)
                    #expect(health.status == .serviceUnavailable)
                    #expect(health.headers[.retryAfter] != nil)
                    #expect(try await client.execute(uri: "/.well-known/jwks.json", method: .get).status == .ok)
                    let verify = try await client.post(
                        "/verify",
                        #"{"oauth_token":{"access_token":"\#(issued.accessToken)"}}"#
                    )
                    #expect(verify.text == #"{"success":true}"#)

                    // Down for at least two seconds, then back.
                    try await Task.sleep(until: stoppedAt + .seconds(2))
                    try await PostgresOutageTests.cluster("start")
                    let restarted = ContinuousClock.now
                    var healthy = false
                    while !healthy && ContinuousClock.now < restarted + .seconds(10) {
                        healthy = try await client.execute(uri: "/healthz", method: .get).status == .ok
                        if !healthy { try await Task.sleep(for: .milliseconds(100)) }
                    }
                    let recovery = ContinuousClock.now - restarted
                    #expect(healthy, "/healthz still 503 ten seconds after the restart")
                    #expect(recovery < .seconds(5), "recovered after \(recovery)")
                    try await Task.sleep(for: .milliseconds(500))
                    load.stop()
                    try await group.waitForAll()
                    print("service outage (\(mode)): recovered \(recovery) after the restart; \(load.summary)")
                }

                let statuses = load.statuses
                #expect(!statuses.keys.contains(500), "500s: \(statuses)")
                #expect(Set(statuses.keys).isSubset(of: [200, 400, 503]), "\(statuses)")
                #expect((statuses[503] ?? 0) > 0, "the outage produced no 503: \(statuses)")
                #expect(load.okAfterOutage, "no worker refreshed again after the restart")
                #expect(load.missingRetryAfter == 0, "503s without Retry-After")
                // The refresh refused during the outage consumed nothing.
                let again = try await client.refresh(issued.refreshToken)
                #expect(again.status == .ok, "the refresh refused with 503 used the token up: \(again.text)")
            }
        }
    }
}

/// Clients that issue a token, then refresh it in a loop, until stopped; a refused or revoked token (its rotation
/// committed but the answer was lost) makes them sign in again. Counts the statuses.
final class HTTPLoad: Sendable {
    private struct State {
        var statuses: [Int: Int] = [:]
        var sawUnavailable = false
        var okAfterOutage = false
        var missingRetryAfter = 0
    }
    private let state = Mutex(State())
    private let stopped = Mutex(false)

    var statuses: [Int: Int] { state.withLock { $0.statuses } }
    var okAfterOutage: Bool { state.withLock { $0.okAfterOutage } }
    var missingRetryAfter: Int { state.withLock { $0.missingRetryAfter } }
    var summary: String { "statuses \(statuses.sorted { $0.key < $1.key })" }

    func stop() { stopped.withLock { $0 = true } }

    func run(worker: Int, client: any TestClientProtocol) async throws {
        var refreshToken: String?
        while !stopped.withLock({ $0 }) {
            let response: TestResponse
            if let token = refreshToken {
                response = try await client.refresh(token)
            } else {
                response = try await client.post(
                    "/api/v0/token/issue",
                    #"{"claims":{"sub":"worker-\#(worker)"}}"#,
                    headers: ServiceOnPostgresTests.credentials
                )
            }
            let status = Int(response.status.code)
            state.withLock { state in
                state.statuses[status, default: 0] += 1
                if status == 503 {
                    state.sawUnavailable = true
                    if response.headers[.retryAfter] == nil { state.missingRetryAfter += 1 }
                }
                if status == 200 && state.sawUnavailable { state.okAfterOutage = true }
            }
            switch status {
            case 200:
                refreshToken = try TokenResponse(parsing: response.body.readableBytesView).refreshToken
            case 503:
                try await Task.sleep(for: .milliseconds(50))
            default:
                refreshToken = nil
            }
        }
    }
}

extension TestClientProtocol {
    /// POSTs JSON text with the test key's credentials.
    func post(
        _ uri: String,
        _ body: String,
        headers: HTTPFields = ServiceOnPostgresTests.credentials
    ) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Issues a token for `user-1` with a role.
    func issue() async throws -> TokenResponse {
        let response = try await post("/api/v0/token/issue", #"{"claims":{"sub":"user-1","plan":"pro"}}"#)
        #expect(response.status == .ok, "issue: \(String(buffer: response.body))")
        return try TokenResponse(parsing: response.body.readableBytesView)
    }

    /// The refresh grant for the test key.
    func refresh(_ refreshToken: String) async throws -> TestResponse {
        try await post(
            "/api/v0/token/\(ServiceOnPostgresTests.keyID)",
            #"{"grant_type":"refresh_token","refresh_token":"\#(refreshToken)"}"#,
            headers: [.contentType: "application/json"]
        )
    }
}

extension TestResponse {
    /// The error body.
    func error() throws -> ErrorResponse {
        try ErrorResponse(parsing: body.readableBytesView)
    }

    /// The body as text.
    var text: String { String(buffer: body) }
}
#endif
