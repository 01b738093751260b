import Foundation
import JWTClaims
import Testing

/// `keygen` through the built binary: output, file modes, and never overwriting without --force.
@Suite("jwt-claims end to end: keygen")
struct KeygenEndToEndTests {
    private static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test("without files it prints the private key: PEM by default, or a JWK with the thumbprint as kid")
    func standardOutput() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        async let pem = directory.run("keygen")
        async let jwk = directory.run("keygen", "--format", "jwk", "--kid", "thumbprint")
        let pemOutput = try await pem
        #expect(pemOutput.status == 0)
        _ = try ES256.PrivateKey(pemRepresentation: pemOutput.standardOutput)
        #expect(pemOutput.standardOutput.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let jwkOutput = try await jwk
        let object = try JSONObject(parsing: jwkOutput.standardOutput)
        let key = try ES256.PrivateKey(jwk: object)
        #expect(object["kid"] == .string(key.publicKey.thumbprint))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(files.allSatisfy { $0.hasPrefix(".std") })
    }

    @Test("writes private keys 0600 and public keys 0644, and never overwrites without --force")
    func files() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try await directory.run("keygen", "--private-out", "k.pem", "--public-out", "k.pub")
        #expect(first.status == 0, "\(first)")
        #expect(first.standardOutput.isEmpty)
        #expect(try Self.mode(directory.path("k.pem")) == 0o600)
        #expect(try Self.mode(directory.path("k.pub")) == 0o644)
        let privateText = try directory.read("k.pem")
        let publicText = try directory.read("k.pub")
        #expect(
            try ES256.PrivateKey(pemRepresentation: privateText).publicKey
                == ES256.PublicKey(pemRepresentation: publicText)
        )

        async let again = directory.run("keygen", "--private-out", "k.pem", "--public-out", "k.pub")
        async let publicExists = directory.run("keygen", "--private-out", "new.pem", "--public-out", "k.pub")
        let againOutput = try await again
        #expect(againOutput.status == 2)
        #expect(againOutput.standardError == "error: 'k.pem' already exists; pass --force to overwrite it\n")
        let publicOutput = try await publicExists
        #expect(publicOutput.status == 2)
        #expect(publicOutput.standardError.contains("'k.pub' already exists"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("new.pem")), "nothing is written")
        #expect(try directory.read("k.pem") == privateText)
        #expect(try directory.read("k.pub") == publicText)

        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: directory.path("k.pem"))
        let forced = try await directory.run(
            "keygen",
            "--private-out",
            "k.pem",
            "--public-out",
            "k.pub",
            "--force",
            "--format",
            "jwk",
            "--kid",
            "v2"
        )
        #expect(forced.status == 0, "\(forced)")
        #expect(try directory.read("k.pem") != privateText)
        #expect(try Self.mode(directory.path("k.pem")) == 0o600)
        #expect(try Self.mode(directory.path("k.pub")) == 0o644)
        #expect(try JSONObject(parsing: directory.read("k.pub"))["kid"] == "v2")
    }

    @Test("refuses --kid with PEM and the same file twice, as usage errors")
    func usage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        async let kid = directory.run("keygen", "--kid", "k1")
        async let same = directory.run("keygen", "--private-out", "a", "--public-out", "a")
        #expect(try await kid.status == 2)
        #expect(try await same.status == 2)
        #expect(!FileManager.default.fileExists(atPath: directory.path("a")))
    }
}
