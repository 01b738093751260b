import Hummingbird
import JWTClaims
import JWTClaimsWireFormat

extension ReferenceAPIController {
    /// `POST /api/v0/token/{API_KEY_ID}`: the refresh grant. The key id comes from the path (no secret: browsers and
    /// apps call it); the refresh token must have been issued for that key, and is used up.
    func refresh(_ request: Request, _ context: Context) async throws -> Response {
        let pathID = context.parameters.get(Self.keyIDParameter) ?? ""
        guard let key = try admit(request, context, .pathID(pathID)) else {
            throw ServiceError.invalidClient(afterBasic: false)
        }
        let body = try await readJSONBody(request)
        let grant: RefreshGrantRequest
        do {
            grant = try RefreshGrantRequest(parsing: body.readableBytesView)
        } catch {
            throw ServiceError(error, while: .decodingBody)
        }
        guard grant.grantType == RefreshGrantRequest.refreshTokenGrantType else {
            throw ServiceError(
                status: .badRequest,
                code: .unsupportedGrantType,
                description: "the grant type \(JWTError.quoted(grant.grantType)) is not supported; use "
                    + "\"refresh_token\""
            )
        }
        guard let refreshToken = grant.refreshToken else {
            throw ServiceError.invalidRequest("the request body has no \"refresh_token\" member")
        }
        let pair: TokenPair
        do {
            pair = try await refreshTokenService(for: key).refresh(
                refreshToken,
                now: configuration.now(),
                audience: key.id
            )
        } catch {
            throw ServiceError(error, while: .usingRefreshToken)
        }
        let response = TokenResponse(
            accessToken: pair.accessToken,
            refreshToken: pair.refreshToken.serialized(),
            expiresIn: expiresIn
        )
        return Self.json(response.serialized())
    }
}
