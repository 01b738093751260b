internal import COpenSSL

/// Makes validated P-256 ``EVPKey``s: generated, decoded from PEM/DER, or assembled from coordinates.
///
/// Every key that leaves this file is an EC key on the named curve P-256 whose public point is uncompressed and has
/// passed OpenSSL's validation (on the curve, not at infinity, coordinates below p; for private keys also
/// 0 < d < n and d·G equal to the public point).
enum OpenSSLKeyImport {
    /// How the bytes handed to the decoder are wrapped.
    enum Encoding {
        case pem
        case der

        /// The decoder's input type, a static C string (see ``OpenSSLNames``).
        var inputType: StaticString { self == .pem ? OpenSSLNames.pem : OpenSSLNames.der }
        /// For messages.
        var name: String { self == .pem ? "PEM" : "DER" }
    }

    /// Which ASN.1 structure holds a private key.
    enum PrivateKeyStructure {
        /// RFC 5208 / RFC 5958 `PrivateKeyInfo` ("BEGIN PRIVATE KEY").
        case pkcs8
        /// RFC 5915 / SEC 1 `ECPrivateKey` ("BEGIN EC PRIVATE KEY"); OpenSSL calls it "type-specific".
        case sec1

        /// The decoder's structure name, a static C string.
        var structure: StaticString { self == .pkcs8 ? OpenSSLNames.privateKeyInfo : OpenSSLNames.typeSpecific }
    }

    /// OpenSSL's name for the curve, as `OSSL_PKEY_PARAM_GROUP_NAME` reports it.
    private static let curveName = "prime256v1"

    // MARK: - Generation

