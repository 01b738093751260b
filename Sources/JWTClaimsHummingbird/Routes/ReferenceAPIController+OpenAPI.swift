import Hummingbird

extension ReferenceAPIController {
    /// `GET /openapi.json`: the API's OpenAPI 3.1 document (``OpenAPIDocument``).
    func openAPIDocument() -> Response {
        Self.json(OpenAPIDocument.bytes, cacheControl: "public, max-age=3600")
    }
}
