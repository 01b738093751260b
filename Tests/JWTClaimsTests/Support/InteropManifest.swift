import JWTClaims
import Testing

/// `Resources/interop/manifest.json`: 20 keys in every format and 176 tokens signed by joserfc, PyJWT and the
/// generator (see `interop/README.md`).
struct InteropManifest {
    /// One key and its files.
    struct Key: CustomTestStringConvertible, Sendable {
        let kid: String
        let algorithm: JWSAlgorithm
        /// Whether the key must import (the weak ones must not).
        let isAccepted: Bool
        /// Format name (`privatePkcs8Pem`, `publicJwk`, ...) to path below `interop/`.
        let files: [String: String]
        let thumbprint: String
        var testDescription: String { kid }

        /// The bytes of the file in `format`.
        func bytes(_ format: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
            let path = try #require(files[format], "\(kid) has no \(format)", sourceLocation: sourceLocation)
            return try Vectors.bytes("interop/\(path)")
        }

        /// The text of the file in `format`.
        func text(_ format: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            String(decoding: try bytes(format, sourceLocation: sourceLocation), as: UTF8.self)
        }
    }

    /// One token and how it must fare.
    struct Token: CustomTestStringConvertible, Sendable {
        let id: String
        let category: String
        let reason: String
        let token: String
        let verifyWithKid: String?
        let verifyWithJWKS: String?
        let isValid: Bool
        let expectedClaims: JSONValue?
        var testDescription: String { id }
    }

    let keys: [Key]
    let tokens: [Token]

    /// The reference claims' `iat` and `exp` bracket this instant.
    static let now = NumericDate(secondsSince1970: 1_599_180_000)

    static func load() throws -> InteropManifest {
        let file = try Vectors.json("interop/manifest.json")
        let keys = try file.array("keys").map { key in
            let files = try key.object("files")
            return Key(
                kid: try key.string("kid"),
                algorithm: try #require(JWSAlgorithm(rawValue: key.string("alg"))),
                isAccepted: try key.string("expectedImport") == "accept",
                files: Dictionary(
                    uniqueKeysWithValues: files.compactMap { name, value in
                        value.stringValue.map { (name, $0) }
                    }
                ),
                thumbprint: try #require(key["thumbprint"]?["sha256B64u"]?.stringValue)
            )
        }
        let tokens = try file.array("tokens").map { token in
            Token(
                id: try token.string("id"),
                category: try token.string("category"),
                reason: try token.string("reason"),
                token: try token.string("token"),
                verifyWithKid: token["verifyWithKid"]?.stringValue,
                verifyWithJWKS: token["verifyWithJwks"]?.stringValue,
                isValid: try token.string("expected") == "valid",
                expectedClaims: token["expectedClaims"]
            )
        }
        return InteropManifest(keys: keys, tokens: tokens)
    }

    /// The key `kid`.
    func key(_ kid: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Key {
        try #require(keys.first { $0.kid == kid }, "no key \(kid)", sourceLocation: sourceLocation)
    }
}
