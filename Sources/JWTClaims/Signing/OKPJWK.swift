/// The members of an `OKP` JSON Web Key on curve `Ed25519` (RFC 8037 section 2), read and checked; and the JWKs and
/// thumbprints of Ed25519 keys.
struct OKPJWK {
    /// The 32-byte public key `x`.
    let publicKey: [UInt8]
    /// The 32-byte private key `d`, if the JWK has one.
    let privateKey: [UInt8]?

    /// Reads and checks `jwk` for `purpose`: `kty` `"OKP"`, `crv` `"Ed25519"` (Ed448, X25519 and X448 are
    /// ``JWTError/Code/unsupportedKey``), `x` (and `d`) of exactly 32 bytes, `alg` `"EdDSA"` if present.
    init(_ jwk: JSONObject, for purpose: JWKReader.Purpose) throws(JWTError) {
        let reader = JWKReader(jwk)
        let keyType = try reader.keyType()
        guard keyType == "OKP" else {
            throw .unsupportedKey("the JWK has kty \(JWTError.quoted(keyType)); EdDSA needs an OKP key (kty \"OKP\")")
        }
        let curve = try reader.string("crv", required: true) ?? ""
        guard curve == "Ed25519" else {
            throw .unsupportedKey(
                "the JWK is on curve \(JWTError.quoted(curve)); EdDSA here is Ed25519 only (Ed448 is not supported, "
                    + "X25519 and X448 are key-agreement curves)"
            )
        }
        try reader.checkIntendedUse(for: purpose)
        _ = try reader.algorithm(explicit: nil, allowed: [.eddsa], keyDescription: "an Ed25519 key")
        let rule = "for Ed25519 (RFC 8037 section 2)"
        publicKey = try reader.bytes("x", count: OpenSSLEd25519.keyByteCount, rule: rule)
        privateKey = reader.has("d") ? try reader.bytes("d", count: OpenSSLEd25519.keyByteCount, rule: rule) : nil
    }

    /// The JWK of a public key: `kty`, `crv`, `x`.
    static func publicJWK(publicKey: [UInt8]) -> JSONObject {
        JWKReader.object([("kty", "OKP"), ("crv", "Ed25519"), ("x", Base64URL.encode(publicKey))])
    }

    /// The JWK of a private key: `kty`, `crv`, `x`, `d`.
    static func privateJWK(publicKey: [UInt8], privateKey: [UInt8]) -> JSONObject {
        JWKReader.object([
            ("kty", "OKP"), ("crv", "Ed25519"), ("x", Base64URL.encode(publicKey)), ("d", Base64URL.encode(privateKey)),
        ])
    }

    /// The RFC 7638 / RFC 8037 thumbprint of `{"crv":"Ed25519","kty":"OKP","x":"…"}`.
    static func thumbprint(publicKey: [UInt8]) throws(JWTError) -> String {
        try JWKReader.thumbprint([("crv", "Ed25519"), ("kty", "OKP"), ("x", Base64URL.encode(publicKey))])
    }

    /// The DER header of an Ed25519 `SubjectPublicKeyInfo` (RFC 8410): SEQUENCE { SEQUENCE { OID id-Ed25519 },
    /// BIT STRING (0 unused bits) … }; the 32-byte key follows it.
    static let subjectPublicKeyInfoHeader: [UInt8] = [
        0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00,
    ]

    /// The DER of an Ed25519 PKCS#8 `PrivateKeyInfo` (RFC 8410) up to the key: SEQUENCE { INTEGER 0, SEQUENCE {
    /// OID id-Ed25519 }, OCTET STRING { OCTET STRING (32 bytes) … } }, as OpenSSL writes it; the seed follows it.
    static let privateKeyInfoHeader: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]
}
