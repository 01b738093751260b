/// A NIST curve that JOSE signs with, described by its constants: P-256 (ES256), P-384 (ES384) and P-521 (ES512).
///
/// One description per curve lets the three ECDSA algorithms share one implementation (``ECPublicKeyCore``,
/// ``ECPrivateKeyCore``, the backend's ECDSA and key import) instead of three copies. The range checks on big-endian
/// integers are done here, in Swift, so that out-of-range values are refused before any of them reaches OpenSSL.
struct ECCurve: Sendable {
    /// The JOSE (and NIST) name, the JWK's `crv`: `P-256`.
    let name: String
    /// The JWS algorithm keys on this curve are bound to.
    let algorithm: JWSAlgorithm
    /// Bytes in a field element or a scalar: 32, 48, 66 (P-521 scalars have 521 bits).
    let scalarByteCount: Int
    /// The group order n, big-endian, ``scalarByteCount`` bytes.
    let order: [UInt8]
    /// The field prime p, big-endian, ``scalarByteCount`` bytes.
    let fieldPrime: [UInt8]
    /// The DER header of the curve's `SubjectPublicKeyInfo` (RFC 5480): SEQUENCE { SEQUENCE { OID id-ecPublicKey,
    /// OID of the curve }, BIT STRING (0 unused bits) … }; the uncompressed point follows it.
    let subjectPublicKeyInfoHeader: [UInt8]
    /// The DER of the curve's PKCS#8 `PrivateKeyInfo` (RFC 5958) up to the private scalar: SEQUENCE { INTEGER 0,
    /// SEQUENCE { OID id-ecPublicKey, OID of the curve }, OCTET STRING { RFC 5915 `ECPrivateKey` SEQUENCE {
    /// INTEGER 1, OCTET STRING (the scalar) … } } }; the scalar follows it.
    let privateKeyInfoHeader: [UInt8]
    /// What follows the scalar in that `ECPrivateKey`: `[1]` publicKey, a BIT STRING (0 unused bits) whose
    /// uncompressed point follows it. The optional `[0]` parameters are left out, as OpenSSL and pyca/cryptography
    /// write PKCS#8: the AlgorithmIdentifier already names the curve.
    let privateKeyInfoPublicKeyHeader: [UInt8]

    /// Bytes in an uncompressed point `04 || X || Y` (SEC 1 section 2.3.3): 65, 97, 133.
    var uncompressedPointByteCount: Int { 1 + 2 * scalarByteCount }
    /// Bytes in a raw ECDSA signature `R || S` (RFC 7518 section 3.4): 64, 96, 132.
    var signatureByteCount: Int { 2 * scalarByteCount }
    /// The hash ECDSA uses on this curve in JOSE.
    var digest: Digest { algorithm.digest }

    /// NIST P-256 (SEC 2 secp256r1, FIPS 186-4 D.1.2.3), for ES256.
    static let p256 = ECCurve(
        name: "P-256",
        algorithm: .es256,
        scalarByteCount: 32,
        order: [
            0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
        ],
        // p = 2^256 - 2^224 + 2^192 + 2^96 - 1
        fieldPrime: [
            0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        ],
        subjectPublicKeyInfoHeader: [
            0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x06, 0x08, 0x2A,
            0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
        ],
        privateKeyInfoHeader: [
            0x30, 0x81, 0x87, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02,
            0x01, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x04, 0x6D, 0x30, 0x6B, 0x02,
            0x01, 0x01, 0x04, 0x20,
        ],
        privateKeyInfoPublicKeyHeader: [0xA1, 0x44, 0x03, 0x42, 0x00]
    )

