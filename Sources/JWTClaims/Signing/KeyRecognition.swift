/// Recognises a key by its content (a PEM label and what it decodes to, DER that decodes to some key, a JWK's `kty`
/// and `crv`) and binds it to its one algorithm: the curve's for EC keys, EdDSA for Ed25519, and the JWK's `alg` or
/// the caller's for RSA and oct keys. The family imports do the checking; this only chooses which one runs.
///
/// An HMAC key never comes from PEM or DER: those hold only asymmetric keys, so a public key's PEM text or DER bytes
/// can never be read as an HMAC secret.
enum KeyRecognition {
    /// The kinds of asymmetric key a PEM or DER input can hold.
    enum Family {
        case ec(ECCurve)
        case eddsa
        case rsa
    }

    /// What a PEM document or DER input holds: whether it is private, and its family.
    static func recognize(
        _ input: some Collection<UInt8>,
        encoding: OpenSSLKeyImport.Encoding,
        label: String?
    ) throws(JWTError) -> (isPrivate: Bool, family: Family) {
        guard let recognized = OpenSSLKeyImport.recognize(input, encoding: encoding) else {
            let what = label.map { "the PEM block \(JWTError.quoted($0))" } ?? "the DER input"
            throw .invalidKey(
                "\(what) is not a key OpenSSL can decode (PKCS#8, SEC1, PKCS#1 or SubjectPublicKeyInfo); "
                    + "encrypted keys are not supported"
            )
        }
        return (recognized.isPrivate, try family(of: recognized.kind))
    }

    /// The family of a decoded key, or the error that says why JOSE does not sign with it.
    private static func family(of kind: OpenSSLKeyImport.Recognized.Kind) throws(JWTError) -> Family {
        switch kind {
        case .ec(curve: .some(let group)):
            guard let curve = ECCurve.named(byGroup: group) else {
                throw .unsupportedKey(
                    "the key is on curve \(JWTError.quoted(group)); JOSE's ECDSA signs on P-256, P-384 and P-521 only"
                )
            }
            return .ec(curve)
        case .ec(curve: nil):
            throw .unsupportedKey("the EC key spells out explicit curve parameters; only named curves are supported")
        case .ed25519:
            return .eddsa
        case .rsa:
            return .rsa
        case .other:
            if isOKP(kind) { throw OpenSSLEd25519.unsupportedKind(kind) }
            // An id-RSASSA-PSS key is still RSA: say how to make it usable, not just that it is not.
            if kind == .other("RSA-PSS") { throw OpenSSLRSA.unsupportedKind(kind) }
            throw .unsupportedKey(
                "the key type is \(kind); JOSE signs with EC (P-256, P-384, P-521), Ed25519, RSA and HMAC keys"
            )
        }
    }

    private static func isOKP(_ kind: OpenSSLKeyImport.Recognized.Kind) -> Bool {
        [.other("ED448"), .other("X25519"), .other("X448")].contains(kind)
    }

    /// Binds a recognised PEM or DER key's algorithm and hands the key to its family's import: the one dispatch that
    /// signing and verification keys share (they differ only in the key types the closures make).
    static func importKey<Key>(
        of family: Family,
        algorithm: JWSAlgorithm?,
        ec: (ECCurve) throws(JWTError) -> Key,
        eddsa: () throws(JWTError) -> Key,
        rsa: (JWSAlgorithm) throws(JWTError) -> Key
    ) throws(JWTError) -> Key {
        switch family {
        case .ec(let curve):
            _ = try bind(curve.algorithm, explicit: algorithm, keyDescription: "a \(curve.name) key")
            return try ec(curve)
        case .eddsa:
            _ = try bind(.eddsa, explicit: algorithm, keyDescription: "an Ed25519 key")
            return try eddsa()
        case .rsa:
            return try rsa(rsaAlgorithm(algorithm))
        }
    }

    /// Recognises a JWK by its `kty` (and an EC key's `crv`, whose algorithm is bound first) and hands it to its
    /// family's import; an Ed25519 key is imported before its algorithm is bound, and RSA and oct imports bind
    /// their own (from `alg` or `algorithm`).
    static func importJWK<Key>(
        _ jwk: JSONObject,
        algorithm: JWSAlgorithm?,
        ec: (ECCurve) throws(JWTError) -> Key,
        eddsa: () throws(JWTError) -> Key,
        rsa: () throws(JWTError) -> Key,
        oct: () throws(JWTError) -> Key
    ) throws(JWTError) -> Key {
        let keyType = try JWKReader(jwk).keyType()
        switch keyType {
        case "EC":
            let curve = try curve(ofJWK: jwk)
            _ = try bind(curve.algorithm, explicit: algorithm, keyDescription: "a \(curve.name) key")
            return try ec(curve)
        case "OKP":
            let key = try eddsa()
            _ = try bind(.eddsa, explicit: algorithm, keyDescription: "an Ed25519 key")
            return key
        case "RSA":
            return try rsa()
        case "oct":
            return try oct()
        default:
            throw .unsupportedKey(
                "the JWK has kty \(JWTError.quoted(keyType)); JOSE signs with kty \"EC\", \"OKP\", \"RSA\" and \"oct\""
            )
        }
    }

    /// The algorithm a key of a one-algorithm family is bound to, checked against the caller's.
    static func bind(
        _ own: JWSAlgorithm,
        explicit: JWSAlgorithm?,
        keyDescription: String
    ) throws(JWTError) -> JWSAlgorithm {
        try JWKReader.bind(
            declared: own,
            explicit: explicit,
            allowed: [own],
            keyDescription: keyDescription,
            declaredBy: "the key's algorithm"
        )
    }

    /// The algorithm an RSA key from PEM or DER is bound to: the caller must say.
    static func rsaAlgorithm(_ explicit: JWSAlgorithm?) throws(JWTError) -> JWSAlgorithm {
        try JWKReader.bind(
            declared: nil,
            explicit: explicit,
            allowed: JWSAlgorithm.rsaAlgorithms,
            keyDescription: "an RSA key",
            declaredBy: ""
        )
    }

    /// The curve a JWK's `crv` names, for `kty` `EC`.
    static func curve(ofJWK jwk: JSONObject) throws(JWTError) -> ECCurve {
        let name = try JWKReader(jwk).string("crv", required: true) ?? ""
        guard let curve = ECCurve.named(name) else {
            throw .unsupportedKey(
                "the JWK is on curve \(JWTError.quoted(name)); JOSE's ECDSA signs on P-256, P-384 and P-521 only"
            )
        }
        return curve
    }
}
