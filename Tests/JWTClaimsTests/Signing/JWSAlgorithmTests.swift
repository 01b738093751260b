import Testing

@testable import JWTClaims

@Suite("JWSAlgorithm")
struct JWSAlgorithmTests {
    @Test("the thirteen registered names, round-tripping through their raw values")
    func names() {
        #expect(
            JWSAlgorithm.allCases.map(\.rawValue) == [
                "ES256", "ES384", "ES512", "EdDSA", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "HS256",
                "HS384", "HS512",
            ]
        )
        for algorithm in JWSAlgorithm.allCases {
            #expect(JWSAlgorithm(rawValue: algorithm.rawValue) == algorithm)
            #expect(algorithm.description == algorithm.rawValue)
        }
        #expect(Set(JWSAlgorithm.allCases).count == 13)
    }

    @Test(
        "names no algorithm for anything but an exact name: none, case variants, padding, lookalikes, RFC 9864's Ed25519",
        arguments: [
            "none", "None", "NONE", "es256", "Es256", "ES256 ", " ES256", "ES521", "ES224", "EDDSA", "eddsa", "Ed25519",
            "Ed448", "RS1", "HS1", "A256GCM", "", "ES256\u{0}", "E\u{0301}S256", "\u{FF25}S256",
        ]
    )
    func refusesOtherText(_ text: String) {
        #expect(JWSAlgorithm(rawValue: text) == nil)
    }

    @Test("each algorithm's hash: SHA-256/384/512 by its number; Ed25519 hashes with SHA-512 itself")
    func digests() {
        #expect(JWSAlgorithm.hs256.digest.byteCount == 32)
        #expect(JWSAlgorithm.ps384.digest.byteCount == 48)
        #expect(JWSAlgorithm.es512.digest.byteCount == 64)
        #expect(JWSAlgorithm.eddsa.digest == .sha512)
        #expect(JWSAlgorithm.rsaAlgorithms.allSatisfy { $0.family == .rsaPKCS1 || $0.family == .rsaPSS })
    }
}
