internal import COpenSSL

/// Owns one OpenSSL `EVP_PKEY` (an EC, Ed25519 or RSA key, public or private) and the signing and verifying contexts
/// made from it.
///
/// The pointer is freed exactly once, in `deinit`, and never leaves `Signing/OpenSSL/`: other code reaches it only
/// inside ``withUnsafeEVPPKey(_:)``. What a key's exports need (an EC point and scalar, RSA components, an Ed25519
/// seed) is read once at import by the code that made the key and held beside it, so exporting never asks OpenSSL
/// again.
///
/// `@unchecked Sendable` because openssl-threads(7) allows an `EVP_PKEY` to be used from many threads at once as
/// long as nobody modifies it: this object is fully configured before it is made (imported, validated) and never
/// mutated after, so it is shared read-only. The per-operation state that OpenSSL does mutate lives in contexts,
/// which are never used by two threads at once: each call takes one from a pool (guarded by a `Mutex`) and gives
/// it back when done.
@safe final class EVPKey: @unchecked Sendable {
    /// The owned `EVP_PKEY*`.
    private let pointer: OpaquePointer
    /// Whether the key holds its private part (so it can sign).
    let hasPrivateKey: Bool
    /// Contexts initialised for signing with the key's one algorithm.
    let signingContexts: OpenSSLContextPool
    /// Contexts initialised for verifying with the key's one algorithm.
    let verifyingContexts: OpenSSLContextPool

    /// Takes ownership of `pointer`, a validated key.
    init(taking pointer: OpaquePointer, hasPrivateKey: Bool) {
        unsafe self.pointer = pointer
        self.hasPrivateKey = hasPrivateKey
        self.signingContexts = OpenSSLContextPool(kind: .key)
        self.verifyingContexts = OpenSSLContextPool(kind: .key)
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
}