    /// A fresh private key on P-256 from OpenSSL's default random generator. Wraps `EVP_EC_gen`.
    static func generatePrivateKey() throws(JWTError) -> EVPKey {
        OpenSSLErrorQueue.clear()
        guard let pkey = unsafe COpenSSL_EVP_EC_gen("P-256") else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not generate a P-256 key")
        }
        return try unsafe EVPKey(taking: pkey, hasPrivateKey: true)
    }

    // MARK: - PEM and DER

    /// A private key decoded from PKCS#8 or SEC1, in PEM or DER. With `structure` nil (DER of unknown structure),
    /// PKCS#8 is tried first, then SEC1.
    /// Wraps `OSSL_DECODER_CTX_new_for_pkey` and `OSSL_DECODER_from_data`, always with input type, structure and
    /// key type "EC" as hints (a decoder without hints tries every format and is about three times slower).
    static func privateKey(
        decoding input: some Collection<UInt8>,
        encoding: Encoding,
        structure: PrivateKeyStructure?
    ) throws(JWTError) -> EVPKey {
        let structures = (structure.map { [$0] } ?? [.pkcs8, .sec1]).map(\.structure)
        let decoded = try unsafe withContiguousBytes(of: input) { (bytes) throws(JWTError) in
            try unsafe decodeKey(
                bytes,
                encoding: encoding,
                structures: structures,
                isPrivate: true,
                expected: "an EC private key"
            )
        }
        return try canonical(decoded)
    }

    /// The same key, rebuilt from its scalar and point alone.
    ///
    /// OpenSSL keeps parts of the decoded `ECPrivateKey` (RFC 5915) that do not change the key and writes them back
    /// on export: its `version`, which must be 1 but is read as any integer, and whether the optional public key was
    /// present. So a key imported from a non-conforming encoding exported a non-conforming PKCS#8, and two encodings
    /// of one key exported different bytes (found by FuzzKeyImport: SEC1 DER with version 33). Rebuilt, a key has
    /// one export whatever encoding it came from.
    private static func canonical(_ decoded: EVPKey) throws(JWTError) -> EVPKey {
        guard let scalar = decoded.privateScalar else {
            throw .cryptographicFailure("OpenSSL decoded a private key without its private scalar")
        }
        // The scalar goes to OpenSSL straight from where the decoded key keeps it: no copy to wipe.
        return try unsafe scalar.withUnsafeBytes { (bytes) throws(JWTError) in
            try unsafe key(uncompressedPoint: decoded.uncompressedPoint, privateScalar: bytes)
        }
    }

    /// A public key decoded from an X.509 `SubjectPublicKeyInfo` (RFC 5480), in PEM or DER.
    static func publicKey(decoding input: some Collection<UInt8>, encoding: Encoding) throws(JWTError) -> EVPKey {
        try unsafe withContiguousBytes(of: input) { (bytes) throws(JWTError) in
            try unsafe decodeKey(
                bytes,
                encoding: encoding,
                structures: [OpenSSLNames.subjectPublicKeyInfo],
                isPrivate: false,
                expected: "an EC SubjectPublicKeyInfo"
            )
        }
    }

    /// Tries the `structures` in order, always with the key type "EC" as a hint, and validates the first key that
    /// decodes; when none does, explains why in terms of `expected`.
    private static func decodeKey(
        _ bytes: UnsafeRawBufferPointer,
        encoding: Encoding,
        structures: [StaticString],
        isPrivate: Bool,
        expected: String
    ) throws(JWTError) -> EVPKey {
        OpenSSLErrorQueue.clear()
        let selection = isPrivate ? COpenSSL_EVP_PKEY_KEYPAIR() : COpenSSL_EVP_PKEY_PUBLIC_KEY()
        for structure in structures {
            if let pkey = unsafe decode(
                bytes,
                encoding: encoding,
                structure: structure,
                keyType: OpenSSLNames.ec,
                selection: selection
            ) {
                return try unsafe validated(pkey, isPrivate: isPrivate)
            }
        }
        throw unsafe explainDecodingFailure(of: bytes, encoding: encoding, expected: expected)
    }

    /// Runs one decoder over all of `bytes`; nil if it fails or leaves bytes over.
    private static func decode(
        _ bytes: UnsafeRawBufferPointer,
        encoding: Encoding,
        structure: StaticString?,
        keyType: StaticString?,
        selection: Int32
    ) -> OpaquePointer? {
        // The decoder context keeps the EVP_PKEY** and writes through it during OSSL_DECODER_from_data, so the
        // slot must outlive both calls: a temporary allocation, not an inout conversion.
        unsafe withUnsafeTemporaryAllocation(of: OpaquePointer?.self, capacity: 1) { slot in
            guard let slotAddress = slot.baseAddress else { return nil }
            unsafe slotAddress.initialize(to: nil)
            guard
                let context = unsafe OSSL_DECODER_CTX_new_for_pkey(
                    slotAddress,
                    encoding.inputType.cString,
                    structure?.cString,
                    keyType?.cString,
                    selection,
                    nil,
                    nil
                )
            else { return nil }
            defer { unsafe OSSL_DECODER_CTX_free(context) }
            guard unsafe OSSL_DECODER_CTX_get_num_decoders(context) > 0 else { return nil }
            var cursor = unsafe bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            var remaining = bytes.count
            let status = unsafe OSSL_DECODER_from_data(context, &cursor, &remaining)
            let pkey = unsafe slotAddress.pointee
            // Trailing bytes after the structure are refused: a key has exactly one encoding here.
            guard status == 1, remaining == 0, let pkey = unsafe pkey else {
                unsafe EVP_PKEY_free(pkey)
                return nil
            }
            return unsafe pkey
        }
    }

    /// Why hinted decoding failed: decodes again without a key-type or structure hint (only on this error path)
    /// to name a wrong key type or curve; otherwise reports the bytes as malformed with OpenSSL's reasons.
    private static func explainDecodingFailure(
        of bytes: UnsafeRawBufferPointer,
        encoding: Encoding,
        expected: String
    ) -> JWTError {
        let openSSLReasons = OpenSSLErrorQueue.drain()
        guard
            let pkey = unsafe decode(bytes, encoding: encoding, structure: nil, keyType: nil, selection: 0)
        else {
            return .invalidKey(
                "the \(encoding.name) input is not \(expected) (OpenSSL: \(openSSLReasons))"
            )
        }
        defer { unsafe EVP_PKEY_free(pkey) }
        OpenSSLErrorQueue.clear()
        if let typeError = unsafe unsupportedTypeOrCurve(pkey) {
            return typeError
        }
        return .invalidKey(
            "the \(encoding.name) input holds a P-256 key, but not as \(expected) (OpenSSL: \(openSSLReasons))"
        )
    }

    // MARK: - Coordinates

    /// A public key from its uncompressed point `04 || X || Y` (65 bytes; the caller checked the form).
    /// Wraps `OSSL_PARAM_BLD_*` and `EVP_PKEY_fromdata` with the group name and `OSSL_PKEY_PARAM_PUB_KEY`.
    static func publicKey(uncompressedPoint point: [UInt8]) throws(JWTError) -> EVPKey {
        try unsafe key(uncompressedPoint: point, privateScalar: nil)
    }

    /// A private key from its scalar d (32 bytes, big-endian) and the public point it must match.
    /// Wraps `BN_bin2bn`, `OSSL_PARAM_BLD_push_BN` and `EVP_PKEY_fromdata` with `OSSL_PKEY_PARAM_PRIV_KEY`.
    static func privateKey(scalar: [UInt8], uncompressedPoint point: [UInt8]) throws(JWTError) -> EVPKey {
        try unsafe scalar.withUnsafeBytes { scalarBytes in
            Result { () throws(JWTError) in try unsafe key(uncompressedPoint: point, privateScalar: scalarBytes) }
        }.get()
    }

    /// A key from its point and, for a private key, its scalar.
    private static func key(
        uncompressedPoint point: [UInt8],
        privateScalar: UnsafeRawBufferPointer?
    ) throws(JWTError) -> EVPKey {
        OpenSSLErrorQueue.clear()
        return try unsafe point.withUnsafeBytes { pointBytes in
            Result { () throws(JWTError) in
                try unsafe fromData(uncompressedPoint: pointBytes, privateScalar: privateScalar)
            }
        }.get()
    }

    private static func fromData(
        uncompressedPoint point: UnsafeRawBufferPointer,
        privateScalar: UnsafeRawBufferPointer?
    ) throws(JWTError) -> EVPKey {
        guard let builder = unsafe OSSL_PARAM_BLD_new() else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not allocate an OSSL_PARAM_BLD")
        }
        defer { unsafe OSSL_PARAM_BLD_free(builder) }
        // Names and values are static C strings or `point`, all alive until the parameters are freed below.
        guard
            unsafe OSSL_PARAM_BLD_push_utf8_string(
                builder,
                OpenSSLNames.groupName.cString,
                OpenSSLNames.prime256v1.cString,
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
        guard let context = unsafe EVP_PKEY_CTX_new_from_name(nil, OpenSSLNames.ec.cString, nil) else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not create an EC EVP_PKEY_CTX")
        }
        defer { unsafe EVP_PKEY_CTX_free(context) }
        guard unsafe EVP_PKEY_fromdata_init(context) == 1 else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not initialise EVP_PKEY_fromdata")
        }
        let isPrivate = unsafe privateScalar != nil
        var pkey: OpaquePointer?
        let status = unsafe EVP_PKEY_fromdata(
            context,
            &pkey,
            isPrivate ? COpenSSL_EVP_PKEY_KEYPAIR() : COpenSSL_EVP_PKEY_PUBLIC_KEY(),
            parameters
        )
        guard status == 1, let pkey = unsafe pkey else {
            unsafe EVP_PKEY_free(pkey)
            throw OpenSSLErrorQueue.failure(.invalidKey, "the coordinates are not a point on P-256")
        }
        return try unsafe validated(pkey, isPrivate: isPrivate)
    }

    // MARK: - Validation

    /// Checks that `pkey` is a usable P-256 key and wraps it; frees it and throws otherwise.
    /// Wraps `EVP_PKEY_public_check_quick` (public keys) and `EVP_PKEY_pairwise_check` (private keys).
    private static func validated(_ pkey: OpaquePointer, isPrivate: Bool) throws(JWTError) -> EVPKey {
        do throws(JWTError) {
            try unsafe requireNamedP256(pkey)
            if !isPrivate,
                let form = unsafe utf8Parameter(OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, of: pkey),
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
            try unsafe check(pkey, isPrivate: isPrivate)
        } catch {
            unsafe EVP_PKEY_free(pkey)
            throw error
        }
        return try unsafe EVPKey(taking: pkey, hasPrivateKey: isPrivate)
    }

    /// Throws unless `pkey` is an EC key on the named curve P-256 (explicit curve parameters are refused).
    private static func requireNamedP256(_ pkey: OpaquePointer) throws(JWTError) {
        if let error = unsafe unsupportedTypeOrCurve(pkey) {
            throw error
        }
        let encoding = unsafe utf8Parameter(OSSL_PKEY_PARAM_EC_ENCODING, of: pkey)
        guard encoding == nil || encoding == "named_curve" else {
            throw .unsupportedKey(
                "the key spells out explicit curve parameters; only the named curve P-256 (prime256v1) is supported"
            )
        }
    }

    /// An error naming the key's type or curve if it is not EC P-256, nil if it is.
    private static func unsupportedTypeOrCurve(_ pkey: OpaquePointer) -> JWTError? {
        guard unsafe EVP_PKEY_is_a(pkey, "EC") == 1 else {
            let typeName = unsafe EVP_PKEY_get0_type_name(pkey).map { unsafe String(cString: $0) } ?? "unknown"
            return .unsupportedKey("the key type is \(typeName); ES256 needs an EC key on P-256")
        }
        guard let group = unsafe utf8Parameter(OSSL_PKEY_PARAM_GROUP_NAME, of: pkey) else {
            OpenSSLErrorQueue.clear()
            return .unsupportedKey(
                "the key's curve has no name (explicit parameters); only the named curve P-256 is supported"
            )
        }
        guard group == curveName || group == "P-256" else {
            return .unsupportedKey("the key is on curve \(group); ES256 needs P-256 (prime256v1)")
        }
        return nil
    }

    /// A UTF-8 string parameter of `pkey`, or nil if it has none. Wraps `EVP_PKEY_get_utf8_string_param`.
    private static func utf8Parameter(_ name: String, of pkey: OpaquePointer) -> String? {
        unsafe withUnsafeTemporaryAllocation(of: CChar.self, capacity: 80) { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var length = 0
            guard unsafe EVP_PKEY_get_utf8_string_param(pkey, name, base, buffer.count, &length) == 1 else {
                return nil
            }
            return unsafe String(cString: base)
        }
    }

    /// OpenSSL's own validation. For P-256 (cofactor 1) the quick public check is complete: it rejects the point at
    /// infinity, coordinates not below p and points off the curve; the full check would only add n·Q = O, which
    /// every point on a prime-order curve satisfies. The pairwise check of a private key also checks 0 < d < n
    /// and d·G = Q.
    private static func check(_ pkey: OpaquePointer, isPrivate: Bool) throws(JWTError) {
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
                throw OpenSSLErrorQueue.failure(.invalidKey, "the public point is not a valid P-256 point")
            }
        }
    }
}
