import Hummingbird
import JWTClaims
import JWTClaimsWireFormat

extension ReferenceAPIController {
    /// `POST /verify`: serverless verification. 200 `{"success": true}` for a token this service signed whose `aud`
    /// is the calling key's id - or, without an id, any configured key's id - and 200 `{"success": false,
    /// "reason"}` otherwise. The reason names the failure's code only; it never holds the token or any part of it.
    func verify(_ request: Request, _ context: Context) async throws -> Response {
        let key = try admit(request, context, .optionalID)
        let body = try await readJSONBody(request)
        let verifyRequest: VerifyRequest
        do {
            verifyRequest = try VerifyRequest(parsing: body.readableBytesView)
        } catch {
            throw ServiceError(error, while: .decodingBody)
        }
        let audiences = key.map { [$0.id] } ?? configuration.apiKeys.keys.map(\.id)
        let answer: VerifyResponse
        if audiences.isEmpty {
            answer = VerifyResponse(success: false, reason: "Error: Invalid JWT token (no API key is configured)")
        } else {
            do {
                _ = try verifier(audiences: audiences).verify(verifyRequest.accessToken, now: configuration.now())
                answer = VerifyResponse(success: true)
            } catch {
                answer = VerifyResponse(success: false, reason: "Error: Invalid JWT token (\(error.code))")
            }
        }
        return Self.json(answer.serialized())
    }
}
