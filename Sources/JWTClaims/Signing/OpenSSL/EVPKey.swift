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
    /// Whether the key holds a private scalar (so it can sign).
    let hasPrivateKey: Bool
    /// The public point as 65 bytes `04 || X || Y`, read once at import.
    let uncompressedPoint: [UInt8]
    /// Contexts initialised with `EVP_PKEY_sign_init`, ready to sign a SHA-256 digest.
    let signingContexts: OpenSSLContextPool
    /// Contexts initialised with `EVP_PKEY_verify_init`, ready to verify a signature over a SHA-256 digest.
    let verifyingContexts: OpenSSLContextPool

    /// Takes ownership of `pointer` (a validated P-256 key). On failure the pointer is freed before throwing.
    init(taking pointer: OpaquePointer, hasPrivateKey: Bool) throws(JWTError) {
        let point: [UInt8]
        do {
            point = try unsafe Self.readUncompressedPoint(of: pointer)
        } catch {
            unsafe EVP_PKEY_free(pointer)
            throw error
        }
        unsafe self.pointer = pointer
        self.hasPrivateKey = hasPrivateKey
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
}
