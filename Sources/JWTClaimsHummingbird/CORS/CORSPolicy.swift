import HTTPTypes

/// The CORS headers the routes write (the Fetch standard's CORS protocol).
///
/// - A request with an `Origin` gets `Access-Control-Allow-Origin` echoing it (and `Vary: Origin`) on every answer
///   except a 403 `origin_not_allowed`, so browser code can read error bodies too; the origin check itself happens
///   in the route, per API key, before anything is used up.
/// - The public endpoints (JWK Set, health, OpenAPI) answer any origin with `*`.
/// - Preflights: see ``ReferenceAPIController`` `addPreflightRoutes`.
enum CORSPolicy {
    /// Whose origins a route's answers are for.
    enum Audience: Sendable {
        /// Routes whose key decides (checked in the route).
        case keyed
        /// Public data: any origin.
        case `public`
    }

    /// The request headers a browser may send on the API's POSTs.
    static let allowedRequestHeaders = "Content-Type, Authorization, API_KEY_ID, API_SECRET_KEY"
    /// The response headers browser code may read beyond the safelisted ones.
    static let exposedHeaders = "Retry-After, WWW-Authenticate"

    /// Adds the headers of an actual (non-preflight) answer to a request from `origin`.
    static func addResponseHeaders(to fields: inout HTTPFields, origin: String, audience: Audience) {
        switch audience {
        case .public:
            fields[.accessControlAllowOrigin] = "*"
        case .keyed:
            fields[.accessControlAllowOrigin] = origin
            fields.append(HTTPField(name: .vary, value: "Origin"))
        }
        fields[.accessControlExposeHeaders] = exposedHeaders
    }
}
