import Foundation
import Testing

@testable import JWTClaims

@Suite("ES256.PrivateKey")
struct ES256PrivateKeyTests {
    private static let interopPath = "generated/es256-interop.json"
    private static let rejectedPath = "generated-python/rejected-keys.json"

    @Test("a generated key signs, and its public key verifies after re-import in every format")
    func generatedKeySignsAndVerifies() throws {
        let key = try ES256.PrivateKey()
        let message = Array("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".utf8)
        let signature = try key.signature(for: message)
        let publicKeys = [
            key.publicKey,
            try ES256.PublicKey(pemRepresentation: key.publicKey.pemRepresentation),
            try ES256.PublicKey(derRepresentation: key.publicKey.derRepresentation),
            try ES256.PublicKey(x963Representation: key.publicKey.x963Representation),
            try ES256.PrivateKey(pemRepresentation: key.pemRepresentation).publicKey,
            try ES256.PrivateKey(derRepresentation: key.derRepresentation).publicKey,
        ]
        for publicKey in publicKeys {
            #expect(publicKey == key.publicKey)
            #expect(publicKey.isValidSignature(signature, for: message))
            #expect(!publicKey.isValidSignature(signature, for: message.dropLast()))
        }
        // Signing is randomised: a second signature differs and verifies too.
        let second = try key.signature(for: message)
        #expect(second != signature)
        #expect(key.publicKey.isValidSignature(second, for: message))
    }

    @Test("signs and verifies empty, non-contiguous and large messages")
    func messageShapes() throws {
        let key = try ES256.PrivateKey()
        let large = [UInt8](repeating: 0xA5, count: 1 << 20)
        for message in [[], [0], large] {
            let signature = try key.signature(for: AnySequenceCollection(message))
            #expect(key.publicKey.isValidSignature(signature, for: message))
            #expect(key.publicKey.isValidSignature(signature, for: AnySequenceCollection(message)))
        }
    }

    @Test("a signature does not verify under another key, nor with a flipped bit")
    func wrongKeyOrBit() throws {
        let key = try ES256.PrivateKey()
        let other = try ES256.PrivateKey()
        let message = Array("payload".utf8)
        let signature = try key.signature(for: message)
        #expect(!other.publicKey.isValidSignature(signature, for: message))
        for bit in [0, 7, 255, 256, 511] {
            var bytes = signature.rawRepresentation
            bytes[bit / 8] ^= 1 << UInt8(bit % 8)
            #expect(!key.publicKey.isValidSignature(try ES256.Signature(rawRepresentation: bytes), for: message))
        }
    }

    @Test("signs and verifies slices that do not start at index zero, as the token layer passes them")
    func slicesOfALargerBuffer() throws {
        let key = try ES256.PrivateKey()
        // The signer signs the start of its token buffer and the verifier the start of the token's bytes; a slice
        // that starts later must cover exactly its own bytes too.
        let token = Array("header.payload.signature".utf8)
        let signingInput = token[0..<14]
        let middle = token[7..<14]
        let signature = try key.signature(for: signingInput)
        #expect(key.publicKey.isValidSignature(signature, for: Array("header.payload".utf8)))
        #expect(!key.publicKey.isValidSignature(signature, for: token))
        let middleSignature = try key.signature(for: middle)
        #expect(key.publicKey.isValidSignature(middleSignature, for: Array("payload".utf8)))
        #expect(key.publicKey.isValidSignature(middleSignature, for: middle))
        #expect(!key.publicKey.isValidSignature(middleSignature, for: signingInput))
    }

