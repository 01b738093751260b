internal import COpenSSL

/// ECDSA on a NIST curve through OpenSSL 3's `EVP_PKEY_sign` / `EVP_PKEY_verify`, with the curve's JOSE hash
/// (SHA-256, SHA-384, SHA-512), converting between JOSE's raw `R || S` and the DER `ECDSA-Sig-Value` that OpenSSL
/// speaks.
///
/// The hot path allocates nothing in Swift: the digest and the DER signature live in one stack scratch buffer, the
/// raw signature is written where the caller keeps it, and the `EVP_PKEY_CTX` comes from the key's pool already
/// initialised. (Measured on OpenSSL 3.0, setting the context up per call, as `EVP_DigestSign` does, costs about a
/// fifth of the throughput.)
enum OpenSSLECDSA {
    /// Scratch layout: the digest first (at most 64 bytes), then room for the DER signature.
    private static let digestRoom = 64
    private static let scratchByteCount = digestRoom + ECDSASignatureDER.maximumByteCount

    /// Signs the curve's hash of `message` with `key`, which must hold a private scalar, writing the raw `R || S`
    /// into `raw` (``ECCurve/signatureByteCount`` bytes).
    /// Wraps `EVP_Digest` and `EVP_PKEY_sign`; the DER result is read by ``ECDSASignatureDER``.
    static func sign(
        _ message: UnsafeRawBufferPointer,
        with key: EVPKey,
        curve: ECCurve,
        into raw: UnsafeMutableRawBufferPointer
    ) throws(JWTError) {
        guard key.hasPrivateKey else {
            throw .invalidKey("this key has no private scalar, so it cannot sign")
        }
        guard raw.count == curve.signatureByteCount else {
            throw .cryptographicFailure(
                "a \(curve.algorithm) signature needs \(curve.signatureByteCount) bytes of room"
            )
        }
        let digester = OpenSSLDigest.of(curve.digest)
        OpenSSLErrorQueue.clear()
        try unsafe withUnsafeTemporaryAllocation(byteCount: scratchByteCount, alignment: 8) {
            (scratch: UnsafeMutableRawBufferPointer) throws(JWTError) in
            let digest = unsafe UnsafeMutableRawBufferPointer(rebasing: scratch[0..<curve.digest.byteCount])
            let der = unsafe UnsafeMutableRawBufferPointer(rebasing: scratch[digestRoom...])
            try unsafe digester.hash(message, into: digest)
            let derLength = try unsafe key.signingContexts.withContext(make: { () throws(JWTError) in
                try unsafe makeContext(for: key, digest: digester, signing: true)
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
            let isRead = unsafe ECDSASignatureDER.decode(
                UnsafeRawBufferPointer(rebasing: der[0..<derLength]),
                into: raw
            )
            guard isRead else {
                throw .cryptographicFailure(
                    "OpenSSL produced an ECDSA signature that is not a DER pair of \(curve.scalarByteCount)-byte "
                        + "integers"
                )
            }
        }
    }

    /// Whether the raw `R || S` signature `raw` verifies over `message` under `key` on `curve`.
    ///
    /// r and s must lie in [1, n-1]; that is checked here, before OpenSSL sees them (CVE-2022-21449, "psychic
    /// signatures", was a verifier that skipped it). High-S values are accepted: JOSE does not require low-S.
    /// Any internal failure, and a signature of the wrong length, answers `false`. The DER for OpenSSL is written by
    /// ``ECDSASignatureDER`` (no allocation). Wraps `EVP_Digest` and `EVP_PKEY_verify`.
    static func isValid(
        _ raw: UnsafeRawBufferPointer,
        for message: UnsafeRawBufferPointer,
        with key: EVPKey,
        curve: ECCurve
    ) -> Bool {
        let width = curve.scalarByteCount
        guard raw.count == curve.signatureByteCount else { return false }
        let r = unsafe UnsafeRawBufferPointer(rebasing: raw[0..<width])
        let s = unsafe UnsafeRawBufferPointer(rebasing: raw[width...])
        guard unsafe curve.isScalarInRange(r) && curve.isScalarInRange(s) else { return false }
        let digester = OpenSSLDigest.of(curve.digest)
        OpenSSLErrorQueue.clear()
        do {
            return try unsafe withUnsafeTemporaryAllocation(byteCount: scratchByteCount, alignment: 8) {
                (scratch: UnsafeMutableRawBufferPointer) throws(JWTError) -> Bool in
                let digest = unsafe UnsafeMutableRawBufferPointer(rebasing: scratch[0..<curve.digest.byteCount])
                let der = unsafe UnsafeMutableRawBufferPointer(rebasing: scratch[digestRoom...])
                guard let derLength = unsafe ECDSASignatureDER.encode(r: r, s: s, into: der) else {
                    throw .cryptographicFailure("could not DER-encode an ECDSA signature")
                }
                try unsafe digester.hash(message, into: digest)
                return try unsafe key.verifyingContexts.withContext(make: { () throws(JWTError) in
                    try unsafe makeContext(for: key, digest: digester, signing: false)
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

    /// A new context for `key`, initialised for signing or verifying digests of `digest`.
    /// Wraps `EVP_PKEY_CTX_new_from_pkey`, `EVP_PKEY_sign_init` / `EVP_PKEY_verify_init` and
    /// `EVP_PKEY_CTX_set_signature_md` (which makes OpenSSL insist on a digest of that hash's length).
    private static func makeContext(
        for key: EVPKey,
        digest: OpenSSLDigest,
        signing: Bool
    ) throws(JWTError) -> OpaquePointer {
        let context = try unsafe OpenSSLSignatureContext.make(for: key, signing: signing, algorithm: "ECDSA")
        do {
            try unsafe digest.withUnsafeMethod { (method: OpaquePointer) throws(JWTError) in
                guard unsafe EVP_PKEY_CTX_set_signature_md(context, method) == 1 else {
                    throw OpenSSLErrorQueue.failure(
                        .cryptographicFailure,
                        "could not select \(digest.digest.name) for ECDSA"
                    )
                }
            }
        } catch {
            unsafe EVP_PKEY_CTX_free(context)
            throw error
        }
        return unsafe context
    }
}
