public import JWTClaims

/// The reference API's OpenAPI 3.1 document, defined once, here, in Swift: the service serves it at
/// `/openapi.json`, `Docs/openapi.json` is a committed copy (a test keeps them identical), and a test checks that
/// every route the controller registers is in it and every operation in it is a route.
///
/// Built from the package's own JSON values (no resource bundle: a missing bundle must not be a crash path).
public enum OpenAPIDocument {
    /// The document.
    public static let object: JSONObject = build()

    /// The document as compact JSON.
    public static let bytes: [UInt8] = object.serializedBytes()

    /// The document as indented JSON text ending in a line feed, as committed in `Docs/openapi.json`.
    public static var prettyText: String {
        PrettyJSON.text(.object(object)) + "\n"
    }

    /// The operations the document describes, as `METHOD path` (`POST /api/v0/token/{apiKeyID}`), sorted.
    public static var operations: [String] {
        guard case .object(let paths)? = object["paths"] else { return [] }
        var result: [String] = []
        for (path, item) in paths {
            guard case .object(let methods) = item else { continue }
            for (method, _) in methods where httpMethods.contains(method) {
                result.append(method.uppercased() + " " + path)
            }
        }
        return result.sorted()
    }

    /// The path-item members that are operations.
    private static let httpMethods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    private static func build() -> JSONObject {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "jwt-claims service",
                "version": "0",
                "description": .string(
                    "Issues ES256 access tokens with refresh tokens, adds custom claims to issued tokens without "
                        + "losing any original claim, rotates refresh tokens with reuse detection, verifies tokens, "
                        + "and publishes its signing keys. Every error is {\"error\", \"error_description\"} "
                        + "(RFC 6749 section 5.2)."
                ),
                "license": ["name": "Apache-2.0", "identifier": "Apache-2.0"],
            ],
            "paths": .object(paths()),
            "components": [
                "schemas": .object(OpenAPISchemas.all),
                "securitySchemes": [
                    "apiKeyID": ["type": "apiKey", "in": "header", "name": "API_KEY_ID"],
                    "apiSecret": ["type": "apiKey", "in": "header", "name": "API_SECRET_KEY"],
                    "basic": [
                        "type": "http",
                        "scheme": "basic",
                        "description": "The API key id as user id, the secret as password (empty for revoke).",
                    ],
                ],
            ],
        ]
    }

    private static func paths() -> JSONObject {
        let idAndSecret: JSONValue = [["apiKeyID": [], "apiSecret": []], ["basic": []]]
        let idOnly: JSONValue = [["apiKeyID": []], ["basic": []]]
        let optionalID: JSONValue = [[:], ["apiKeyID": []], ["basic": []]]
        let keyIDParameter: JSONValue = [
            "name": "apiKeyID", "in": "path", "required": true,
            "description": "The API key id (API_KEY_ID).",
            "schema": ["type": "string", "pattern": "^[A-Za-z0-9._~-]{1,128}$"],
        ]
        let keyed = [400, 401, 403, 408, 413, 429, 500]
        return [
            "/api/v0/token/issue": [
                "post": OpenAPIOperation.post(
                    id: "issueToken",
                    summary: "Mint an access token and a refresh token for a subject",
                    request: "TokenIssueRequest",
                    response: "TokenResponse",
                    security: idAndSecret,
                    errors: keyed + [503]
                ),
                "options": OpenAPIOperation.preflight(id: "issueTokenPreflight"),
            ],
            "/api/v0/token/custom": [
                "post": OpenAPIOperation.post(
                    id: "addCustomClaims",
                    summary: "Add custom claims to an access token; optionally bind them to a new refresh token",
                    request: "CustomClaimsRequest",
                    response: "CustomClaimsResponse",
                    security: idAndSecret,
                    errors: keyed + [503]
                ),
                "options": OpenAPIOperation.preflight(id: "addCustomClaimsPreflight"),
            ],
            "/api/v0/token/revoke": [
                "post": OpenAPIOperation.post(
                    id: "revokeRefreshToken",
                    summary: "Revoke a refresh token's family (RFC 7009: unknown tokens also get 200)",
                    request: "RevokeRequest",
                    response: "EmptyObject",
                    security: idOnly,
                    errors: keyed + [503]
                ),
                "options": OpenAPIOperation.preflight(id: "revokeRefreshTokenPreflight"),
            ],
            "/api/v0/token/jwks": [
                "get": OpenAPIOperation.get(id: "getKeySet", summary: "The public signing keys", response: "JWKSet"),
                "options": OpenAPIOperation.preflight(id: "getKeySetPreflight"),
            ],
            "/api/v0/token/{apiKeyID}": [
                "parameters": [keyIDParameter],
                "post": OpenAPIOperation.post(
                    id: "refreshToken",
                    summary: "The refresh grant: exchange a refresh token for new tokens",
                    request: "RefreshGrantRequest",
                    response: "TokenResponse",
                    security: [[:]],
                    errors: keyed + [503]
                ),
                "options": OpenAPIOperation.preflight(id: "refreshTokenPreflight"),
            ],
            "/verify": [
                "post": OpenAPIOperation.post(
                    id: "verifyToken",
                    summary: "Verify an access token (200 in both outcomes)",
                    request: "VerifyRequest",
                    response: "VerifyResponse",
                    security: optionalID,
                    errors: keyed
                ),
                "options": OpenAPIOperation.preflight(id: "verifyTokenPreflight"),
            ],
            "/.well-known/jwks.json": [
                "get": OpenAPIOperation.get(
                    id: "getWellKnownKeySet",
                    summary: "The public signing keys",
                    response: "JWKSet"
                ),
                "options": OpenAPIOperation.preflight(id: "getWellKnownKeySetPreflight"),
            ],
            "/healthz": [
                "get": OpenAPIOperation.get(
                    id: "getHealth",
                    summary: "200 while the service and its store work, 503 otherwise",
                    response: "Health",
                    errors: [503]
                ),
                "options": OpenAPIOperation.preflight(id: "getHealthPreflight"),
            ],
            "/openapi.json": [
                "get": OpenAPIOperation.get(
                    id: "getOpenAPIDocument",
                    summary: "This document",
                    response: "OpenAPIDocument"
                ),
                "options": OpenAPIOperation.preflight(id: "getOpenAPIDocumentPreflight"),
            ],
        ]
    }
}
