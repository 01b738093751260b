/// What a ``JWKSetFetcher`` received: the status, the `Cache-Control` header and the body.
public struct JWKSetFetchResponse: Sendable, Hashable {
    /// The HTTP status code; only 200 is accepted.
    public let status: Int
    /// The `Cache-Control` header's value (several headers joined with `,`), or nil without one.
    public let cacheControl: String?
    /// The body, at most the request's ``JWKSetFetchRequest/maximumBytes``.
    public let body: [UInt8]

    /// A response with the given status, header and body.
    public init(status: Int, cacheControl: String?, body: [UInt8]) {
        self.status = status
        self.cacheControl = cacheControl
        self.body = body
    }
}
