import Testing

@testable import JWTClaims

/// The interop fixtures' keys (`Resources/interop/keys/`, written by pyca/cryptography and cross-checked with joserfc):
/// every family in every format it has, through the family types and the erased ``JWTSigningKey`` /
/// ``JWTVerificationKey`` that recognise a key by content.
@Suite("Keys of every family in every format")
struct InteropKeyFormatsTests {
    static let privateFormats = [
        "privatePkcs8Pem", "privatePkcs8Der", "privateSec1Pem", "privateSec1Der", "privatePkcs1Pem", "privatePkcs1Der",
        "privateJwk",
    ]
    static let publicFormats = [
        "publicSpkiPem", "publicSpkiDer", "publicPkcs1Pem", "publicPkcs1Der", "publicJwk",
    ]

    static func acceptedKeys() throws -> [InteropManifest.Key] {
        try InteropManifest.load().keys.filter(\.isAccepted)
    }

    static func refusedKeys() throws -> [InteropManifest.Key] {
        try InteropManifest.load().keys.filter { !$0.isAccepted }
    }

    /// Imports the private key file in `format` through ``JWTSigningKey``.
    static func signingKey(
        _ key: InteropManifest.Key,
        _ format: String,
        algorithm: JWSAlgorithm?
    ) throws -> JWTSigningKey {
        if format.hasSuffix("Pem") {
            return try JWTSigningKey(pemRepresentation: key.text(format), algorithm: algorithm)
        }
        if format.hasSuffix("Der") {
            return try JWTSigningKey(derRepresentation: key.bytes(format), algorithm: algorithm)
        }
        return try JWTSigningKey(jwkRepresentation: key.text(format), algorithm: algorithm)
    }

    /// Imports the public key file in `format` through ``JWTVerificationKey``.
    static func verificationKey(
        _ key: InteropManifest.Key,
        _ format: String,
        algorithm: JWSAlgorithm?
    ) throws -> JWTVerificationKey {
        if format.hasSuffix("Pem") {
            return try JWTVerificationKey(pemRepresentation: key.text(format), algorithm: algorithm)
        }
        if format.hasSuffix("Der") {
            return try JWTVerificationKey(derRepresentation: key.bytes(format), algorithm: algorithm)
        }
        return try JWTVerificationKey(jwkRepresentation: key.text(format), algorithm: algorithm)
    }

    /// Whether a file in `format` names the key's algorithm itself (a JWK's `alg`), or its type does (EC, Ed25519).
    static func carriesAlgorithm(_ key: InteropManifest.Key, _ format: String) -> Bool {
        format.hasSuffix("Jwk") || key.algorithm.family == .ecdsa || key.algorithm.family == .eddsa
    }

    @Test(
        "every accepted key imports from every format to one key with the manifest's thumbprint",
        arguments: try acceptedKeys()
    )
    func importsEveryFormat(_ key: InteropManifest.Key) throws {
        var signingKeys: [JWTSigningKey] = []
        for format in Self.privateFormats where key.files[format] != nil {
            let signing = try Self.signingKey(key, format, algorithm: key.algorithm)
            #expect(signing.algorithm == key.algorithm, "\(format)")
            #expect(signing.thumbprint == key.thumbprint, "\(format)")
            if Self.carriesAlgorithm(key, format) {
                #expect(try Self.signingKey(key, format, algorithm: nil).algorithm == key.algorithm, "\(format)")
            } else {
                // An RSA key from PEM or DER could do six algorithms: the caller must say which.
                let error = #expect(throws: JWTError.self, "\(format)") {
                    _ = try Self.signingKey(key, format, algorithm: nil)
                }
                #expect(error?.code == .unsupportedKey)
            }
            signingKeys.append(signing)
        }
        let signing = try #require(signingKeys.first)
        for format in Self.publicFormats where key.files[format] != nil {
            let verification = try Self.verificationKey(key, format, algorithm: key.algorithm)
            #expect(verification == signing.verificationKey, "\(format)")
            #expect(verification.thumbprint == key.thumbprint, "\(format)")
        }
        if key.algorithm.family == .hmac {
            let raw = try HMAC.Key(bytes: key.bytes("rawSecret"), algorithm: key.algorithm)
            #expect(raw.thumbprint == key.thumbprint)
            #expect(JWTVerificationKey(raw) == signing.verificationKey)
            #expect(try hexBytes(key.text("rawSecretHex").trimmingWhitespace) == raw.rawRepresentation)
        }
        if let hex = key.files["publicX962UncompressedHex"].map({ _ in try? key.text("publicX962UncompressedHex") }) {
            let point = try hexBytes(try #require(hex).trimmingWhitespace)
            let fromPoint: JWTVerificationKey =
                switch key.algorithm.backing {
                case .es384: JWTVerificationKey(try ES384.PublicKey(x963Representation: point))
                case .es512: JWTVerificationKey(try ES512.PublicKey(x963Representation: point))
                default: JWTVerificationKey(try ES256.PublicKey(x963Representation: point))
                }
            #expect(fromPoint == signing.verificationKey)
        }
        if key.files["publicRawHex"] != nil {
            let raw = try hexBytes(key.text("publicRawHex").trimmingWhitespace)
            #expect(JWTVerificationKey(try EdDSA.PublicKey(rawRepresentation: raw)) == signing.verificationKey)
        }
    }

