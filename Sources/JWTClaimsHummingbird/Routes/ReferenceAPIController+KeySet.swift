import Hummingbird

extension ReferenceAPIController {
    /// `GET /api/v0/token/jwks` and `GET /.well-known/jwks.json`: the public signing keys, cacheable for
    /// ``ServiceConfiguration/keySetMaxAge``.
    func keySet() -> Response {
        let maxAge = configuration.keySetMaxAge.components.seconds
        return Self.json(keys.document, cacheControl: "public, max-age=\(maxAge)")
    }
}
