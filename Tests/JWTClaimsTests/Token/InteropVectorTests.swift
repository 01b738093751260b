import JWTClaims
import Testing

/// `Resources/generated/es256-interop.json`: 68 ES256 tokens generated with pyca/cryptography (see its README).
@Suite("ES256 interop vectors")
struct InteropVectorTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        let id: Int
        let category: String
        let reason: String
        let token: String
        let publicKeyJWK: JSONObject
        let valid: Bool
        let expectedClaims: JSONValue?
        var testDescription: String { "#\(id) \(reason)" }
    }

    static func vectors() throws -> [Vector] {
        let file = try Vectors.json("generated/es256-interop.json")
        return try file.array("tests").map { test in
            Vector(
                id: Int(try #require(test["id"]?.int64Value)),
                category: try test.string("category"),
                reason: try test.string("reason"),
                token: try test.string("token"),
                publicKeyJWK: try test.object("publicKeyJwk"),
                valid: try #require(test["valid"]?.boolValue as Bool?),
                expectedClaims: test["expectedClaims"]
            )
        }
    }

    /// The code each invalid vector must be rejected with, by id: the code that names the vector's stated reason.
    static let expectedCodes: [Int: JWTError.Code] = [
        25: .invalidSignature, 26: .invalidSignature, 27: .invalidSignature,
        28: .invalidSignatureEncoding,
        29: .unsupportedAlgorithm, 30: .unsupportedAlgorithm, 31: .unsupportedAlgorithm,
        32: .unsupportedAlgorithm, 33: .unsupportedAlgorithm,
        34: .invalidSignature, 35: .invalidSignature, 36: .invalidSignature,
        37: .invalidSignatureEncoding, 38: .invalidSignatureEncoding,
        39: .invalidSignature,
        40: .invalidBase64URL, 41: .invalidBase64URL, 42: .invalidBase64URL, 43: .invalidBase64URL,
        44: .invalidBase64URL, 45: .invalidBase64URL, 46: .invalidBase64URL,
        47: .malformedToken, 48: .malformedToken, 49: .malformedToken, 50: .malformedToken, 51: .malformedToken,
        52: .malformedToken,
        53: .invalidJSON, 54: .invalidHeader, 55: .invalidHeader, 56: .unsupportedCriticalHeader,
        57: .unsupportedAlgorithm, 58: .unsupportedAlgorithm,
        59: .invalidJSON, 60: .invalidClaims, 61: .invalidClaims, 62: .invalidJSON, 63: .invalidJSON,
        64: .invalidJSON,
        65: .invalidKey, 66: .invalidKey, 67: .unsupportedKey, 68: .unsupportedKey,
    ]

    /// Every vector's exp is absent or 2100-01-01, and no nbf lies in the future of this instant.
    static let now = NumericDate(secondsSince1970: 1_800_000_000)

    @Test("the file holds 24 tokens to accept and 44 to reject")
    func counts() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count == 68)
        #expect(vectors.filter(\.valid).count == 24)
        #expect(Set(vectors.filter { !$0.valid }.map(\.id)) == Set(Self.expectedCodes.keys))
    }

    @Test("every valid token verifies and yields exactly the expected claims", arguments: try vectors().filter(\.valid))
    func acceptsValid(_ vector: Vector) throws {
        let key = try ES256.PublicKey(jwk: vector.publicKeyJWK)
        let verified = try JWTVerifier(key: key).verify(vector.token, now: Self.now)
        let expected = try #require(vector.expectedClaims)
        #expect(JSONValue.object(verified.claims.object).hasSameValue(as: expected))
    }

    @Test(
        "every invalid token is rejected with the error its reason names",
        arguments: try vectors().filter { !$0.valid }
    )
    func rejectsInvalid(_ vector: Vector) throws {
        let expectedCode = try #require(Self.expectedCodes[vector.id])
        let error = #expect(throws: JWTError.self) {
            let key = try ES256.PublicKey(jwk: vector.publicKeyJWK)
            _ = try JWTVerifier(key: key).verify(vector.token, now: Self.now)
        }
        #expect(error?.code == expectedCode, "\(error?.description ?? "no error")")
        #expect(error?.reason.isEmpty == false)
    }
}
