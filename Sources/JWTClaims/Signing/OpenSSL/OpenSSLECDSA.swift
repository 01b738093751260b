internal import COpenSSL

/// ECDSA P-256 with SHA-256 through OpenSSL 3's `EVP_PKEY_sign` / `EVP_PKEY_verify`, converting between JOSE's raw
/// `R || S` and the DER `ECDSA-Sig-Value` that OpenSSL speaks.
///
/// The hot path allocates nothing in Swift: the digest and the DER signature live in one stack scratch buffer, the
/// signature value is inline, and the `EVP_PKEY_CTX` comes from the key's pool already initialised. (Measured on
/// OpenSSL 3.0, setting the context up per call, as `EVP_DigestSign` does, costs about a fifth of the throughput.)
enum OpenSSLECDSA {
    /// Largest DER `ECDSA-Sig-Value` for P-256: SEQUENCE header (2) + 2 × INTEGER (2 + 33).
    private static let maximumDERByteCount = ECDSASignatureDER.maximumByteCount
    /// Scratch layout: the digest first, then room for the DER signature.
    private static let scratchByteCount = SHA256.byteCount + maximumDERByteCount

    /// Signs SHA-256(`message`) with `key` (any byte collection; contiguous ones are not copied).
    static func signature(for message: some Collection<UInt8>, with key: EVPKey) throws(JWTError) -> ES256.Signature {
        try unsafe withContiguousBytes(of: message) { (bytes) throws(JWTError) in
            try unsafe signature(forRawBytes: bytes, with: key)
        }
    }

    /// Whether `signature` verifies over `message` (any byte collection; contiguous ones are not copied) under
    /// `key`; see ``isValid(_:forRawBytes:with:)``.
    static func isValid(_ signature: ES256.Signature, for message: some Collection<UInt8>, with key: EVPKey) -> Bool {
        let outcome = try? unsafe withContiguousBytes(of: message) { (bytes) throws(JWTError) in
            unsafe isValid(signature, forRawBytes: bytes, with: key)
        }
        return outcome ?? false
    }

    /// Signs SHA-256(`message`) with `key`, which must hold a private scalar.
    /// Wraps `EVP_Digest` and `EVP_PKEY_sign`; the DER result is read by ``ECDSASignatureDER``.
    private static func signature(
        forRawBytes message: UnsafeRawBufferPointer,
        with key: EVPKey
    ) throws(JWTError) -> ES256.Signature {
        guard key.hasPrivateKey else {
            throw .invalidKey("this key has no private scalar, so it cannot sign")
        }
        OpenSSLErrorQueue.clear()
        return try unsafe withUnsafeTemporaryAllocation(byteCount: scratchByteCount, alignment: 8) {
            (scratch: UnsafeMutableRawBufferPointer) throws(JWTError) -> ES256.Signature in
            let digest = unsafe UnsafeMutableRawBufferPointer(rebasing: scratch[0..<SHA256.byteCount])
            let der = unsafe UnsafeMutableRawBufferPointer(rebasing: scratch[SHA256.byteCount...])
            try unsafe OpenSSLDigest.sha256.hash(message, into: digest)
            let derLength = try unsafe key.signingContexts.withContext(make: { () throws(JWTError) in
                try unsafe makeContext(for: key, signing: true)
            }) { (context: OpaquePointer) -> Result<Int, JWTError> in
                var length = der.count
                let status = unsafe EVP_PKEY_sign(
                    context,
                    der.baseAddress?.assumingMemoryBound(to: UInt8.self),
                    &length,
                    digest.baseAddress?.assumingMemoryBound(to: UInt8.self),
                    digest.count
                )
                guard status == 1 else {
                    return .failure(OpenSSLErrorQueue.failure(.cryptographicFailure, "ECDSA signing failed"))
                }
                return .success(length)
            }
            return try unsafe rawSignature(fromDER: UnsafeRawBufferPointer(rebasing: der[0..<derLength]))
        }
    }

