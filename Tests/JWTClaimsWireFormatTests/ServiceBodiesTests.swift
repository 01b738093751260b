import JWTClaims
import JWTClaimsWireFormat
import Testing

/// The service's request and response bodies: strict decoding, round trips, member order.
@Suite("Service bodies")
struct ServiceBodiesTests {
    @Test("TokenIssueRequest keeps the claims losslessly and refuses anything but an object of claims")
    func issueRequest() throws {
        let text = #"{"claims":{"sub":"a","n":1.50,"aud":"x"}}"#
        let request = try TokenIssueRequest(parsing: Array(text.utf8))
        #expect(request.claims.names == ["sub", "n", "aud"])
        #expect(request.claims["n"]?.numberValue?.text == "1.50")
        #expect(request.serialized() == text)
        for bad in ["{}", #"{"claims":1}"#, #"{"claims":{},"x":1}"#, "[]"] {
            let error = #expect(throws: JWTError.self) { _ = try TokenIssueRequest(parsing: Array(bad.utf8)) }
            #expect(error?.code == .typeMismatch, "\(bad)")
        }
        let duplicate = #expect(throws: JWTError.self) {
            _ = try TokenIssueRequest(parsing: Array(#"{"claims":{"a":1,"a":2}}"#.utf8))
        }
        #expect(duplicate?.code == .duplicateMember)
    }

    @Test("TokenResponse writes the RFC 6749 members in order and reads them back")
    func tokenResponse() throws {
        let response = TokenResponse(accessToken: "a.b.c", refreshToken: "id:secret", expiresIn: 3600)
        #expect(
            response.serialized()
                == #"{"access_token":"a.b.c","refresh_token":"id:secret","expires_in":3600,"token_type":"Bearer"}"#
        )
        #expect(try TokenResponse(parsing: Array(response.serialized().utf8)) == response)
        let error = #expect(throws: JWTError.self) {
            _ = try TokenResponse(
                parsing: Array(#"{"access_token":"a","refresh_token":"r","expires_in":"1","token_type":"Bearer"}"#.utf8)
            )
        }
        #expect(error?.code == .typeMismatch)
    }

    @Test("RefreshGrantRequest reads grant_type first, so an unsupported grant needs no refresh_token")
    func refreshGrant() throws {
        let password = try RefreshGrantRequest(parsing: Array(#"{"grant_type":"password"}"#.utf8))
        #expect(password.grantType == "password" && password.refreshToken == nil)
        let grant = RefreshGrantRequest(refreshToken: "id:secret")
        #expect(grant.serialized() == #"{"grant_type":"refresh_token","refresh_token":"id:secret"}"#)
        #expect(try RefreshGrantRequest(parsing: Array(grant.serialized().utf8)) == grant)
        for bad in [#"{"refresh_token":"x"}"#, #"{"grant_type":1}"#, #"{"grant_type":"refresh_token","x":1}"#] {
            let error = #expect(throws: JWTError.self) { _ = try RefreshGrantRequest(parsing: Array(bad.utf8)) }
            #expect(error?.code == .typeMismatch, "\(bad)")
        }
    }

    @Test("RevokeRequest, VerifyRequest and VerifyResponse decode strictly and round-trip")
    func others() throws {
        let revoke = RevokeRequest(refreshToken: "id:secret")
        #expect(try RevokeRequest(parsing: Array(revoke.serialized().utf8)) == revoke)
        let verify = try VerifyRequest(
            parsing: Array(#"{"oauth_token":{"access_token":"t","id_token":"i","expires_in":3600}}"#.utf8)
        )
        #expect(verify.accessToken == "t")
        #expect(verify.serialized() == #"{"oauth_token":{"access_token":"t"}}"#)
        for bad in [
            #"{"oauth_token":{}}"#, #"{"oauth_token":{"access_token":1}}"#, #"{"oauth_token":"t"}"#, #"{"x":1}"#,
        ] {
            let error = #expect(throws: JWTError.self) { _ = try VerifyRequest(parsing: Array(bad.utf8)) }
            #expect(error?.code == .typeMismatch, "\(bad)")
        }
        #expect(VerifyResponse(success: true).serialized() == #"{"success":true}"#)
        let failure = VerifyResponse(success: false, reason: "Error: Invalid JWT token (expired)")
        #expect(try VerifyResponse(parsing: Array(failure.serialized().utf8)) == failure)
        let error = ErrorResponse(error: "invalid_grant", errorDescription: "the \"x\"")
        #expect(error.serialized() == #"{"error":"invalid_grant","error_description":"the \"x\""}"#)
        #expect(try ErrorResponse(parsing: error.serializedBytes()) == error)
    }
}
