/// The browser origins allowed to call the service with one API key: the key file's `allowed_origins`.
///
/// An origin is written as browsers send it in the `Origin` header: `scheme://host[:port]`, with no path, query or
/// trailing slash (`https://app.example`, `http://localhost:3000`, or a custom scheme such as `myapp://callback-host`
/// for mobile redirects). Comparison ignores ASCII case, as origins' schemes and hosts do.
///
/// A request that carries no `Origin` header is not a browser's cross-origin request and is not restricted.
public enum AllowedOrigins: Hashable, Sendable {
    /// Any origin: the key file's `["*"]`, or no `allowed_origins` member.
    case any
    /// Exactly these origins, lowercased.
    case only(Set<String>)

    /// Whether a request whose `Origin` header is `origin` may use the key.
    ///
    /// - Parameter origin: The header's value as the browser sent it.
    /// - Returns: True for ``any``, or when the lowercased origin is listed.
    public func allows(_ origin: String) -> Bool {
        switch self {
        case .any:
            return true
        case .only(let origins):
            return origins.contains(origin.lowercased())
        }
    }
}
