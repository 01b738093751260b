/// What ``ES256/PrivateKey``, ``ES384/PrivateKey`` and ``ES512/PrivateKey`` are made of: one implementation of an
/// ECDSA signing key, parameterised by its ``ECCurve``.
///
/// Import is strict: an EC key on the named curve whose private scalar d lies in [1, n − 1] and matches its public
/// point (d·G = Q, checked by OpenSSL).
struct ECPrivateKeyCore: Sendable {
    /// The OpenSSL key, with its private scalar.
    let backing: EVPKey
    /// The backing key's private scalar, which every export is built from.
    private let scalar: SecretBytes
    /// The matching public key, held in a separate public-only OpenSSL key so that handing it out never hands out
    /// the private scalar.
    let publicKey: ECPublicKeyCore

    /// The curve.
    var curve: ECCurve { publicKey.curve }

    /// Wraps a validated private key and derives its public key.
    private init(curve: ECCurve, material: OpenSSLECKey.Material) throws(JWTError) {
        guard let scalar = material.privateScalar else {
            throw .cryptographicFailure("OpenSSL made a private key without its private scalar")
        }
        backing = material.backing
        self.scalar = scalar
        publicKey = try ECPublicKeyCore(
            curve: curve,
            material: OpenSSLECKey.publicKey(uncompressedPoint: material.uncompressedPoint, curve: curve)
        )
    }

    /// Generates a new random key.
    init(generatingOn curve: ECCurve) throws(JWTError) {
        try self.init(curve: curve, material: OpenSSLECKey.generate(on: curve))
    }

    /// Imports PKCS#8 (`PRIVATE KEY`) or SEC1 (`EC PRIVATE KEY`) PEM.
    init(curve: ECCurve, pemRepresentation: String) throws(JWTError) {
        let document = try PEMDocument(parsing: pemRepresentation)
        let structure: OpenSSLKeyImport.Structure
        switch document.label {
        case "PRIVATE KEY": structure = .pkcs8
        case "EC PRIVATE KEY": structure = .typeSpecific
        default:
            throw PEMDocument.wrongLabelError(
                document.label,
                expected: "\"PRIVATE KEY\" or \"EC PRIVATE KEY\"",
                importer: "\(curve.algorithm)",
                requirement: "\(curve.algorithm) needs an EC \(curve.name) key"
            )
        }
        try self.init(
            curve: curve,
            material: OpenSSLECKey.privateKey(
                decoding: document.block,
                encoding: .pem,
                structure: structure,
                curve: curve
            )
        )
    }

    /// Imports DER: a PKCS#8 `PrivateKeyInfo` or a SEC1 `ECPrivateKey`, detected in that order.
    init(curve: ECCurve, derRepresentation: some Collection<UInt8>) throws(JWTError) {
        try self.init(
            curve: curve,
            material: OpenSSLECKey.privateKey(
                decoding: derRepresentation,
                encoding: .der,
                structure: nil,
                curve: curve
            )
        )
    }

    /// Imports a private JWK (`d` required).
    init(curve: ECCurve, jwk: JSONObject) throws(JWTError) {
        let members = try ECJWK(jwk, curve: curve, for: .sign)
        guard let scalar = members.privateScalar else {
            throw .invalidKey(
                "the JWK has no \"d\" member, so it is a public key; import it as \(curve.algorithm).PublicKey"
            )
        }
        guard curve.isScalarInRange(scalar) else {
            throw .invalidKey("the JWK's d is 0 or not below the group order n")
        }
        try curve.checkUncompressedPointForm(members.uncompressedPoint)
        try self.init(
            curve: curve,
            material: OpenSSLECKey.privateKey(
                scalar: scalar,
                uncompressedPoint: members.uncompressedPoint,
                curve: curve
            )
        )
    }

    /// The key as a JWK: `kty`, `crv`, `x`, `y`, `d`.
    var jwk: JSONObject {
        ECJWK.privateJWK(uncompressedPoint: publicKey.uncompressedPoint, privateScalar: scalar.bytes, curve: curve)
    }

    /// The DER PKCS#8 `PrivateKeyInfo`, with the curve named by OID and the public key included.
    var derRepresentation: [UInt8] {
        curve.privateKeyInfo(privateScalar: scalar.bytes, uncompressedPoint: publicKey.uncompressedPoint)
    }

    /// The PEM `PRIVATE KEY` block (PKCS#8).
    var pemRepresentation: String {
        OpenSSLPEM.armor(derRepresentation, label: "PRIVATE KEY")
    }

    /// Signs `message`, writing the raw `R || S` into `raw`.
    func sign(_ message: some Collection<UInt8>, into raw: UnsafeMutableRawBufferPointer) throws(JWTError) {
        try unsafe withContiguousBytes(of: message) { (bytes) throws(JWTError) in
            try unsafe OpenSSLECDSA.sign(bytes, with: backing, curve: curve, into: raw)
        }
    }

    /// Signs `message` into a new array of ``ECCurve/signatureByteCount`` bytes.
    func signature(for message: some Collection<UInt8>) throws(JWTError) -> [UInt8] {
        var raw = [UInt8](repeating: 0, count: curve.signatureByteCount)
        try unsafe raw.withUnsafeMutableBytes { buffer in
            Result { () throws(JWTError) in try unsafe sign(message, into: buffer) }
        }.get()
        return raw
    }
}