    @Test("every interop key imports from PKCS#8 and SEC1, and exports the same PKCS#8 and SPKI bytes")
    func interopKeys() throws {
        let file = try Vectors.decode(SigningVectors.InteropFile.self, from: Self.interopPath)
        #expect(file.keys.count == 4)
        for entry in file.keys {
            let fromPKCS8 = try ES256.PrivateKey(pemRepresentation: entry.privateKeyPkcs8Pem)
            let fromSEC1 = try ES256.PrivateKey(pemRepresentation: entry.privateKeySec1Pem)
            let publicKey = try ES256.PublicKey(pemRepresentation: entry.publicKeySpkiPem)
            let point = try hexBytes(entry.uncompressedPointHex)
            #expect(fromPKCS8.publicKey == publicKey, "\(entry.kid)")
            #expect(fromSEC1.publicKey == publicKey, "\(entry.kid)")
            #expect(publicKey.x963Representation == point, "\(entry.kid)")
            // Exports are byte-for-byte what pyca/cryptography wrote, whichever encoding the key came from.
            let pkcs8DER = try Self.derBody(of: entry.privateKeyPkcs8Pem)
            let fromJWK = try ES256.PrivateKey(jwk: JWKMembersTests.jsonObject(entry.privateJwk))
            for key in [fromPKCS8, fromSEC1, fromJWK] {
                #expect(key.derRepresentation == pkcs8DER, "\(entry.kid)")
                #expect(key.pemRepresentation == entry.privateKeyPkcs8Pem, "\(entry.kid)")
                #expect(key.jwk["d"]?.stringValue == entry.privateJwk["d"], "\(entry.kid)")
            }
            #expect(publicKey.pemRepresentation == entry.publicKeySpkiPem, "\(entry.kid)")
            // DER round trip, and SEC1 DER (PEM body) through the DER initialiser.
            #expect(try ES256.PrivateKey(derRepresentation: fromPKCS8.derRepresentation).publicKey == publicKey)
            #expect(
                try ES256.PrivateKey(derRepresentation: Self.derBody(of: entry.privateKeySec1Pem)).publicKey
                    == publicKey
            )
            // A signature from the imported key verifies with the SPKI key.
            let signature = try fromSEC1.signature(for: Array(entry.kid.utf8))
            #expect(publicKey.isValidSignature(signature, for: Array(entry.kid.utf8)))
        }
    }

    @Test("an EC PARAMETERS block before an EC PRIVATE KEY block is accepted, as openssl ecparam writes it")
    func ecParametersPrefix() throws {
        let file = try Vectors.decode(SigningVectors.InteropFile.self, from: Self.interopPath)
        let entry = try #require(file.keys.first)
        let parameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
        let key = try ES256.PrivateKey(pemRepresentation: parameters + entry.privateKeySec1Pem)
        #expect(key.pemRepresentation == entry.privateKeyPkcs8Pem)
    }

    /// One key from `rejected-keys.json`.
    struct RejectedKey: CustomTestStringConvertible, Sendable {
        let name: String
        let isPrivate: Bool
        let isPEM: Bool
        let data: String
        let expectedCode: String
        var testDescription: String { name }
    }

    static func rejectedKeys() throws -> [RejectedKey] {
        try Vectors.decode(SigningVectors.RejectedKeys.self, from: rejectedPath).keys.map {
            RejectedKey(
                name: $0.name,
                isPrivate: $0.kind == "private",
                isPEM: $0.encoding == "pem",
                data: $0.data,
                expectedCode: $0.expectedCode
            )
        }
    }

    @Test(
        "refuses other curves, other key types, explicit parameters, compressed points and bad scalars",
        arguments: try rejectedKeys()
    )
    func refusesKey(_ key: RejectedKey) throws {
        let bytes = key.isPEM ? [] : try hexBytes(key.data)
        let error = #expect(throws: JWTError.self) {
            switch (key.isPrivate, key.isPEM) {
            case (true, true): _ = try ES256.PrivateKey(pemRepresentation: key.data)
            case (true, false): _ = try ES256.PrivateKey(derRepresentation: bytes)
            case (false, true): _ = try ES256.PublicKey(pemRepresentation: key.data)
            case (false, false): _ = try ES256.PublicKey(derRepresentation: bytes)
            }
        }
        #expect(error?.code.description == key.expectedCode, "\(error?.reason ?? "")")
        #expect(error?.reason.isEmpty == false)
    }

    @Test("refuses a public key where a private key is expected, and encrypted keys")
    func refusesWrongKinds() throws {
        let key = try ES256.PrivateKey()
        let error = #expect(throws: JWTError.self) {
            try ES256.PrivateKey(pemRepresentation: key.publicKey.pemRepresentation)
        }
        #expect(error?.code == .invalidKey)
        let derError = #expect(throws: JWTError.self) {
            try ES256.PrivateKey(derRepresentation: key.publicKey.derRepresentation)
        }
        #expect(derError?.code == .invalidKey)
        let encrypted = key.pemRepresentation.replacingOccurrences(of: "PRIVATE KEY", with: "ENCRYPTED PRIVATE KEY")
        let encryptedError = #expect(throws: JWTError.self) { try ES256.PrivateKey(pemRepresentation: encrypted) }
        #expect(encryptedError?.code == .unsupportedKey)
    }

    @Test("the description, debug description and dump never contain the private scalar")
    func descriptionHidesSecret() throws {
        let file = try Vectors.decode(SigningVectors.InteropFile.self, from: Self.interopPath)
        for entry in file.keys {
            let key = try ES256.PrivateKey(pemRepresentation: entry.privateKeyPkcs8Pem)
            let d = try hexBytes(entry.dHex)
            var dumped = ""
            dump(key, to: &dumped)
            // dump lists arrays element by element: the scalar must not appear that way either.
            let dumpedLines = dumped.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(!dumpedLines.joined(separator: "|").contains(d.map { "- \($0)" }.joined(separator: "|")))
            let texts = [key.description, String(describing: key), "\(key)", String(reflecting: key), dumped]
            for text in texts {
                #expect(text.contains("redacted"))
                #expect(!text.lowercased().contains(entry.dHex.lowercased()))
                #expect(!text.contains(Data(d).base64EncodedString()))
                #expect(!text.contains(entry.privateJwk["d"] ?? "<missing d>"))
            }
        }
    }

    /// The DER inside a PEM block (Foundation's Base64, test-only).
    static func derBody(of pem: String) throws -> [UInt8] {
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return [UInt8](try #require(Data(base64Encoded: body)))
    }
}
