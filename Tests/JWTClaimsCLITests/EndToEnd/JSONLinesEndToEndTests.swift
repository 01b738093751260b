import Foundation
import JWTClaims
import JWTClaimsWireFormat
import Testing

@testable import jwt_claims

/// `--jsonl` batches through the built binary: exact output lines, in order, one per input line.
@Suite("jwt-claims end to end: --jsonl")
struct JSONLinesEndToEndTests {
    private static let now = NumericDate(secondsSince1970: 1_599_180_000)

    /// The `{"error":...}` line for the library's reason.
    private static func errorLine(_ body: () throws -> Void) -> String {
        do {
            try body()
            Issue.record("expected a refusal")
            return ""
        } catch let error as JWTError {
            return JSONLines.errorLine(error.reason)
        } catch {
            Issue.record("unexpected \(error)")
            return ""
        }
    }

    @Test("verify: good, forged, empty, CR LF, trailing-space, malformed and expired lines give exact lines in order")
    func verifyBatch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("key.pub", Fixtures.spkiPublicKeyPEM)
        let verifier = JWTVerifier(key: try Fixtures.key().publicKey)
        let good = try Fixtures.token()
        let forged = try JWTSigner(key: ES256.PrivateKey()).sign(ClaimSet(parsing: Fixtures.claims))
        let expired = try Fixtures.token(claims: #"{"exp":1599179999,"sub":"x"}"#)
        let lines = [good, forged, "", good + "\r", good + " ", "a.b", expired, "\u{2028}" + good, good]
        try directory.write("tokens.jsonl", lines.joined(separator: "\n"))
        let output = try await directory.run(
            "verify",
            "--key",
            "key.pub",
            "--at",
            "1599180000",
            "--jsonl",
            "tokens.jsonl"
        )
        let expected = [
            Fixtures.claims,
            Self.errorLine { _ = try verifier.verify(forged, now: Self.now) },
            #"{"error":"the line is empty"}"#,
            Fixtures.claims,
            Self.errorLine { _ = try verifier.verify(good + " ", now: Self.now) },
            Self.errorLine { _ = try verifier.verify("a.b", now: Self.now) },
            Self.errorLine { _ = try verifier.verify(expired, now: Self.now) },
            Self.errorLine { _ = try verifier.verify("\u{2028}" + good, now: Self.now) },
            Fixtures.claims,
        ]
        #expect(output.outputLines == expected)
        #expect(expected[1] == #"{"error":"the signature does not verify with the configured key"}"#)
        #expect(output.status == 1)
        #expect(output.standardError == "error: 6 of 9 lines were refused\n")

        let clean = try await directory.run(
            ["verify", "--key", "key.pub", "--at", "1599180000", "--jsonl", "-"],
            inputBytes: Array("\(good)\r\n\(good)\r\n".utf8)
        )
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.outputLines == [Fixtures.claims, Fixtures.claims])
        #expect(clean.standardError.isEmpty)
    }

    @Test("sign: each line's claims become a token, and bad lines an error, in order")
    func signBatch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("key.pem", Fixtures.sec1PrivateKeyPEM)
        let input = "{\"a\":1}\n[1]\n\n{\"a\":\n{\"b\":2.50}\r\n {\"c\":3} "
        let output = try await directory.run(
            ["sign", "--key", "key.pem", "--kid", "k1", "--jsonl", "-"],
            inputBytes: Array(input.utf8)
        )
        #expect(output.status == 1)
        let lines = output.outputLines
        try #require(lines.count == 6)
        #expect(lines[1] == Self.errorLine { _ = try ClaimSet(parsing: "[1]") })
        #expect(lines[2] == #"{"error":"the line is empty"}"#)
        #expect(lines[3] == Self.errorLine { _ = try ClaimSet(parsing: #"{"a":"#) })
        let verifier = JWTVerifier(key: try Fixtures.key().publicKey)
        for (index, claims) in [(0, #"{"a":1}"#), (4, #"{"b":2.50}"#), (5, #"{"c":3}"#)] {
            let body = try CustomClaimsResponse(parsing: Array(lines[index].utf8))
            let verified = try verifier.verify(body.token, now: Self.now)
            #expect(verified.claims.serialized() == claims)
            #expect(verified.header.keyID == "k1")
        }
        #expect(output.standardError == "error: 3 of 6 lines were refused\n")
    }

    @Test("decode: one {\"header\",\"claims\"} line per token, one warning, malformed lines refused")
    func decodeBatch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = try Fixtures.token(keyID: "k1")
        let header = #"{"alg":"ES256","typ":"JWT","kid":"k1"}"#
        let output = try await directory.run(
            ["decode", "--jsonl"],
            inputBytes: Array("\(good)\nx.y.z\n\(good)".utf8)
        )
        #expect(
            output.outputLines == [
                #"{"header":\#(header),"claims":\#(Fixtures.claims)}"#,
                Self.errorLine { _ = try UnverifiedJWT(decoding: "x.y.z") },
                #"{"header":\#(header),"claims":\#(Fixtures.claims)}"#,
            ]
        )
        #expect(output.status == 1)
        #expect(output.standardError.components(separatedBy: "without verifying").count == 2)
    }

    @Test("augment: --token names the file of tokens; refused lines give errors and exit 1")
    func augmentBatch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("key.pem", Fixtures.sec1PrivateKeyPEM)
        let good = try Fixtures.token()
        let expired = try Fixtures.token(claims: #"{"exp":1599179999}"#)
        try directory.write("tokens.jsonl", "\(good)\n\(expired)\n\n\(good)\n")
        let output = try await directory.run(
            "augment",
            "--token",
            "tokens.jsonl",
            "--jsonl",
            "--claims",
            #"{"role":"admin"}"#,
            "--verify-key",
            "key.pem",
            "--signing-key",
            "key.pem",
            "--at",
            "1599180000"
        )
        #expect(output.status == 1)
        let lines = output.outputLines
        try #require(lines.count == 4)
        #expect(
            lines[1]
                == Self.errorLine { _ = try JWTVerifier(key: Fixtures.key().publicKey).verify(expired, now: Self.now) }
        )
        #expect(lines[2] == #"{"error":"the line is empty"}"#)
        for index in [0, 3] {
            let token = try CustomClaimsResponse(parsing: Array(lines[index].utf8)).token
            let claims = try JWTVerifier(key: Fixtures.key().publicKey).verify(token, now: Self.now).claims
            #expect(claims.serialized() == String(Fixtures.claims.dropLast()) + #","role":"admin"}"#)
        }
    }

    @Test("a line longer than the token limit is refused by its length, and the batch goes on")
    func overlongLine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = try Fixtures.token()
        let output = try await directory.run(
            ["decode", "--jsonl", "--max-token-size", "400"],
            inputBytes: Array("\(String(repeating: "A", count: 1000))\n\(good)\n".utf8)
        )
        #expect(output.outputLines.first == #"{"error":"the line is 1000 bytes; the limit is 400"}"#)
        #expect(output.outputLines.count == 2)
        #expect(output.outputLines.last?.hasPrefix(#"{"header":"#) == true)
    }
}
