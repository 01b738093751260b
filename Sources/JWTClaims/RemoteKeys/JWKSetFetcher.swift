/// Fetches the bytes of a JWK Set over HTTP(S) for a ``RemoteJWKSet``.
///
/// The core library has no HTTP client, so the transport is a protocol: use the AsyncHTTPClient fetcher of the
/// `JWTClaimsHummingbird` product (`HTTPJWKSetFetcher`), or implement it over the client you already have. An
/// implementation must honour the request's contract, and ``RemoteJWKSet`` checks what it can again:
///
/// - `GET` exactly ``JWKSetFetchRequest/url``, following no redirect to another origin;
/// - stop reading the body once it exceeds ``JWKSetFetchRequest/maximumBytes`` and throw (never buffer an unbounded
///   body; the set refuses a larger body it is given anyway);
/// - give up after ``JWKSetFetchRequest/timeout`` in all, connection and body included, and return promptly when the
///   calling task is cancelled (the set cancels a fetch that outlives the timeout, and waits for it to return);
/// - return any status with its body (the set refuses everything but 200) and the `Cache-Control` header's value.
public protocol JWKSetFetcher: Sendable {
    /// Fetches `request.url` under the request's limits.
    ///
    /// - Parameter request: The URL and the limits.
    /// - Returns: The status, the `Cache-Control` header and the body.
    /// - Throws: Any error for a transport failure, a timeout or a body over the limit; the set reports it as
    ///   ``JWTError/Code/keySetUnavailable`` with the error kept as ``JWTError/underlyingError``.
    func fetch(_ request: JWKSetFetchRequest) async throws -> JWKSetFetchResponse
}
