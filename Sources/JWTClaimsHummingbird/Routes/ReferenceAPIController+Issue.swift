import Hummingbird
import JWTClaims
import JWTClaimsWireFormat

extension ReferenceAPIController {
    /// The claims an issue request may not set: the service sets them.
    static var serviceSetClaims: [String] { ["iss", "aud", "iat", "exp", "nbf", "jti"] }

    /// `POST /api/v0/token/issue`: mints an access token holding `iss`, `aud` (the key id, a string), `sub`, `iat`,
    /// `exp`, `jti`, then the request's other claims in its order, and starts a refresh-token family.
    func issue(_ request: Request, _ context: Context) async throws -> Response {
        guard let key = try admit(request, context, .idAndSecret) else {
            throw ServiceError.invalidClient(afterBasic: true)
        }
        let body = try await readJSONBody(request)
        let claims: JSONObject
        do {
            claims = try TokenIssueRequest(parsing: body.readableBytesView).claims
        } catch {
            throw ServiceError(error, while: .decodingBody)
        }
        let forbidden = Self.serviceSetClaims.filter { claims.contains(name: $0) }
        guard forbidden.isEmpty else {
            throw ServiceError(
                status: .badRequest,
                code: .invalidClaims,
                description: "the service sets these claims itself; the request may not: "
                    + JWTError.quotedList(forbidden)
            )
        }
        guard let subjectValue = claims["sub"] else {
            throw ServiceError.invalidRequest("the claims have no \"sub\"; it is required")
        }
        guard case .string(let subject) = subjectValue else {
            throw ServiceError.invalidRequest(
                "the claims' \"sub\" must be a string, not \(subjectValue.kindDescription)"
            )
        }
        // The order the contract fixes; iat, exp and jti are placeholders the mint replaces in place.
        var template = JSONObject()
        template["iss"] = .string(configuration.issuer)
        template["aud"] = .string(key.id)
        template["sub"] = .string(subject)
        template["iat"] = 0
        template["exp"] = 0
        template["jti"] = ""
        for (name, value) in claims where name != "sub" {
            template[name] = value
        }
        let pair: TokenPair
        do {
            pair = try await refreshTokenService(for: key).issue(ClaimSet(template), now: configuration.now())
        } catch {
            throw ServiceError(error, while: .mintingClaims)
        }
        let response = TokenResponse(
            accessToken: pair.accessToken,
            refreshToken: pair.refreshToken.serialized(),
            expiresIn: expiresIn
        )
        return Self.json(response.serialized())
    }
}
