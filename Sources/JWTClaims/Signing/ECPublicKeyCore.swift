/// What ``ES256/PublicKey``, ``ES384/PublicKey`` and ``ES512/PublicKey`` are made of: one implementation of an ECDSA
/// verification key, parameterised by its ``ECCurve``.
///
/// Import is strict: an EC key on the named curve whose point is given uncompressed and lies on the curve (checked
/// by OpenSSL), so a key that imports can never be an invalid-curve or point-at-infinity trap. Keys of other types
/// or curves, compressed points and explicit curve parameters are refused with ``JWTError/Code/unsupportedKey``;
/// malformed or invalid keys with ``JWTError/Code/invalidKey``.
struct ECPublicKeyCore: Sendable {
    /// The curve.
    let curve: ECCurve
    /// The OpenSSL key, public part only.
    let backing: EVPKey
    /// The public point `04 || X || Y`, read once at import.
    let uncompressedPoint: [UInt8]
    /// The RFC 7638 thumbprint, computed once at import.
    let thumbprint: String

    /// Wraps a validated key.
    init(curve: ECCurve, material: OpenSSLECKey.Material) throws(JWTError) {
        self.curve = curve
        backing = material.backing
        uncompressedPoint = material.uncompressedPoint
        thumbprint = try ECJWK.thumbprint(uncompressedPoint: material.uncompressedPoint, curve: curve)
    }

    /// Imports an X.509 `SubjectPublicKeyInfo` labelled `PUBLIC KEY`.
    init(curve: ECCurve, pemRepresentation: String) throws(JWTError) {
        let document = try PEMDocument(parsing: pemRepresentation)
        guard document.label == "PUBLIC KEY" else {
            throw PEMDocument.wrongLabelError(
                document.label,
                expected: "\"PUBLIC KEY\"",
                importer: "\(curve.algorithm)",
                requirement: "\(curve.algorithm) needs an EC \(curve.name) key",
                familyLabels: ["EC PRIVATE KEY"]
            )
        }
        try self.init(
            curve: curve,
            material: OpenSSLECKey.publicKey(decoding: document.block, encoding: .pem, curve: curve)
        )
    }

    /// Imports the DER bytes of an X.509 `SubjectPublicKeyInfo`.
    init(curve: ECCurve, derRepresentation: some Collection<UInt8>) throws(JWTError) {
        try self.init(
            curve: curve,
            material: OpenSSLECKey.publicKey(decoding: derRepresentation, encoding: .der, curve: curve)
        )
    }

    /// Imports an uncompressed SEC 1 point.
    init(curve: ECCurve, x963Representation: some Collection<UInt8>) throws(JWTError) {
        let point = [UInt8](x963Representation)
        try curve.checkUncompressedPointForm(point)
        try self.init(curve: curve, material: OpenSSLECKey.publicKey(uncompressedPoint: point, curve: curve))
    }

    /// Imports a public JWK; a JWK with `d` is refused.
    init(curve: ECCurve, jwk: JSONObject) throws(JWTError) {
        let members = try ECJWK(jwk, curve: curve, for: .verify)
        guard members.privateScalar == nil else {
            throw .invalidKey(
                "the JWK holds a private key (it has \"d\"); import it as \(curve.algorithm).PrivateKey and use its "
                    + "publicKey"
            )
        }
        try curve.checkUncompressedPointForm(members.uncompressedPoint)
        try self.init(
            curve: curve,
            material: OpenSSLECKey.publicKey(uncompressedPoint: members.uncompressedPoint, curve: curve)
        )
    }

    /// The key as a JWK: `kty`, `crv`, `x`, `y`.
    var jwk: JSONObject {
        ECJWK.publicJWK(uncompressedPoint: uncompressedPoint, curve: curve)
    }

    /// The DER `SubjectPublicKeyInfo`, with the curve named by OID.
    var derRepresentation: [UInt8] {
        curve.subjectPublicKeyInfo(uncompressedPoint: uncompressedPoint)
    }

    /// The PEM `PUBLIC KEY` block.
    var pemRepresentation: String {
        OpenSSLPEM.armor(derRepresentation, label: "PUBLIC KEY")
    }

    /// Whether the raw `R || S` in `raw` is a valid signature of `message`; see ``OpenSSLECDSA/isValid(_:for:with:curve:)``.
    func isValidSignature(raw: UnsafeRawBufferPointer, for message: some Collection<UInt8>) -> Bool {
        let outcome = try? unsafe withContiguousBytes(of: message) { (bytes) throws(JWTError) in
            unsafe OpenSSLECDSA.isValid(raw, for: bytes, with: backing, curve: curve)
        }
        return outcome ?? false
    }

    /// Whether `signature` (any bytes) is a valid raw signature of `message`: false for the wrong length.
    func isValidSignature(bytes signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
        let outcome = try? unsafe withContiguousBytes(of: signature) { (raw) throws(JWTError) in
            unsafe isValidSignature(raw: raw, for: message)
        }
        return outcome ?? false
    }

    /// Whether both are the same point (on the same curve).
    static func == (lhs: ECPublicKeyCore, rhs: ECPublicKeyCore) -> Bool {
        lhs.backing === rhs.backing || lhs.uncompressedPoint == rhs.uncompressedPoint
    }
}
