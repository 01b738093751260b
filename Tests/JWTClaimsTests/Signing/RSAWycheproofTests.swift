import Testing

@testable import JWTClaims

/// Wycheproof (C2SP, Apache-2.0) RSA vectors: PKCS#1 v1.5 verification (RS256/384/512), PSS verification
/// (PS256/384/512) with RFC 7518's parameters and without, deterministic PKCS#1 v1.5 signing, and weak keys.
@Suite("RSA against Wycheproof")
struct RSAWycheproofTests {
    /// The JOSE algorithm of a Wycheproof hash name and padding, or nil (SHA-1, SHA-224, ...).
    static func algorithm(sha: String, pss: Bool) -> JWSAlgorithm? {
        let bits = ["SHA-256": "256", "SHA-384": "384", "SHA-512": "512"][sha]
        return bits.flatMap { JWSAlgorithm(rawValue: (pss ? "PS" : "RS") + $0) }
    }

    static let pkcs1Files: [String] = ["2048", "3072", "4096"].flatMap { size in
        ["256", "384", "512"].map { "rsa_signature_\(size)_sha\($0)_test.json" }
    }

    @Test(
        "PKCS#1 v1.5: every valid vector verifies (e = 3 ones too), every invalid one and MissingNull fail",
        arguments: pkcs1Files
    )
    func pkcs1Verification(_ name: String) throws {
        let file = try WycheproofFile(name)
        var counts: [String: Int] = [:]
        var smallExponentValid = 0
        for group in file.groups {
            let algorithm = try #require(Self.algorithm(sha: group.json.string("sha"), pss: false))
            let key = try RSA.PublicKey(pemRepresentation: group.json.string("publicKeyPem"), algorithm: algorithm)
            // The group's DER, its PKCS#1 RSAPublicKey and its JWK (named keyJwk in these files) are the same key.
            #expect(
                try RSA.PublicKey(derRepresentation: hexBytes(group.json.string("publicKeyDer")), algorithm: algorithm)
                    == key
            )
            #expect(
                try RSA.PublicKey(derRepresentation: hexBytes(group.json.string("publicKeyAsn")), algorithm: algorithm)
                    == key
            )
            #expect(try RSA.PublicKey(jwk: group.json.object("keyJwk")) == key)
            #expect(key.derRepresentation == (try hexBytes(group.json.string("publicKeyDer"))))
            let isSmallExponent = key.jwk["e"]?.stringValue == "Aw"
            for test in group.tests {
                counts[test.result, default: 0] += 1
                let verified = key.isValidSignature(try test.hex("sig"), for: try test.hex("msg"))
                switch test.result {
                case "valid":
                    #expect(verified, "\(test.label)")
                    if isSmallExponent { smallExponentValid += 1 }
                case "invalid":
                    #expect(!verified, "\(test.label)")
                default:
                    // The one acceptable vector per file is a DigestInfo without its ASN.1 NULL: OpenSSL 3 re-encodes
                    // the DigestInfo and compares, so it is refused (the stricter of the two acceptable answers).
                    #expect(test.flags == ["MissingNull"], "\(test.label)")
                    #expect(!verified, "\(test.label)")
                }
            }
        }
        #expect(counts["acceptable"] == 1)
        #expect(counts.values.reduce(0, +) == file.numberOfTests)
        if name == "rsa_signature_2048_sha256_test.json" {
            // The SmallPublicKey (e = 3) group's valid vectors: the exponent policy accepts e = 3 (RSAKeyPolicy).
            #expect(smallExponentValid == 2)
        }
    }

    static let pssFiles = [
        "rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_3072_sha256_mgf1_32_test.json",
        "rsa_pss_4096_sha256_mgf1_32_test.json", "rsa_pss_2048_sha384_mgf1_48_test.json",
        "rsa_pss_4096_sha384_mgf1_48_test.json", "rsa_pss_4096_sha512_mgf1_64_test.json",
        "rsa_pss_4096_sha512_mgf1_32_test.json", "rsa_pss_misc_test.json",
    ]

    @Test(
        "PSS: RFC 7518 parameters verify as labelled; any other salt length or MGF hash never verifies",
        arguments: pssFiles
    )
    func pssVerification(_ name: String) throws {
        let file = try WycheproofFile(name)
        var joseValid = 0
        var joseInvalid = 0
        var otherParameters = 0
        var saltLengthChanged = 0
        for group in file.groups {
            let sha = try group.json.string("sha")
            let mgfSha = try group.json.string("mgfSha")
            let saltLength = Int(try #require(group.json["sLen"]?.int64Value))
            guard let algorithm = Self.algorithm(sha: sha, pss: true) else {
                // SHA-1 and SHA-224 are no JOSE hash; their vectors are counted as other parameters below.
                otherParameters += group.tests.count
                continue
            }
            let key = try RSA.PublicKey(pemRepresentation: group.json.string("publicKeyPem"), algorithm: algorithm)
            let isJOSE = mgfSha == sha && saltLength == algorithm.digest.byteCount
            // Wycheproof gives a JWK only for the combinations JOSE can name (and none in the misc file).
            if name != "rsa_pss_misc_test.json" {
                #expect((group.json["publicKeyJwk"] != nil) == isJOSE, "\(name): \(sha)/\(mgfSha)/\(saltLength)")
            }
            for test in group.tests {
                let verified = key.isValidSignature(try test.hex("sig"), for: try test.hex("msg"))
                if isJOSE {
                    #expect(verified == (test.result == "valid"), "\(test.label)")
                    if test.result == "valid" { joseValid += 1 } else { joseInvalid += 1 }
                    if test.comment.contains("s_len changed") { saltLengthChanged += 1 }
                } else {
                    // Wycheproof-valid with these parameters; RFC 7518 section 3.5 says MGF1 with the same hash and a
                    // salt as long as the hash, so a PS* verifier refuses every one.
                    #expect(!verified, "\(test.label) under \(algorithm) (\(mgfSha), salt \(saltLength))")
                    otherParameters += 1
                }
            }
        }
        #expect(joseValid + joseInvalid + otherParameters == file.numberOfTests)
        switch name {
        case "rsa_pss_misc_test.json":
            // Of 150 vectors, one per JOSE combination: (SHA-256, 32), (SHA-384, 48), (SHA-512, 64).
            #expect(joseValid == 3)
            #expect(otherParameters == 147)
        case "rsa_pss_4096_sha512_mgf1_32_test.json":
            #expect(joseValid + joseInvalid == 0)
            #expect(otherParameters == 177)
        default:
            #expect(otherParameters == 0)
            // The salt-length-changed vectors that OpenSSL would verify with its default (auto) salt length.
            #expect(saltLengthChanged >= 6, "\(name)")
        }
    }

    static let signingFiles = ["2048", "3072", "4096"].map { "rsa_pkcs1_\($0)_sig_gen_test.json" }

    @Test(
        "PKCS#1 v1.5 signing is deterministic: the same bytes as Wycheproof, from PKCS#1 PEM, PKCS#8 DER and JWK keys",
        arguments: signingFiles
    )
    func deterministicSigning(_ name: String) throws {
        let file = try WycheproofFile(name)
        var signed = 0
        for group in file.groups {
            guard let algorithm = Self.algorithm(sha: try group.json.string("sha"), pss: false) else { continue }
            let fromPKCS1 = try RSA.PrivateKey(
                pemRepresentation: group.json.string("privateKeyPem"),
                algorithm: algorithm
            )
            let pkcs8 = try hexBytes(group.json.string("privateKeyPkcs8"))
            let fromPKCS8 = try RSA.PrivateKey(derRepresentation: pkcs8, algorithm: algorithm)
            #expect(fromPKCS8.derRepresentation == pkcs8)
            #expect(fromPKCS1.derRepresentation == pkcs8)
            if let jwk = group.json["privateKeyJwk"]?.objectValue {
                #expect(try RSA.PrivateKey(jwk: jwk, algorithm: algorithm).derRepresentation == pkcs8)
            }
            #expect(
                fromPKCS1.publicKey
                    == (try RSA.PublicKey(pemRepresentation: group.json.string("keyPem"), algorithm: algorithm))
            )
            for test in group.tests {
                let message = try test.hex("msg")
                #expect(try fromPKCS1.signature(for: message) == (try test.hex("sig")), "\(test.label)")
                #expect(fromPKCS8.publicKey.isValidSignature(try test.hex("sig"), for: message), "\(test.label)")
                signed += 1
            }
        }
        #expect(signed > 0)
    }

    @Test("1024-bit keys are refused in every form Wycheproof gives them, though OpenSSL would sign with them")
    func smallModulus() throws {
        let file = try WycheproofFile("rsa_pkcs1_1024_sig_gen_test.json")
        for group in file.groups {
            for result in [
                Result { try RSA.PrivateKey(pemRepresentation: group.json.string("privateKeyPem"), algorithm: .rs256) },
                Result {
                    try RSA.PrivateKey(
                        derRepresentation: hexBytes(group.json.string("privateKeyPkcs8")),
                        algorithm: .rs256
                    )
                },
            ] {
                guard case .failure(let error as JWTError) = result else {
                    Issue.record("a 1024-bit key imported")
                    continue
                }
                #expect(error.code == .unsupportedKey)
                #expect(error.reason.contains("1024 bits"))
            }
            let publicError = #expect(throws: JWTError.self) {
                _ = try RSA.PublicKey(pemRepresentation: group.json.string("keyPem"), algorithm: .rs256)
            }
            #expect(publicError?.code == .unsupportedKey)
        }
        #expect(file.groups.count == 5)
    }
}
