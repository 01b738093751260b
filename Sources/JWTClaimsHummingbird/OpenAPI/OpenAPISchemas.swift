import JWTClaims

/// The document's component schemas: the wire-format bodies.
enum OpenAPISchemas {
    /// Every schema, by name.
    static let all: JSONObject = [
        "ErrorResponse": object(
            required: ["error", "error_description"],
            [
                "error": [
                    "type": "string",
                    "enum": [
                        "invalid_request", "invalid_claims", "invalid_grant", "unsupported_grant_type",
                        "invalid_client", "invalid_token", "origin_not_allowed", "not_found", "method_not_allowed",
                        "request_timeout", "request_too_large", "rate_limited", "server_error",
                        "temporarily_unavailable",
                    ],
                ],
                "error_description": ["type": "string"],
            ]
        ),
        "TokenIssueRequest": object(
            required: ["claims"],
            [
                "claims": [
                    "type": "object",
                    "description": .string(
                        "The access token's claims: sub (a string) required; iss, aud, iat, exp, nbf and jti are "
                            + "set by the service and refused here."
                    ),
                    "required": ["sub"],
                    "properties": ["sub": ["type": "string"]],
                ]
            ]
        ),
        "TokenResponse": object(
            required: ["access_token", "refresh_token", "expires_in", "token_type"],
            [
                "access_token": ["type": "string"],
                "refresh_token": ["type": "string"],
                "expires_in": ["type": "integer"],
                "token_type": ["type": "string", "const": "Bearer"],
            ]
        ),
        "CustomClaimsRequest": object(
            required: ["token", "custom_attributes"],
            [
                "token": ["type": "string"],
                "custom_attributes": ["type": "object"],
                "refresh_token": ["type": "string"],
            ]
        ),
        "CustomClaimsResponse": object(
            required: ["token"],
            ["token": ["type": "string"], "refresh_token": ["type": "string"]]
        ),
        "RefreshGrantRequest": object(
            required: ["grant_type", "refresh_token"],
            ["grant_type": ["type": "string", "const": "refresh_token"], "refresh_token": ["type": "string"]]
        ),
        "RevokeRequest": object(required: ["refresh_token"], ["refresh_token": ["type": "string"]]),
        "EmptyObject": object(required: [], [:]),
        "VerifyRequest": object(
            required: ["oauth_token"],
            [
                "oauth_token": [
                    "type": "object",
                    "required": ["access_token"],
                    "properties": ["access_token": ["type": "string"]],
                ]
            ]
        ),
        "VerifyResponse": object(
            required: ["success"],
            ["success": ["type": "boolean"], "reason": ["type": "string"]]
        ),
        "JWKSet": object(
            required: ["keys"],
            [
                "keys": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "required": ["kty", "crv", "x", "y", "kid", "alg", "use"],
                        "properties": [
                            "kty": ["const": "EC"], "crv": ["const": "P-256"], "x": ["type": "string"],
                            "y": ["type": "string"], "kid": ["type": "string"], "alg": ["const": "ES256"],
                            "use": ["const": "sig"],
                        ],
                    ],
                ]
            ]
        ),
        "Health": object(required: ["status"], ["status": ["type": "string", "const": "ok"]]),
        "OpenAPIDocument": ["type": "object", "required": ["openapi", "paths"]],
    ]

    /// A closed object schema (no other members, as the service's strict decoding requires).
    private static func object(required: [String], _ properties: JSONObject) -> JSONValue {
        [
            "type": "object",
            "required": .array(required.map { .string($0) }),
            "properties": .object(properties),
            "additionalProperties": false,
        ]
    }
}
