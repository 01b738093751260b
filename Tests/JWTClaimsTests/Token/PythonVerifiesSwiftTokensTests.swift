import Foundation
import Testing

@testable import JWTClaims

/// The other half of the interop: pyca/cryptography (the primitive with RFC 7518's parameters), joserfc and PyJWT
/// verify tokens this library signs, for every algorithm, with keys imported from PKCS#8 PEM, PKCS#1 PEM, SEC1 DER and
/// JWK. `Resources/interop/check_swift_tokens.py` does the Python side; CI runs this suite wherever python3 has the
/// three packages (the project's CI image does), and it is skipped, saying so, where it has not.
@Suite("Python verifies tokens signed here")
struct PythonVerifiesSwiftTokensTests {
    static func hasInteropLibraries() async -> Bool {
        await PythonInterop.canImport("cryptography, joserfc, jwt")
    }

    static var checker: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/interop/check_swift_tokens.py").path
    }

    /// The private key formats each family is signed from here.
    static func signingKeys(_ key: InteropManifest.Key) throws -> [(format: String, key: JWTSigningKey)] {
        if key.algorithm.family == .hmac {
            return [("privateJwk", try JWTSigningKey(jwkRepresentation: key.text("privateJwk")))]
        }
        var keys = [
            (
                "privatePkcs8Pem",
                try JWTSigningKey(pemRepresentation: key.text("privatePkcs8Pem"), algorithm: key.algorithm)
            ),
            ("privateJwk", try JWTSigningKey(jwkRepresentation: key.text("privateJwk"), algorithm: key.algorithm)),
        ]
        for format in ["privatePkcs1Pem", "privateSec1Der"] where key.files[format] != nil {
            let signing =
                format.hasSuffix("Pem")
                ? try JWTSigningKey(pemRepresentation: key.text(format), algorithm: key.algorithm)
                : try JWTSigningKey(derRepresentation: key.bytes(format), algorithm: key.algorithm)
            keys.append((format, signing))
        }
        return keys
    }

    @Test(
        "joserfc, PyJWT and pyca/cryptography accept every token signed here and refuse a tampered copy",
        .enabled("python3 with cryptography, joserfc and PyJWT is not installed") { await hasInteropLibraries() }
    )
    func pythonVerifies() async throws {
        let manifest = try InteropManifest.load()
        let file = try Vectors.json("interop/manifest.json")
        let claims = try ClaimSet(parsing: file.string("referenceClaimsJson"))
        var items: [JSONValue] = []
        var expectations: [String: Bool] = [:]
        for key in manifest.keys where key.isAccepted {
            let verifyWith = key.files["publicSpkiPem"] ?? key.files["privateJwk"]
            for (format, signingKey) in try Self.signingKeys(key) {
                #expect(signingKey.algorithm == key.algorithm)
                let token = try JWTSigner(key: signingKey, keyID: key.kid).sign(claims)
                let id = "\(key.kid)/\(format)"
                items.append(Self.item(id: id, key: key, file: verifyWith, token: token))
                expectations[id] = true
                // The same token with one signature byte changed: a checker that accepts it proves nothing.
                var parts = token.split(separator: ".").map(String.init)
                var signature = try Base64URL.decode(parts[2])
                signature[signature.count / 2] ^= 0x01
                parts[2] = Base64URL.encode(signature)
                items.append(
                    Self.item(id: id + "/tampered", key: key, file: verifyWith, token: parts.joined(separator: "."))
                )
                expectations[id + "/tampered"] = false
            }
        }
        #expect(Set(manifest.keys.filter(\.isAccepted).map(\.algorithm)) == Set(JWSAlgorithm.allCases))
        let output = try await PythonInterop.run(
            arguments: [Self.checker],
            input: JSONValue.object(["tokens": .array(items)]).serialized()
        )
        var options = JSONParsingOptions()
        options.maximumInputSize = 1 << 20
        let results = try JSONValue(parsing: Array(output.utf8), options: options).array("results")
        #expect(results.count == items.count)
        for result in results {
            let id = try result.string("id")
            guard let accepted = expectations[id] else {
                Issue.record("the checker answered for an unknown id \(id)")
                continue
            }
            for library in ["cryptography", "joserfc", "PyJWT"] {
                let verdict = try result.string(library)
                #expect((verdict == "accepted") == accepted, "\(id): \(library) \(verdict)")
            }
            if accepted {
                #expect(try result.string("payload") == claims.serialized(), "\(id)")
            }
        }
    }

    private static func item(id: String, key: InteropManifest.Key, file: String?, token: String) -> JSONValue {
        .object([
            "id": .string(id), "alg": .string(key.algorithm.rawValue), "key": .string(file ?? ""),
            "token": .string(token),
        ])
    }
}
