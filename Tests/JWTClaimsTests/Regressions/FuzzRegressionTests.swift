import JWTClaims
import Testing

/// Inputs the fuzzers (Fuzz/, Scripts/fuzz.sh) found, each fixed in the library; these tests failed before the fix.
/// The fuzzer's input file is named in each test (its SHA-1, under `.build-fuzz/findings/` when found).
@Suite("Fuzzer regressions")
struct FuzzRegressionTests {
    /// SEC1 `ECPrivateKey` DER of the interop key es256-key-1 with its `version` set to 33 (RFC 5915 says 1).
    static let versionThirtyThree =
        "30770201210420b64d0727e5a410d86d815f98032dd959e8e288b795cd918e7dfcafcb721e9be2a00a06082a8648ce3d030107"
        + "a14403420004131463ff8fb931a6ef76a69ce36a87c996355817020e2a10bbb04df5a4ccea7d476570036204c5b51cffcc5671"
        + "93f3414c1e3b26a3370afeb39838e64989078a"

    /// The same key as SEC1 with version 1 and without the optional public key.
    static let withoutPublicKey =
        "30310201010420b64d0727e5a410d86d815f98032dd959e8e288b795cd918e7dfcafcb721e9be2a00a06082a8648ce3d030107"

    @Test(
        "a private key exports the same canonical PKCS#8 whatever encoding it was imported from",
        .bug(id: 7, "FuzzKeyImport crash-c2233ca71849b4ff9c9079d9a2f3133dc27c39fd: JWK round trip")
    )
    func privateKeyExportIsCanonical() throws {
        let odd = try ES256.PrivateKey(derRepresentation: try #require([UInt8](hex: Self.versionThirtyThree)))
        var conforming = try #require([UInt8](hex: Self.versionThirtyThree))
        conforming[4] = 0x01
        let reference = try ES256.PrivateKey(derRepresentation: conforming)
        let bare = try ES256.PrivateKey(derRepresentation: try #require([UInt8](hex: Self.withoutPublicKey)))

        #expect(odd.derRepresentation == reference.derRepresentation)
        #expect(bare.derRepresentation == reference.derRepresentation)
        #expect(try ES256.PrivateKey(jwk: odd.jwk).derRepresentation == odd.derRepresentation)
        #expect(
            try ES256.PrivateKey(pemRepresentation: odd.pemRepresentation).derRepresentation == odd.derRepresentation
        )
        // The exported PKCS#8 (RFC 5958) wraps an ECPrivateKey whose version is 1:
        // 30 81 87 | 02 01 00 | 30 13 <id-ecPublicKey, prime256v1> | 04 6D | 30 6B 02 01 01 ...
        let exported = odd.derRepresentation
        try #require(exported.count == 138)
        #expect(Array(exported[27..<34]) == [0x04, 0x6D, 0x30, 0x6B, 0x02, 0x01, 0x01])
        #expect(odd.publicKey == reference.publicKey)
    }
}
