import JWTClaims

/// Builders for the document's operations, so every operation lists its errors the same way.
enum OpenAPIOperation {
    /// What each error status means, for its response's description.
    static let errorMeanings: [Int: String] = [
        400: "invalid_request, invalid_claims, invalid_grant or unsupported_grant_type",
        401: "invalid_client or invalid_token",
        403: "origin_not_allowed",
        404: "not_found",
        405: "method_not_allowed (with Allow)",
        408: "request_timeout: the body did not arrive in time",
        413: "request_too_large",
        429: "rate_limited (with Retry-After)",
        500: "server_error",
        503: "temporarily_unavailable (with Retry-After)",
    ]

    /// A JSON POST with a request body schema, a 200 schema and the given error statuses (plus 405).
    static func post(
        id: String,
        summary: String,
        request: String,
        response: String,
        security: JSONValue,
        errors: [Int]
    ) -> JSONValue {
        var responses: JSONObject = ["200": success(response)]
        for status in (errors + [405]).sorted() {
            responses[String(status)] = error(status)
        }
        return [
            "operationId": .string(id),
            "summary": .string(summary),
            "security": security,
            "requestBody": [
                "required": true,
                "content": ["application/json": ["schema": schema(request)]],
            ],
            "responses": .object(responses),
        ]
    }

    /// A GET with a 200 schema and the given error statuses (plus 405).
    static func get(id: String, summary: String, response: String, errors: [Int] = []) -> JSONValue {
        var responses: JSONObject = ["200": success(response)]
        for status in (errors + [405]).sorted() {
            responses[String(status)] = error(status)
        }
        return [
            "operationId": .string(id),
            "summary": .string(summary),
            "security": [[:]],
            "responses": .object(responses),
        ]
    }

    /// A CORS preflight.
    static func preflight(id: String) -> JSONValue {
        var responses: JSONObject = [
            "204": ["description": "The preflight's answer (Access-Control-Allow-*), or Allow without Origin"]
        ]
        for status in [401, 403, 429] {
            responses[String(status)] = error(status)
        }
        return [
            "operationId": .string(id),
            "summary": "CORS preflight",
            "security": [[:]],
            "responses": .object(responses),
        ]
    }

    /// A `$ref` to a component schema.
    static func schema(_ name: String) -> JSONValue {
        ["$ref": .string("#/components/schemas/\(name)")]
    }

    private static func success(_ name: String) -> JSONValue {
        ["description": "Success", "content": ["application/json": ["schema": schema(name)]]]
    }

    private static func error(_ status: Int) -> JSONValue {
        [
            "description": .string(errorMeanings[status] ?? "error"),
            "content": ["application/json": ["schema": schema("ErrorResponse")]],
        ]
    }
}
