import Foundation
import JWTClaims
import JWTClaimsWireFormat
import Testing

/// `augment` through the built binary: the header rules, the policy flags, and their exit statuses.
@Suite("jwt-claims end to end: augment")
struct AugmentEndToEndTests {
    private static let now = NumericDate(secondsSince1970: 1_599_180_000)

    private static func setUp(_ directory: TemporaryDirectory) throws -> String {
        try directory.write("issuer.pub", Fixtures.spkiPublicKeyPEM)
        try directory.write("signer.jwk", Fixtures.jwk(try Fixtures.key().jwk, adding: [("kid", "issuer-2")]))
        return try JWTSigner(key: Fixtures.key(), keyID: "issuer-1")
            .sign(ClaimSet(parsing: Fixtures.claims), type: "at+jwt")
    }

    private static func augment(
        _ directory: TemporaryDirectory,
        _ token: String,
        _ attributes: String,
        _ flags: String...
    ) async throws -> CLIProcess.Output {
        try await directory.run(
            [
                "augment", "--token", token, "--claims", attributes, "--verify-key", "issuer.pub", "--signing-key",
                "signer.jwk", "--at", "1599180000",
            ] + flags,
            inputBytes: nil
        )
    }

    @Test("the new header has alg, the original typ and the signer's kid; the original kid is not carried over")
    func header() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let token = try Self.setUp(directory)
        async let fromJWK = Self.augment(directory, token, #"{"role":"admin"}"#)
        async let fromFlag = Self.augment(directory, token, #"{"role":"admin"}"#, "--kid", "override")
        for (output, keyID) in [(try await fromJWK, "issuer-2"), (try await fromFlag, "override")] {
            #expect(output.status == 0, "\(output)")
            let result = try CustomClaimsResponse(parsing: Array(output.standardOutput.utf8))
            #expect(output.standardOutput == result.serialized() + "\n")
            let decoded = try UnverifiedJWT(decoding: result.token)
            #expect(decoded.header.members.serialized() == #"{"alg":"ES256","typ":"at+jwt","kid":"\#(keyID)"}"#)
            #expect(decoded.claims.serialized() == String(Fixtures.claims.dropLast()) + #","role":"admin"}"#)
        }
    }

    @Test("protected names are bad input, all listed at once; --on-protected ignore leaves them untouched")
    func protectedClaims() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let token = try Self.setUp(directory)
        let attributes = #"{"sub":"admin","role":"admin","exp":9999999999,"tenant":"t1"}"#
        async let rejected = Self.augment(directory, token, attributes, "--protect", "tenant")
        async let ignored = Self.augment(directory, token, attributes, "--on-protected", "ignore")
        let rejectedOutput = try await rejected
        #expect(rejectedOutput.status == 2)
        #expect(rejectedOutput.standardError.contains(#""sub", "exp", "tenant""#), "\(rejectedOutput)")
        let ignoredOutput = try await ignored
        #expect(ignoredOutput.status == 0, "\(ignoredOutput)")
        let claims = try UnverifiedJWT(
            decoding: CustomClaimsResponse(parsing: Array(ignoredOutput.standardOutput.utf8)).token
        ).claims
        #expect(claims.subject == "5522261a")
        #expect(claims.expiration == NumericDate(secondsSince1970: 1_599_181_203))
        #expect(claims["role"] == "admin")
        #expect(claims["tenant"] == "t1")
    }

    @Test("existing claims: replace in place by default, refuse with exit 2, or keep; null can remove")
    func existingClaims() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let token = try Self.setUp(directory)
        async let replaced = Self.augment(directory, token, #"{"f":2,"big":null}"#)
        async let refused = Self.augment(directory, token, #"{"f":2,"big":1}"#, "--on-existing", "reject")
        async let kept = Self.augment(directory, token, #"{"f":2}"#, "--on-existing", "keep")
        async let removed = Self.augment(directory, token, #"{"big":null}"#, "--null", "remove")
        func claims(_ output: CLIProcess.Output) throws -> String {
            try UnverifiedJWT(decoding: CustomClaimsResponse(parsing: Array(output.standardOutput.utf8)).token)
                .claims.serialized()
        }
        #expect(
            try claims(await replaced)
                == Fixtures.claims.replacingOccurrences(of: "12345678901234567890", with: "null")
                .replacingOccurrences(of: "1.50", with: "2")
        )
        let refusedOutput = try await refused
        #expect(refusedOutput.status == 2)
        #expect(refusedOutput.standardError.contains(#""f", "big""#), "\(refusedOutput)")
        #expect(try claims(await kept) == Fixtures.claims)
        #expect(
            try claims(await removed)
                == Fixtures.claims.replacingOccurrences(of: #","big":12345678901234567890"#, with: "")
        )
    }

    @Test("a refused original token exits 1; an over-large result and bad attributes exit 2")
    func statuses() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let token = try Self.setUp(directory)
        let expiredToken = try Fixtures.token(claims: #"{"exp":1599179999}"#)
        async let expired = Self.augment(directory, expiredToken, #"{"role":"admin"}"#)
        async let tooLarge = Self.augment(directory, token, #"{"role":"admin"}"#, "--max-token-size", "300")
        async let notObject = Self.augment(directory, token, #"["role"]"#)
        async let tooBig = Self.augment(directory, token, #"{"role":"admin"}"#, "--max-attributes-size", "5")
        let expiredOutput = try await expired
        #expect(expiredOutput.status == 1)
        #expect(expiredOutput.standardError.contains("expired"))
        let tooLargeOutput = try await tooLarge
        #expect(tooLargeOutput.status == 2)
        #expect(tooLargeOutput.standardError.contains("the limit is 300"), "\(tooLargeOutput)")
        #expect(try await notObject.status == 2)
        #expect(try await tooBig.status == 2)
    }
}
