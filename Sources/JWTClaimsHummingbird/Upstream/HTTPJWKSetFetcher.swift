public import AsyncHTTPClient
public import JWTClaims
import NIOCore
import NIOHTTP1
import NIOSSL

/// A `JWKSetFetcher` over AsyncHTTPClient: `GET`s the key set's URL with a total deadline and a streaming size cap.
///
/// - **HTTPS only**, except plain `http` to a loopback host (`localhost`, 127.0.0.0/8, `::1`), which tests and a
///   sidecar on the same machine need; the URL is checked again here, whoever made the request.
/// - **Deadlines.** The client made by ``makeClient(connectTimeout:readTimeout:)`` gives up connecting after
///   `connectTimeout` and waiting for bytes after `readTimeout`; on top, the whole fetch (head and body) is abandoned
///   at the request's `JWKSetFetchRequest.timeout`, so a server that trickles its body cannot hold a fetch open.
/// - **Size cap.** A `Content-Length` over `JWKSetFetchRequest.maximumBytes` is refused before the body is read;
///   otherwise the body is read chunk by chunk and reading stops as soon as the total passes the limit.
/// - **No redirects** with the client from ``makeClient(connectTimeout:readTimeout:)``: the configured URL is the
///   key set's one source.
///
/// ```swift
/// let client = HTTPJWKSetFetcher.makeClient()
/// let keys = try RemoteJWKSet(url: jwksURL, fetcher: HTTPJWKSetFetcher(client: client))
/// // ... when done:
/// try await client.shutdown()
/// ```
public struct HTTPJWKSetFetcher: JWKSetFetcher {
    /// Why a fetch failed in the fetcher itself (transport errors are AsyncHTTPClient's own).
    public struct FetchError: Error, CustomStringConvertible {
        /// What went wrong, for a log line; never holds response bytes.
        public let description: String
    }

    /// The client the requests go through; its owner shuts it down.
    public let client: HTTPClient

    /// A fetcher over `client` (use ``makeClient(connectTimeout:readTimeout:)`` for the settings above).
    public init(client: HTTPClient) {
        self.client = client
    }

    /// A client for key-set fetches: the given connect and read timeouts, no redirects, HTTP/1.1, the system's
    /// trust roots, and a short TLS shutdown wait (NIOSSL waits 5 s by default for the peer's close_notify after an
    /// aborted request, which would hold up the service's shutdown). Shut it down with `shutdown()` when done.
    ///
    /// A failed connection attempt fails the fetch at once: AsyncHTTPClient would otherwise retry it with back-off
    /// until the request's deadline, so an issuer that is down (connection refused) would cost every fetch its whole
    /// timeout, and a stale key set would be served late or, past its stale limit, not at all. `RemoteJWKSet`'s
    /// cool-down is what paces the next attempt.
    ///
    /// - Parameters:
    ///   - connectTimeout: The longest a connection (TCP and TLS) may take.
    ///   - readTimeout: The longest the server may stay silent while a response is awaited or read.
    /// - Returns: The client.
    public static func makeClient(
        connectTimeout: Duration = .seconds(3),
        readTimeout: Duration = .seconds(3)
    ) -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.shutdownTimeout = .milliseconds(500)
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(
                connect: TimeAmount(connectTimeout),
                read: TimeAmount(readTimeout)
            )
        )
        configuration.httpVersion = .http1Only
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// `GET`s `request.url` under its deadline and size cap.
    ///
    /// - Parameter request: The URL and limits.
    /// - Returns: The status, the `Cache-Control` header and the body.
    /// - Throws: `JWTError` `invalidKeySetURL` for a URL that is not https (or loopback http); ``FetchError`` for a
    ///   body over the limit or a fetch over the timeout; AsyncHTTPClient's errors for transport failures.
    public func fetch(_ request: JWKSetFetchRequest) async throws -> JWKSetFetchResponse {
        let url = try KeySetURL(request.url)
        return try await withThrowingTaskGroup(of: JWKSetFetchResponse?.self) { group in
            group.addTask { try await get(url.text, maximumBytes: request.maximumBytes, timeout: request.timeout) }
            group.addTask {
                try await Task.sleep(for: request.timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw FetchError(description: "the fetch took longer than \(request.timeout)")
            }
            return response
        }
    }

    private func get(_ url: String, maximumBytes: Int, timeout: Duration) async throws -> JWKSetFetchResponse {
        var httpRequest = HTTPClientRequest(url: url)
        httpRequest.method = .GET
        httpRequest.headers.add(name: "Accept", value: "application/jwk-set+json, application/json")
        let response = try await client.execute(httpRequest, timeout: TimeAmount(timeout))
        if let length = response.headers.first(name: "Content-Length").flatMap({ Int($0) }), length > maximumBytes {
            throw FetchError(description: "the response declares \(length) bytes; the limit is \(maximumBytes)")
        }
        var body: [UInt8] = []
        for try await chunk in response.body {
            guard body.count + chunk.readableBytes <= maximumBytes else {
                throw FetchError(description: "the response is over the limit of \(maximumBytes) bytes")
            }
            body.append(contentsOf: chunk.readableBytesView)
        }
        let cacheControl = response.headers["Cache-Control"]
        return JWKSetFetchResponse(
            status: Int(response.status.code),
            cacheControl: cacheControl.isEmpty ? nil : cacheControl.joined(separator: ", "),
            body: body
        )
    }
}
