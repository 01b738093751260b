internal import COpenSSL

/// Makes validated EC keys on a NIST curve: generated, decoded from PEM/DER, or assembled from coordinates.
///
/// Every key that leaves this file is an EC key on the named curve it was asked for, whose public point is
/// uncompressed and has passed OpenSSL's validation (on the curve, not at infinity, coordinates below p; for private
/// keys also 0 < d < n and d·G equal to the public point), together with the point and scalar read back from it.
enum OpenSSLECKey {
    /// A validated key and what its exports are built from.
    struct Material {
        /// The OpenSSL key.
        let backing: EVPKey
        /// The public point, uncompressed.
        let uncompressedPoint: [UInt8]
        /// The private scalar, for a private key.
        let privateScalar: SecretBytes?
    }

    // MARK: - Generation

    /// A fresh private key on `curve` from OpenSSL's default random generator. Wraps `EVP_EC_gen`.
    static func generate(on curve: ECCurve) throws(JWTError) -> Material {
        OpenSSLErrorQueue.clear()
        guard let pkey = unsafe COpenSSL_EVP_EC_gen(curve.groupName.cString) else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not generate a \(curve.name) key")
        }
        return try unsafe material(taking: pkey, curve: curve, isPrivate: true)
    }

    // MARK: - PEM and DER

    /// A private key decoded from PKCS#8 or SEC1, in PEM or DER. With `structure` nil (DER of unknown structure),
    /// PKCS#8 is tried first, then SEC1.
    static func privateKey(
        decoding input: some Collection<UInt8>,
        encoding: OpenSSLKeyImport.Encoding,
        structure: OpenSSLKeyImport.Structure?,
        curve: ECCurve
    ) throws(JWTError) -> Material {
        let decoded = try decodeKey(
            input,
            encoding: encoding,
            structures: structure.map { [$0] } ?? [.pkcs8, .typeSpecific],
            curve: curve,
            isPrivate: true
        )
        return try canonical(decoded, curve: curve)
    }

    /// The same key, rebuilt from its scalar and point alone.
    ///
    /// OpenSSL keeps parts of the decoded `ECPrivateKey` (RFC 5915) that do not change the key and writes them back
    /// on export: its `version`, which must be 1 but is read as any integer, and whether the optional public key was
    /// present. So a key imported from a non-conforming encoding exported a non-conforming PKCS#8, and two encodings
    /// of one key exported different bytes (found by FuzzKeyImport: SEC1 DER with version 33). Rebuilt, a key has
    /// one export whatever encoding it came from.
    private static func canonical(_ decoded: Material, curve: ECCurve) throws(JWTError) -> Material {
        guard let scalar = decoded.privateScalar else {
            throw .cryptographicFailure("OpenSSL decoded a private key without its private scalar")
        }
        // The scalar goes to OpenSSL straight from where the decoded key keeps it: no copy to wipe.
        return try unsafe scalar.withUnsafeBytes { (bytes) throws(JWTError) in
            try unsafe key(uncompressedPoint: decoded.uncompressedPoint, privateScalar: bytes, curve: curve)
        }
    }

    /// A public key decoded from an X.509 `SubjectPublicKeyInfo` (RFC 5480), in PEM or DER.
    static func publicKey(
        decoding input: some Collection<UInt8>,
        encoding: OpenSSLKeyImport.Encoding,
        curve: ECCurve
    ) throws(JWTError) -> Material {
        try decodeKey(input, encoding: encoding, structures: [.subjectPublicKeyInfo], curve: curve, isPrivate: false)
    }

    /// Decodes with the key type "EC" as a hint and validates the key; when nothing decodes, explains why.
    private static func decodeKey(
        _ input: some Collection<UInt8>,
        encoding: OpenSSLKeyImport.Encoding,
        structures: [OpenSSLKeyImport.Structure],
        curve: ECCurve,
        isPrivate: Bool
    ) throws(JWTError) -> Material {
        if let pkey = unsafe OpenSSLKeyImport.decode(
            input,
            encoding: encoding,
            structures: structures,
            keyType: OpenSSLNames.ec,
            isPrivate: isPrivate
        ) {
            return try unsafe validated(pkey, curve: curve, isPrivate: isPrivate)
        }
        let expected = isPrivate ? "an EC private key" : "an EC SubjectPublicKeyInfo"
        throw OpenSSLKeyImport.decodingFailure(of: input, encoding: encoding, expected: expected) { recognized in
            unsupportedKind(recognized.kind, curve: curve)
        }
    }

    /// An error naming the key's type or curve if it is not an EC key on `curve`, nil if it is.
    static func unsupportedKind(_ kind: OpenSSLKeyImport.Recognized.Kind, curve: ECCurve) -> JWTError? {
        switch kind {
        case .ec(curve: nil):
            return .unsupportedKey(
                "the key's curve has no name (explicit parameters); only the named curve \(curve.name) is supported"
            )
        case .ec(curve: .some(let group)) where curve.isNamed(byGroup: group):
            return nil
        case .ec(curve: .some(let group)):
            return .unsupportedKey(
                "the key is on curve \(ECCurve.joseName(ofGroup: group) ?? group); \(curve.algorithm) needs "
                    + "\(curve.name) (\(curve.groupName))"
            )
        default:
            return .unsupportedKey("the key type is \(kind); \(curve.algorithm) needs an EC key on \(curve.name)")
        }
    }

    // MARK: - Coordinates

    /// A public key from its uncompressed point (the caller checked the form).
    static func publicKey(uncompressedPoint point: [UInt8], curve: ECCurve) throws(JWTError) -> Material {
        try unsafe key(uncompressedPoint: point, privateScalar: nil, curve: curve)
    }

    /// A private key from its scalar d (big-endian) and the public point it must match.
    static func privateKey(
        scalar: [UInt8],
        uncompressedPoint point: [UInt8],
        curve: ECCurve
    ) throws(JWTError) -> Material {
        try unsafe scalar.withUnsafeBytes { scalarBytes in
            Result { () throws(JWTError) in
                try unsafe key(uncompressedPoint: point, privateScalar: scalarBytes, curve: curve)
            }
        }.get()
    }

    /// A key from its point and, for a private key, its scalar.
    private static func key(
        uncompressedPoint point: [UInt8],
        privateScalar: UnsafeRawBufferPointer?,
        curve: ECCurve
    ) throws(JWTError) -> Material {
        OpenSSLErrorQueue.clear()
        return try unsafe point.withUnsafeBytes { pointBytes in
            Result { () throws(JWTError) in
                try unsafe fromData(uncompressedPoint: pointBytes, privateScalar: privateScalar, curve: curve)
            }
        }.get()
    }

    /// Wraps `OSSL_PARAM_BLD_*`, `BN_bin2bn` and `EVP_PKEY_fromdata` with the group name, `OSSL_PKEY_PARAM_PUB_KEY`
    /// and, for a private key, `OSSL_PKEY_PARAM_PRIV_KEY`.
    private static func fromData(
        uncompressedPoint point: UnsafeRawBufferPointer,
        privateScalar: UnsafeRawBufferPointer?,
        curve: ECCurve
    ) throws(JWTError) -> Material {
        guard let builder = unsafe OSSL_PARAM_BLD_new() else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not allocate an OSSL_PARAM_BLD")
        }
        defer { unsafe OSSL_PARAM_BLD_free(builder) }
        // Names and values are static C strings or `point`, all alive until the parameters are freed below.
        guard
            unsafe OSSL_PARAM_BLD_push_utf8_string(
                builder,
                OpenSSLNames.groupName.cString,
                curve.groupName.cString,
                0
            ) == 1,
            unsafe OSSL_PARAM_BLD_push_octet_string(
                builder,
                OpenSSLNames.publicKey.cString,
                point.baseAddress,
                point.count
            ) == 1
        else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not build the key parameters")
        }
        // The scalar goes in a BIGNUM from secure memory (when OpenSSL has a secure heap), is copied by the builder
        // into a block that OSSL_PARAM_free wipes, and is itself wiped by BN_clear_free.
        var scalarNumber: OpaquePointer?
        defer { unsafe BN_clear_free(scalarNumber) }
        if let scalar = unsafe privateScalar {
            unsafe scalarNumber = BN_secure_new()
            guard let number = unsafe scalarNumber,
                unsafe BN_bin2bn(scalar.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(scalar.count), number)
                    != nil,
                unsafe OSSL_PARAM_BLD_push_BN(builder, OpenSSLNames.privateKey.cString, number) == 1
            else {
                throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not build the private key parameter")
            }
        }
        guard let parameters = unsafe OSSL_PARAM_BLD_to_param(builder) else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not build the key parameters")
        }
        defer { unsafe OSSL_PARAM_free(parameters) }
        let isPrivate = unsafe privateScalar != nil
        let pkey = try unsafe OpenSSLKeyImport.fromData(parameters, keyType: OpenSSLNames.ec, isPrivate: isPrivate)
        guard let pkey = unsafe pkey else {
            throw OpenSSLErrorQueue.failure(.invalidKey, "the coordinates are not a point on \(curve.name)")
        }
        return try unsafe validated(pkey, curve: curve, isPrivate: isPrivate)
    }

    // MARK: - Validation

    /// Checks that `pkey` is a usable key on `curve` and wraps it with its point and scalar; frees it and throws
    /// otherwise.
    /// Wraps `EVP_PKEY_public_check_quick` (public keys) and `EVP_PKEY_pairwise_check` (private keys).
    private static func validated(_ pkey: OpaquePointer, curve: ECCurve, isPrivate: Bool) throws(JWTError) -> Material {
        do throws(JWTError) {
            try unsafe requireNamedCurve(pkey, curve: curve)
            if !isPrivate,
                let form = unsafe OpenSSLKeyImport.utf8Parameter(OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, of: pkey),
                form != "uncompressed"
            {
                // The decoder records the form the point was encoded in; JOSE keys always carry both coordinates.
                throw .unsupportedKey(
                    "the public point is encoded \(form); compressed points are not supported: JOSE keys carry "
                        + "both coordinates x and y"
                )
            }
            if isPrivate {
                // A private key's embedded public point may have been stored compressed; JOSE and our exports use
                // the uncompressed form, so normalise it before the key is shared (it is never modified after).
                guard
                    unsafe EVP_PKEY_set_utf8_string_param(
                        pkey,
                        OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT,
                        "uncompressed"
                    ) == 1
                else {
                    throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not select uncompressed points")
                }
            }
            try unsafe check(pkey, curve: curve, isPrivate: isPrivate)
        } catch {
            unsafe EVP_PKEY_free(pkey)
            throw error
        }
        return try unsafe material(taking: pkey, curve: curve, isPrivate: isPrivate)
    }

    /// Wraps `pkey` (whose ownership passes here) with its point and, for a private key, its scalar; frees it and
    /// throws if they cannot be read.
    private static func material(
        taking pkey: OpaquePointer,
        curve: ECCurve,
        isPrivate: Bool
    ) throws(JWTError)
        -> Material
    {
        let point: [UInt8]
        let scalar: SecretBytes?
        do {
            point = try unsafe readUncompressedPoint(of: pkey, curve: curve)
            scalar = isPrivate ? try unsafe readPrivateScalar(of: pkey, curve: curve) : nil
        } catch {
            unsafe EVP_PKEY_free(pkey)
            throw error
        }
        return unsafe Material(
            backing: EVPKey(taking: pkey, hasPrivateKey: isPrivate),
            uncompressedPoint: point,
            privateScalar: scalar
        )
    }

    /// Throws unless `pkey` is an EC key on the named `curve` (explicit curve parameters are refused).
    private static func requireNamedCurve(_ pkey: OpaquePointer, curve: ECCurve) throws(JWTError) {
        if let error = unsafe unsupportedKind(OpenSSLKeyImport.kind(of: pkey), curve: curve) {
            throw error
        }
        let encoding = unsafe OpenSSLKeyImport.utf8Parameter(OSSL_PKEY_PARAM_EC_ENCODING, of: pkey)
        guard encoding == nil || encoding == "named_curve" else {
            throw .unsupportedKey(
                "the key spells out explicit curve parameters; only the named curve \(curve.name) "
                    + "(\(curve.groupName)) is supported"
            )
        }
    }

    /// OpenSSL's own validation. For the NIST curves (cofactor 1) the quick public check is complete: it rejects the
    /// point at infinity, coordinates not below p and points off the curve; the full check would only add n·Q = O,
    /// which every point on a prime-order curve satisfies. The pairwise check of a private key also checks 0 < d < n
    /// and d·G = Q.
    private static func check(_ pkey: OpaquePointer, curve: ECCurve, isPrivate: Bool) throws(JWTError) {
        guard let context = unsafe EVP_PKEY_CTX_new_from_pkey(nil, pkey, nil) else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not create an EVP_PKEY_CTX")
        }
        defer { unsafe EVP_PKEY_CTX_free(context) }
        if isPrivate {
            guard unsafe EVP_PKEY_pairwise_check(context) == 1 else {
                throw OpenSSLErrorQueue.failure(
                    .invalidKey,
                    "the private scalar is out of range or does not match the public point"
                )
            }
        } else {
            guard unsafe EVP_PKEY_public_check_quick(context) == 1 else {
                throw OpenSSLErrorQueue.failure(.invalidKey, "the public point is not a valid \(curve.name) point")
            }
        }
    }

    /// Reads the encoded public point and insists on the uncompressed form.
    /// Wraps `EVP_PKEY_get_octet_string_param(OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY)`.
    private static func readUncompressedPoint(of pointer: OpaquePointer, curve: ECCurve) throws(JWTError) -> [UInt8] {
        var point = [UInt8](repeating: 0, count: curve.uncompressedPointByteCount)
        var length = 0
        OpenSSLErrorQueue.clear()
        let status = unsafe point.withUnsafeMutableBufferPointer { buffer in
            unsafe EVP_PKEY_get_octet_string_param(
                pointer,
                OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
                buffer.baseAddress,
                buffer.count,
                &length
            )
        }
        guard status == 1 else {
            throw OpenSSLErrorQueue.failure(.invalidKey, "the key has no readable public point")
        }
        guard length == curve.uncompressedPointByteCount, point[0] == 0x04 else {
            throw .unsupportedKey(
                "compressed or hybrid points are not supported: JOSE keys carry both coordinates x and y"
            )
        }
        return point
    }

    /// Reads the private scalar d, big-endian and left-padded to the curve's size, straight into its owner.
    private static func readPrivateScalar(of pointer: OpaquePointer, curve: ECCurve) throws(JWTError) -> SecretBytes {
        try unsafe OpenSSLKeyImport.readSecretNumber(OpenSSLNames.privateKey, of: pointer, count: curve.scalarByteCount)
    }
}