    @Test("exports are the bytes pyca/cryptography wrote, and every export imports back", arguments: try acceptedKeys())
    func exportsRoundTrip(_ key: InteropManifest.Key) throws {
        let signing = try Self.signingKey(key, "privateJwk", algorithm: nil)
        if key.algorithm.family == .hmac {
            #expect(signing.derRepresentation == nil)
            #expect(signing.pemRepresentation == nil)
            #expect(signing.verificationKey.publicJWK == nil)
            #expect(signing.verificationKey.isSecret)
        } else {
            #expect(signing.derRepresentation == (try key.bytes("privatePkcs8Der")))
            #expect(signing.pemRepresentation == (try key.text("privatePkcs8Pem")))
            #expect(signing.verificationKey.derRepresentation == (try key.bytes("publicSpkiDer")))
            #expect(signing.verificationKey.pemRepresentation == (try key.text("publicSpkiPem")))
            #expect(!signing.verificationKey.isSecret)
            let publicJWK = try #require(signing.verificationKey.publicJWK)
            #expect(try JWTVerificationKey(jwk: publicJWK) == signing.verificationKey)
            #expect(publicJWK["d"] == nil)
            let pem = try #require(signing.pemRepresentation)
            #expect(try JWTSigningKey(pemRepresentation: pem, algorithm: key.algorithm).thumbprint == key.thumbprint)
        }
        let again = try JWTSigningKey(jwk: signing.jwk)
        #expect(again.algorithm == key.algorithm)
        #expect(again.thumbprint == key.thumbprint)
        // The descriptions never show secret material.
        for secret in ["d", "k", "p", "q"] {
            if let value = signing.jwk[secret]?.stringValue {
                #expect(!signing.description.contains(value))
                #expect(!signing.verificationKey.description.contains(value))
            }
        }
    }

    @Test("every key signs what its verification key verifies, and nothing else", arguments: try acceptedKeys())
    func signsAndVerifies(_ key: InteropManifest.Key) throws {
        let signing = try Self.signingKey(key, "privateJwk", algorithm: nil)
        let message = Array("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0".utf8)
        let signature = try signing.signature(for: message)
        #expect(signature.count == signing.signatureByteCount)
        #expect(signing.verificationKey.isValidSignature(signature, for: message))
        #expect(!signing.verificationKey.isValidSignature(signature, for: message + [0]))
        var tampered = signature
        tampered[tampered.count / 2] ^= 0x40
        #expect(!signing.verificationKey.isValidSignature(tampered, for: message))
        #expect(!signing.verificationKey.isValidSignature(signature.dropLast(), for: message))
    }

    @Test("every weak key is refused in every format, as unsupportedKey", arguments: try refusedKeys())
    func refusesWeakKeys(_ key: InteropManifest.Key) throws {
        var refused = 0
        for format in key.files.keys.sorted() {
            let error = #expect(throws: JWTError.self, "\(format)") {
                if Self.privateFormats.contains(format) {
                    _ = try Self.signingKey(key, format, algorithm: key.algorithm)
                } else if Self.publicFormats.contains(format) {
                    _ = try Self.verificationKey(key, format, algorithm: key.algorithm)
                } else if format == "rawSecret" {
                    _ = try HMAC.Key(bytes: key.bytes(format), algorithm: key.algorithm)
                } else {
                    _ = try HMAC.Key(bytes: hexBytes(key.text(format).trimmingWhitespace), algorithm: key.algorithm)
                }
            }
            #expect(error?.code == .unsupportedKey, "\(format): \(error?.description ?? "")")
            refused += 1
        }
        #expect(refused == key.files.count)
    }
}

extension String {
    /// The text without leading and trailing spaces and line breaks.
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
