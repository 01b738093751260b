import JWTClaims
import Testing

@Suite("Reference API bodies")
struct CustomClaimsRequestTests {
    @Test("decodes the reference request, with and without a refresh token")
    func decodesRequest() throws {
        let text =
            #"{"token":"eyJ.a.b","custom_attributes":{"username":"helloworld","role":"admin","user_id":125},"#
            + #""refresh_token":"1234:wfawgaw4gaw4gaw"}"#
        let request = try CustomClaimsRequest(parsing: Array(text.utf8))
        #expect(request.token == "eyJ.a.b")
        #expect(request.customAttributes.names == ["username", "role", "user_id"])
        #expect(request.refreshToken == "1234:wfawgaw4gaw4gaw")
        #expect(request.serialized() == text)
        let withoutRefresh = try CustomClaimsRequest(parsing: Array(#"{"token":"t","custom_attributes":{}}"#.utf8))
        #expect(withoutRefresh.refreshToken == nil)
    }

    @Test(
        "refuses a request that is missing a member, mistypes one, or has an unknown one",
        arguments: [
            #"{"custom_attributes":{}}"#, #"{"token":"t"}"#, #"{"token":1,"custom_attributes":{}}"#,
            #"{"token":"t","custom_attributes":[]}"#, #"{"token":"t","custom_attributes":{},"refresh_token":5}"#,
            #"{"token":"t","custom_attributes":{},"refresh_tokenn":"1:x"}"#, #"[]"#,
        ]
    )
    func refusesBadRequests(_ text: String) {
        let error = #expect(throws: JWTError.self) { _ = try CustomClaimsRequest(parsing: Array(text.utf8)) }
        #expect(error?.code == .typeMismatch)
    }

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
}