    /// NIST P-384 (SEC 2 secp384r1, FIPS 186-4 D.1.2.4), for ES384.
    static let p384 = ECCurve(
        name: "P-384",
        algorithm: .es384,
        scalarByteCount: 48,
        order: [
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xC7, 0x63, 0x4D, 0x81, 0xF4, 0x37, 0x2D, 0xDF,
            0x58, 0x1A, 0x0D, 0xB2, 0x48, 0xB0, 0xA7, 0x7A, 0xEC, 0xEC, 0x19, 0x6A, 0xCC, 0xC5, 0x29, 0x73,
        ],
        // p = 2^384 - 2^128 - 2^96 + 2^32 - 1
        fieldPrime: [
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
            0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF,
        ],
        subjectPublicKeyInfoHeader: [
            0x30, 0x76, 0x30, 0x10, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x06, 0x05, 0x2B,
            0x81, 0x04, 0x00, 0x22, 0x03, 0x62, 0x00,
        ],
        privateKeyInfoHeader: [
            0x30, 0x81, 0xB6, 0x02, 0x01, 0x00, 0x30, 0x10, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02,
            0x01, 0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x22, 0x04, 0x81, 0x9E, 0x30, 0x81, 0x9B, 0x02, 0x01,
            0x01, 0x04, 0x30,
        ],
        privateKeyInfoPublicKeyHeader: [0xA1, 0x64, 0x03, 0x62, 0x00]
    )

    /// NIST P-521 (SEC 2 secp521r1, FIPS 186-4 D.1.2.5), for ES512.
    static let p521 = ECCurve(
        name: "P-521",
        algorithm: .es512,
        scalarByteCount: 66,
        order: [
            0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFA, 0x51, 0x86, 0x87, 0x83, 0xBF, 0x2F, 0x96, 0x6B, 0x7F, 0xCC, 0x01, 0x48, 0xF7, 0x09,
            0xA5, 0xD0, 0x3B, 0xB5, 0xC9, 0xB8, 0x89, 0x9C, 0x47, 0xAE, 0xBB, 0x6F, 0xB7, 0x1E, 0x91, 0x38,
            0x64, 0x09,
        ],
        // p = 2^521 - 1
        fieldPrime: [0x01] + [UInt8](repeating: 0xFF, count: 65),
        subjectPublicKeyInfoHeader: [
            0x30, 0x81, 0x9B, 0x30, 0x10, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x06, 0x05,
            0x2B, 0x81, 0x04, 0x00, 0x23, 0x03, 0x81, 0x86, 0x00,
        ],
        privateKeyInfoHeader: [
            0x30, 0x81, 0xEE, 0x02, 0x01, 0x00, 0x30, 0x10, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02,
            0x01, 0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x23, 0x04, 0x81, 0xD6, 0x30, 0x81, 0xD3, 0x02, 0x01,
            0x01, 0x04, 0x42,
        ],
        privateKeyInfoPublicKeyHeader: [0xA1, 0x81, 0x89, 0x03, 0x81, 0x86, 0x00]
    )

    /// The curves, for lookups by name.
    static let all: [ECCurve] = [.p256, .p384, .p521]

    /// The curve whose JOSE name is `name` (code unit by code unit), or nil.
    static func named(_ name: String) -> ECCurve? {
        all.first { CodeUnitString.equal($0.name, name) }
    }

    /// The curve keys of `algorithm` live on, or nil for a non-ECDSA algorithm.
    static func of(_ algorithm: JWSAlgorithm) -> ECCurve? {
        all.first { $0.algorithm == algorithm }
    }

    /// The DER `SubjectPublicKeyInfo` (RFC 5480) of `point`.
    func subjectPublicKeyInfo(uncompressedPoint point: [UInt8]) -> [UInt8] {
        subjectPublicKeyInfoHeader + point
    }

