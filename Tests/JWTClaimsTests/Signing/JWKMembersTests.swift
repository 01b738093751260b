import Foundation
import Testing

@testable import JWTClaims

/// JSON Web Key import, export and thumbprints for ES256 keys.
@Suite("ES256 JSON Web Keys")
struct JWKMembersTests {
    /// A JSON object from vector members (Foundation writes the text; our parser reads it).
    static func jsonObject(_ members: [String: String]) throws -> JSONObject {
        try JSONObject(parsing: [UInt8](JSONSerialization.data(withJSONObject: members, options: [.sortedKeys])))
    }

    /// A JSON object from literal JSON text.
    static func jsonObject(text: String) throws -> JSONObject {
        try JSONObject(parsing: Array(text.utf8))
    }

    @Test("Wycheproof webcrypto: every invalid public JWK is refused and every valid one imports")
    func wycheproofWebCrypto() throws {
        let file = try Vectors.decode(
            SigningVectors.WebCryptoFile.self,
            from: "wycheproof/testvectors_v1/ecdh_secp256r1_webcrypto_test.json"
        )
        var accepted = 0
        var refused = 0
        for test in file.testGroups.flatMap(\.tests) {
            let jwk = try Self.jsonObject(test.public)
            let result = Result { () throws(JWTError) in try ES256.PublicKey(jwk: jwk) }
            switch (test.result, result) {
            case ("valid", .success(let key)):
                accepted += 1
                #expect(key.jwk["x"]?.stringValue == test.public["x"], "tcId \(test.tcId)")
            case ("invalid", .failure(let error)):
                refused += 1
                let expected: JWTError.Code =
                    test.flags.contains("WrongCurve") && test.public["crv"] != "P-256"
                    ? .unsupportedKey : (test.public["crv"] == "P-256" ? .invalidKey : .unsupportedKey)
                #expect(error.code == expected, "tcId \(test.tcId) \(test.comment): \(error)")
            default:
                Issue.record("tcId \(test.tcId) (\(test.result), \(test.comment)): got \(result)")
            }
        }
        #expect(accepted == 330)
        #expect(refused == 23)
    }

