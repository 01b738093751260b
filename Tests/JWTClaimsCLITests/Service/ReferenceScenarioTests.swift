import Foundation
import JWTClaims
import Testing

/// Issue 12's reference scenario against the built `jwt-claims serve`: the claims of the reference page's original
/// token, the page's custom attributes added with a refresh token, then five refresh grants. The reference's own
/// service lost five claims and turned `aud` into an array on this path; every access token here must keep them all.
@Suite("jwt-claims serve: the reference scenario end to end")
struct ReferenceScenarioTests {
    /// The reference page's original payload, less what the service mints itself (`iss`, `aud`, `iat`, `exp`,
    /// `jti` may not be requested; see the server contract).
    static let originalClaims = """
        {"authentication_method":"SOCIAL_LOGIN","client_user_id":"5522261a-ac7e-4d6e-b056-959f612fb34a",\
        "identifier":"putri@cotter.app","scope":"access","sub":"5522261a-ac7e-4d6e-b056-959f612fb34a",\
        "type":"client_access_token"}
        """
    /// The reference page's custom attributes, verbatim.
    static let customAttributes = #"{"username":"helloworld","role":"admin","user_id":125}"#
    /// Claims the service re-mints on every grant; all others must come back unchanged.
    static let mintedPerToken: Set<String> = ["iat", "exp", "jti"]

    @Test("issue, custom with a refresh token, five refreshes: every access token keeps every claim, aud a string")
    func referenceScenario() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signing = try await ServiceKeys.signingKey("signing.pem", in: directory)
        let file = directory.path("api-keys.json")
        let key = try await ServiceKeys.apiKey(file: file, in: directory)
        let service = try await ServiceProcess(
            [
                "--port", "0", "--signing-key", signing, "--api-keys", file, "--store", "memory",
                "--issuer", "https://www.cotter.app",
            ],
            in: directory
        )
        let issued = try await service.post("/api/v0/token/issue", #"{"claims":\#(Self.originalClaims)}"#, key: key)
        try #require(issued.status == 200, "\(issued)")
        let original = try Self.claims(of: try #require(issued.string("access_token")))
        let requested = try JSONObject(parsing: Self.originalClaims)
        for member in requested {
            #expect(original[member.name] == member.value, "issue kept \(member.name)")
        }
        #expect(original["aud"] == .string(key.id))
        #expect(original["iss"] == .string("https://www.cotter.app"))

        let custom = try await service.post(
            "/api/v0/token/custom",
            #"""
            {"token":"\#(try #require(issued.string("access_token")))","custom_attributes":\#(Self.customAttributes),\#
            "refresh_token":"\#(try #require(issued.string("refresh_token")))"}
            """#,
            key: key
        )
        try #require(custom.status == 200, "\(custom)")
        let attributes = try JSONObject(parsing: Self.customAttributes)
        var accessTokens = [try #require(custom.string("token"))]
        var refresh = try #require(custom.string("refresh_token"))
        for round in 1...5 {
            let response = try await service.post(
                "/api/v0/token/\(key.id)",
                #"{"grant_type":"refresh_token","refresh_token":"\#(refresh)"}"#,
                key: nil
            )
            try #require(response.status == 200, "refresh \(round): \(response)")
            accessTokens.append(try #require(response.string("access_token")))
            let next = try #require(response.string("refresh_token"))
            #expect(next != refresh, "refresh \(round) rotated the refresh token")
            refresh = next
        }

        #expect(accessTokens.count == 6)
        for (index, token) in accessTokens.enumerated() {
            let claims = try Self.claims(of: token)
            let label = index == 0 ? "custom's token" : "refresh \(index)'s token"
            // Every original claim, by exact JSON text (numbers keep their text), except the per-token ones,
            // which must still be there and of the right kind.
            for member in original {
                if Self.mintedPerToken.contains(member.name) {
                    #expect(claims[member.name] != nil, "\(label) has \(member.name)")
                } else {
                    #expect(claims[member.name] == member.value, "\(label) kept \(member.name)")
                }
            }
            guard case .string(let audience) = claims["aud"] else {
                Issue.record("\(label): aud is not a string: \(claims["aud"].map { $0.serialized() } ?? "missing")")
                continue
            }
            #expect(audience == key.id)
            for member in attributes {
                #expect(claims[member.name] == member.value, "\(label) carries \(member.name)")
            }
            #expect(claims["user_id"]?.serialized() == "125")
            #expect(claims.count == original.count + attributes.count, "\(label) has no other claims: \(claims)")
        }
        #expect(await service.stop() == 0)
    }

    /// The payload of a compact token, parsed losslessly.
    static func claims(of token: String) throws -> JSONObject {
        try JSONObject(parsing: try ServeEndpointsTests.payload(token))
    }
}