    /// The DER PKCS#8 `PrivateKeyInfo` of a key with `scalar` and `point`: the bytes OpenSSL's encoder writes for a
    /// key on this curve, built without it so that the export cannot fail.
    func privateKeyInfo(privateScalar scalar: [UInt8], uncompressedPoint point: [UInt8]) -> [UInt8] {
        // One allocation, so no intermediate array holds a copy of the scalar.
        var der: [UInt8] = []
        der.reserveCapacity(
            privateKeyInfoHeader.count + scalar.count + privateKeyInfoPublicKeyHeader.count + point.count
        )
        der += privateKeyInfoHeader
        der += scalar
        der += privateKeyInfoPublicKeyHeader
        der += point
        return der
    }

    /// Checks the SEC 1 encoding of a point before OpenSSL sees it, so each kind of refusal gets its own reason:
    /// only the uncompressed form `04 || X || Y` with both coordinates below p passes. (Whether the point is on the
    /// curve is OpenSSL's check.)
    /// - Throws: ``JWTError/Code/unsupportedKey`` for compressed and hybrid points, ``JWTError/Code/invalidKey``
    ///   for the point at infinity, a wrong length or a coordinate not below p.
    func checkUncompressedPointForm(_ point: [UInt8]) throws(JWTError) {
        guard let prefix = point.first else {
            throw .invalidKey("the public point is empty")
        }
        switch prefix {
        case 0x04:
            break
        case 0x02, 0x03:
            throw .unsupportedKey(
                "compressed points are not supported: JOSE keys carry both coordinates, "
                    + "so give the \(uncompressedPointByteCount)-byte uncompressed form 04 || X || Y"
            )
        case 0x06, 0x07:
            throw .unsupportedKey("hybrid point encodings are not supported; give the uncompressed form 04 || X || Y")
        case 0x00:
            throw .invalidKey("the point at infinity is not a public key")
        default:
            throw .invalidKey("0x\(String(prefix, radix: 16)) does not start a SEC 1 point encoding")
        }
        guard point.count == uncompressedPointByteCount else {
            throw .invalidKey(
                "an uncompressed \(name) point is \(uncompressedPointByteCount) bytes (04 || X || Y, "
                    + "\(scalarByteCount) bytes each), got \(point.count)"
            )
        }
        guard isFieldElement(point[1...scalarByteCount]) else {
            throw .invalidKey("the x coordinate is not below the field prime p")
        }
        guard isFieldElement(point[(scalarByteCount + 1)...]) else {
            throw .invalidKey("the y coordinate is not below the field prime p")
        }
    }

    /// Whether the big-endian bytes are a scalar in [1, n-1], as ECDSA requires of r, s and a private key.
    ///
    /// Runs in time independent of the value (no early exit), so it may be used on private scalars.
    func isScalarInRange(_ bytes: some Collection<UInt8>) -> Bool {
        guard bytes.count == scalarByteCount else { return false }
        return !Self.isZero(bytes) && Self.isLess(bytes, than: order)
    }

    /// Whether the big-endian bytes are a field element, that is less than p.
    func isFieldElement(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.count == scalarByteCount && Self.isLess(bytes, than: fieldPrime)
    }

    /// Constant-time zero test.
    private static func isZero(_ bytes: some Collection<UInt8>) -> Bool {
        var accumulated: UInt8 = 0
        for byte in bytes {
            accumulated |= byte
        }
        return accumulated == 0
    }

    /// Constant-time big-endian `value < bound` for equal lengths: walks every byte, remembering the first
    /// difference without branching on the data.
    private static func isLess(_ value: some Collection<UInt8>, than bound: [UInt8]) -> Bool {
        var isLess: UInt32 = 0
        var isDecided: UInt32 = 0
        for (valueByte, boundByte) in zip(value, bound) {
            let left = UInt32(valueByte)
            let right = UInt32(boundByte)
            // (left - right) >> 31 is 1 exactly when left < right (both are bytes); likewise for right < left.
            let leftIsSmaller = (left &- right) >> 31
            let rightIsSmaller = (right &- left) >> 31
            isLess |= leftIsSmaller & ~isDecided & 1
            isDecided |= leftIsSmaller | rightIsSmaller
        }
        return isLess == 1
    }
}
