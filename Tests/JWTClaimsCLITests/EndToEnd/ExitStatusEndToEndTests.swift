import Foundation
import JWTClaims
import Testing

@testable import jwt_claims

/// Exit statuses and messages of the built binary: 0, 1 for a refused token, 2 for bad usage or input.
@Suite("jwt-claims end to end: exit statuses")
struct ExitStatusEndToEndTests {
    @Test("0 on success, 1 for a refused token, 2 for bad usage (ArgumentParser's 64 included) and bad input")
    func everyStatus() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("key.pem", Fixtures.sec1PrivateKeyPEM)
        let token = try Fixtures.token()
        async let valid = directory.run("verify", "--key", "key.pem", "--at", Fixtures.insideLifetime, token)
        async let expired = directory.run("verify", "--key", "key.pem", "--at", "1599181203", token)
        async let missingOption = directory.run("verify", token)
        async let unknownCommand = directory.run("frobnicate")
        async let badValue = directory.run("verify", "--key", "key.pem", "--leeway", "soon", token)
        async let badClaims = directory.run("sign", "--key", "key.pem", "--claims", #"{"a":1,"a":2}"#)
        async let help = directory.run("verify", "--help")
        #expect(try await valid.status == 0)
        #expect(try await expired.status == 1)
        for output in try await [missingOption, unknownCommand, badValue] {
            #expect(output.status == 2, "\(output)")
            #expect(output.standardError.hasPrefix("error: "), "\(output)")
            #expect(output.standardError.contains("Usage: jwt-claims"), "\(output)")
        }
        let badClaimsOutput = try await badClaims
        #expect(badClaimsOutput.status == 2)
        #expect(badClaimsOutput.standardError.hasPrefix("error: --claims: "), "\(badClaimsOutput)")
        #expect(badClaimsOutput.standardError.contains("\"a\""), "\(badClaimsOutput)")
        let helpOutput = try await help
        #expect(helpOutput.status == 0)
        #expect(helpOutput.standardOutput.contains("USAGE: jwt-claims verify"))
    }

