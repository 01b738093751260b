import JWTClaims
import JWTClaimsWireFormat
import Testing

/// The custom-claims endpoint's request body.
@Suite("CustomClaimsRequest")
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

    @Test(
        "an unknown member's name is quoted, escaped and cut short in the reason",
        .bug(id: 11, "the unknown-member error put the sender's member name into the reason raw (log injection)")
    )
    func unknownMemberIsQuoted() throws {
        let name = "x\"\n2026-01-01 INFO admin logged in\r\n\u{1B}[31m" + String(repeating: "A", count: 100_000)
        let body = JSONValue.object(["token": "t", "custom_attributes": [:], .init(name): 1]).serialized()
        var options = JSONParsingOptions()
        options.maximumStringLength = 1 << 20  // let the name reach the body check, not the parser's bound
        let error = #expect(throws: JWTError.self) {
            _ = try CustomClaimsRequest(parsing: Array(body.utf8), options: options)
        }
        #expect(error?.code == .typeMismatch)
        let reason = try #require(error?.reason)
        #expect(!reason.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(reason)")
        #expect(
            reason.hasPrefix(
                #"the request body has an unknown member "x\"\n2026-01-01 INFO admin logged in\r\n\u001B[31m"#
            )
        )
        #expect(reason.contains("… (\(name.utf8.count) bytes)"))
        #expect(reason.hasSuffix(#"allowed: "custom_attributes", "refresh_token", "token""#))
        #expect(reason.utf8.count < 300, "\(reason.utf8.count) bytes")
    }
}