    @Test("Wycheproof P1363: each group's publicKeyJwk is the same key as its point and verifies the same")
    func wycheproofP1363JWKs() throws {
        let file = try Vectors.decode(
            SigningVectors.ECDSAFile.self,
            from: "wycheproof/testvectors_v1/ecdsa_secp256r1_sha256_p1363_test.json"
        )
        var checked = 0
        var groupsWithoutJWK = 0
        for group in file.testGroups {
            guard let members = group.publicKeyJwk else {
                // Wycheproof omits the JWK for a few groups; their points are covered by the point-based test.
                groupsWithoutJWK += 1
                continue
            }
            let fromJWK = try ES256.PublicKey(jwk: Self.jsonObject(members))
            let fromPoint = try ES256.PublicKey(x963Representation: hexBytes(group.publicKey.uncompressed))
            #expect(fromJWK == fromPoint)
            for test in group.tests {
                guard let signature = try? ES256.Signature(rawRepresentation: hexBytes(test.sig)) else { continue }
                let message = try hexBytes(test.msg)
                #expect(
                    fromJWK.isValidSignature(signature, for: message) == (test.result == "valid"),
                    "tcId \(test.tcId)"
                )
                checked += 1
            }
        }
        #expect(checked > 200)
        #expect(groupsWithoutJWK == 9)
    }

    @Test("RFC 7515 A.3: the example JWKs import and the example signature verifies with them")
    func rfc7515Keys() throws {
        let file = try Vectors.decode(SigningVectors.RFC7515File.self, from: "rfc/rfc7515-appendix-a3-es256.json")
        let privateKey = try ES256.PrivateKey(jwk: Self.jsonObject(file.a3.privateJwk))
        let publicKey = try ES256.PublicKey(jwk: Self.jsonObject(file.a3.publicJwk))
        #expect(privateKey.publicKey == publicKey)
        let signature = try ES256.Signature(rawRepresentation: hexBytes(file.a3.signatureHex))
        #expect(publicKey.isValidSignature(signature, for: file.a3.signingInputOctets))
        #expect(privateKey.jwk["d"]?.stringValue == file.a3.privateJwk["d"])
        #expect(privateKey.pemRepresentation == file.derived.privateKeyPkcs8Pem)
    }

    @Test("RFC 7517 A.1: the key marked use \"enc\" is refused for signing, but its coordinates import")
    func rfc7517EncryptionKey() throws {
        let file = try Vectors.decode(SigningVectors.RFC7517File.self, from: "rfc/rfc7517-appendix-a-ec-p256-jwk.json")
        #expect(file.publicJwk["use"] == "enc")
        let publicError = #expect(throws: JWTError.self) { try ES256.PublicKey(jwk: Self.jsonObject(file.publicJwk)) }
        #expect(publicError?.code == .unsupportedKey)
        #expect(publicError?.reason.contains("use") == true)
        let privateError = #expect(throws: JWTError.self) {
            try ES256.PrivateKey(jwk: Self.jsonObject(file.privateJwk))
        }
        #expect(privateError?.code == .unsupportedKey)
        // The same coordinates without the "use" member, and as a raw point, are a fine signing key.
        var publicMembers = file.publicJwk
        publicMembers["use"] = nil
        let key = try ES256.PublicKey(jwk: Self.jsonObject(publicMembers))
        #expect(key.x963Representation == (try hexBytes(file.derived.uncompressedPointHex)))
        var privateMembers = file.privateJwk
        privateMembers["use"] = nil
        #expect(try ES256.PrivateKey(jwk: Self.jsonObject(privateMembers)).publicKey == key)
    }

    @Test("RFC 7638: the EC thumbprints match, whatever other members the JWK has")
    func rfc7638Thumbprints() throws {
        let file = try Vectors.decode(SigningVectors.RFC7638File.self, from: "rfc/rfc7638-jwk-thumbprint.json")
        #expect(!file.computedEcP256Examples.vectors.isEmpty)
        for vector in file.computedEcP256Examples.vectors {
            var members = vector.jwk
            members["use"] = nil  // the RFC 7517 key is an encryption key; the thumbprint ignores "use" anyway
            let key = try ES256.PublicKey(jwk: Self.jsonObject(members))
            #expect(key.thumbprint == vector.thumbprintB64u, "\(vector.label)")
            #expect(key.description.contains(vector.thumbprintB64u))
        }
    }

    @Test("every interop key imports from JWK, matches its thumbprint, and exports the same JWK members")
    func interopKeys() throws {
        let file = try Vectors.decode(SigningVectors.InteropFile.self, from: "generated/es256-interop.json")
        for entry in file.keys {
            let publicKey = try ES256.PublicKey(jwk: Self.jsonObject(entry.publicJwk))
            let privateKey = try ES256.PrivateKey(jwk: Self.jsonObject(entry.privateJwk))
            let fromPEM = try ES256.PrivateKey(pemRepresentation: entry.privateKeyPkcs8Pem)
            #expect(privateKey.publicKey == publicKey, "\(entry.kid)")
            #expect(fromPEM.publicKey == publicKey, "\(entry.kid)")
            #expect(publicKey.thumbprint == entry.jwkThumbprintSha256, "\(entry.kid)")
            #expect(fromPEM.publicKey.thumbprint == entry.jwkThumbprintSha256, "\(entry.kid)")
            // Exports: members in order, values equal to the vector's.
            let exported = privateKey.jwk
            #expect(exported.names == ["kty", "crv", "x", "y", "d"])
            #expect(publicKey.jwk.names == ["kty", "crv", "x", "y"])
            for name in ["kty", "crv", "x", "y", "d"] {
                #expect(exported[name]?.stringValue == entry.privateJwk[name], "\(entry.kid) \(name)")
            }
            #expect(fromPEM.jwk == exported)
            // Round trips through JSON text.
            #expect(
                try ES256.PrivateKey(jwkRepresentation: exported.serialized()).pemRepresentation
                    == entry.privateKeyPkcs8Pem
            )
            #expect(try ES256.PublicKey(jwkRepresentation: publicKey.jwk.serialized()) == publicKey)
        }
    }

    @Test("a generated key round-trips through its JWK, and its exported public JWK verifies its signatures")
    func generatedRoundTrip() throws {
        let key = try ES256.PrivateKey()
        let again = try ES256.PrivateKey(jwk: key.jwk)
        #expect(again.publicKey == key.publicKey)
        #expect(again.derRepresentation == key.derRepresentation)
        let message = Array("round trip".utf8)
        let verifier = try ES256.PublicKey(jwkRepresentation: key.publicKey.jwk.serialized())
        #expect(verifier.isValidSignature(try again.signature(for: message), for: message))
    }

    /// One JWK that must be refused, with the code it must get.
    struct RefusedJWK: CustomTestStringConvertible, Sendable {
        let name: String
        let isPrivate: Bool
        let json: String
        let code: JWTError.Code
        var testDescription: String { name }
    }

    // Key 1 of generated/es256-interop.json.
    static let x = "ExRj_4-5Mabvdqac42qHyZY1WBcCDioQu7BN9aTM6n0"
    static let y = "R2VwA2IExbUc_8xWcZPzQUweOyajNwr-s5g45kmJB4o"
    static let d = "tk0HJ-WkENhtgV-YAy3ZWejiiLeVzZGOffyvy3Iem-I"
    static let otherD = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA"
    static let n = "_____wAAAAD__________7zm-q2nF56E87nKwvxjJVE"
    static let zero = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

    static func publicJSON(
        _ extra: String = "",
        x: String = x,
        y: String = y,
        kty: String = "EC",
        crv: String = "P-256"
    )
        -> String
    {
        #"{"kty":"\#(kty)","crv":"\#(crv)","x":"\#(x)","y":"\#(y)"\#(extra)}"#
    }

    static let refused: [RefusedJWK] = [
        RefusedJWK(name: "kty RSA", isPrivate: false, json: publicJSON(kty: "RSA"), code: .unsupportedKey),
        RefusedJWK(
            name: "kty OKP",
            isPrivate: true,
            json: publicJSON(#","d":"\#(d)""#, kty: "OKP"),
            code: .unsupportedKey
        ),
        RefusedJWK(name: "crv P-384", isPrivate: false, json: publicJSON(crv: "P-384"), code: .unsupportedKey),
        RefusedJWK(name: "crv secp256k1", isPrivate: false, json: publicJSON(crv: "secp256k1"), code: .unsupportedKey),
        RefusedJWK(
            name: "missing kty",
            isPrivate: false,
            json: #"{"crv":"P-256","x":"\#(x)","y":"\#(y)"}"#,
            code: .invalidKey
        ),
        RefusedJWK(
            name: "missing y",
            isPrivate: false,
            json: #"{"kty":"EC","crv":"P-256","x":"\#(x)"}"#,
            code: .invalidKey
        ),
        RefusedJWK(
            name: "x as a number",
            isPrivate: false,
            json: #"{"kty":"EC","crv":"P-256","x":1,"y":"\#(y)"}"#,
            code: .invalidKey
        ),
        RefusedJWK(
            name: "x of 31 bytes",
            isPrivate: false,
            json: publicJSON(x: String(x.dropLast(2))),
            code: .invalidKey
        ),
        RefusedJWK(name: "x of 33 bytes", isPrivate: false, json: publicJSON(x: "AA" + x + "A"), code: .invalidKey),
        RefusedJWK(name: "x with padding", isPrivate: false, json: publicJSON(x: x + "="), code: .invalidKey),
        RefusedJWK(
            name: "x non-canonical",
            isPrivate: false,
            json: publicJSON(x: String(x.dropLast()) + "1"),
            code: .invalidKey
        ),
        RefusedJWK(name: "y off the curve", isPrivate: false, json: publicJSON(y: zero), code: .invalidKey),
        RefusedJWK(
            name: "y not below p",
            isPrivate: false,
            json: publicJSON(y: "_____________________________________________w"),
            code: .invalidKey
        ),
        RefusedJWK(name: "use enc", isPrivate: false, json: publicJSON(#","use":"enc""#), code: .unsupportedKey),
        RefusedJWK(name: "use as a number", isPrivate: false, json: publicJSON(#","use":1"#), code: .invalidKey),
        RefusedJWK(
            name: "key_ops without verify",
            isPrivate: false,
            json: publicJSON(#","key_ops":["encrypt"]"#),
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "key_ops sign on a public key",
            isPrivate: false,
            json: publicJSON(#","key_ops":["sign"]"#),
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "key_ops verify on a private key",
            isPrivate: true,
            json: publicJSON(#","d":"\#(d)","key_ops":["verify"]"#),
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "key_ops with a repeat",
            isPrivate: false,
            json: publicJSON(#","key_ops":["verify","verify"]"#),
            code: .invalidKey
        ),
        RefusedJWK(
            name: "key_ops not an array",
            isPrivate: false,
            json: publicJSON(#","key_ops":"verify""#),
            code: .invalidKey
        ),
        RefusedJWK(name: "alg ES384", isPrivate: false, json: publicJSON(#","alg":"ES384""#), code: .unsupportedKey),
        RefusedJWK(
            name: "alg none",
            isPrivate: true,
            json: publicJSON(#","d":"\#(d)","alg":"none""#),
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "a private member in a public import",
            isPrivate: false,
            json: publicJSON(#","d":"\#(d)""#),
            code: .invalidKey
        ),
        RefusedJWK(name: "no d in a private import", isPrivate: true, json: publicJSON(), code: .invalidKey),
        RefusedJWK(
            name: "d that does not match x, y",
            isPrivate: true,
            json: publicJSON(#","d":"\#(otherD)""#),
            code: .invalidKey
        ),
        RefusedJWK(name: "d = 0", isPrivate: true, json: publicJSON(#","d":"\#(zero)""#), code: .invalidKey),
        RefusedJWK(name: "d = n", isPrivate: true, json: publicJSON(#","d":"\#(n)""#), code: .invalidKey),
        RefusedJWK(
            name: "d of 31 bytes",
            isPrivate: true,
            json: publicJSON(#","d":"\#(d.dropLast(2))""#),
            code: .invalidKey
        ),
        RefusedJWK(name: "not JSON", isPrivate: false, json: "{kty:EC}", code: .invalidJSON),
        RefusedJWK(
            name: "a repeated member",
            isPrivate: false,
            json: publicJSON(#","x":"\#(x)""#),
            code: .duplicateMember
        ),
        RefusedJWK(name: "a JSON array", isPrivate: true, json: "[]", code: .typeMismatch),
    ]

    @Test("refuses JWKs that are malformed, for another algorithm or purpose, or inconsistent", arguments: refused)
    func refusesJWK(_ testCase: RefusedJWK) {
        let error = #expect(throws: JWTError.self) {
            if testCase.isPrivate {
                _ = try ES256.PrivateKey(jwkRepresentation: testCase.json)
            } else {
                _ = try ES256.PublicKey(jwkRepresentation: testCase.json)
            }
        }
        #expect(error?.code == testCase.code, "\(error?.description ?? "")")
    }

    @Test("accepts use sig, key_ops including the operation, alg ES256 and unknown members")
    func acceptsAllowedMembers() throws {
        let extras = [
            #","use":"sig""#, #","key_ops":["verify"]"#, #","key_ops":["sign","verify"]"#, #","alg":"ES256""#,
            #","kid":"k1","x5t":"abc","ext":true"#,
        ]
        for extra in extras {
            #expect(throws: Never.self, "\(extra)") { try ES256.PublicKey(jwkRepresentation: Self.publicJSON(extra)) }
        }
        for extra in [#","use":"sig""#, #","key_ops":["sign"]"#, #","alg":"ES256""#] {
            #expect(throws: Never.self, "\(extra)") {
                try ES256.PrivateKey(jwkRepresentation: Self.publicJSON(#","d":"\#(Self.d)""# + extra))
            }
        }
    }
}
