import Testing

@testable import JWTClaims

/// HS256, HS384 and HS512: Wycheproof's MAC vectors where JOSE applies, and the key rules.
@Suite("HMAC")
struct HMACTests {
    struct File: CustomTestStringConvertible, Sendable {
        let name: String
        let algorithm: JWSAlgorithm
        var testDescription: String { "\(algorithm)" }
    }

    static let files = [
        File(name: "hmac_sha256_test.json", algorithm: .hs256),
        File(name: "hmac_sha384_test.json", algorithm: .hs384),
        File(name: "hmac_sha512_test.json", algorithm: .hs512),
    ]

    @Test(
        "Wycheproof: full-length tags verify as labelled; keys shorter than the hash are refused; truncated tags never verify",
        arguments: files
    )
    func wycheproof(_ file: File) throws {
        let vectors = try WycheproofFile(file.name)
        let hashBits = file.algorithm.digest.byteCount * 8
        var checked = ["valid": 0, "invalid": 0]
        var shortKeys = 0
        var truncatedTags = 0
        for group in vectors.groups {
            let keyBits = Int(try #require(group.json["keySize"]?.int64Value))
            let tagBits = Int(try #require(group.json["tagSize"]?.int64Value))
            for test in group.tests {
                let keyBytes = try test.hex("key")
                let message = try test.hex("msg")
                let tag = try test.hex("tag")
                guard keyBits >= hashBits else {
                    // RFC 7518 section 3.2: "A key of the same size as the hash output ... or larger MUST be used".
                    let error = #expect(throws: JWTError.self) {
                        _ = try HMAC.Key(bytes: keyBytes, algorithm: file.algorithm)
                    }
                    #expect(error?.code == .unsupportedKey)
                    shortKeys += 1
                    continue
                }
                let key = try HMAC.Key(bytes: keyBytes, algorithm: file.algorithm)
                let verified = key.isValidSignature(tag, for: message)
                if tagBits == hashBits {
                    #expect(verified == (test.result == "valid"), "\(test.label)")
                    if test.result == "valid" { #expect(try key.signature(for: message) == tag, "\(test.label)") }
                    checked[test.result, default: 0] += 1
                } else {
                    // JWS uses the whole MAC: a truncated tag, even a correct one, is refused.
                    #expect(!verified, "\(test.label)")
                    truncatedTags += 1
                }
            }
        }
        #expect(checked == ["valid": 30, "invalid": 54])
        #expect(shortKeys == 6)
        #expect(truncatedTags > 80)
    }

    @Test("a key is bound to one HMAC algorithm, at least as long as its hash, and never shows its secret")
    func keyRules() throws {
        let key = try HMAC.Key(algorithm: .hs384)
        #expect(key.byteCount == 48)
        #expect(!key.description.contains(Base64URL.encode(key.rawRepresentation)))
        #expect(key.jwk.names == ["kty", "k", "alg"])
        #expect(try HMAC.Key(jwk: key.jwk) == key)
        for algorithm in [JWSAlgorithm.rs256, .es256, .eddsa] {
            let error = #expect(throws: JWTError.self) {
                _ = try HMAC.Key(bytes: [UInt8](repeating: 1, count: 64), algorithm: algorithm)
            }
            #expect(error?.code == .unsupportedKey)
        }
        let message = Array("m".utf8)
        let signature = try key.signature(for: message)
        #expect(signature.count == 48)
        // The same secret for another algorithm is another key.
        let other = try HMAC.Key(bytes: key.rawRepresentation + key.rawRepresentation, algorithm: .hs512)
        #expect(!other.isValidSignature(signature, for: message))
    }

    /// An oct JWK that must be refused, and its code.
    struct RefusedJWK: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        let algorithm: JWSAlgorithm?
        let code: JWTError.Code
        var testDescription: String { name }
    }

    static let k32 = Base64URL.encode([UInt8](repeating: 7, count: 32))

    static let refused = [
        RefusedJWK(
            name: "no alg and none passed",
            json: #"{"kty":"oct","k":"\#(k32)"}"#,
            algorithm: nil,
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "alg A256GCM",
            json: #"{"kty":"oct","k":"\#(k32)","alg":"A256GCM"}"#,
            algorithm: nil,
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "alg HS256, HS384 passed",
            json: #"{"kty":"oct","k":"\#(k32)","alg":"HS256"}"#,
            algorithm: .hs384,
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "32 bytes for HS384",
            json: #"{"kty":"oct","k":"\#(k32)","alg":"HS384"}"#,
            algorithm: nil,
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "empty k",
            json: #"{"kty":"oct","k":"","alg":"HS256"}"#,
            algorithm: nil,
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "use enc",
            json: #"{"kty":"oct","k":"\#(k32)","alg":"HS256","use":"enc"}"#,
            algorithm: nil,
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "key_ops encrypt",
            json: #"{"kty":"oct","k":"\#(k32)","alg":"HS256","key_ops":["encrypt"]}"#,
            algorithm: nil,
            code: .unsupportedKey
        ),
        RefusedJWK(
            name: "k not Base64URL",
            json: #"{"kty":"oct","k":"a+b=","alg":"HS256"}"#,
            algorithm: nil,
            code: .invalidKey
        ),
        RefusedJWK(
            name: "kty RSA",
            json: #"{"kty":"RSA","n":"AQAB","e":"AQAB","alg":"HS256"}"#,
            algorithm: nil,
            code: .unsupportedKey
        ),
    ]

    @Test("refuses oct JWKs without an HMAC algorithm, too short, or for another use", arguments: refused)
    func refusesJWK(_ testCase: RefusedJWK) {
        let error = #expect(throws: JWTError.self) {
            _ = try HMAC.Key(jwkRepresentation: testCase.json, algorithm: testCase.algorithm)
        }
        #expect(error?.code == testCase.code, "\(error?.description ?? "")")
    }
}
