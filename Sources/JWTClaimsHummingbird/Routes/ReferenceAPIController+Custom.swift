import Hummingbird
import JWTClaims
import JWTClaimsWireFormat

extension ReferenceAPIController {
    /// `POST /api/v0/token/custom`: adds custom attributes to one of this key's access tokens, keeping every
    /// original claim; with a refresh token, uses it up and answers its successor bound to the new claims. A bad
    /// refresh token fails the whole call (`invalid_grant`) and nothing is signed.
    func custom(_ request: Request, _ context: Context) async throws -> Response {
        guard let key = try admit(request, context, .idAndSecret) else {
            throw ServiceError.invalidClient(afterBasic: true)
        }
        let body = try await readJSONBody(request)
        let customRequest: CustomClaimsRequest
        do {
            customRequest = try CustomClaimsRequest(parsing: body.readableBytesView)
        } catch {
            throw ServiceError(error, while: .decodingBody)
        }
        // The attributes first: their refusals are the caller's claims (invalid_claims), not the token's.
        do {
            try configuration.augmentationPolicy.check(customRequest.customAttributes)
        } catch {
            throw ServiceError(error, while: .mintingClaims)
        }
        do {
            let response = try await refreshTokenService(for: key).respond(
                to: customRequest,
                now: configuration.now(),
                audience: key.id
            )
            return Self.json(response.serialized())
        } catch {
            throw ServiceError(error, while: .verifyingToken)
        }
    }
}
