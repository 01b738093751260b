import JWTClaims
import Testing

@Suite("ClaimSet Codable bridge")
struct ClaimSetCodableTests {
    struct AccessToken: Codable, Equatable {
        let iss: String
        let sub: String
        let aud: String
        let exp: Int64
        let role: String?
        let user_id: Int
    }

    @Test("decodes the reference claims into a struct; unknown claims stay in the claim set")
    func decodesTypedPayload() throws {
        let claims = try ClaimSet(
            parsing: String(ReferencePage.originalClaims.dropLast()) + "," + ReferencePage.customAttributes.dropFirst()
        )
        let token = try claims.decode(AccessToken.self)
        #expect(token.iss == "https://www.cotter.app")
        #expect(token.exp == 1_599_181_203)
        #expect(token.role == "admin")
        #expect(token.user_id == 125)
        #expect(claims.count == 14)
    }

    @Test("builds claims in the struct's order, and a mismatch names the claim")
    func encodesAndFails() throws {
        let value = AccessToken(iss: "i", sub: "s", aud: "a", exp: 10, role: nil, user_id: 1)
        let claims = try ClaimSet(encoding: value)
        #expect(claims.serialized() == #"{"iss":"i","sub":"s","aud":"a","exp":10,"user_id":1}"#)
        #expect(try claims.decode(AccessToken.self) == value)
        let wrong = try ClaimSet(parsing: #"{"iss":"i","sub":"s","aud":"a","exp":1.5,"user_id":1}"#)
        let error = #expect(throws: JWTError.self) { _ = try wrong.decode(AccessToken.self) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason.contains("exp") == true)
        let notObject = #expect(throws: JWTError.self) { _ = try ClaimSet(encoding: [1, 2]) }
        #expect(notObject?.code == .typeMismatch)
    }
}
