/// The members of an RSA JSON Web Key (RFC 7518 section 6.3), read and checked; and the JWKs and thumbprints of RSA
/// keys.
struct RSAJWK {
    /// `n` and `e`.
    let modulus: [UInt8]
    let exponent: [UInt8]
    /// `d`, `p`, `q`, `dp`, `dq`, `qi`, in that order, if the JWK is private.
    let privateComponents: [[UInt8]]?
    /// The algorithm the key is bound to: its `alg`, or the caller's.
    let algorithm: JWSAlgorithm

    /// The names of the private members, in ``privateComponents`` order.
    static let privateNames = ["d", "p", "q", "dp", "dq", "qi"]

    /// Reads and checks `jwk` for `purpose`. A private JWK must carry all of `d`, `p`, `q`, `dp`, `dq` and `qi` (RFC
    /// 7518 section 6.3.2: producers should include the CRT members, and this library signs and exports with them);
    /// multi-prime keys (`oth`) are refused.
    init(_ jwk: JSONObject, algorithm explicit: JWSAlgorithm?, for purpose: JWKReader.Purpose) throws(JWTError) {
        let reader = JWKReader(jwk)
        let keyType = try reader.keyType()
        guard keyType == "RSA" else {
            throw .unsupportedKey(
                "the JWK has kty \(JWTError.quoted(keyType)); RS* and PS* need an RSA key (kty \"RSA\")"
            )
        }
        try reader.checkIntendedUse(for: purpose)
        algorithm = try reader.algorithm(
            explicit: explicit,
            allowed: JWSAlgorithm.rsaAlgorithms,
            keyDescription: "an RSA key"
        )
        modulus = try reader.bytes("n")
        exponent = try reader.bytes("e")
        guard reader.has("d") else {
            privateComponents = nil
            return
        }
        guard !reader.has("oth") else {
            throw .unsupportedKey("multi-prime RSA keys (the JWK member \"oth\") are not supported")
        }
        var components: [[UInt8]] = []
        for name in Self.privateNames {
            guard reader.has(name) else {
                throw .invalidKey(
                    "the private RSA JWK has no \"\(name)\" member; give d with all of p, q, dp, dq and qi"
                )
            }
            components.append(try reader.bytes(name))
        }
        privateComponents = components
    }

    /// The JWK of a public key: `kty`, `n`, `e`, `alg`.
    static func publicJWK(_ components: OpenSSLRSA.PublicComponents, algorithm: JWSAlgorithm) -> JSONObject {
        JWKReader.object(publicMembers(components) + [("alg", algorithm.rawValue)])
    }

    /// The JWK of a private key: `kty`, `n`, `e`, `d`, `p`, `q`, `dp`, `dq`, `qi`, `alg`.
    static func privateJWK(
        _ components: OpenSSLRSA.PublicComponents,
        _ privateComponents: OpenSSLRSA.PrivateComponents,
        algorithm: JWSAlgorithm
    ) -> JSONObject {
        let secrets = zip(privateNames, privateComponents.all).map { name, value in
            (name, Base64URL.encode(value.bytes))
        }
        return JWKReader.object(publicMembers(components) + secrets + [("alg", algorithm.rawValue)])
    }

    private static func publicMembers(_ components: OpenSSLRSA.PublicComponents) -> [(String, String)] {
        [("kty", "RSA"), ("n", Base64URL.encode(components.modulus)), ("e", Base64URL.encode(components.exponent))]
    }

    /// The RFC 7638 thumbprint of `{"e":"…","kty":"RSA","n":"…"}`.
    static func thumbprint(_ components: OpenSSLRSA.PublicComponents) throws(JWTError) -> String {
        try JWKReader.thumbprint([
            ("e", Base64URL.encode(components.exponent)), ("kty", "RSA"), ("n", Base64URL.encode(components.modulus)),
        ])
    }

    /// The DER AlgorithmIdentifier of `rsaEncryption` (RFC 8017 appendix A.1): the OID 1.2.840.113549.1.1.1 and
    /// NULL parameters, as every SPKI and PKCS#8 of an RSA key carries it.
    static let algorithmIdentifier: [UInt8] = [
        0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00,
    ]

    /// The DER `SubjectPublicKeyInfo` of a key: the AlgorithmIdentifier and the PKCS#1 `RSAPublicKey` in a BIT STRING.
    static func subjectPublicKeyInfo(_ components: OpenSSLRSA.PublicComponents) -> [UInt8] {
        DERWriter.encode(
            .sequence([
                .raw(algorithmIdentifier),
                .bitString(.sequence([.integer(components.modulus), .integer(components.exponent)])),
            ])
        )
    }

    /// The DER PKCS#8 `PrivateKeyInfo` of a key, around its PKCS#1 `RSAPrivateKey` (version 0, two primes): the bytes
    /// OpenSSL writes.
    static func privateKeyInfo(
        _ components: OpenSSLRSA.PublicComponents,
        _ privateComponents: OpenSSLRSA.PrivateComponents
    ) -> [UInt8] {
        let privateKey = DERWriter.Node.sequence(
            [.integer([0]), .integer(components.modulus), .integer(components.exponent)]
                + privateComponents.all.map(DERWriter.Node.secretInteger)
        )
        return DERWriter.encode(.sequence([.integer([0]), .raw(algorithmIdentifier), .octetString(privateKey)]))
    }
}
