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
        let verifier = key.map { verifiers.verifier(for: $0) } ?? verifiers.anyKey
        let answer: VerifyResponse
        if let verifier {
            do {
                _ = try verifier.verify(verifyRequest.accessToken, now: configuration.now())
                answer = VerifyResponse(success: true)
            } catch {
                answer = VerifyResponse(success: false, reason: "Error: Invalid JWT token (\(error.code))")
            }
        } else {
            answer = VerifyResponse(success: false, reason: "Error: Invalid JWT token (no API key is configured)")
        }
        return Self.json(answer.serialized())
    }
}
