import HTTPTypes

extension ServiceError {
    /// The longest `error_description` written into a `WWW-Authenticate` header, in bytes.
    static let maximumChallengeDescriptionLength = 200

    /// 401 `invalid_token` with `WWW-Authenticate: Bearer error="invalid_token", error_description="..."`.
    static func invalidBearerToken(_ reason: String) -> ServiceError {
        var headers: HTTPFields = [:]
        headers[.wwwAuthenticate] =
            #"Bearer error="invalid_token", error_description=""# + challengeText(reason) + #"""#
        return ServiceError(status: .unauthorized, code: .invalidToken, description: reason, headers: headers)
    }

    /// 403 `insufficient_scope` with `WWW-Authenticate: Bearer error="insufficient_scope", ...` and the scope the
    /// resource needs, when one is named.
    static func insufficientScope(_ reason: String, scope: String?) -> ServiceError {
        var challenge = #"Bearer error="insufficient_scope", error_description=""# + challengeText(reason) + #"""#
        if let scope {
            challenge += #", scope=""# + challengeText(scope) + #"""#
        }
        var headers: HTTPFields = [:]
        headers[.wwwAuthenticate] = challenge
        return ServiceError(status: .forbidden, code: .insufficientScope, description: reason, headers: headers)
    }

    /// 401 with a bare `WWW-Authenticate: Bearer` challenge: no credentials were sent (RFC 6750 section 3.1 says
    /// such a challenge carries no error code).
    static func bearerRequired() -> ServiceError {
        var headers: HTTPFields = [:]
        headers[.wwwAuthenticate] = #"Bearer realm="api""#
        return ServiceError(
            status: .unauthorized,
            code: .invalidToken,
            description: "this resource needs a bearer token",
            headers: headers
        )
    }

    /// `text` made safe inside a quoted-string of a header: printable ASCII only (anything else becomes `?`), `"`
    /// and `\` escaped, at most ``maximumChallengeDescriptionLength`` bytes.
    static func challengeText(_ text: String) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            guard count < maximumChallengeDescriptionLength else {
                result += "..."
                break
            }
            switch scalar {
            case "\"", "\\":
                result += "\\" + String(scalar)
                count += 2
            case " "..."~":
                result.unicodeScalars.append(scalar)
                count += 1
            default:
                result += "?"
                count += 1
            }
        }
        return result
    }
}
