internal import COpenSSL

/// Owns one OpenSSL `EVP_PKEY` holding a P-256 key, public or private, and the signing and verifying contexts made
/// from it.
///
/// The pointer is freed exactly once, in `deinit`, and never leaves `Signing/OpenSSL/`: other code reaches it only
/// inside ``withUnsafeEVPPKey(_:)``.
///
/// `@unchecked Sendable` because openssl-threads(7) allows an `EVP_PKEY` to be used from many threads at once as
/// long as nobody modifies it: this object is fully configured in `init` (imported, validated) and never mutated
/// after, so it is shared read-only. The per-operation state that OpenSSL does mutate lives in `EVP_PKEY_CTX`s,
/// which are never used by two threads at once: each call takes one from a pool (guarded by a `Mutex`) and gives
/// it back when done.
@safe final class EVPKey: @unchecked Sendable {
    /// The owned `EVP_PKEY*`.
    private let pointer: OpaquePointer
    /// The private scalar, read once at import; nil for a public key.
    let privateScalar: PrivateScalar?
    /// The public point as 65 bytes `04 || X || Y`, read once at import.
    let uncompressedPoint: [UInt8]
    /// Contexts initialised with `EVP_PKEY_sign_init`, ready to sign a SHA-256 digest.
    let signingContexts: OpenSSLContextPool
    /// Contexts initialised with `EVP_PKEY_verify_init`, ready to verify a signature over a SHA-256 digest.
    let verifyingContexts: OpenSSLContextPool

    /// Takes ownership of `pointer` (a validated P-256 key) and reads its public point and, when `hasPrivateKey`,
    /// its private scalar, so that exporting the key never has to ask OpenSSL again. On failure the pointer is freed
    /// before throwing.
    init(taking pointer: OpaquePointer, hasPrivateKey: Bool) throws(JWTError) {
        let point: [UInt8]
        let scalar: PrivateScalar?
        do {
            point = try unsafe Self.readUncompressedPoint(of: pointer)
            scalar = hasPrivateKey ? try unsafe Self.readPrivateScalar(of: pointer) : nil
        } catch {
            unsafe EVP_PKEY_free(pointer)
            throw error
        }
        unsafe self.pointer = pointer
        self.privateScalar = scalar
        self.uncompressedPoint = point
        self.signingContexts = OpenSSLContextPool()
        self.verifyingContexts = OpenSSLContextPool()
    }

    deinit {
        // The contexts hold their own reference to the key; free them first so the key goes last.
        signingContexts.freeAll()
        verifyingContexts.freeAll()
        unsafe EVP_PKEY_free(pointer)
    }

    /// Whether the key holds a private scalar (so it can sign).
    var hasPrivateKey: Bool {
        privateScalar != nil
    }

    /// Runs `body` with the `EVP_PKEY*`. The pointer must not escape `body` and must not be used to modify the key.
    func withUnsafeEVPPKey<Result, Failure: Error>(
        _ body: (OpaquePointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try unsafe body(pointer)
    }

    /// Reads the encoded public point and insists on the 65-byte uncompressed form.
    /// Wraps `EVP_PKEY_get_octet_string_param(OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY)`.
    private static func readUncompressedPoint(of pointer: OpaquePointer) throws(JWTError) -> [UInt8] {
        var point = [UInt8](repeating: 0, count: P256.uncompressedPointByteCount)
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
        guard length == P256.uncompressedPointByteCount, point[0] == 0x04 else {
            throw .unsupportedKey(
                "compressed or hybrid points are not supported: JOSE keys carry both coordinates x and y"
            )
        }
        return point
    }

    /// Reads the private scalar d, 32 bytes big-endian, straight into its owner.
    /// Wraps `EVP_PKEY_get_bn_param(OSSL_PKEY_PARAM_PRIV_KEY)`, `BN_bn2binpad` and `BN_clear_free`.
    private static func readPrivateScalar(of pointer: OpaquePointer) throws(JWTError) -> PrivateScalar {
        OpenSSLErrorQueue.clear()
        var number: OpaquePointer?
        defer { unsafe BN_clear_free(number) }
        guard unsafe EVP_PKEY_get_bn_param(pointer, OSSL_PKEY_PARAM_PRIV_KEY, &number) == 1 else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not read the private scalar")
        }
        return try unsafe PrivateScalar { (output) throws(JWTError) in
            let base = unsafe output.baseAddress?.assumingMemoryBound(to: UInt8.self)
            let length = Int32(output.count)
            // BN_bn2binpad left-pads with zeros and fails (-1) if the number needs more than 32 bytes.
            guard unsafe BN_bn2binpad(number, base, length) == length else {
                throw OpenSSLErrorQueue.failure(.cryptographicFailure, "the private scalar does not fit 32 bytes")
            }
        }
    }
}
