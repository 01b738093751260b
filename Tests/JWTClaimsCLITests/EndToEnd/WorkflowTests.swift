import Foundation
import JWTClaims
import JWTClaimsWireFormat
import Testing

/// The built `jwt-claims` binary, run as a user would: the commands together, standard input, demo and speed.
@Suite("jwt-claims end to end: workflow")
struct WorkflowTests {
    @Test("keygen, sign, verify, decode, augment and thumbprint work together on files")
    func together() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keygen = try await directory.run(
            "keygen",
            "--format",
            "jwk",
            "--kid",
            "thumbprint",
            "--private-out",
            "issuer.jwk",
            "--public-out",
            "issuer.pub.jwk"
        )
        #expect(keygen.status == 0, "\(keygen)")
        #expect(keygen.standardOutput.isEmpty)
        let publicJWK = try JSONObject(parsing: directory.read("issuer.pub.jwk"))
        let keyID = try #require(publicJWK["kid"]?.stringValue)
        let thumbprint = try await directory.run("thumbprint", "--key", "issuer.jwk")
        #expect(thumbprint.outputLines == [keyID])
        #expect(try ES256.PublicKey(jwk: publicJWK).thumbprint == keyID)

        let signed = try await directory.run("sign", "--key", "issuer.jwk", "--claims", Fixtures.claims)
        #expect(signed.status == 0, "\(signed)")
        let token = try #require(signed.outputLines.first)
        #expect(signed.outputLines.count == 1)

        async let verified = directory.run(
            "verify",
            "--key",
            "issuer.pub.jwk",
            "--at",
            Fixtures.insideLifetime,
            "--audience",
            "a4471794-8ee8-4d88-b321-5f7a22803d43",
            "--issuer",
            "https://www.cotter.app",
            token
        )
        async let decoded = directory.run("decode", token)
        async let augmented = directory.run(
            "augment",
            "--token",
            token,
            "--claims",
            #"{"username":"helloworld","role":"admin","user_id":125}"#,
            "--verify-key",
            "issuer.pub.jwk",
            "--signing-key",
            "issuer.jwk",
            "--at",
            Fixtures.insideLifetime
        )

        let verifyOutput = try await verified
        #expect(verifyOutput.status == 0, "\(verifyOutput)")
        #expect(verifyOutput.outputLines == [Fixtures.claims], "claims exactly as signed: order and number text")
        #expect(verifyOutput.standardError.isEmpty)

        let decodeOutput = try await decoded
        #expect(decodeOutput.status == 0, "\(decodeOutput)")
        #expect(
            decodeOutput.outputLines == [
                #"{"header":{"alg":"ES256","typ":"JWT","kid":"\#(keyID)"},"claims":\#(Fixtures.claims)}"#
            ]
        )
        #expect(decodeOutput.standardError.contains("without verifying"))

        let augmentOutput = try await augmented
        #expect(augmentOutput.status == 0, "\(augmentOutput)")
        let response = try CustomClaimsResponse(parsing: Array(augmentOutput.standardOutput.utf8))
        let reverified = try await directory.run(
            "verify",
            "--key",
            "issuer.pub.jwk",
            "--at",
            Fixtures.insideLifetime,
            response.token
        )
        #expect(
            reverified.outputLines == [
                String(Fixtures.claims.dropLast()) + #","username":"helloworld","role":"admin","user_id":125}"#
            ]
        )
    }

    @Test("reads claims and tokens from standard input, removing one trailing \\n or \\r\\n only")
    func standardInput() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("key.pem", Fixtures.sec1PrivateKeyPEM)
        let signed = try await directory.run("sign", "--key", "key.pem", "-", input: Fixtures.claims + "\n")
        #expect(signed.status == 0, "\(signed)")
        let token = try #require(signed.outputLines.first)

        async let plain = directory.run("verify", "--key", "key.pem", "--at", Fixtures.insideLifetime, input: token)
        async let newline = directory.run(
            "verify",
            "--key",
            "key.pem",
            "--at",
            Fixtures.insideLifetime,
            "-",
            input: token + "\n"
        )
        async let crlf = directory.run(
            "verify",
            "--key",
            "key.pem",
            "--at",
            Fixtures.insideLifetime,
            input: token + "\r\n"
        )
        async let twoNewlines = directory.run(
            "verify",
            "--key",
            "key.pem",
            "--at",
            Fixtures.insideLifetime,
            input: token + "\n\n"
        )
        async let space = directory.run(
            "verify",
            "--key",
            "key.pem",
            "--at",
            Fixtures.insideLifetime,
            input: token + " \n"
        )
        async let decoded = directory.run("decode", "-", input: token + "\r\n")
        async let augmented = directory.run(
            "augment",
            "--token",
            "-",
            "--claims",
            #"{"role":"admin"}"#,
            "--verify-key",
            "key.pem",
            "--signing-key",
            "key.pem",
            "--at",
            Fixtures.insideLifetime,
            input: token + "\n"
        )
        for output in try await [plain, newline, crlf] {
            #expect(output.status == 0, "\(output)")
            #expect(output.outputLines == [Fixtures.claims])
        }
        for output in try await [twoNewlines, space] {
            #expect(output.status == 1, "\(output)")
            #expect(output.standardError.hasPrefix("error: "))
            #expect(output.standardOutput.isEmpty)
        }
        #expect(try await decoded.status == 0)
        let augmentOutput = try await augmented
        #expect(augmentOutput.status == 0, "\(augmentOutput)")
        #expect(augmentOutput.standardOutput.hasPrefix(#"{"token":"eyJ"#))
    }

    @Test("demo needs no arguments or files and shows the 14 claims, the 3 added ones marked")
    func demo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = try await directory.run("demo")
        #expect(output.status == 0, "\(output)")
        #expect(output.standardError.isEmpty)
        let lines = output.outputLines
        let section = try #require(lines.firstIndex { $0.hasPrefix("3. The augmented token: 14 claims") })
        let claimLines = lines[section...].filter { $0.hasPrefix("     ") || $0.hasPrefix("   + ") }
        let names = [
            "aud", "authentication_method", "client_user_id", "exp", "iat", "identifier", "iss", "jti", "scope", "sub",
            "type", "username", "role", "user_id",
        ]
        #expect(claimLines.count == 14)
        for (line, name) in zip(claimLines, names) {
            #expect(line.contains("\"\(name)\": "), "\(line)")
        }
        #expect(claimLines.suffix(3).allSatisfy { $0.hasPrefix("   + ") })
        #expect(claimLines.contains(#"   +   "user_id": 125"#))
        #expect(lines.filter { $0.hasPrefix("eyJ") }.count == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(files.allSatisfy { $0.hasPrefix(".std") }, "demo wrote \(files)")
    }

    @Test("speed --seconds 0.2 prints operations per second for sign, verify, cached verify, augment and decode")
    func speed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = try await directory.run("speed", "--seconds", "0.2")
        #expect(output.status == 0, "\(output)")
        let rows = output.outputLines.dropFirst().map { $0.split(separator: " ") }
        // A row is its name (one or more words: "verify (cached)") and then its numbers.
        let names = rows.map { row in row.prefix { Double($0) == nil }.joined(separator: " ") }
        #expect(names == ["sign", "verify", "verify (cached)", "augment", "decode"])
        for row in rows {
            let numbers = row.dropFirst().compactMap { Double($0) }
            #expect(numbers.count == 3, "\(row)")
            #expect(numbers.allSatisfy { $0 > 0 }, "\(row)")
        }
    }
}
