import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import Logging
import NIOCore
import Synchronization
import Testing

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let seconds: Mutex<Int64>

    init(_ start: Int64 = 1_700_000_000) {
        seconds = Mutex(start)
    }

    var now: NumericDate {
        NumericDate(secondsSince1970: seconds.withLock { $0 })
    }

    func advance(by delta: Int64) {
        seconds.withLock { $0 += delta }
    }
}

/// A service with two API keys, two signing keys, an in-memory store and a hand-moved clock.
struct ServiceFixture: Sendable {
    static let keyID = "key-one"
    static let secret = "secret-one-0123456789"
    static let otherKeyID = "key-two"
    static let otherSecret = "secret-two-0123456789"
    static let browserKeyID = "key-web"
    static let browserOrigin = "https://app.example"

    let configuration: ServiceConfiguration
    let clock: TestClock
    let store: InMemoryRefreshTokenStore
    let signingKeys: [SigningKey]

    init(
        rateLimit: RateLimit? = nil,
        maximumBodyBytes: Int = 65536,
        bodyReadTimeout: Duration = .seconds(10),
        store: (any RefreshTokenStore)? = nil,
        signingKeys: [SigningKey]? = nil,
        upstreamIssuers: [UpstreamIssuer] = [],
        verificationCache: JWTVerificationCache? = JWTVerificationCache()
    ) throws {
        let clock = TestClock()
        let memory = InMemoryRefreshTokenStore()
        let keys =
            try signingKeys ?? [
                SigningKey(key: ES256.PrivateKey(), keyID: "first"),
                SigningKey(key: ES256.PrivateKey(), keyID: "second"),
            ]
        let apiKeys = try APIKeySet([
            APIKey(id: Self.keyID, secretDigest: Self.digest(Self.secret)),
            APIKey(id: Self.otherKeyID, secretDigest: Self.digest(Self.otherSecret)),
            APIKey(
                id: Self.browserKeyID,
                secretDigest: Self.digest(Self.secret),
                allowedOrigins: .only([Self.browserOrigin])
            ),
        ])
        var configuration = try ServiceConfiguration(
            signingKeys: keys,
            issuer: "https://issuer.example",
            apiKeys: apiKeys,
            store: store ?? memory
        )
        configuration.rateLimit = rateLimit
        configuration.maximumBodyBytes = maximumBodyBytes
        configuration.bodyReadTimeout = bodyReadTimeout
        configuration.now = { clock.now }
        configuration.upstreamIssuers = upstreamIssuers
        configuration.verificationCache = verificationCache
        self.configuration = configuration
        self.clock = clock
        self.store = memory
        self.signingKeys = keys
    }

    /// The SHA-256 digest of a secret (the core's `package` front; APIKeySetTests pins it to a FIPS 180-4 vector).
    static func digest(_ secret: String) -> [UInt8] {
        (try? SHA256.hash(Array(secret.utf8))) ?? []
    }

    /// The application, quiet logs.
    func application() throws -> some ApplicationProtocol {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try buildApplication(configuration: configuration, logger: logger)
    }

    /// Runs `body` against the application in `mode`.
    func test<Value: Sendable>(
        _ mode: TestingSetup = .router,
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await application().test(mode) { client in try await body(client) }
    }
}

/// Headers for requests.
enum Headers {
    static let keyIDName = name("API_KEY_ID")
    static let secretName = name("API_SECRET_KEY")
    static let testUserName = name("X-Test-User")

    /// A header name the test spells; a misspelt constant is a bug in the test, so it stops the run.
    static func name(_ text: String) -> HTTPField.Name {
        guard let name = HTTPField.Name(text) else { preconditionFailure("not a header name: \(text)") }
        return name
    }

    static func json(id: String? = ServiceFixture.keyID, secret: String? = ServiceFixture.secret) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        if let id { fields[keyIDName] = id }
        if let secret { fields[secretName] = secret }
        return fields
    }

    static func basic(_ user: String, _ password: String) -> HTTPFields {
        let encoded = base64(Array("\(user):\(password)".utf8))
        return [.contentType: "application/json", .authorization: "Basic \(encoded)"]
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                if position <= chunk.count {
                    out.append(alphabet[Int(value >> (18 - 6 * position) & 0x3F)])
                } else {
                    out.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension TestClientProtocol {
    /// POSTs JSON text.
    func post(_ uri: String, _ body: String, headers: HTTPFields = Headers.json()) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Issues a token for `sub` with extra claims, as `key`.
    func issue(
        _ claims: String = #"{"sub":"user-1"}"#,
        headers: HTTPFields = Headers.json()
    ) async throws -> TokenResponse {
        let response = try await post("/api/v0/token/issue", #"{"claims":\#(claims)}"#, headers: headers)
        #expect(response.status == .ok, "issue: \(String(buffer: response.body))")
        return try TokenResponse(parsing: response.body.readableBytesView)
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

/// Decodes a token's claims without verifying (the tests verify separately where it matters).
func claims(of token: String) throws -> ClaimSet {
    try UnverifiedJWT(decoding: token).claims
}
