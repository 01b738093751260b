import Foundation
import JWTClaims
import Testing

/// The README's quick start, compiled and run here so that it cannot go stale: the code between the markers below
/// must equal the README's "Quick start" Swift block (less its import line), and it must run and do what its
/// comments say.
@Suite("README quick start")
struct ReadmeQuickStartTests {
    @Test("runs and does what it says")
    func quickStartRuns() throws {
        // quick-start-begin
        // The issuer's key: generate it once, store `issuerKey.pemRepresentation`, load it at start-up.
        let issuerKey = try ES256.PrivateKey()
        let signer = JWTSigner(key: issuerKey, keyID: issuerKey.publicKey.thumbprint)
        let verifier = JWTVerifier(
            key: issuerKey.publicKey,
            options: JWTValidationOptions(issuers: ["https://auth.example"], audiences: ["my-api"])
        )
        let now = NumericDate(secondsSince1970: 1_800_000_000)  // or NumericDate(Date())

        // Sign.
        var claims = ClaimSet()
        claims.issuer = "https://auth.example"
        claims.subject = "user-1"
        claims.audience = .single("my-api")
        claims.expiration = NumericDate(secondsSince1970: 1_800_003_600)
        let token = try signer.sign(claims)

        // Verify: signature, alg, kid, exp/nbf/iat, issuer and audience.
        let verified = try verifier.verify(token, now: now)
        print(verified.claims.subject ?? "")  // user-1

        // Augment: add custom claims; every original claim stays exactly as it was.
        let userID = 125  // a run-time value; JSONValue(_:) also takes doubles, strings and booleans
        let augmenter = ClaimsAugmenter(verifier: verifier, signer: signer)
        let result = try augmenter.augment(token, with: ["role": "admin", "user_id": JSONValue(userID)], now: now)
        print(result.report.added)  // ["role", "user_id"]
        print(result.claims.serialized())
        // {"iss":"https://auth.example","sub":"user-1","aud":"my-api","exp":1800003600,"role":"admin","user_id":125}

        // Codable: claims into your own types and back, numbers exact, order kept.
        struct Access: Codable {
            var sub: String
            var role: String
        }
        let access = try result.claims.decode(Access.self)  // Access(sub: "user-1", role: "admin")
        let viewer = try ClaimSet(encoding: Access(sub: "user-2", role: "viewer"))  // {"sub":"user-2","role":"viewer"}
        // quick-start-end

        #expect(verified.claims.subject == "user-1")
        #expect(result.report.added == ["role", "user_id"])
        #expect(
            result.claims.serialized()
                == #"{"iss":"https://auth.example","sub":"user-1","aud":"my-api","exp":1800003600,"role":"admin","user_id":125}"#
        )
        #expect(try verifier.verify(result.token, now: now).claims == result.claims)
        #expect(access.sub == "user-1")
        #expect(access.role == "admin")
        #expect(viewer.serialized() == #"{"sub":"user-2","role":"viewer"}"#)
    }

    @Test("is the code the README shows")
    func readmeShowsThisCode() throws {
        let testFile = try String(contentsOfFile: #filePath, encoding: .utf8)
        let readmeURL = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let readme = try String(contentsOf: readmeURL, encoding: .utf8)

        let begin = "// quick-start-" + "begin\n"
        let end = "// quick-start-" + "end"
        let start = try #require(testFile.range(of: begin))
        let stop = try #require(testFile.range(of: end, range: start.upperBound..<testFile.endIndex))
        let tested = Self.normalized(String(testFile[start.upperBound..<stop.lowerBound]))

        let section = try #require(readme.range(of: "## Quick start"))
        let blockStart = try #require(readme.range(of: "```swift\n", range: section.upperBound..<readme.endIndex))
        let blockEnd = try #require(readme.range(of: "```", range: blockStart.upperBound..<readme.endIndex))
        let shown = Self.normalized(
            String(readme[blockStart.upperBound..<blockEnd.lowerBound]).replacingOccurrences(
                of: "import JWTClaims\n",
                with: ""
            )
        )
        #expect(shown == tested)
    }

    /// The lines without their indentation, blank lines dropped.
    static func normalized(_ code: String) -> [String] {
        code.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
