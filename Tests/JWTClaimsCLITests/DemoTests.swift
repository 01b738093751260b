import JWTClaims
import Testing

@testable import jwt_claims

@Suite("Demo")
struct DemoTests {
    @Test("issues the page's 11 claims in its order, with iat now and exp an hour later")
    func originalClaims() {
        let claims = Demo.originalClaims(now: 1_599_177_603)
        #expect(
            claims.names == [
                "aud", "authentication_method", "client_user_id", "exp", "iat", "identifier", "iss", "jti", "scope",
                "sub", "type",
            ]
        )
        #expect(claims.issuedAt == NumericDate(secondsSince1970: 1_599_177_603))
        #expect(claims.expiration == NumericDate(secondsSince1970: 1_599_181_203))
    }

    @Test("shows both tokens: the augmented one has the 14 claims, the 3 added marked, and verifies")
    func report() throws {
        let key = try ES256.PrivateKey()
        let now: Int64 = 1_599_177_603
        let report = try Demo.report(key: key, now: now)
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let augmentedSection = try #require(lines.firstIndex { $0.hasPrefix("3. The augmented token: 14 claims") })
        let tokens = lines.filter { $0.hasPrefix("eyJ") }
        try #require(tokens.count == 2)
        let verifier = JWTVerifier(key: key.publicKey)
        let original = try verifier.verify(tokens[0], now: NumericDate(secondsSince1970: now))
        let augmented = try verifier.verify(tokens[1], now: NumericDate(secondsSince1970: now))
        #expect(original.claims == Demo.originalClaims(now: now))
        #expect(augmented.claims.count == 14)
        #expect(Array(augmented.claims.names.prefix(11)) == original.claims.names)
        #expect(Array(augmented.claims.names.suffix(3)) == ["username", "role", "user_id"])
        #expect(augmented.header.keyID == key.publicKey.thumbprint)
        let claimLines = lines[augmentedSection...].filter { $0.hasPrefix("     ") || $0.hasPrefix("   + ") }
        #expect(claimLines.count == 14)
        #expect(claimLines.filter { $0.hasPrefix("   + ") }.count == 3)
        for name in augmented.claims.names {
            #expect(claimLines.contains { $0.contains("\"\(name)\": ") }, "\(name)")
        }
        #expect(claimLines.contains(#"   +   "user_id": 125"#))
    }
}
