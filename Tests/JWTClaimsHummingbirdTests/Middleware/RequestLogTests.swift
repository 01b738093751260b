import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import Logging
import NIOCore
import Synchronization
import Testing

/// Collects log lines.
final class LogCollector: Sendable {
    let lines = Mutex<[String]>([])

    func handler(label: String) -> CollectingHandler { CollectingHandler(collector: self) }

    struct CollectingHandler: LogHandler {
        let collector: LogCollector
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var merged = metadata
            for (key, value) in event.metadata ?? [:] { merged[key] = value }
            let text =
                "\(event.level) \(event.message) "
                + merged.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            collector.lines.withLock { $0.append(text) }
        }
    }
}

/// The request log: one line per request, the route pattern and the key id, never secrets or tokens.
@Suite("Request log")
struct RequestLogTests {
    @Test("logs method, route pattern, status, duration and key id; never headers, bodies, tokens or secrets")
    func logs() async throws {
        let fixture = try ServiceFixture()
        let collector = LogCollector()
        let logger = Logger(label: "test") { collector.handler(label: $0) }
        let app = try buildApplication(configuration: fixture.configuration, logger: logger)
        let issued = try await app.test(.router) { client in
            let issued = try await client.issue()
            _ = try await client.post(
                "/api/v0/token/\(ServiceFixture.keyID)?refresh_token=\(issued.refreshToken)",
                #"{"grant_type":"refresh_token","refresh_token":"\#(issued.refreshToken)"}"#,
                headers: [.contentType: "application/json"]
            )
            _ = try await client.post("/api/v0/token/issue", "{}", headers: Headers.json(id: "evil\nid", secret: "x"))
            _ = try await client.execute(uri: "/nope", method: .get)
            return issued
        }
        let secrets = [ServiceFixture.secret, issued.accessToken, issued.refreshToken]
        let lines = collector.lines.withLock { $0 }.filter { $0.contains(" request ") }
        #expect(lines.count == 4)
        #expect(lines.contains { $0.contains("route=/api/v0/token/{apiKeyID}") && $0.contains("status=200") })
        #expect(lines.contains { $0.contains("api_key_id=\(ServiceFixture.keyID)") && $0.contains("method=POST") })
        #expect(lines.contains { $0.contains("status=404") && $0.contains("route=unmatched") })
        #expect(lines.allSatisfy { $0.contains("duration_ms=") })
        let all = collector.lines.withLock { $0 }.joined(separator: "\n")
        for secret in secrets {
            #expect(!all.contains(secret))
        }
        #expect(!all.contains("evil"))
    }
}
