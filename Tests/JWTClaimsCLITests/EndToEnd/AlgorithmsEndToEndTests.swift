import Foundation
import JWTClaims
import JWTClaimsWireFormat
import Testing

/// Every JOSE algorithm through the built binary: keygen, sign and verify with each key kind and format, `--alg`,
/// and the contract's exit statuses for keys and algorithms that do not match.
@Suite("jwt-claims end to end: every algorithm")
struct AlgorithmsEndToEndTests {
    static let claims = #"{"sub":"a","exp":4102444800,"n":1.50}"#

    /// The header of `token`, decoded.
    static func header(_ token: String) throws -> JSONObject {
        let segment = try #require(token.split(separator: ".").first)
        return try JSONObject(parsing: Base64URL.decode(String(segment)))
    }

    @Test(
        "keygen --alg, sign and verify round-trip for every algorithm, as JWK and (asymmetric) PEM",
        arguments: JWSAlgorithm.allCases
    )
    func roundTrip(_ algorithm: JWSAlgorithm) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let isHMAC = algorithm.rawValue.hasPrefix("HS")
        var keygen = [
            "keygen", "--alg", algorithm.rawValue, "--format", "jwk", "--kid", "k1", "--private-out", "k.jwk",
        ]
        if !isHMAC { keygen += ["--public-out", "p.jwk"] }
        let made = try await directory.run(keygen, inputBytes: nil)
        #expect(made.status == 0, "\(made)")
        let signed = try await directory.run("sign", "--key", "k.jwk", "--claims", Self.claims)
        #expect(signed.status == 0, "\(signed)")
        let token = String(signed.standardOutput.dropLast())
        let header = try Self.header(token)
        #expect(header["alg"] == .string(algorithm.rawValue))
        #expect(header["kid"] == "k1")
        let verified = try await directory.run("verify", "--key", isHMAC ? "k.jwk" : "p.jwk", token)
        #expect(verified.status == 0, "\(verified)")
        #expect(verified.standardOutput == Self.claims + "\n")
        guard !isHMAC else { return }
        // PEM: RSA keys carry no algorithm there, so --alg says which (RS256 when absent).
        let pem = try await directory.run(
            "keygen",
            "--alg",
            algorithm.rawValue,
            "--private-out",
            "k.pem",
            "--public-out",
            "p.pem"
        )
        #expect(pem.status == 0, "\(pem)")
        let pemSigned = try await directory.run(
            "sign",
            "--key",
            "k.pem",
            "--alg",
            algorithm.rawValue,
            "--claims",
            Self.claims
        )
        #expect(pemSigned.status == 0, "\(pemSigned)")
        let pemToken = String(pemSigned.standardOutput.dropLast())
        #expect(try Self.header(pemToken)["alg"] == .string(algorithm.rawValue))
        let pemVerified = try await directory.run("verify", "--key", "p.pem", "--alg", algorithm.rawValue, pemToken)
        #expect(pemVerified.status == 0, "\(pemVerified)")
    }

    @Test("an RSA PEM is RS256 without --alg, and a token of another algorithm under it is refused (exit 1)")
    func rsaDefaultAndMismatch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let made = try await directory.run(
            "keygen",
            "--alg",
            "PS256",
            "--private-out",
            "k.pem",
            "--public-out",
            "p.pem"
        )
        #expect(made.status == 0, "\(made)")
        let rs256 = try await directory.run("sign", "--key", "k.pem", "--claims", Self.claims)
        #expect(rs256.status == 0, "\(rs256)")
        #expect(try Self.header(String(rs256.standardOutput.dropLast()))["alg"] == "RS256")
        let ps384 = try await directory.run("sign", "--key", "k.pem", "--alg", "PS384", "--claims", Self.claims)
        #expect(ps384.status == 0, "\(ps384)")
        let ps384Token = String(ps384.standardOutput.dropLast())
        // The key decides: under RS256 (the default) a PS384 token is refused; under --alg PS384 it verifies.
        let refused = try await directory.run("verify", "--key", "p.pem", ps384Token)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.standardError.contains("PS384"))
        let accepted = try await directory.run("verify", "--key", "p.pem", "--alg", "PS384", ps384Token)
        #expect(accepted.status == 0, "\(accepted)")
    }

    @Test(
        "bad usage exits 2: --alg the key cannot do or that contradicts its JWK, oct without alg, HMAC --public-out, unknown --alg"
    )
    func badUsage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(
            try await directory.run("keygen", "--alg", "ES384", "--format", "jwk", "--private-out", "ec.jwk").status
                == 0
        )
        #expect(
            try await directory.run("keygen", "--alg", "PS512", "--format", "jwk", "--private-out", "rsa.jwk").status
                == 0
        )
        _ = try directory.write(
            "oct.jwk",
            #"{"kty":"oct","k":"BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4_QEFCQ0RFRg"}"#
        )
        let cases: [([String], String)] = [
            (["sign", "--key", "ec.jwk", "--alg", "ES256", "--claims", "{}"], "ES256"),
            (["sign", "--key", "rsa.jwk", "--alg", "RS256", "--claims", "{}"], "PS512"),
            (["verify", "--key", "rsa.jwk", "--alg", "HS256", "x.y.z"], "HS256"),
            (["sign", "--key", "oct.jwk", "--claims", "{}"], "key file 'oct.jwk'"),
            (["keygen", "--alg", "HS256", "--private-out", "h.jwk", "--public-out", "h.pub"], "--public-out"),
            (["keygen", "--alg", "none"], "none"),
            (["sign", "--key", "ec.jwk", "--alg", "es384", "--claims", "{}"], "es384"),
        ]
        for (arguments, mentions) in cases {
            let output = try await directory.run(arguments, inputBytes: nil)
            #expect(output.status == 2, "\(arguments): \(output)")
            #expect(output.standardError.contains(mentions), "\(arguments): \(output.standardError)")
        }
        // The 64-byte oct key signs once it is given an HMAC algorithm, and verifies only as that one.
        let hs256 = try await directory.run("sign", "--key", "oct.jwk", "--alg", "HS256", "--claims", Self.claims)
        #expect(hs256.status == 0, "\(hs256)")
        let asHS384 = try await directory.run(
            "verify",
            "--key",
            "oct.jwk",
            "--alg",
            "HS384",
            String(hs256.standardOutput.dropLast())
        )
        #expect(asHS384.status == 1, "\(asHS384)")
    }

    @Test("alg none, and an HS256 token keyed with the public key's PEM, are refused (exit 1)")
    func noneAndConfusion() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(
            try await directory.run("keygen", "--alg", "RS256", "--private-out", "k.pem", "--public-out", "p.pem")
                .status == 0
        )
        let payload = Base64URL.encode(Array(Self.claims.utf8))
        let none = Base64URL.encode(Array(#"{"alg":"none"}"#.utf8)) + ".\(payload)."
        let hmac = try HMAC.Key(bytes: Array(try directory.read("p.pem").utf8), algorithm: .hs256)
        let confused = try JWTSigner(key: JWTSigningKey(hmac)).sign(ClaimSet(parsing: Self.claims))
        for token in [none, confused] {
            let output = try await directory.run("verify", "--key", "p.pem", token)
            #expect(output.status == 1, "\(output)")
            let decoded = try await directory.run("decode", token)
            #expect(decoded.status == (token == none ? 1 : 0), "\(decoded)")
        }
    }

    @Test("augment verifies an RS256 token and re-signs it with an EdDSA key, every claim intact")
    func augmentAcrossAlgorithms() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(
            try await directory.run("keygen", "--alg", "RS256", "--private-out", "up.pem", "--public-out", "up.pub")
                .status == 0
        )
        #expect(
            try await directory.run(
                "keygen",
                "--alg",
                "EdDSA",
                "--format",
                "jwk",
                "--kid",
                "svc",
                "--private-out",
                "svc.jwk"
            ).status == 0
        )
        let upstream = try await directory.run("sign", "--key", "up.pem", "--claims", Self.claims)
        let augmented = try await directory.run(
            "augment",
            "--token",
            String(upstream.standardOutput.dropLast()),
            "--verify-key",
            "up.pub",
            "--signing-key",
            "svc.jwk",
            "--claims",
            #"{"role":"admin"}"#
        )
        #expect(augmented.status == 0, "\(augmented)")
        let token = try CustomClaimsResponse(parsing: Array(augmented.standardOutput.utf8)).token
        let header = try Self.header(token)
        #expect(header["alg"] == "EdDSA")
        #expect(header["kid"] == "svc")
        let verified = try await directory.run("verify", "--key", "svc.jwk", token)
        #expect(
            verified.standardOutput == #"{"sub":"a","exp":4102444800,"n":1.50,"role":"admin"}"# + "\n",
            "\(verified)"
        )
    }
}