    /// Whether `signature` is a valid ES256 signature of `message` under `key`.
    ///
    /// r and s must lie in [1, n-1]; that is checked here, before OpenSSL sees them (CVE-2022-21449, "psychic
    /// signatures", was a verifier that skipped it). High-S values are accepted: JOSE does not require low-S.
    /// Any internal failure answers `false`. The DER for OpenSSL is written by ``ECDSASignatureDER`` (no
    /// allocation). Wraps `EVP_Digest` and `EVP_PKEY_verify`.
    private static func isValid(
        _ signature: ES256.Signature,
        forRawBytes message: UnsafeRawBufferPointer,
        with key: EVPKey
    ) -> Bool {
        unsafe signature.withUnsafeRawBytes { raw in
            let r = unsafe UnsafeRawBufferPointer(rebasing: raw[0..<P256.scalarByteCount])
            let s = unsafe UnsafeRawBufferPointer(rebasing: raw[P256.scalarByteCount...])
            guard unsafe P256.isScalarInRange(r) && P256.isScalarInRange(s) else { return false }
            OpenSSLErrorQueue.clear()
            do {
                return try unsafe withUnsafeTemporaryAllocation(byteCount: scratchByteCount, alignment: 8) {
                    (scratch: UnsafeMutableRawBufferPointer) throws(JWTError) -> Bool in
                    let digest = unsafe UnsafeMutableRawBufferPointer(
                        rebasing: scratch[0..<SHA256.byteCount]
                    )
                    let der = unsafe UnsafeMutableRawBufferPointer(rebasing: scratch[SHA256.byteCount...])
                    guard let derLength = unsafe ECDSASignatureDER.encode(r: r, s: s, into: der) else {
                        throw .cryptographicFailure("could not DER-encode an ECDSA signature")
                    }
                    try unsafe OpenSSLDigest.sha256.hash(message, into: digest)
                    return try unsafe key.verifyingContexts.withContext(make: { () throws(JWTError) in
                        try unsafe makeContext(for: key, signing: false)
                    }) { (context: OpaquePointer) -> Result<Bool, JWTError> in
                        let status = unsafe EVP_PKEY_verify(
                            context,
                            der.baseAddress?.assumingMemoryBound(to: UInt8.self),
                            derLength,
                            digest.baseAddress?.assumingMemoryBound(to: UInt8.self),
                            digest.count
                        )
                        // 1: valid; 0: a wrong signature (not a fault, the context stays good); < 0: a fault.
                        switch status {
                        case 1: return .success(true)
                        case 0: return .success(false)
                        default:
                            return .failure(OpenSSLErrorQueue.failure(.cryptographicFailure, "ECDSA verify failed"))
                        }
                    }
                }
            } catch {
                return false
            }
        }
    }

    /// A new context for `key`, initialised for signing or verifying SHA-256 digests.
    /// Wraps `EVP_PKEY_CTX_new_from_pkey`, `EVP_PKEY_sign_init` / `EVP_PKEY_verify_init` and
    /// `EVP_PKEY_CTX_set_signature_md` (which makes OpenSSL insist on a 32-byte digest).
    private static func makeContext(for key: EVPKey, signing: Bool) throws(JWTError) -> OpaquePointer {
        let context = unsafe key.withUnsafeEVPPKey { pkey in
            unsafe EVP_PKEY_CTX_new_from_pkey(nil, pkey, nil)
        }
        guard let context = unsafe context else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not create an EVP_PKEY_CTX")
        }
        let initStatus = unsafe signing ? EVP_PKEY_sign_init(context) : EVP_PKEY_verify_init(context)
        guard initStatus == 1 else {
            unsafe EVP_PKEY_CTX_free(context)
            throw OpenSSLErrorQueue.failure(
                .cryptographicFailure,
                signing ? "could not initialise ECDSA signing" : "could not initialise ECDSA verification"
            )
        }
        do {
            try unsafe OpenSSLDigest.sha256.withUnsafeMethod { (method: OpaquePointer) throws(JWTError) in
                guard unsafe EVP_PKEY_CTX_set_signature_md(context, method) == 1 else {
                    throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not select SHA-256 for ECDSA")
                }
            }
        } catch {
            unsafe EVP_PKEY_CTX_free(context)
            throw error
        }
        return unsafe context
    }

    /// The raw `R || S` form of the DER `ECDSA-Sig-Value` OpenSSL produced, read by ``ECDSASignatureDER``.
    private static func rawSignature(fromDER der: UnsafeRawBufferPointer) throws(JWTError) -> ES256.Signature {
        var result = ES256.Signature(uncheckedZero: ())
        let isRead = unsafe result.withUnsafeMutableRawBytes { raw in unsafe ECDSASignatureDER.decode(der, into: raw) }
        guard isRead else {
            throw .cryptographicFailure(
                "OpenSSL produced an ECDSA signature that is not a DER pair of 32-byte integers"
            )
        }
        return result
    }
}