    /// A token `verify` must refuse with status 1, the flags that make it so, and a fragment of the reason.
    struct Refusal: CustomTestStringConvertible, Sendable {
        let name: String
        let token: @Sendable () throws -> String
        let flags: [String]
        let reason: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(
            name: "another key's signature",
            token: { try JWTSigner(key: ES256.PrivateKey()).sign(ClaimSet(parsing: Fixtures.claims)) },
            flags: [],
            reason: "the signature does not verify"
        ),
        Refusal(
            name: "expired, exactly at exp",
            token: { try Fixtures.token() },
            flags: ["--at", "1599181203"],
            reason: "the token expired at 1599181203"
        ),
        Refusal(
            name: "expired, a fractional exp",
            token: { try Fixtures.token(claims: #"{"exp":1599181203.25}"#) },
            flags: ["--at", "1599181203.25"],
            reason: "expired"
        ),
        Refusal(
            name: "not valid yet",
            token: { try Fixtures.token(claims: #"{"nbf":1599180001}"#) },
            flags: ["--at", "1599180000", "--leeway", "0.999"],
            reason: "not valid before 1599180001"
        ),
        Refusal(
            name: "issued in the future",
            token: { try Fixtures.token() },
            flags: ["--at", "1599177602"],
            reason: "issued in the future"
        ),
        Refusal(
            name: "wrong audience",
            token: { try Fixtures.token() },
            flags: ["--audience", "other-api", "--audience", "third-api"],
            reason: #"names none of "other-api", "third-api""#
        ),
        Refusal(
            name: "wrong issuer",
            token: { try Fixtures.token() },
            flags: ["--issuer", "https://evil.example"],
            reason: #"the token's "iss" is "https://www.cotter.app""#
        ),
        Refusal(name: "wrong typ", token: { try Fixtures.token() }, flags: ["--typ", "at+jwt"], reason: #""typ""#),
        Refusal(
            name: "a required claim missing",
            token: { try Fixtures.token() },
            flags: ["--require", "nonce"],
            reason: #"no "nonce" claim"#
        ),
        Refusal(name: "malformed", token: { "not-a-token" }, flags: [], reason: "segment"),
        Refusal(
            name: "alg none",
            token: {
                let header = Base64URL.encode(Array(#"{"alg":"none"}"#.utf8))
                let payload = Base64URL.encode(Array(Fixtures.claims.utf8))
                return "\(header).\(payload).\(String(repeating: "A", count: 86))"
            },
            flags: [],
            reason: #""alg" is "none""#
        ),
        Refusal(name: "a trailing space", token: { try Fixtures.token() + " " }, flags: [], reason: "offset"),
        Refusal(
            name: "over the size limit",
            token: { try Fixtures.token(claims: #"{"pad":"\#(String(repeating: "p", count: 13000))"}"#) },
            flags: [],
            reason: "the limit is 16384"
        ),
    ]

    @Test("a refused token exits 1 and the message names the reason", arguments: refusals)
    func refused(_ refusal: Refusal) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("key.pem", Fixtures.spkiPublicKeyPEM)
        var arguments = ["verify", "--key", "key.pem"]
        if !refusal.flags.contains("--at") { arguments += ["--at", Fixtures.insideLifetime] }
        let output = try await directory.run(arguments + refusal.flags + [refusal.token()], inputBytes: nil)
        #expect(output.status == 1, "\(output)")
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.hasPrefix("error: "), "\(output)")
        #expect(output.standardError.contains(refusal.reason), "\(output)")
        #expect(output.standardError.split(separator: "\n").count == 1, "one line, no stack trace")
    }

    @Test("time is compared exactly: a millisecond before exp is valid, and a leeway counts")
    func exactTime() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("key.pem", Fixtures.spkiPublicKeyPEM)
        let token = try Fixtures.token()
        async let justBefore = directory.run("verify", "--key", "key.pem", "--at", "1599181202.999", token)
        async let withLeeway = directory.run(
            "verify",
            "--key",
            "key.pem",
            "--at",
            "1599181203",
            "--leeway",
            "0.001",
            token
        )
        async let pastLeeway = directory.run(
            "verify",
            "--key",
            "key.pem",
            "--at",
            "1599181203.001",
            "--leeway",
            "0.001",
            token
        )
        async let typ = directory.run(
            "verify",
            "--key",
            "key.pem",
            "--at",
            "1599180000",
            "--typ",
            "application/JWT",
            token
        )
        #expect(try await justBefore.status == 0)
        #expect(try await withLeeway.status == 0)
        #expect(try await pastLeeway.status == 1)
        #expect(try await typ.status == 0)
    }

    @Test("a key file of each format verifies (and a private one signs)", arguments: KeyFileTests.formats)
    func keyFormats(_ format: KeyFileTests.Format) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("key", bytes: format.content())
        let token = try Fixtures.token(keyID: "k1")
        let verified = try await directory.run("verify", "--key", "key", "--at", Fixtures.insideLifetime, token)
        #expect(verified.status == 0, "\(verified)")
        #expect(verified.outputLines == [Fixtures.claims])
        if format.selectsByKeyID {
            let otherKeyID = try await directory.run(
                "verify",
                "--key",
                "key",
                "--at",
                Fixtures.insideLifetime,
                Fixtures.token(keyID: "k9")
            )
            #expect(otherKeyID.status == 1)
            #expect(otherKeyID.standardError.contains(#"kid "k9""#), "\(otherKeyID)")
        }
        if format.kind == .privateKey {
            let signed = try await directory.run("sign", "--key", "key", "--claims", #"{"sub":"x"}"#)
            #expect(signed.status == 0, "\(signed)")
            let claims = try JWTVerifier(key: Fixtures.key().publicKey)
                .verify(signed.outputLines.joined(), now: NumericDate(secondsSince1970: 0)).claims
            #expect(claims.serialized() == #"{"sub":"x"}"#)
        }
    }

    /// A bad key file (or none) and a fragment of the message after its name.
    struct BadKey: CustomTestStringConvertible, Sendable {
        let name: String
        let content: String?
        let command: String
        let reason: String
        var testDescription: String { name }
    }

    @Test(
        "a bad key file exits 2 with a message naming the file",
        arguments: [
            BadKey(name: "missing", content: nil, command: "verify", reason: "No such file or directory"),
            BadKey(name: "empty", content: "", command: "verify", reason: "is empty"),
            BadKey(name: "not a key", content: "hello\n", command: "verify", reason: "is not a key"),
            BadKey(
                name: "truncated PEM",
                content: String(Fixtures.sec1PrivateKeyPEM.prefix(80)),
                command: "verify",
                reason: "-----END EC PRIVATE KEY-----"
            ),
            BadKey(name: "invalid JSON", content: #"{"kty":}"#, command: "verify", reason: "offset"),
            BadKey(name: "RSA JWK", content: #"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#, command: "verify", reason: "RSA"),
            BadKey(
                name: "JWK Set with no usable key",
                content: #"{"keys":[]}"#,
                command: "verify",
                reason: "no usable key"
            ),
            BadKey(
                name: "public key for signing",
                content: Fixtures.spkiPublicKeyPEM,
                command: "sign",
                reason: "holds a public key"
            ),
        ]
    )
    func badKeyFile(_ bad: BadKey) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        if let content = bad.content { try directory.write("the-key.pem", content) }
        let arguments =
            bad.command == "sign"
            ? ["sign", "--key", "the-key.pem", "--claims", "{}"]
            : ["verify", "--key", "the-key.pem", try Fixtures.token()]
        let output = try await directory.run(arguments, inputBytes: nil)
        #expect(output.status == 2, "\(output)")
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.hasPrefix("error: "), "\(output)")
        #expect(output.standardError.contains("'the-key.pem'"), "\(output)")
        #expect(output.standardError.contains(bad.reason), "\(output)")
    }

    @Test("a directory or an unreadable claims file is bad input too")
    func badInputs() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("key.pem", Fixtures.sec1PrivateKeyPEM)
        try FileManager.default.createDirectory(atPath: directory.path("folder"), withIntermediateDirectories: false)
        async let folderKey = directory.run("verify", "--key", "folder", "x")
        async let missingClaims = directory.run("sign", "--key", "key.pem", "--claims-file", "absent.json")
        async let arrayClaims = directory.run("sign", "--key", "key.pem", "--claims", "[1]")
        async let missingBatch = directory.run("verify", "--key", "key.pem", "--jsonl", "absent.jsonl")
        let folder = try await folderKey
        #expect(folder.status == 2)
        #expect(folder.standardError == "error: cannot read key file 'folder': Is a directory\n")
        let claims = try await missingClaims
        #expect(claims.status == 2)
        #expect(claims.standardError == "error: cannot read claims file 'absent.json': No such file or directory\n")
        let array = try await arrayClaims
        #expect(array.status == 2)
        #expect(array.standardError.hasPrefix("error: --claims: "), "\(array)")
        let batch = try await missingBatch
        #expect(batch.status == 2)
        #expect(batch.standardOutput.isEmpty)
        #expect(batch.standardError == "error: cannot read token file 'absent.jsonl': No such file or directory\n")
    }
}
