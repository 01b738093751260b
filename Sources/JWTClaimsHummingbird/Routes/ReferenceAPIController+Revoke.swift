import Hummingbird
import JWTClaims
import JWTClaimsWireFormat

extension ReferenceAPIController {
    /// `POST /api/v0/token/revoke`: revokes the whole family of one of this key's refresh tokens (RFC 7009). An
    /// unknown or malformed token, or another key's (left untouched), also gets 200 `{}`: the answer tells a caller
    /// nothing about tokens that are not theirs.
    func revoke(_ request: Request, _ context: Context) async throws -> Response {
        guard let key = try admit(request, context, .id) else { throw ServiceError.invalidClient(afterBasic: true) }
        let body = try await readJSONBody(request)
        let revokeRequest: RevokeRequest
        do {
            revokeRequest = try RevokeRequest(parsing: body.readableBytesView)
        } catch {
            throw ServiceError(error, while: .decodingBody)
        }
        do {
            try await refreshTokenService(for: key).revoke(revokeRequest.refreshToken, audience: key.id)
        } catch  where error.code == .invalidRefreshToken {
            // RFC 7009 section 2.2: an invalid token is not an error.
        } catch {
            throw ServiceError(error, while: .usingRefreshToken)
        }
        return Self.json("{}")
    }
}
