/// Constants of the NIST P-256 curve (SEC 2 secp256r1, FIPS 186-4 D.1.2.3) and range checks on big-endian
/// integers, done in Swift so that out-of-range values are refused before any of them reaches OpenSSL.
enum P256 {
    /// Bytes in a field element or a scalar.
    static let scalarByteCount = 32
    /// Bytes in an uncompressed point `04 || X || Y` (SEC 1 section 2.3.3).
    static let uncompressedPointByteCount = 65
    /// Bytes in a raw ECDSA signature `R || S` (RFC 7518 section 3.4).
    static let signatureByteCount = 64

    /// The group order n, big-endian.
    static let order: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ]

    /// The field prime p = 2^256 - 2^224 + 2^192 + 2^96 - 1, big-endian.
    static let fieldPrime: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ]

    /// The DER header of a P-256 `SubjectPublicKeyInfo` (RFC 5480): SEQUENCE { SEQUENCE { OID id-ecPublicKey,
    /// OID prime256v1 }, BIT STRING (0 unused bits) … }; the 65-byte uncompressed point follows it.
    static let subjectPublicKeyInfoHeader: [UInt8] = [
        0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x06, 0x08, 0x2A,
        0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
    ]

    /// The DER of a P-256 PKCS#8 `PrivateKeyInfo` (RFC 5958) up to the private scalar: SEQUENCE { INTEGER 0,
    /// SEQUENCE { OID id-ecPublicKey, OID prime256v1 }, OCTET STRING { RFC 5915 `ECPrivateKey` SEQUENCE { INTEGER 1,
    /// OCTET STRING (32 bytes) … } } }; the 32-byte scalar follows it.
    static let privateKeyInfoHeader: [UInt8] = [
        0x30, 0x81, 0x87, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02,
        0x01, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x04, 0x6D, 0x30, 0x6B, 0x02,
        0x01, 0x01, 0x04, 0x20,
    ]

    /// What follows the scalar in that `ECPrivateKey`: `[1]` publicKey, a BIT STRING (0 unused bits) whose 65-byte
    /// uncompressed point follows it. The optional `[0]` parameters are left out, as OpenSSL and pyca/cryptography
    /// write PKCS#8: the AlgorithmIdentifier already names the curve.
    static let privateKeyInfoPublicKeyHeader: [UInt8] = [0xA1, 0x44, 0x03, 0x42, 0x00]

    /// The DER `SubjectPublicKeyInfo` (RFC 5480) of `point`, 91 bytes.
    static func subjectPublicKeyInfo(uncompressedPoint point: [UInt8]) -> [UInt8] {
        subjectPublicKeyInfoHeader + point
    }

    /// The DER PKCS#8 `PrivateKeyInfo` of a key with `scalar` and `point`, 138 bytes: the bytes OpenSSL's encoder
    /// writes for a P-256 key, built without it so that the export cannot fail.
    static func privateKeyInfo(privateScalar scalar: [UInt8], uncompressedPoint point: [UInt8]) -> [UInt8] {
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
    /// only the 65-byte uncompressed form `04 || X || Y` with both coordinates below p passes. (Whether the point
    /// is on the curve is OpenSSL's check.)
    /// - Throws: ``JWTError/Code/unsupportedKey`` for compressed and hybrid points, ``JWTError/Code/invalidKey``
    ///   for the point at infinity, a wrong length or a coordinate not below p.
    static func checkUncompressedPointForm(_ point: [UInt8]) throws(JWTError) {
        guard let prefix = point.first else {
            throw .invalidKey("the public point is empty")
        }
        switch prefix {
        case 0x04:
            break
        case 0x02, 0x03:
            throw .unsupportedKey(
                "compressed points are not supported: JOSE keys carry both coordinates, "
                    + "so give the 65-byte uncompressed form 04 || X || Y"
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
                "an uncompressed P-256 point is 65 bytes (04 || X || Y, 32 bytes each), got \(point.count)"
            )
        }
        guard isFieldElement(point[1...scalarByteCount]) else {
            throw .invalidKey("the x coordinate is not below the field prime p")
        }
        guard isFieldElement(point[(scalarByteCount + 1)...]) else {
            throw .invalidKey("the y coordinate is not below the field prime p")
        }
    }

    /// Whether the 32 big-endian bytes are a scalar in [1, n-1], as ECDSA requires of r, s and a private key.
    ///
    /// Runs in time independent of the value (no early exit), so it may be used on private scalars.
    static func isScalarInRange(_ bytes: some Collection<UInt8>) -> Bool {
        guard bytes.count == scalarByteCount else { return false }
        return !isZero(bytes) && isLess(bytes, than: order)
    }

    /// Whether the 32 big-endian bytes are a field element, that is less than p.
    static func isFieldElement(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.count == scalarByteCount && isLess(bytes, than: fieldPrime)
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
