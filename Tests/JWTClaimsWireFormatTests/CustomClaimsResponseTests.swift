import JWTClaims
import JWTClaimsWireFormat
import Testing

/// The custom-claims endpoint's response body.
@Suite("CustomClaimsResponse")
struct CustomClaimsResponseTests {
    @Test("writes refresh_token, never refresh_tokenn, and accepts only the correct spelling")
    func responseSpelling() throws {
        let response = CustomClaimsResponse(token: "t", refreshToken: "1231:gawgawgaw4yaw")
        #expect(response.serialized() == #"{"token":"t","refresh_token":"1231:gawgawgaw4yaw"}"#)
        #expect(try CustomClaimsResponse(parsing: Array(response.serialized().utf8)) == response)
        #expect(CustomClaimsResponse(token: "t").serialized() == #"{"token":"t"}"#)
        let misspelt = #"{"token":"t","refresh_tokenn":"1231:gawgawgaw4yaw"}"#
        let error = #expect(throws: JWTError.self) { _ = try CustomClaimsResponse(parsing: Array(misspelt.utf8)) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason.contains("refresh_tokenn") == true)
    }

    @Test(
        "refuses a response that is not an object, lacks the token, or mistypes a member",
        arguments: [#"[]"#, #"{}"#, #"{"token":1}"#, #"{"token":"t","refresh_token":null}"#]
    )
    func refusesBadResponses(_ text: String) {
        let error = #expect(throws: JWTError.self) { _ = try CustomClaimsResponse(parsing: Array(text.utf8)) }
        #expect(error?.code == .typeMismatch)
    }
}
